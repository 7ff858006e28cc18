import type { Dashboard } from '../api';
import { formatAngka, formatDesimal, formatPeriode, formatRupiah, BULAN } from '../format';
import { PETA_JATIM, WILAYAH_PETA, type OpsiGrafik } from './echarts';

// Every chart of the dashboard, defined once: a pure function from dashboard figures to ECharts options plus the
// table of the same numbers ("Lihat angka"). The app's window, the public website and documents draw from these.

export interface Grafik {
  id: string;
  judul: string;
  opsi: OpsiGrafik;
  /** The numbers behind the chart, formatted: first row the column headers. */
  tabel: string[][];
  kosong: boolean;
}

const BIRU = '#0b4f8a';
const EMAS = '#b7791f';
const HURUF = { fontFamily: 'DejaVu Sans, Arial, sans-serif', fontSize: 12, color: '#222' };

/** Short money for axes: "Rp1,2 jt", "Rp350 rb", "Rp2,5 M". */
export function formatRupiahRingkas(n: number): string {
  const a = Math.abs(n);
  const s = n < 0 ? '-' : '';
  if (a >= 1e12) return `${s}Rp${formatDesimal(a / 1e12, 1)} T`;
  if (a >= 1e9) return `${s}Rp${formatDesimal(a / 1e9, 1)} M`;
  if (a >= 1e6) return `${s}Rp${formatDesimal(a / 1e6, 1)} jt`;
  if (a >= 1e3) return `${s}Rp${formatDesimal(a / 1e3, 1)} rb`;
  return `${s}Rp${formatAngka(a)}`;
}

/** "2026-03" → "Mar 26". */
export function periodeSingkat(p: string): string {
  return `${(BULAN[Number(p.slice(5, 7)) - 1] ?? '').slice(0, 3)} ${p.slice(2, 4)}`;
}

const kosongOpsi = (): OpsiGrafik => ({
  textStyle: HURUF,
  title: { text: 'Belum ada data', left: 'center', top: 'middle', textStyle: { ...HURUF, fontSize: 14, fontWeight: 'normal', color: '#666' } },
});

const dasar = (opsi: OpsiGrafik, label: string): OpsiGrafik => ({ textStyle: HURUF, aria: { enabled: true, label: { description: label } }, animation: false, ...opsi });

interface Titik {
  label: string;
  nilai: number;
  warna?: string;
}

/** Horizontal bars: long names (facilitators, sectors, kinds of buyer) stay readable. */
function batangMendatar(id: string, judul: string, data: Titik[], format: (n: number) => string, kolomNilai: string, kolomLabel: string, formatSumbu = format, bulat = false): Grafik {
  const tabel = [[kolomLabel, kolomNilai], ...data.map((d) => [d.label, format(d.nilai)])];
  if (!data.length || data.every((d) => !d.nilai)) return { id, judul, opsi: kosongOpsi(), tabel, kosong: true };
  const urut = [...data].reverse();
  return {
    id,
    judul,
    kosong: false,
    tabel,
    opsi: dasar(
      {
        // Text is measured without fonts when drawn to SVG on the server: a margin keeps long names inside.
        grid: { left: 24, right: 24, top: 12, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => format(Number(v)) },
        xAxis: { type: 'value', ...(bulat ? { minInterval: 1 } : {}), axisLabel: { formatter: (v: number) => formatSumbu(v), hideOverlap: true } },
        yAxis: { type: 'category', data: urut.map((d) => d.label), axisLabel: { width: 140, overflow: 'truncate' } },
        series: [{ type: 'bar', name: kolomNilai, data: urut.map((d) => ({ value: d.nilai, itemStyle: { color: d.warna ?? BIRU } })), barMaxWidth: 22 }],
      },
      `${judul}: ${data.map((d) => `${d.label} ${format(d.nilai)}`).join('; ')}`,
    ),
  };
}

export function grafikOmzet(d: Pick<Dashboard, 'seri_omzet'>): Grafik {
  const judul = 'Omzet dan laba per bulan (24 bulan)';
  // A month with no report counted is a gap ("belum ada laporan"), never a fall to Rp0.
  const tabel = [['Bulan', 'Omzet', 'Laba'], ...d.seri_omzet.map((s) => (s.ada_laporan ? [formatPeriode(s.periode), formatRupiah(s.omzet), formatRupiah(s.laba)] : [formatPeriode(s.periode), 'belum ada laporan', '–']))];
  if (d.seri_omzet.every((s) => !s.omzet)) return { id: 'omzet', judul, opsi: kosongOpsi(), tabel, kosong: true };
  return {
    id: 'omzet',
    judul,
    tabel,
    kosong: false,
    opsi: dasar(
      {
        color: [BIRU, EMAS],
        legend: { top: 0, textStyle: HURUF },
        grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatRupiah(Number(v)) },
        xAxis: { type: 'category', data: d.seri_omzet.map((s) => periodeSingkat(s.periode)), axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatRupiahRingkas(v) } },
        series: [
          { type: 'line', name: 'Omzet', data: d.seri_omzet.map((s) => (s.ada_laporan ? s.omzet : null)), symbolSize: 5, connectNulls: false },
          { type: 'line', name: 'Laba', data: d.seri_omzet.map((s) => (s.ada_laporan ? s.laba : null)), symbolSize: 5, lineStyle: { type: 'dashed' }, connectNulls: false },
        ],
      },
      `${judul}. Bulan terakhir ${formatPeriode(d.seri_omzet.at(-1)?.periode ?? '')}: omzet ${formatRupiah(d.seri_omzet.at(-1)?.omzet ?? 0)}.`,
    ),
  };
}

