import ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { baris, jalankan, satu, type Kerja } from '../../../db/kueri';
import type { ParsedInput, PenilaianGerobak, RingkasanMitra } from '../../common/api';
import type { Pengaturan } from '../../common/records';
import { isianDari } from '../../common/register';
import { AppError } from '../../common/errors';
import { formatDesimal, hariIni } from '../../common/format';
import { bulanSebelumnya } from '../../common/laporan';
import { terbilang } from '../../common/terbilang';
import { BASE_DOC, tulisPdf } from '../dokumen';
import { barisTeks, FORMAT_ANGKA, lembarBerjudul, tulisExcel } from '../dokumen';
import { daftarTembusan, isiSurat, kakiTte, kepalaLampiran, PDF_SIAP_TTE, pengirimSurat, PENUTUP_SURAT } from '../dokumen';
import { penandatanganKantor } from '../dokumen';
import { sasaranPerKelompokK } from '../dtsen';
import { catatSuratKeluar, pengaturanK, suratKeluarUntuk } from '../pengaturan';
import { namaWilayah } from '../wilayah';

// The views and documents of the partnership agreements: offtakers (SPPG first), purchase agreements,
// cart aid (gerobak), university MoUs and strategic issues.

function tambahHari(iso: string, hari: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + hari);
  return d.toISOString().slice(0, 10);
}


export function ringkasanMitra(db: Db, today = hariIni()): RingkasanMitra {
  return jalankan(db, ringkasanMitraK(today));
}

/** The partners' overview (SPPG per kecamatan, agreements ending, value per kecamatan and kind, groups without an offtaker, MoUs ending). */
export function* ringkasanMitraK(today = hariIni()): Kerja<RingkasanMitra> {
  const days = (to: string) => Math.round((Date.parse(to) - Date.parse(today)) / 86_400_000);
  const sppg = yield* baris<{ kecamatan_kode: string | null; jumlah: number; kebutuhan: number }>("SELECT kecamatan_kode, count(*) AS jumlah, coalesce(sum(kapasitas_bulan), 0) AS kebutuhan FROM offtaker WHERE deleted_at IS NULL AND jenis = 'SPPG' GROUP BY kecamatan_kode ORDER BY jumlah DESC, coalesce(kecamatan_kode, '')");
  const aktif = "p.deleted_at IS NULL AND p.status = 'aktif' AND p.mulai <= @today AND p.selesai >= @today";
  const berakhir = yield* baris<{ id: string; nomor: string; kelompok: string; offtaker: string; selesai: string }>(`SELECT p.id, p.nomor, k.nama AS kelompok, o.nama AS offtaker, p.selesai FROM perjanjian p JOIN kelompok k ON k.id = p.kelompok_id JOIN offtaker o ON o.id = p.offtaker_id WHERE ${aktif} AND p.selesai <= @batas ORDER BY p.selesai, p.id`, { today, batas: tambahHari(today, 60) });
  const perKec = yield* baris<{ kecamatan_kode: string; n: number; nilai: number }>(`SELECT k.kecamatan_kode, count(*) AS n, sum(round(p.volume * p.harga_satuan)) AS nilai FROM perjanjian p JOIN kelompok k ON k.id = p.kelompok_id WHERE ${aktif} GROUP BY k.kecamatan_kode ORDER BY nilai DESC, k.kecamatan_kode`, { today });
  const perJenis = yield* baris<{ jenis: string; n: number; nilai: number }>(`SELECT o.jenis, count(*) AS n, sum(round(p.volume * p.harga_satuan)) AS nilai FROM perjanjian p JOIN offtaker o ON o.id = p.offtaker_id WHERE ${aktif} GROUP BY o.jenis ORDER BY nilai DESC, o.jenis`, { today });
  const tanpa = yield* baris<{ id: string; nama: string; desa_kode: string }>(`SELECT k.id, k.nama, k.desa_kode FROM kelompok k WHERE k.deleted_at IS NULL AND k.status = 'aktif' AND NOT EXISTS (SELECT 1 FROM perjanjian p WHERE p.kelompok_id = k.id AND ${aktif}) ORDER BY k.nama, k.id`, { today });
  const mou = yield* baris<{ id: string; perguruan_tinggi: string; nomor: string; berlaku_sampai: string }>("SELECT id, perguruan_tinggi, nomor, berlaku_sampai FROM mou WHERE deleted_at IS NULL AND status != 'berakhir' AND berlaku_sampai <= ? ORDER BY berlaku_sampai, id", [tambahHari(today, 90)]);
  const terbuka = (yield* satu<{ n: number }>("SELECT count(*) AS n FROM tindak_lanjut WHERE deleted_at IS NULL AND status != 'selesai'"))!.n;
  return {
    sppg_per_kecamatan: sppg.map((s) => ({ kecamatan_kode: s.kecamatan_kode ?? '', kecamatan: namaWilayah(s.kecamatan_kode) ?? '(tanpa kecamatan)', jumlah: s.jumlah, kebutuhan_bulan: s.kebutuhan })),
    perjanjian_berakhir: berakhir.map((b) => ({ ...b, sisa_hari: days(b.selesai) })),
    nilai_per_kecamatan: perKec.map((p) => ({ kecamatan_kode: p.kecamatan_kode, kecamatan: namaWilayah(p.kecamatan_kode) ?? p.kecamatan_kode, perjanjian: p.n, nilai_bulan: p.nilai })),
    nilai_per_jenis: perJenis.map((p) => ({ jenis: p.jenis, perjanjian: p.n, nilai_bulan: p.nilai })),
    kelompok_tanpa_offtaker: tanpa.map((t) => ({ id: t.id, nama: t.nama, desa: namaWilayah(t.desa_kode) ?? t.desa_kode })),
    mou_berakhir: mou.map((m) => ({ ...m, sisa_hari: days(m.berlaku_sampai) })),
    tindak_lanjut_terbuka: terbuka,
  };
}

