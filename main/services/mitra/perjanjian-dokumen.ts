import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../../../db/connection';
import { AppError } from '../../common/errors';
import { formatDesimal, formatRupiah, formatTanggal, namaHari } from '../../common/format';
import { bulanPerjanjian, kekuranganPerjanjian, nilaiBulanPerjanjian } from '../../common/mitra';
import { terbilang, terbilangRupiah } from '../../common/terbilang';
import { BASE_DOC, blokTandaTangan, ISI_TANGAN, kakiTte, nomorHalaman, PDF_SIAP_TTE, penandatanganKantor, tulisPdf } from '../dokumen';
import { bacaPengaturan } from '../pengaturan';
import { namaWilayah } from '../wilayah';

// The purchase agreement between a group and a buyer (an SPPG kitchen first), witnessed by the Kepala. A legal
// document never prints a placeholder: it is final only when both parties and the witness are named and it is
// no longer a draft; otherwise it is a DRAF with dotted lines to fill by hand.

interface BarisPerjanjian {
  kabupaten_kode: string;
  nomor: string;
  tanggal: string;
  produk: string;
  volume: number;
  satuan: string;
  harga_satuan: number;
  mulai: string;
  selesai: string;
  status: string;
  catatan: string | null;
  wakil_pembeli: string | null;
  jabatan_wakil: string | null;
  kelompok: string;
  desa_kode: string;
  kecamatan_kode: string;
  offtaker: string;
  jenis: string;
  alamat_offtaker: string | null;
  kontak: string | null;
  ketua: string | null;
}

function bacaPerjanjian(db: Db, id: string): BarisPerjanjian {
  const r = db.sqlite
    .prepare(
      `SELECT p.*, k.nama AS kelompok, k.desa_kode, k.kecamatan_kode, o.nama AS offtaker, o.jenis, o.alamat AS alamat_offtaker, o.kontak,
        (SELECT nama FROM anggota a WHERE a.kelompok_id = k.id AND a.deleted_at IS NULL AND a.jabatan = 'ketua' LIMIT 1) AS ketua
       FROM perjanjian p JOIN kelompok k ON k.id = p.kelompok_id JOIN offtaker o ON o.id = p.offtaker_id WHERE p.id = ? AND p.deleted_at IS NULL`,
    )
    .get(id) as BarisPerjanjian | undefined;
  if (!r) throw new AppError('TIDAK_DITEMUKAN', 'Perjanjian tidak ditemukan. Muat ulang daftar perjanjian.');
  return r;
}