export function grafikDesil(d: Pick<Dashboard, 'desil'>): Grafik {
  const judul = 'Sebaran desil anggota (DT-SEN)';
  const data = d.desil.map((n, i) => ({ label: `Desil ${i + 1}`, nilai: n }));
  const tabel = [['Desil', 'Anggota'], ...data.map((x) => [x.label, formatAngka(x.nilai)])];
  if (data.every((x) => !x.nilai)) return { id: 'desil', judul, opsi: kosongOpsi(), tabel, kosong: true };
  return {
    id: 'desil',
    judul,
    tabel,
    kosong: false,
    opsi: dasar(
      {
        grid: { left: 8, right: 16, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${formatAngka(Number(v))} orang` },
        xAxis: { type: 'category', data: data.map((_, i) => String(i + 1)), name: 'Desil', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatAngka(v) } },
        series: [{ type: 'bar', name: 'Anggota', data: data.map((x, i) => ({ value: x.nilai, itemStyle: { color: i < 4 ? BIRU : EMAS } })), barMaxWidth: 28 }],
      },
      `${judul}: ${data.map((x) => `${x.label} ${formatAngka(x.nilai)}`).join('; ')}. Desil 1–4 berwarna biru.`,
    ),
  };
}

/**
 * Reporting compliance per facilitator; at the province, where facilitators of several districts meet, per
 * kabupaten/kota first (choosing a district in the filter shows its facilitators), and the numbers table names
 * each facilitator with the district.
 */
export function grafikKepatuhanFasilitator(d: Pick<Dashboard, 'kepatuhan_fasilitator'>): Grafik {
  const kabupaten = [...new Set(d.kepatuhan_fasilitator.map((f) => f.kabupaten_nama))];
  if (kabupaten.length > 1) {
    const per = kabupaten.map((k) => {
      const fs = d.kepatuhan_fasilitator.filter((f) => f.kabupaten_nama === k);
      const diharapkan = fs.reduce((a, f) => a + f.diharapkan, 0);
      const masuk = fs.reduce((a, f) => a + f.masuk, 0);
      return { label: k, nilai: diharapkan ? Math.round((masuk / diharapkan) * 1000) / 10 : 0, fasilitator: fs.length };
    });
    const g = batangMendatar(
      'kepatuhan-fasilitator',
      'Kepatuhan pelaporan per kabupaten/kota (pilih kabupaten/kota di atas untuk per fasilitator)',
      per.map((p) => ({ label: p.label, nilai: p.nilai, warna: p.nilai >= 80 ? BIRU : EMAS })),
      (n) => `${formatDesimal(n, 1)}%`,
      'Kepatuhan',
      'Kabupaten/kota',
    );
    if (!g.kosong) (g.opsi as { xAxis: Record<string, unknown> }).xAxis.max = 100;
    g.tabel = [['Kabupaten/kota', 'Fasilitator', 'Laporan diharapkan', 'Laporan masuk', 'Kepatuhan'], ...[...d.kepatuhan_fasilitator].sort((a, b) => a.kabupaten_nama.localeCompare(b.kabupaten_nama) || a.nama.localeCompare(b.nama)).map((f) => [f.kabupaten_nama, f.nama, formatAngka(f.diharapkan), formatAngka(f.masuk), `${formatDesimal(f.persen, 1)}%`])];
    return g;
  }
  const g = batangMendatar(
    'kepatuhan-fasilitator',
    'Kepatuhan pelaporan per fasilitator',
    d.kepatuhan_fasilitator.map((f) => ({ label: f.nama, nilai: f.persen, warna: f.persen >= 80 ? BIRU : EMAS })),
    (n) => `${formatDesimal(n, 1)}%`,
    'Kepatuhan',
    'Fasilitator',
  );
  if (!g.kosong) (g.opsi as { xAxis: Record<string, unknown> }).xAxis.max = 100;
  g.tabel = [['Fasilitator', 'Laporan diharapkan', 'Laporan masuk', 'Kepatuhan'], ...d.kepatuhan_fasilitator.map((f) => [f.nama, formatAngka(f.diharapkan), formatAngka(f.masuk), `${formatDesimal(f.persen, 1)}%`])];
  return g;
}

export function grafikPerjanjian(d: Pick<Dashboard, 'perjanjian_per_jenis'>): Grafik {
  const g = batangMendatar('perjanjian', 'Nilai perjanjian aktif per jenis offtaker (per bulan)', d.perjanjian_per_jenis.map((j) => ({ label: j.jenis, nilai: j.nilai_bulan })), formatRupiah, 'Nilai per bulan', 'Jenis offtaker', formatRupiahRingkas);
  g.tabel = [['Jenis offtaker', 'Perjanjian aktif', 'Nilai per bulan'], ...d.perjanjian_per_jenis.map((j) => [j.jenis, formatAngka(j.jumlah), formatRupiah(j.nilai_bulan)])];
  return g;
}

export function grafikSektor(d: Pick<Dashboard, 'kelompok_per_sektor'>): Grafik {
  return batangMendatar('sektor', 'Kelompok aktif per sektor', d.kelompok_per_sektor.map((s) => ({ label: s.sektor, nilai: s.jumlah })), formatAngka, 'Kelompok', 'Sektor', formatAngka, true);
}

/** The charts of the home screen, in the order they are shown. */
export function grafikDasbor(d: Dashboard): Grafik[] {
  return [grafikOmzet(d), grafikDesil(d), grafikKepatuhanFasilitator(d), grafikPerjanjian(d), grafikSektor(d)];
}

// ---------------------------------------------------------------- the map of Jawa Timur

type BarisPeringkat = NonNullable<Dashboard['peringkat']>[number];

export const INDIKATOR_PETA = [
  { kode: 'kelompok', label: 'Kelompok aktif', format: formatAngka },
  { kode: 'anggota', label: 'Anggota', format: formatAngka },
  { kode: 'omzet_tahun', label: 'Omzet tahun berjalan', format: formatRupiah },
  { kode: 'kepatuhan', label: 'Kepatuhan pelaporan', format: (n: number) => `${formatDesimal(n, 1)}%` },
  { kode: 'nilai_perjanjian', label: 'Nilai perjanjian per bulan', format: formatRupiah },
] as const satisfies readonly { kode: keyof BarisPeringkat; label: string; format: (n: number) => string }[];

export type IndikatorPeta = (typeof INDIKATOR_PETA)[number]['kode'];

/**
 * Jawa Timur's 38 kabupaten/kota: the programme districts (those in `baris`) coloured by the indicator and outlined,
 * the others grey. Each region is named by its Kemendagri code (a click gives the code).
 */
export function grafikPeta(baris: Pick<BarisPeringkat, 'kode' | 'nama' | IndikatorPeta>[], indikator: IndikatorPeta = 'kelompok'): Grafik {
  const ind = INDIKATOR_PETA.find((i) => i.kode === indikator) ?? INDIKATOR_PETA[0];
  const judul = `Peta Jawa Timur: ${ind.label.toLowerCase()} per kabupaten/kota`;
  const perKode = new Map(baris.map((b) => [b.kode, b]));
  const nilai = baris.map((b) => Number(b[ind.kode]) || 0);
  const maks = Math.max(1, ...nilai);
  const data = WILAYAH_PETA.map((w) => {
    const b = perKode.get(w.kode);
    return b
      ? { name: w.kode, nama: w.nama, value: Number(b[ind.kode]) || 0, itemStyle: { borderColor: '#1a1a1a', borderWidth: 1 } }
      : { name: w.kode, nama: w.nama, value: '-', program: false };
  });
  const tabel = [['Kode', 'Kabupaten/kota', ind.label], ...WILAYAH_PETA.filter((w) => perKode.has(w.kode)).map((w) => [w.kode, w.nama, ind.format(Number(perKode.get(w.kode)![ind.kode]) || 0)])];
  const urut = [...baris].sort((a, b) => (Number(b[ind.kode]) || 0) - (Number(a[ind.kode]) || 0));
  return {
    id: 'peta',
    judul,
    tabel,
    kosong: !baris.length,
    opsi: dasar(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { data?: { nama: string; value: number | string } }) =>
            p.data ? (typeof p.data.value === 'number' ? `${p.data.nama}<br/>${ind.label}: ${ind.format(p.data.value)}` : `${p.data.nama}<br/>bukan kabupaten/kota program`) : '',
        },
        visualMap: {
          type: 'continuous',
          min: 0,
          max: maks,
          left: 8,
          bottom: 8,
          calculable: false,
          text: [ind.format(maks), '0'],
          textStyle: HURUF,
          inRange: { color: ['#dbe9f6', '#6ba3d6', BIRU] },
          seriesIndex: 0,
        },
        series: [
          {
            type: 'map',
            map: PETA_JATIM,
            nameProperty: 'kode',
            roam: false,
            selectedMode: false,
            // The mainland and Madura fill the frame; the far islands (Masalembu, Bawean, eastern Kangean) fall outside it.
            boundingCoords: [
              [110.85, -6.72],
              [115.0, -8.85],
            ],
            left: 70,
            right: 8,
            top: 8,
            bottom: 8,
            itemStyle: { areaColor: '#e3e3e3', borderColor: '#ffffff', borderWidth: 0.6 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2c94c' } },
            label: { show: false },
            data,
          },
        ],
      },
      `${judul}. ${baris.length} kabupaten/kota program berwarna, lainnya abu-abu. Tertinggi: ${urut.slice(0, 3).map((b) => `${b.nama} ${ind.format(Number(b[ind.kode]) || 0)}`).join('; ')}.`,
    ),
  };
}