// ---------------------------------------------------------------- cart aid


const KELILING = /keliling|gerobak|dagang|pentol|sayur|kuliner|warung/i;

/**
 * The yearly re-identification: per active group, whether its business needs a cart, whether it was
 * active in the last 3 monthly reports, whether it already got a cart, and the share of its members
 * in desil 1–4 (when DT-SEN matching exists), with the reasons, beside the officer's decision.
 */
export function penilaianGerobak(db: Db, tahun: number, today = hariIni()): PenilaianGerobak[] {
  return jalankan(db, penilaianGerobakK(tahun, today));
}

export function* penilaianGerobakK(tahun: number, today = hariIni()): Kerja<PenilaianGerobak[]> {
  const thisMonth = today.slice(0, 7);
  const months = [1, 2, 3].map((n) => bulanSebelumnya(thisMonth, n));
  const groups = yield* baris<{ id: string; nama: string; kabupaten_kode: string; desa_kode: string; kecamatan_kode: string; sektor: string; produk_utama: string | null; ketua: string | null; jumlah_anggota: number; laporan_aktif: number; sudah_menerima: number | null }>(
      `SELECT k.id, k.nama, k.kabupaten_kode, k.desa_kode, k.kecamatan_kode, k.sektor, k.produk_utama,
        (SELECT nama FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL AND a.jabatan = 'ketua' LIMIT 1) AS ketua,
        (SELECT count(*) FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL) AS jumlah_anggota,
        (SELECT count(*) FROM laporan_bulanan l WHERE l.kelompok_id = k.id AND l.deleted_at IS NULL AND l.status != 'draft' AND l.periode IN (?, ?, ?) AND coalesce(l.omzet_angka, 0) > 0) AS laporan_aktif,
        (SELECT max(tahun) FROM gerobak_diterima g WHERE g.kelompok_id = k.id AND g.deleted_at IS NULL) AS sudah_menerima
       FROM kelompok k WHERE k.deleted_at IS NULL AND k.status = 'aktif' ORDER BY k.nama, k.id`,
      months,
  );
  // Registered members per kelompok in the latest snapshot (the same rule as the dashboard), and those in desil 1-4.
  // (at the province: from the counts per kelompok the districts send).
  const desil = yield* sasaranPerKelompokK((yield* pengaturanK()).mode === 'provinsi');
  const assessed = new Map(
    (yield* baris<{ kelompok_id: string; usaha_keliling: number; keputusan: 'diusulkan' | 'tidak' | null; catatan: string | null }>('SELECT kelompok_id, usaha_keliling, keputusan, catatan FROM gerobak_penilaian WHERE tahun = ? AND deleted_at IS NULL', [tahun])).map((r) => [r.kelompok_id, r]),
  );
  return groups.map((g) => {
    const a = assessed.get(g.id);
    const keliling = a ? a.usaha_keliling === 1 : KELILING.test(`${g.sektor} ${g.produk_utama ?? ''}`);
    const d = desil.get(g.id);
    const persen = d && g.jumlah_anggota ? Math.round((d.sasaran / g.jumlah_anggota) * 1000) / 10 : null;
    const alasan: string[] = [];
    let layak = true;
    // The reason names the group's own business, and says whether the officer or its sector decided it.
    // The sector without its own examples in brackets: "pentol (perdagangan)", never nested brackets.
    const sektor = g.sektor.replace(/\s*\(.*\)\s*$/, '').toLowerCase();
    const usaha = g.produk_utama ? `${g.produk_utama} (${sektor})` : sektor;
    if (keliling) alasan.push(a ? `petugas menilai usaha ${usaha} memerlukan gerobak untuk berjualan` : `usaha ${usaha} berjualan berkeliling atau di tepi jalan`);
    else {
      layak = false;
      alasan.push(`usaha ${usaha} tidak memerlukan gerobak`);
    }
    if (g.laporan_aktif >= 3) alasan.push('aktif dalam 3 laporan bulanan terakhir');
    else {
      layak = false;
      alasan.push(`hanya ${g.laporan_aktif} dari 3 laporan bulanan terakhir menunjukkan usaha berjalan`);
    }
    if (g.sudah_menerima) {
      layak = false;
      alasan.push(`sudah menerima gerobak tahun ${g.sudah_menerima}`);
    } else alasan.push('belum pernah menerima gerobak');
    if (persen !== null) {
      if (persen >= 50) alasan.push(`${formatDesimal(persen, 1)}% anggota di desil 1–4`);
      else {
        layak = false;
        alasan.push(`hanya ${formatDesimal(persen, 1)}% anggota di desil 1–4`);
      }
    } else alasan.push('belum ada hasil pencocokan DT-SEN');
    return {
      kelompok_id: g.id,
      kelompok: g.nama,
      kabupaten_kode: g.kabupaten_kode,
      desa: namaWilayah(g.desa_kode) ?? g.desa_kode,
      kecamatan: namaWilayah(g.kecamatan_kode) ?? g.kecamatan_kode,
      ketua: g.ketua,
      jumlah_anggota: g.jumlah_anggota,
      sektor: g.sektor,
      produk: g.produk_utama,
      usaha_keliling: keliling,
      laporan_aktif: g.laporan_aktif,
      sudah_menerima: g.sudah_menerima,
      persen_desil_1_4: persen,
      layak,
      alasan,
      keputusan: a?.keputusan ?? null,
      catatan: a?.catatan ?? null,
    };
  });
}

