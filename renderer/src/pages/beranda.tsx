import { formatAngka } from '../../../main/common/format';
import { invoke } from '../api';
import { useStatus } from '../app-context';
import { useLoad } from '../components/ui';

export function BerandaPage() {
  const { status } = useStatus();
  const { data } = useLoad(() => invoke('app.statistik', {}), []);
  const cards = [
    { label: 'Fasilitator', value: data?.tabel.fasilitator, href: '#/fasilitator' },
    { label: 'Kelompok binaan', value: data?.tabel.kelompok, href: '#/kelompok' },
    { label: 'Anggota', value: data?.tabel.anggota, href: '#/anggota' },
  ];
  return (
    <section aria-labelledby="judul-beranda">
      <h1 id="judul-beranda">Beranda</h1>
      <p>
        {status.pengaturan.nama_instansi} · Program Peti Koin Bermantra
      </p>
      <ul className="cards">
        {cards.map((c) => (
          <li key={c.label}>
            <a href={c.href}>
              <span className="card-value">{c.value === undefined ? '…' : formatAngka(c.value)}</span>
              <span className="card-label">{c.label}</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="muted">
        Basis data: {status.dbFile} · versi aplikasi {status.versi}, skema {status.skema}
      </p>
    </section>
  );
}