/** A signature with room for a meterai Rp10.000 (the stamp duty on an agreement), name and office. */
function tandaTanganPihak(pihak: string, nama: string, jabatan: string): Content {
  return {
    stack: [
      { text: pihak, bold: true },
      { text: jabatan ? `${jabatan},` : ISI_TANGAN },
      {
        table: { widths: [70], heights: [46], body: [[{ text: 'Meterai\nRp10.000', fontSize: 7.5, color: '#777777', alignment: 'center', margin: [0, 12, 0, 0] }]] },
        layout: { hLineStyle: () => ({ dash: { length: 2 } }), vLineStyle: () => ({ dash: { length: 2 } }), hLineColor: () => '#999999', vLineColor: () => '#999999' },
        margin: [50, 4, 0, 4],
      },
      { text: nama || ISI_TANGAN, bold: !!nama, decoration: nama ? 'underline' : undefined },
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

function pasal(no: number, judul: string, isi: string | Content[]): Content {
  const badan: Content[] = typeof isi === 'string' ? [{ text: isi, alignment: 'justify' }] : isi;
  // The article's heading never ends a page without its first lines.
  return { stack: [{ text: `Pasal ${no}\n${judul}`, bold: true, alignment: 'center', margin: [0, 10, 0, 3] }, ...badan], unbreakable: badan.length <= 2 };
}

/** The agreement as PDF; returns whether it was printed as a draft and why (the window and the CLI say so). */
export async function pdfPerjanjian(db: Db, id: string, path: string, opsi: { siapTte?: boolean } = {}): Promise<{ draf: boolean; kekurangan: string[] }> {
  const r = bacaPerjanjian(db, id);
  const p = bacaPengaturan(db);
  // The agreement is made in the district, witnessed by its Kepala under its letterhead: the province reads it in the list.
  if (p.mode === 'provinsi') throw new AppError('MODE_SALAH', `Perjanjian ${r.nomor} disaksikan Kepala ${namaWilayah(r.kabupaten_kode) ?? r.kabupaten_kode} dan dicetak oleh kabupaten/kota itu. Provinsi membacanya di daftar perjanjian. Tidak ada berkas yang ditulis.`);
  const penandatangan = penandatanganKantor(p);
  const kekurangan = kekuranganPerjanjian({ ...r, ketua: r.ketua, penandatangan: penandatangan.nama });
  const draf = r.status === 'draf' || kekurangan.length > 0;
  const isi = (v: string | null | undefined) => (v ?? '').trim() || ISI_TANGAN;
  const nilaiBulan = nilaiBulanPerjanjian(r.volume, r.harga_satuan);
  const bulan = bulanPerjanjian(r.mulai, r.selesai);
  const nilaiSeluruh = nilaiBulan * bulan;
  const pihak = (rows: [string, string][]): Content => ({ table: { widths: [110, 'auto', '*'], body: rows.map(([k, v]) => [k, ':', v]) }, layout: 'noBorders', margin: [14, 2, 0, 4] });
  const alamatKelompok = `Desa ${namaWilayah(r.desa_kode) ?? r.desa_kode}, Kecamatan ${namaWilayah(r.kecamatan_kode) ?? r.kecamatan_kode}, ${p.kabupaten_nama}`;
  const tempat = p.kota_surat || namaWilayah(r.kecamatan_kode) || '';
  const doc: TDocumentDefinitions = {
    ...BASE_DOC,
    // Ready for TTE: PDF/A-2b, the witness's block laid out for an electronic signature, the BSrE sentence on every page.
    ...(opsi.siapTte ? { ...PDF_SIAP_TTE, footer: (h: number, n: number) => kakiTte(nomorHalaman(h, n)) } : {}),
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    info: { title: `${draf ? 'DRAF ' : ''}Perjanjian pembelian ${r.nomor}`, creator: 'Bermantra' },
    watermark: draf ? { text: 'DRAF', opacity: 0.08 } : undefined,
    content: [
      ...(draf ? [{ text: 'DRAF — belum untuk ditandatangani', alignment: 'right', bold: true, color: '#8a1c1c', fontSize: 9 } as Content] : []),
      { text: 'PERJANJIAN PEMBELIAN PRODUK', style: 'judul' },
      { text: `Nomor: ${r.nomor}`, style: 'subjudul' },
      {
        text: `Pada hari ini, ${namaHari(r.tanggal)}, tanggal ${formatTanggal(r.tanggal)}, bertempat di ${tempat || ISI_TANGAN}, yang bertanda tangan di bawah ini:`,
        alignment: 'justify',
        margin: [0, 0, 0, 4],
      },
      { text: '1.', bold: true },
      pihak([
        ['Nama', isi(r.ketua)],
        ['Jabatan', `Ketua ${r.kelompok}`],
        ['Alamat', alamatKelompok],
      ]),
      { text: 'bertindak untuk dan atas nama kelompok tersebut, selanjutnya disebut PIHAK PERTAMA (penjual);', margin: [14, 0, 0, 6] },
      { text: '2.', bold: true },
      pihak([
        ['Nama', isi(r.wakil_pembeli)],
        ['Jabatan', isi(r.jabatan_wakil)],
        ['Instansi/usaha', `${r.offtaker} (${r.jenis})`],
        // The buyer's address is optional in its record: a final agreement leaves the line out rather than blank.
        ...(r.alamat_offtaker?.trim() || draf ? [['Alamat', isi(r.alamat_offtaker)] as [string, string]] : []),
      ]),
      { text: 'bertindak untuk dan atas nama pembeli tersebut, selanjutnya disebut PIHAK KEDUA (pembeli).', margin: [14, 0, 0, 6] },
      { text: 'Kedua pihak sepakat mengadakan perjanjian pembelian dengan ketentuan sebagai berikut.' },
      pasal(1, 'Produk dan Jumlah', `PIHAK PERTAMA menyediakan ${r.produk} sebanyak ${formatDesimal(r.volume)} ${r.satuan} setiap bulan, dan PIHAK KEDUA membelinya.`),
      pasal(
        2,
        'Harga dan Nilai Perjanjian',
        `Harga satuan ${formatRupiah(r.harga_satuan)} per ${r.satuan}, sehingga nilai pembelian per bulan ${formatRupiah(nilaiBulan)} (${terbilangRupiah(nilaiBulan)}) dan nilai perjanjian seluruhnya untuk ${bulan} (${terbilang(bulan)}) bulan ${formatRupiah(nilaiSeluruh)} (${terbilangRupiah(nilaiSeluruh)}).`,
      ),
      pasal(3, 'Jangka Waktu', `Perjanjian berlaku sejak ${formatTanggal(r.mulai)} sampai dengan ${formatTanggal(r.selesai)} dan dapat diperpanjang atas kesepakatan kedua pihak yang dituangkan secara tertulis.`),
      pasal(4, 'Mutu dan Pembayaran', 'PIHAK PERTAMA menjaga mutu produk sesuai kesepakatan; PIHAK KEDUA membayar paling lambat 14 (empat belas) hari setelah produk diterima.'),
      pasal(
        5,
        'Pengakhiran Perjanjian',
        'Perjanjian dapat diakhiri sebelum jangka waktunya atas kesepakatan kedua pihak, atau oleh salah satu pihak bila pihak lainnya tidak memenuhi kewajibannya setelah diingatkan secara tertulis dua kali dengan selang 14 (empat belas) hari. Pengakhiran diberitahukan secara tertulis paling lambat 30 (tiga puluh) hari sebelumnya; kewajiban yang telah timbul tetap diselesaikan.',
      ),
      pasal(
        6,
        'Keadaan Kahar',
        'Keadaan kahar adalah keadaan di luar kehendak dan kemampuan para pihak, antara lain bencana alam, wabah, kebakaran, kerusuhan, atau kebijakan pemerintah, yang menghalangi pelaksanaan perjanjian. Pihak yang mengalaminya memberitahukan pihak lainnya secara tertulis paling lambat 7 (tujuh) hari sejak terjadinya; selama keadaan kahar berlangsung, kewajiban yang terhalang ditangguhkan tanpa denda.',
      ),
      pasal(
        7,
        'Penyelesaian Perselisihan',
        `Perselisihan yang timbul dari perjanjian ini diselesaikan secara musyawarah untuk mufakat dengan fasilitasi Bappeda ${p.kabupaten_nama}. Bila dalam 30 (tiga puluh) hari tidak tercapai mufakat, para pihak sepakat menyelesaikannya melalui Pengadilan Negeri yang wilayah hukumnya meliputi tempat kedudukan PIHAK PERTAMA.`,
      ),
      pasal(8, 'Ketentuan Lain', r.catatan?.trim() || 'Hal yang belum diatur dalam perjanjian ini diatur kemudian atas kesepakatan kedua pihak secara tertulis dan menjadi bagian yang tidak terpisahkan dari perjanjian ini.'),
      {
        stack: [
          // A non-breaking hyphen: "masing-masing" is never split by justification.
          { text: 'Perjanjian ini dibuat rangkap 2 (dua), masing\u2011masing bermeterai cukup dan mempunyai kekuatan hukum yang sama.', alignment: 'justify', margin: [0, 10, 0, 12] },
          { columns: [tandaTanganPihak('PIHAK KEDUA', (r.wakil_pembeli ?? '').trim(), (r.jabatan_wakil ?? '').trim()), tandaTanganPihak('PIHAK PERTAMA', (r.ketua ?? '').trim(), `Ketua ${r.kelompok}`)] },
          // The witness's block centred under the parties: a centred column of its own width.
          { columns: [{ text: '', width: '*' }, { ...(blokTandaTangan(penandatangan, { text: 'Mengetahui,' }, !!opsi.siapTte) as object), width: 'auto' } as unknown as Content, { text: '', width: '*' }], margin: [0, 16, 0, 0] },
        ],
        unbreakable: true,
      },
    ],
  };
  await tulisPdf(doc, path);
  return { draf, kekurangan };
}