export function simpanPenilaianGerobak(db: Db, input: ParsedInput<'gerobak.simpan'>): void {
  const writer = RecordWriter.forDb(db);
  const existing = db.get(db.q.selectFrom('gerobak_penilaian').select('id').where('kelompok_id', '=', input.kelompok_id).where('tahun', '=', input.tahun).where('deleted_at', 'is', null));
  const values = isianDari('gerobak_penilaian', input);
  if (existing) writer.update('gerobak_penilaian', existing.id, values);
  else writer.insert('gerobak_penilaian', values);
}

/** The year's proposed groups and the office's settings, read as one piece of work (the file's or the server's). */
export function* dataUsulanGerobakK(tahun: number): Kerja<{ rows: PenilaianGerobak[]; p: Pengaturan }> {
  return { rows: (yield* penilaianGerobakK(tahun)).filter((r) => r.keputusan === 'diusulkan'), p: yield* pengaturanK() };
}

/** A reason list as a sentence in a table cell: the officer's note first, capital first letter. */
function kalimatAlasan(r: PenilaianGerobak): string {
  const t = [r.catatan, ...r.alasan].filter(Boolean).join('; ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The year's proposed groups as a workbook (a district's own; at the province every district's, named per row). */
export async function daftarUsulanGerobakXlsx({ rows, p }: { rows: PenilaianGerobak[]; p: Pengaturan }, tahun: number, path: string): Promise<{ jumlah: number; nomor: null }> {
  const provinsi = p.mode === 'provinsi';
  const wb = new ExcelJS.Workbook();
  const ws = lembarBerjudul(wb, `Usulan gerobak ${tahun}`, { dokumen: `Daftar usulan penerima bantuan gerobak tahun ${tahun}`, instansi: p.nama_instansi || (p.kabupaten_nama ?? ''), periode: `${p.kabupaten_nama} (${p.kabupaten_kode})` }, [
    { header: 'No', key: 'no', width: 5, numFmt: FORMAT_ANGKA },
    ...(provinsi ? [{ header: 'Kabupaten/kota', key: 'kabupaten', width: 22 }] : []),
    { header: 'Kelompok', key: 'kelompok', width: 30 },
    { header: 'Kecamatan', key: 'kecamatan', width: 18 },
    { header: 'Desa', key: 'desa', width: 20 },
    { header: 'Ketua', key: 'ketua', width: 24 },
    { header: 'Jumlah anggota', key: 'anggota', width: 10, numFmt: FORMAT_ANGKA },
    { header: 'Jenis usaha', key: 'usaha', width: 30 },
    { header: 'Alasan', key: 'alasan', width: 70 },
  ]);
  // At the province by district, then as each district lists them.
  const urut = provinsi ? [...rows].sort((x, y) => (x.kabupaten_kode < y.kabupaten_kode ? -1 : x.kabupaten_kode > y.kabupaten_kode ? 1 : 0)) : rows;
  // Long cells wrap, and each row is as tall as its longest (LibreOffice prints a row at its set height).
  const panjang = { kelompok: 30, usaha: 30, alasan: 70 } as const;
  const dilipat = new Set(Object.keys(panjang).map((k) => ws.getColumn(k).number));
  urut.forEach((r, i) => {
    const isi = { kelompok: r.kelompok, usaha: `${r.sektor}${r.produk ? ' · ' + r.produk : ''}`, alasan: kalimatAlasan(r) };
    const row = ws.addRow({ no: i + 1, ...(provinsi ? { kabupaten: namaWilayah(r.kabupaten_kode) ?? r.kabupaten_kode } : {}), ...isi, kecamatan: r.kecamatan, desa: r.desa, ketua: r.ketua ?? null, anggota: r.jumlah_anggota });
    row.height = 15 * Math.max(...(Object.keys(panjang) as (keyof typeof panjang)[]).map((k) => barisTeks(isi[k], panjang[k])));
    row.eachCell((c, kolom) => (c.alignment = { vertical: 'top', wrapText: dilipat.has(kolom) }));
  });
  await tulisExcel(wb, path);
  return { jumlah: rows.length, nomor: null };
}

/**
 * The year's proposal list: a letter with the table of proposed groups (PDF) or the same as .xlsx. The letter's
 * number is the one typed (kept in the register of outgoing letters), else the one this year's letter already has.
 */
export async function dokumenUsulanGerobak(db: Db, tahun: number, format: 'pdf' | 'xlsx', path: string, opsi: { nomor?: string | null; siapTte?: boolean } = {}): Promise<{ jumlah: number; nomor: string | null }> {
  const data = jalankan(db, dataUsulanGerobakK(tahun));
  if (format === 'xlsx') return daftarUsulanGerobakXlsx(data, tahun, path);
  const { rows, p } = data;
  // The letter goes from a district to the Governor c.q. the province's Bappeda: the province receives it.
  if (p.mode === 'provinsi') throw new AppError('MODE_SALAH', 'Surat usulan gerobak dikirim kabupaten/kota kepada Gubernur c.q. Bappeda Provinsi; provinsi menerimanya. Unduh daftar usulan (Excel) untuk seluruh kabupaten/kota. Tidak ada berkas yang ditulis.');
  if (rows.length === 0) {
    throw new AppError('TIDAK_ADA_USULAN', `Belum ada kelompok yang diusulkan untuk tahun ${tahun}. Pilih "Diusulkan" pada kelompok yang layak di tab Bantuan gerobak, lalu cetak suratnya lagi.`);
  }
  const tanggal = hariIni();
  const hal = `Usulan Penerima Bantuan Gerobak Tahun ${tahun}`;
  const kepada = ['Gubernur Jawa Timur', 'c.q. Kepala Badan Perencanaan Pembangunan Daerah Provinsi Jawa Timur'];
  const nomor = (opsi.nomor ?? '').trim() || suratKeluarUntuk(db, 'gerobak', String(tahun))?.nomor || '';
  // A number another letter has is refused here, before anything is written.
  catatSuratKeluar(db, { nomor, tanggal, hal, tujuan: kepada.join(' '), jenis: 'gerobak', rujukan: String(tahun) });
  const surat = isiSurat(p, {
    nomor,
    sifat: 'Biasa',
    lampiran: '1 (satu) berkas',
    hal,
    tempat: p.kota_surat,
    tanggal,
    kepada,
    di: 'Surabaya',
    isi: [
      { text: `Dengan hormat, dalam rangka program Peti Koin Bermantra, kami telah melakukan identifikasi ulang kelompok binaan di ${p.kabupaten_nama} untuk bantuan gerobak tahun ${tahun}, dengan memperhatikan jenis usaha, keaktifan usaha menurut laporan bulanan, bantuan yang pernah diterima, dan sebaran desil anggota menurut DT-SEN.`, alignment: 'justify' },
      { text: `Berdasarkan hasil identifikasi tersebut, kami mengusulkan ${rows.length} (${terbilang(rows.length)}) kelompok sebagai calon penerima bantuan gerobak, dengan ${rows.reduce((n, r) => n + r.jumlah_anggota, 0)} anggota, sebagaimana daftar terlampir.`, alignment: 'justify' },
      { text: PENUTUP_SURAT, alignment: 'justify' },
    ],
    penandatangan: penandatanganKantor(p),
    tembusan: daftarTembusan(p),
    elektronik: !!opsi.siapTte,
  });
  const lampiran: Content[] = [
    { ...(kepalaLampiran({ romawi: '', pengirim: pengirimSurat(p), nomor, tanggal }) as object), pageBreak: 'before', pageOrientation: 'landscape' } as Content,
    { text: `DAFTAR USULAN PENERIMA BANTUAN GEROBAK TAHUN ${tahun}`, style: 'judul' },
    { text: `Program Peti Koin Bermantra · ${p.kabupaten_nama}`, style: 'subjudul' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['auto', 120, 75, 75, 90, 'auto', 110, '*'],
        body: [
          ['No', 'Kelompok', 'Kecamatan', 'Desa', 'Ketua', 'Anggota', 'Jenis usaha', 'Alasan'].map((h) => ({ text: h, style: 'th' })),
          ...rows.map((r, i) => [String(i + 1), r.kelompok, r.kecamatan, r.desa, r.ketua ?? '–', { text: String(r.jumlah_anggota), alignment: 'right' as const }, `${r.sektor}${r.produk ? ' · ' + r.produk : ''}`, kalimatAlasan(r)]),
          [{ text: 'Jumlah', colSpan: 5, bold: true, alignment: 'right' }, '', '', '', '', { text: String(rows.reduce((n, r) => n + r.jumlah_anggota, 0)), bold: true, alignment: 'right' }, { text: `${rows.length} kelompok`, bold: true }, ''],
        ],
      },
      fontSize: 9,
    },
  ];
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    ...(opsi.siapTte ? PDF_SIAP_TTE : {}),
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    info: { title: `Usulan penerima bantuan gerobak ${tahun}`, creator: 'Bermantra' },
    footer: () => (opsi.siapTte ? kakiTte() : { text: '' }),
    content: [...surat, ...lampiran],
  };
  await tulisPdf(doc, path);
  return { jumlah: rows.length, nomor: nomor || null };
}
