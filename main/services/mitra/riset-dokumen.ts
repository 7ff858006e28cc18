import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatAngka, formatDesimal, formatPeriode, formatRupiah, formatTanggal } from '../../common/format';
import type { Pengaturan } from '../../common/records';
import { K_MIN, L_MIN, PERSENTIL_BATAS_ATAS, variabelRiset } from '../../common/riset';
import { BASE_DOC, blokTandaTangan, ISI_TANGAN, kopSurat, penandatanganKantor, renderPdf } from '../dokumen';
import type { HasilAnonim } from './riset-anonim';

// What goes with a research extract's tables: per table its metadata (JSON: columns, quasi-identifiers, the k and l
// achieved, what was suppressed and why, top-codes), the data dictionary, the researcher's README with the MoU's
// terms, the re-identification risk report, and a pre-filled data protection impact assessment (PDF) to complete.

export interface SyaratMou {
  id: string;
  perguruan_tinggi: string;
  nomor: string;
  tanggal: string;
  berlaku_sampai: string;
  tujuan: string;
  peneliti: string;
}

export interface RingkasanTabel {
  nama: 'kelompok_bulan' | 'anggota';
  baris: number;
  kolom: string[];
  kuasi: string[];
  unit: 'kelompok' | 'anggota';
  jumlah_unit: number;
  hasil: HasilAnonim<unknown>;
  batas_atas: Record<string, number | null>;
  periode: [string, string];
}

const KOLOM_TETAP: Record<string, [string, string]> = {
  id_kelompok: ['Samaran kelompok', 'HMAC-SHA256 dengan kunci rahasia khusus MoU ini (20 digit heksadesimal); tidak dapat dihubungkan dengan ekstrak MoU lain.'],
  id_anggota: ['Samaran anggota', 'HMAC-SHA256 dengan kunci rahasia khusus MoU ini; bukan NIK dan tidak dapat dibalik.'],
  periode: ['Bulan laporan', 'TTTT-BB.'],
};

// The column laporan_masuk is the variable kepatuhan_lapor (described once, in common/riset.ts).
const labelKolom = (k: string): [string, string] => {
  const v = variabelRiset().get(k === 'laporan_masuk' ? 'kepatuhan_lapor' : k);
  return KOLOM_TETAP[k] ?? (v ? [v.label, v.keterangan] : [k, '']);
};

function metadata(t: RingkasanTabel, mou: SyaratMou): object {
  return {
    tabel: t.nama,
    berkas: `${t.nama}.csv`,
    format: 'CSV UTF-8, pemisah koma, baris pertama nama kolom',
    mou: { nomor: mou.nomor, perguruan_tinggi: mou.perguruan_tinggi },
    periode: { dari: t.periode[0], sampai: t.periode[1] },
    baris: t.baris,
    kolom: t.kolom.map((k) => ({ nama: k, label: labelKolom(k)[0], keterangan: labelKolom(k)[1] })),
    kuasi_identifikator: t.kuasi,
    atribut_sensitif: t.nama === 'anggota' && t.kolom.includes('desil') ? 'desil' : null,
    k_minimum: K_MIN,
    k_tercapai: t.hasil.k,
    l_minimum: t.hasil.l === null ? null : L_MIN,
    l_tercapai: t.hasil.l,
    generalisasi: t.hasil.generalisasi,
    disupresi: {
      unit: t.unit,
      jumlah: t.hasil.disupresi.length,
      dari: t.jumlah_unit,
      persen: t.jumlah_unit ? Math.round((t.hasil.disupresi.length / t.jumlah_unit) * 1000) / 10 : 0,
      alasan: `kelas pengenal tidak langsung dengan kurang dari ${K_MIN} ${t.unit}${t.hasil.l === null ? '' : ` atau kurang dari ${L_MIN} nilai desil berbeda`}`,
    },
    batas_atas: Object.fromEntries(Object.entries(t.batas_atas).map(([k, v]) => [k, v === null ? null : { persentil: PERSENTIL_BATAS_ATAS * 100, nilai: v }])),
  };
}

function kamus(tabel: RingkasanTabel[]): string {
  const out = ['# Kamus data ekstrak riset Peti Koin Bermantra', '', 'Setiap tabel ditulis sebagai CSV (UTF-8, pemisah koma) dengan metadata JSON bernama sama.', ''];
  for (const t of tabel) {
    out.push(`## ${t.nama}.csv (${formatAngka(t.baris)} baris)`, '', '| kolom | arti | keterangan |', '| --- | --- | --- |');
    for (const k of t.kolom) out.push(`| ${k} | ${labelKolom(k)[0]} | ${labelKolom(k)[1]} |`);
    out.push('');
  }
  return out.join('\n');
}

