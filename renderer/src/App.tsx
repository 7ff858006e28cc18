import { useEffect, useState } from 'react';
import { invoke } from './api';
import { StatusContext } from './app-context';
import { useLoad } from './components/ui';
import { AnggotaPage } from './pages/anggota/anggota';
import { BerandaPage } from './pages/beranda/beranda';
import { FasilitatorPage } from './pages/fasilitator/fasilitator';
import { KelompokPage } from './pages/kelompok/kelompok';
import { LaporanPage } from './pages/laporan/laporan';
import { ProposalPage } from './pages/proposal/proposal';
import { DtsenPage } from './pages/dtsen/dtsen';
import { MitraPage } from './pages/mitra/mitra';
import { MonevPage } from './pages/monev/monev';
import { SinkronPage } from './pages/sinkron/sinkron';
import { PengaturanPage } from './pages/pengaturan/pengaturan';
import { KembaliKeBerkas } from './pages/pengaturan/server';
import { SetupPage } from './pages/pengaturan/setup';
import { PanduanPage } from './pages/pengaturan/panduan';
import { DefinisiPage } from './pages/definisi/definisi';
import { SitusPage } from './pages/situs/situs';
import { PenjagaHalaman } from './components/penjaga';

const PAGES = [
  { id: 'beranda', label: 'Beranda', Page: BerandaPage },
  { id: 'fasilitator', label: 'Fasilitator', Page: FasilitatorPage },
  { id: 'kelompok', label: 'Kelompok binaan', Page: KelompokPage },
  { id: 'anggota', label: 'Anggota', Page: AnggotaPage },
  { id: 'laporan', label: 'Laporan bulanan', Page: LaporanPage },
  { id: 'monev', label: 'E-monev', Page: MonevPage },
  { id: 'proposal', label: 'Proposal usaha', Page: ProposalPage },
  { id: 'dtsen', label: 'DTKS / DT-SEN', Page: DtsenPage },
  { id: 'mitra', label: 'Mitra & offtaker', Page: MitraPage },
  { id: 'sinkron', label: 'Sinkronisasi', Page: SinkronPage },
  { id: 'situs', label: 'Situs web', Page: SitusPage },
  { id: 'pengaturan', label: 'Pengaturan', Page: PengaturanPage },
  { id: 'definisi', label: 'Definisi angka', Page: DefinisiPage },
  { id: 'panduan', label: 'Panduan', Page: PanduanPage },
] as const;
type PageId = (typeof PAGES)[number]['id'];

function currentPage(): PageId {
  const id = location.hash.replace(/^#\/?/, '').split('?')[0];
  return (PAGES.find((p) => p.id === id)?.id ?? 'beranda') as PageId;
}

export function App() {
  const { data: status, error, reload } = useLoad(() => invoke('app.status', {}), []);
  const [page, setPage] = useState<PageId>(currentPage);
  useEffect(() => {
    const onHash = () => setPage(currentPage());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (error) {
    return (
      <main className="center">
        <h1>Bermantra</h1>
        <p role="alert">{error}</p>
        <button type="button" onClick={reload}>
          Coba lagi
        </button>
        <KembaliKeBerkas />
      </main>
    );
  }
  if (!status) return <main className="center" aria-busy="true">Memuat…</main>;
  if (!status.siap) return <SetupPage onDone={reload} />;

  const active = PAGES.find((p) => p.id === page)!;
  return (
    <StatusContext.Provider value={{ status, reload }}>
      <div className="shell">
        <header className="topbar">
          <div className="brand">
            <strong>Bermantra</strong>
            <span>{status.pengaturan.kabupaten_nama}</span>
          </div>
          <div className="who">Operator: {status.pengaturan.operator}</div>
        </header>
        <nav className="sidenav" aria-label="Menu utama">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <a href={`#/${p.id}`} aria-current={p.id === page ? 'page' : undefined}>
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content">
          {!status.integritas.ok && (
            <div className="notice notice-error" role="alert">
              Pemeriksaan basis data menemukan kerusakan ({status.integritas.pesan.slice(0, 2).join('; ')}). Pulihkan dari cadangan di menu Pengaturan.
            </div>
          )}
          <PenjagaHalaman key={active.id} nama={active.label}>
            <active.Page />
          </PenjagaHalaman>
        </main>
      </div>
    </StatusContext.Provider>
  );
}