function readme(mou: SyaratMou, variabel: string[], p: Pengaturan, hari: string): string {
  return [
    `# Data riset Peti Koin Bermantra untuk ${mou.perguruan_tinggi}`,
    '',
    `Diberikan oleh ${p.nama_instansi || 'Bappeda'} (${p.kabupaten_nama}) pada ${formatTanggal(hari)} berdasarkan MoU nomor ${mou.nomor} tanggal ${formatTanggal(mou.tanggal)}, berlaku sampai ${formatTanggal(mou.berlaku_sampai)}.`,
    '',
    `- Tujuan riset: ${mou.tujuan}`,
    `- Peneliti penanggung jawab: ${mou.peneliti}`,
    `- Variabel yang disetujui: ${variabel.map((v) => variabelRiset().get(v)?.label ?? v).join(', ')}`,
    '',
    '## Ketentuan penggunaan (UU 27/2022 tentang Pelindungan Data Pribadi)',
    '',
    '1. Data dipakai hanya untuk tujuan riset di atas, oleh peneliti yang disebut dan timnya.',
    '2. Dilarang mencoba mengenali kembali orang atau kelompok, menggabungkan data ini dengan data lain untuk itu, atau membagikannya kepada pihak lain.',
    '3. Simpan pada perangkat yang terlindung; hapus seluruh berkas ketika riset selesai atau MoU berakhir, dan beri tahu Bappeda.',
    '4. Hasil riset hanya menyajikan angka agregat; sel dengan kurang dari 5 orang atau kelompok tidak ditampilkan.',
    '5. Sebutkan sumber: "Data program Peti Koin Bermantra, Bappeda, diolah".',
    '',
    'Nama, NIK, nomor KK, alamat, telepon, foto dan koordinat tidak termasuk. Nomor kelompok dan anggota diganti samaran yang hanya berlaku untuk MoU ini. Periksa keutuhan berkas dengan `sha256sum -c MANIFEST.sha256`.',
    '',
  ].join('\n');
}

function risiko(tabel: RingkasanTabel[], supresiMaks: number): string {
  const out = ['# Laporan risiko identifikasi ulang', ''];
  for (const t of tabel) {
    const h = t.hasil;
    out.push(
      `## ${t.nama}`,
      '',
      `- Pengenal tidak langsung (kuasi-identifikator): ${t.kuasi.join(', ') || '(tidak ada)'}`,
      `- k-anonimitas: setiap kombinasi nilai pengenal memuat paling sedikit ${h.k} ${t.unit} (syarat k ≥ ${K_MIN}).`,
      ...(h.l === null ? [] : [`- l-diversitas desil: setiap kombinasi memuat paling sedikit ${h.l} nilai desil berbeda (syarat l ≥ ${L_MIN}; desil kosong dihitung satu nilai).`]),
      `- Generalisasi yang diterapkan: ${h.generalisasi.join(' → ') || '(tidak ada)'}`,
      `- Supresi lokal: ${formatAngka(h.disupresi.length)} dari ${formatAngka(t.jumlah_unit)} ${t.unit} (${formatDesimal(t.jumlah_unit ? (h.disupresi.length / t.jumlah_unit) * 100 : 0, 1)}%, batas ${supresiMaks * 100}%) tidak ditulis karena kelasnya terlalu kecil${h.l === null ? '' : ' atau desilnya seragam'}.`,
      ...Object.entries(t.batas_atas).map(([k, v]) => `- ${variabelRiset().get(k)?.label ?? k}: dibatasi atas pada ${v === null ? '–' : formatRupiah(v)} (persentil ${PERSENTIL_BATAS_ATAS * 100}).`),
      '',
    );
  }
  out.push('## Risiko yang tersisa', '', '- Samaran kelompok menghubungkan tabel anggota dan tabel kelompok-bulan; deret omzet satu kelompok yang sangat khas dapat dikenali oleh orang yang mengetahui usahanya. Ketentuan penggunaan melarang upaya itu.', '- Umur dihitung dari tanggal lahir atau NIK; umur yang tidak diketahui ditulis "tidak diketahui".', '');
  return out.join('\n');
}

/** The pre-filled DPIA (Penilaian Dampak Pelindungan Data Pribadi, UU 27/2022 pasal 34) the office completes and signs. */
async function dpia(mou: SyaratMou, variabel: string[], tabel: RingkasanTabel[], p: Pengaturan, hari: string): Promise<Buffer> {
  const baris = (a: string, b: string): Content[] => [{ text: a, bold: true }, b];
  const body: Content[][] = [
    baris('Pengendali data', p.nama_instansi || `Bappeda ${p.kabupaten_nama ?? ''}`),
    baris('Penerima data', `${mou.perguruan_tinggi} (MoU ${mou.nomor}, ${formatTanggal(mou.tanggal)} s.d. ${formatTanggal(mou.berlaku_sampai)})`),
    baris('Peneliti penanggung jawab', mou.peneliti),
    baris('Tujuan pemrosesan', mou.tujuan),
    baris('Data yang dibagikan', variabel.map((v) => variabelRiset().get(v)?.label ?? v).join(', ')),
    baris('Periode data', tabel[0] ? `${formatPeriode(tabel[0].periode[0])} s.d. ${formatPeriode(tabel[0].periode[1])}` : '–'),
    baris('Data pribadi yang tidak dibagikan', 'Nama, NIK, nomor KK, alamat, nomor telepon, foto, koordinat.'),
    baris('Langkah pelindungan', `Samaran HMAC-SHA256 per MoU; umur dalam rentang; wilayah paling rinci kecamatan; nilai uang dibatasi atas (persentil ${PERSENTIL_BATAS_ATAS * 100}); k-anonimitas k ≥ ${K_MIN}; l-diversitas desil l ≥ ${L_MIN}; supresi lokal paling banyak 5%; manifest SHA-256; pencatatan setiap ekstrak.`),
    ...tabel.map((t) => baris(`Hasil: ${t.nama}`, `${formatAngka(t.baris)} baris; k tercapai ${t.hasil.k}${t.hasil.l === null ? '' : `, l tercapai ${t.hasil.l}`}; ${formatAngka(t.hasil.disupresi.length)} ${t.unit} disupresi.`)),
    baris('Risiko tersisa dan mitigasi', ISI_TANGAN),
    baris('Dasar pemrosesan (pasal 20 UU 27/2022)', ISI_TANGAN),
    baris('Kesimpulan penilaian', ISI_TANGAN),
  ];
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    info: { title: `Penilaian Dampak Pelindungan Data Pribadi ${mou.nomor}`, creator: 'Bermantra' },
    content: [
      kopSurat(p),
      { text: 'PENILAIAN DAMPAK PELINDUNGAN DATA PRIBADI', style: 'judul' },
      { text: `Ekstrak data riset untuk ${mou.perguruan_tinggi} · disiapkan ${formatTanggal(hari)} (UU 27/2022 pasal 34) · dilengkapi dan ditandatangani oleh pengendali data`, style: 'subjudul' },
      { table: { widths: [150, '*'], body }, layout: 'lightHorizontalLines', fontSize: 9.5 },
      { columns: [{ text: '', width: '*' }, { ...(blokTandaTangan(penandatanganKantor(p), { text: `${p.kota_surat || ISI_TANGAN}, ${ISI_TANGAN}` }) as object), width: 240 } as Content], margin: [0, 24, 0, 0], unbreakable: true } as Content,
    ],
  };
  return renderPdf(doc);
}

/** Every file beside the tables, by name. */
export async function dokumenPendamping(a: { mou: SyaratMou; variabel: string[]; tabel: RingkasanTabel[]; pengaturan: Pengaturan; hari: string; supresiMaks: number }): Promise<[string, Buffer][]> {
  const teks = (s: string) => Buffer.from(s, 'utf8');
  return [
    ...a.tabel.map((t) => [`${t.nama}.json`, teks(`${JSON.stringify(metadata(t, a.mou), null, 2)}\n`)] as [string, Buffer]),
    ['KAMUS_DATA.md', teks(kamus(a.tabel))],
    ['README_PENELITI.md', teks(readme(a.mou, a.variabel, a.pengaturan, a.hari))],
    ['LAPORAN_RISIKO.md', teks(risiko(a.tabel, a.supresiMaks))],
    ['PENILAIAN_DAMPAK_PDP.pdf', await dpia(a.mou, a.variabel, a.tabel, a.pengaturan, a.hari)],
  ];
}
