import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pasangZipKeFolder } from '../api/folder';
import type { RingkasanEkstrak, RingkasanImpor } from '../common/api';
import { AppError } from '../common/errors';
import { formatAngka, formatPeriode, formatPersenAtau, formatRupiah, formatTanggal } from '../common/format';
import { PENGATURAN_KANTOR, type KunciKantor } from '../common/register';
import { UsageError, type Cli, type Perintah, type Printable } from './konteks';

// The CLI's commands on the programme's data. Each maps flags to API calls; names, flags and JSON fields
// are a stable interface for IT staff and scripts.

function ringkasImpor(r: RingkasanImpor): string {
  const lines = [
    `${r.dryRun ? 'Uji coba (tidak ada yang ditulis)' : 'Impor selesai'}: ${formatAngka(r.totalBaris)} baris dibaca.`,
    `  baru: ${r.baru}, diperbarui: ${r.diperbarui}, dilewati: ${r.dilewati}, galat: ${r.jumlahGalat}, peringatan: ${r.jumlahPeringatan}`,
    ...r.galat.slice(0, 50).map((g) => `  galat baris ${g.baris}: ${g.pesan}`),
    ...r.peringatan.slice(0, 50).map((g) => `  peringatan baris ${g.baris}: ${g.pesan}`),
  ];
  return lines.join('\n');
}

const angka = (cli: Cli, name: string): number | undefined => {
  const v = cli.flag(name);
  return v === undefined ? undefined : Number(v);
};

/** Writes a produced file to -o and says so: the shape of every document command. */
async function keBerkas(cli: Cli, hint: string, buat: () => Promise<Parameters<Cli['simpan']>[0]>, teks = 'Ditulis ke'): Promise<Printable> {
  const out = cli.need('o', hint);
  const berkas = cli.simpan(await buat(), out);
  return { json: { berkas }, text: `${teks} ${out}.` };
}

export const format = (cli: Cli, bawaan?: 'pdf' | 'xlsx'): 'pdf' | 'xlsx' => {
  const f = cli.flag('format') ?? bawaan;
  if (f !== 'pdf' && f !== 'xlsx') throw new UsageError('--format adalah pdf atau xlsx.');
  return f;
};

/** The settings the CLI may set (`pengaturan set key=value …`): the office's letterhead and signer. */
const KUNCI_PENGATURAN = Object.keys(PENGATURAN_KANTOR) as KunciKantor[];

export const PERINTAH_DATA: Perintah[] = [
  {
    nama: 'pengaturan show',
    flag: [],
    bantuan: 'pengaturan show --db FILE [--json] | pengaturan set --db FILE kunci=nilai … (tembusan: baris dipisah \\n)',
    db: 'ada',
    async jalankan(cli) {
      const { lambang, ...p } = (await cli.call('app.status', {})).pengaturan;
      const data = { ...p, lambang: lambang ? 'ada' : '' };
      return { json: data, text: Object.entries(data).map(([k, v]) => `${k}: ${String(v ?? '')}`).join('\n') };
    },
  },
  {
    nama: 'pengaturan set',
    flag: [],
    bantuan: '',
    db: 'ada',
    async jalankan(cli) {
      const pasangan = cli.args.positional.slice(2);
      if (!pasangan.length) throw new UsageError(`Tulis kunci=nilai, misalnya: pengaturan set --db F kepala_nama="Dr. Ir. Budi Santoso, M.T." (kunci: ${KUNCI_PENGATURAN.join(', ')})`);
      const p = (await cli.call('app.status', {})).pengaturan;
      const ubah: Record<string, string> = {};
      for (const x of pasangan) {
        const i = x.indexOf('=');
        const kunci = i > 0 ? x.slice(0, i) : x;
        if (!(KUNCI_PENGATURAN as readonly string[]).includes(kunci)) throw new UsageError(`Kunci "${kunci}" tidak dikenal. Kunci yang dapat diatur: ${KUNCI_PENGATURAN.join(', ')}.`);
        ubah[kunci] = i > 0 ? x.slice(i + 1).replace(/\\n/g, '\n') : '';
      }
      const { lambang: _lambang, mode: _mode, kabupaten_kode: _kode, kabupaten_nama: _nama, ...sekarang } = p;
      const data = await cli.call('pengaturan.simpan', { ...sekarang, ...ubah } as Parameters<typeof cli.call<'pengaturan.simpan'>>[1]);
      const { lambang, ...hasil } = data;
      return { json: { ...hasil, lambang: lambang ? 'ada' : '' }, text: `Pengaturan disimpan: ${Object.keys(ubah).join(', ')}.` };
    },
  },
  {
    nama: 'init',
    flag: ['kabupaten', 'provinsi', 'operator'],
    bantuan: 'init --db FILE (--kabupaten 35.07 | --provinsi) [--operator NAMA]',
    db: 'baru',
    async jalankan(cli) {
      const provinsi = cli.on('provinsi');
      const kabupaten = cli.flag('kabupaten');
      if (!provinsi && !kabupaten) throw new UsageError('Pilih --kabupaten KODE (misalnya 35.07) atau --provinsi.');
      const data = await cli.call('pengaturan.setup', { mode: provinsi ? 'provinsi' : 'kabupaten', kabupaten_kode: provinsi ? null : kabupaten, operator: cli.flag('operator') ?? 'Operator' });
      return { json: { db: cli.ctx().db.file, ...data }, text: `Basis data ${cli.ctx().db.file} disiapkan untuk ${data.kabupaten_nama}.` };
    },
  },
  {
    nama: 'demo',
    flag: ['kelompok', 'seed', 'kabupaten', 'dtsen-extract', 'rows'],
    bantuan: 'demo --db FILE [--kelompok N] [--seed S] [--kabupaten 35.07] [--dtsen-extract OUT.csv [--rows N]]',
    db: 'baru',
    async jalankan(cli) {
      const extract = cli.flag('dtsen-extract');
      const demo = { kelompok: angka(cli, 'kelompok'), seed: angka(cli, 'seed'), kabupaten: cli.flag('kabupaten') ?? null };
      if (extract) {
        if (!(await cli.call('app.statistik', {})).tabel.anggota) await cli.call('demo.buat', demo);
        const data = await cli.call('demo.ekstrakDtsen', { baris: angka(cli, 'rows') ?? 1000, seed: demo.seed ?? 1 });
        const berkas = cli.simpan(data.berkas, extract);
        return { json: { berkas, baris: data.baris, anggota: data.anggota }, text: `Ekstrak contoh ditulis ke ${extract}: ${formatAngka(data.baris)} baris (${data.anggota} anggota demo).` };
      }
      const data = await cli.call('demo.buat', demo);
      return { json: data, text: `Data demo dibuat: ${data.fasilitator} fasilitator, ${data.kelompok} kelompok, ${data.anggota} anggota.` };
    },
  },
  {
    nama: 'nik',
    flag: [],
    bantuan: 'nik NIK [--json]',
    db: 'tanpa',
    async jalankan(cli) {
      const nik = cli.args.positional[1];
      if (!nik) throw new UsageError('Tulis NIK yang diperiksa: nik 3507015203850003');
      const info = await cli.call('nik.periksa', { nik });
      const text = [
        info.valid ? `NIK ${nik} sah.` : `NIK ${nik} TIDAK sah.`,
        ...info.errors.map((e) => `  galat: ${e}`),
        ...info.warnings.map((w) => `  peringatan: ${w}`),
        info.kabupaten ? `  wilayah: ${[info.namaKecamatan, info.namaKabupaten, info.namaProvinsi].filter(Boolean).join(', ')}` : '',
        info.tanggalLahir ? `  lahir: ${info.tanggalLahir}, ${info.jenisKelamin === 'P' ? 'perempuan' : 'laki-laki'}` : '',
      ].filter(Boolean);
      return { json: info, text: text.join('\n'), exitCode: info.valid ? 0 : 1 };
    },
  },
  {
    nama: 'anggota import',
    flag: ['dry-run', 'kelompok', 'sheet'],
    bantuan: 'anggota import --db FILE PATH [--dry-run] [--kelompok ID] [--sheet NAMA] [--json]',
    db: 'ada',
    async jalankan(cli) {
      const berkas = cli.daftarkan(cli.berkas('anggota import --db FILE daftar.xlsx'));
      const preview = await cli.call('anggota.imporPratinjau', { berkas, sheet: cli.flag('sheet') ?? null });
      const data = await cli.call('anggota.impor', { berkas, sheet: preview.sheet, mapping: preview.mapping, kelompokId: cli.flag('kelompok') ?? null, dryRun: cli.on('dry-run') });
      return { json: data, text: ringkasImpor(data) };
    },
  },
  {
    nama: 'anggota export',
    flag: ['o'],
    bantuan: 'anggota export --db FILE -o PATH.xlsx|PATH.csv [--json]',
    db: 'ada',
    // A file named .csv is always CSV (for Indonesian spreadsheets); anything else gets .xlsx.
    jalankan: (cli) => keBerkas(cli, 'berkas keluaran .xlsx atau .csv', () => cli.call('anggota.ekspor', { format: /\.csv$/i.test(cli.flag('o') ?? '') ? 'csv' : 'xlsx' }), 'Daftar anggota ditulis ke'),
  },
  {
    nama: 'stats',
    flag: [],
    bantuan: 'stats --db FILE [--json]',
    db: 'ada',
    async jalankan(cli) {
      const data = await cli.call('app.statistik', {});
      return { json: data, text: Object.entries(data.tabel).map(([t, n]) => `${t}: ${formatAngka(n)}`).join('\n') };
    },
  },
  {
    nama: 'dashboard',
    flag: ['bulan', 'kabupaten'],
    bantuan: 'dashboard --db FILE|postgres://… [--bulan 2026-10] [--kabupaten 35.07] [--json]   (angka utama beranda; --db boleh alamat server provinsi atau BERMANTRA_DB_URL)',
    db: 'ada',
    async jalankan(cli) {
      const d = await cli.call('dashboard.get', { bulan: cli.flag('bulan') ?? null, kabupaten: cli.flag('kabupaten') ?? null });
      const baris = [
        `Dasbor ${formatPeriode(d.bulan)} (${d.regulasi.nama})`,
        `  Kelompok aktif        ${formatAngka(d.kelompok_aktif.nilai)}`,
        `  Anggota               ${formatAngka(d.anggota.nilai)}`,
        `  Omzet bulan ini       ${formatRupiah(d.omzet_bulan.nilai)}`,
        `  Omzet tahun berjalan  ${formatRupiah(d.omzet_tahun_berjalan.nilai)}`,
        `  Kepatuhan pelaporan   ${formatPersenAtau(d.kepatuhan_bulan.nilai)}`,
        `  Perjanjian aktif      ${formatAngka(d.perjanjian_aktif.nilai)} (${formatRupiah(d.nilai_perjanjian_bulan)})`,
        ...(d.peringkat ? ['Peringkat kabupaten/kota menurut omzet tahun berjalan:', ...d.peringkat.map((p, i) => `  ${String(i + 1).padStart(2)}. ${p.nama.padEnd(24)} ${formatRupiah(p.omzet_tahun)}`)] : []),
      ];
      return { json: d, text: baris.join('\n') };
    },
  },
  {
    nama: 'laporan list',
    flag: ['period', 'kabupaten'],
    bantuan: 'laporan list --db FILE --period 2025-01 [--kabupaten 35.07] [--json]',
    db: 'ada',
    async jalankan(cli) {
      const periode = cli.need('period', 'periode: 2025-01, 2025-S1, 2025-S2 atau 2025');
      const data = await cli.call('laporan.list', { periode, kabupaten: cli.flag('kabupaten') ?? null });
      const text = data.length
        ? data.map((r) => `${r.periode}  ${r.status_efektif.padEnd(13)} ${r.kelompok_nama}  omzet ${formatRupiah(Number(r.nilai.omzet ?? 0))}${r.alasan_provinsi ? `  (alasan: ${r.alasan_provinsi})` : ''}  ${r.id}`).join('\n')
        : `Tidak ada laporan untuk ${periode}.`;
      return { json: data, text };
    },
  },
  {
    nama: 'laporan terima',
    flag: ['kabupaten', 'period'],
    bantuan: 'laporan terima --db FILE --kabupaten 35.07 --period 2026-10 [--json]   (provinsi: terima laporan sebulan satu kabupaten/kota)',
    db: 'ada',
    async jalankan(cli) {
      const kabupaten = cli.need('kabupaten', 'kode kabupaten/kota, misalnya 35.07');
      const periode = cli.need('period', 'bulan: 2026-10');
      const r = await cli.call('laporan.terima', { kabupaten, periode });
      const text = `${r.diterima} laporan diterima${r.sudah ? `, ${r.sudah} sudah diterima sebelumnya` : ''}.${r.dilewati.length ? ` Tidak diterima: ${r.dilewati.map((d) => `${d.kelompok} (${d.alasan})`).join('; ')}.` : ''} Kirim keputusan ini ke kabupaten/kota dengan "bundle ack".`;
      return { json: r, text };
    },
  },
  {
    nama: 'laporan kembalikan',
    flag: ['id', 'alasan'],
    bantuan: 'laporan kembalikan --db FILE --id ID --alasan TEKS [--json]   (provinsi: kembalikan satu laporan dengan alasan)',
    db: 'ada',
    async jalankan(cli) {
      const r = await cli.call('laporan.kembalikan', { id: cli.need('id', 'ID laporan dari "laporan list"'), alasan: cli.need('alasan', 'alasan mengembalikan') });
      return { json: r, text: `Laporan dikembalikan: ${r.alasan}. Kirim keputusan ini ke kabupaten/kota dengan "bundle ack".` };
    },
  },
  {
    nama: 'laporan periksa',
    flag: ['period'],
    bantuan: 'laporan periksa --db FILE --period 2026-10 [--json]   (aturan mutu dan pencilan; keluar 1 bila ada galat)',
    db: 'ada',
    async jalankan(cli) {
      const periode = cli.need('period', 'bulan: 2026-10');
      const data = await cli.call('laporan.periksa', { periode });
      const json = data.map((t) => ({ kelompok_id: t.kelompok_id, kelompok_nama: t.kelompok_nama, kabupaten_kode: t.kabupaten_kode, status: t.status, indikator: t.indikator, aturan: t.aturan, nilai: t.nilai, pembanding: t.pembanding, tingkat: t.tingkat, catatan: t.catatan, pesan: t.pesan }));
      const text = data.length
        ? data.map((t) => `${t.tingkat.toUpperCase().padEnd(10)} ${t.kelompok_nama} · ${t.indikator} (${t.aturan}): ${t.pesan}${t.catatan ? ` [dikonfirmasi: ${t.catatan}]` : ''}`).join('\n')
        : `Tidak ada temuan untuk ${periode}.`;
      return { json, text, exitCode: data.some((t) => t.tingkat === 'galat') ? 1 : 0 };
    },
  },
  {
    nama: 'laporan templat',
    flag: ['fasilitator', 'period', 'o'],
    bantuan: 'laporan templat --db FILE --fasilitator ID --period 2026-07 -o FILE.xlsx   (buku kerja bulanan fasilitator)',
    db: 'ada',
    jalankan: (cli) =>
      keBerkas(cli, 'berkas keluaran .xlsx', () => cli.call('laporan.templat', { fasilitator_id: cli.need('fasilitator', 'ID fasilitator'), periode: cli.need('period', 'bulan: 2026-07') }), 'Buku kerja ditulis ke'),
  },
  {
    nama: 'laporan impor',
    flag: ['dry-run', 'draft', 'period'],
    bantuan: 'laporan impor --db FILE BUKU.xlsx|BUKU.zip [--dry-run] [--draft] [--period 2026-07] [--json]   (foto di folder yang sama atau di zip)',
    db: 'ada',
    async jalankan(cli) {
      const path = cli.berkas('laporan impor --db FILE buku-kerja.xlsx [--dry-run]');
      // Photos beside the workbook (and in a "foto" folder there), named by the group's number or name.
      const dir = dirname(path);
      const foto = [dir, join(dir, 'foto')]
        .filter((d) => existsSync(d) && statSync(d).isDirectory())
        .flatMap((d) => readdirSync(d).filter((n) => /\.(jpe?g|png)$/i.test(n)).map((n) => join(d, n)));
      const r = await cli.call('laporan.imporBukuKerja', {
        berkas: cli.daftarkan(path),
        foto: foto.map((f) => cli.daftarkan(f)),
        dryRun: cli.on('dry-run'),
        status: cli.on('draft') ? 'draft' : 'diajukan',
        periode: cli.flag('period') ?? null,
      });
      const j = r.jumlah;
      const text = [
        `${r.dryRun ? 'Uji coba (tidak ada yang ditulis): ' : ''}${r.berkas}, ${r.fasilitator.nama}, ${formatPeriode(r.periode)}: ${j.baru} baru, ${j.diubah} diubah, ${j.tetap} tetap, ${j.ditolak} ditolak, ${j.foto} foto.${r.tanpaPerubahan && !r.catatan.length ? ' Tidak ada perubahan (buku kerja ini sudah diimpor).' : ''}`,
        ...r.catatan,
        ...r.baris.filter((b) => b.pesan.length).map((b) => `  baris ${b.baris} ${b.kelompok_nama}: ${b.pesan.join(' ')}`),
      ];
      return { json: r, text: text.join('\n') };
    },
  },
  {
    nama: 'laporan recap',
    flag: ['period', 'per', 'format', 'o', 'kabupaten'],
    bantuan: 'laporan recap --db FILE --period 2025-S1|2025 [--per kelompok|fasilitator|kecamatan|kabupaten] [--kabupaten 35.07] [--json]\n  laporan recap --db FILE --period 2025-01|2025-S1|2025 --format pdf|xlsx -o OUT [--per ...] [--kabupaten 35.07]   (--kabupaten: di provinsi, satu kabupaten/kota)',
    db: 'ada',
    async jalankan(cli) {
      const periode = cli.need('period', 'periode: 2025-01, 2025-S1, 2025-S2 atau 2025');
      const dipilih = cli.flag('per') as 'kabupaten' | undefined;
      if (cli.flag('format')) {
        const f = format(cli);
        return keBerkas(cli, `berkas keluaran .${f}`, () => cli.call('laporan.dokumen', { periode, per: dipilih ?? null, format: f, kabupaten: cli.flag('kabupaten') ?? null }), 'Dokumen ditulis ke');
      }
      const data = await cli.call('laporan.rekap', { periode, per: dipilih ?? 'kabupaten', kabupaten: cli.flag('kabupaten') ?? null });
      const text = [`${data.judul} per ${data.per}: kelengkapan ${data.total.kelengkapan}`, ...data.baris.map((b) => `  ${b.nama}: omzet ${formatRupiah(Number(b.nilai.omzet ?? 0))}, laba ${formatRupiah(Number(b.nilai.laba ?? 0))} (${b.kelengkapan})`)];
      return { json: data, text: text.join('\n') };
    },
  },
  {
    nama: 'terbilang',
    flag: [],
    bantuan: 'terbilang N',
    db: 'tanpa',
    async jalankan(cli) {
      const n = cli.args.positional[1];
      if (!n || !/^\d{1,15}$/.test(n)) throw new UsageError('Tulis bilangan bulat Rupiah sampai 999 triliun: terbilang 2500000');
      const words = await cli.call('proposal.terbilang', { n: Number(n) });
      return { json: { n, terbilang: words }, text: words };
    },
  },
  {
    nama: 'proposal list',
    flag: [],
    bantuan: 'proposal list --db FILE [--json] | proposal show --db FILE --id ID [--json]',
    db: 'ada',
    async jalankan(cli) {
      const data = await cli.call('proposal.list', {});
      return { json: data, text: data.map((p) => `${p.id}  ${p.status.padEnd(10)} ${formatRupiah(p.total_rab).padStart(16)}  ${p.kelompok_nama}: ${p.judul}`).join('\n') || 'Belum ada proposal.' };
    },
  },
  {
    nama: 'proposal show',
    flag: ['id'],
    bantuan: '',
    db: 'ada',
    async jalankan(cli) {
      const data = await cli.call('proposal.get', { id: cli.need('id', 'ID proposal dari "proposal list"') });
      return { json: data, text: `${data.judul} (${data.status})\nRAB ${formatRupiah(data.rab.total)}: ${data.rab.terbilang}` };
    },
  },
  {
    nama: 'proposal pdf',
    flag: ['id', 'o', 'siap-tte'],
    bantuan: 'proposal pdf --db FILE --id ID [--siap-tte] -o OUT.pdf | proposal rab-xlsx --db FILE --id ID -o OUT.xlsx',
    db: 'ada',
    jalankan: (cli) => keBerkas(cli, 'berkas keluaran .pdf', async () => cli.call('proposal.pdf', { id: cli.need('id', 'ID proposal dari "proposal list"'), siapTte: cli.on('siap-tte') }), cli.on('siap-tte') ? 'Siap TTE (menunggu tanda tangan elektronik), ditulis ke' : 'Ditulis ke'),
  },
  {
    nama: 'proposal rab-xlsx',
    flag: ['id', 'o'],
    bantuan: '',
    db: 'ada',
    jalankan: (cli) => keBerkas(cli, 'berkas keluaran .xlsx', async () => cli.call('proposal.rabXlsx', { id: cli.need('id', 'ID proposal dari "proposal list"') })),
  },
  {
    nama: 'situs export',
    flag: ['o', 'zip'],
    bantuan: 'situs export --db FILE -o FOLDER [--zip] [--json]   (situs web publik statis; --zip: satu berkas FOLDER.zip)',
    db: 'ada',
    async jalankan(cli) {
      const out = cli.need('o', 'folder keluaran situs, misalnya situs-bermantra');
      const r = await cli.call('situs.unduh', {});
      const s = r.ringkasan;
      const teks = `${formatAngka(s.halaman)} halaman, ${formatAngka(s.dataset)} dataset (CSV dan JSON), ${formatAngka(s.berkas)} berkas, ${formatAngka(Math.ceil(s.byte / 1024))} KB; angka sampai ${formatPeriode(s.bulan)}, diperbarui ${formatTanggal(s.tanggal_pembaruan)}`;
      if (cli.on('zip')) {
        const zip = cli.simpan(r, out.endsWith('.zip') ? out : `${out.replace(/[\\/]+$/, '')}.zip`);
        return { json: { ...s, folder: null, zip }, text: `Situs web ditulis ke ${zip} (${teks}).` };
      }
      pasangZipKeFolder(cli.ctx().files.resolve(r), out, 'situs', cli.terlindung());
      return { json: { ...s, folder: resolve(out), zip: null }, text: `Situs web ditulis ke ${resolve(out)} (${teks}). Buka index.html, atau salin isi folder itu ke server web.` };
    },
  },
  {
    nama: 'monev pdf',
    flag: ['tahun', 'triwulan', 'kertas', 'periode', 'o'],
    bantuan: 'monev pdf|xlsx --db FILE --tahun 2026 [--triwulan 3] [--kertas A4|F4] -o OUT (tabel evaluasi; tanpa --triwulan: triwulan terakhir yang sudah lewat) | --periode 2026-S1 (rekap periode)',
    db: 'ada',
    jalankan: (cli) => dokumenMonevCli(cli, 'pdf'),
  },
  {
    nama: 'monev xlsx',
    flag: ['tahun', 'triwulan', 'kertas', 'periode', 'o'],
    bantuan: '',
    db: 'ada',
    jalankan: (cli) => dokumenMonevCli(cli, 'xlsx'),
  },
  {
    nama: 'dtsen import',
    flag: ['sumber', 'tanggal'],
    bantuan: 'dtsen import --db FILE PATH [--sumber DTKS|DTSEN] [--tanggal YYYY-MM-DD] [--json]',
    db: 'ada',
    async jalankan(cli) {
      const path = cli.berkas('dtsen import --db FILE ekstrak.csv [--sumber DTSEN] [--tanggal 2025-10-01]');
      const sumber = (cli.flag('sumber') ?? 'DTSEN').toUpperCase().replace('-', '');
      if (sumber !== 'DTKS' && sumber !== 'DTSEN') throw new UsageError('--sumber adalah DTKS atau DTSEN.');
      const job = await cli.call('dtsen.impor', { berkas: cli.daftarkan(path), sumber, tanggal: cli.flag('tanggal') ?? new Date().toISOString().slice(0, 10) });
      const done = await tungguTugas(cli, job.id);
      const r = done as RingkasanEkstrak;
      const text = [`Snapshot ${r.sumber} ${r.tanggal_data}: ${formatAngka(r.dibaca)} baris dibaca, ${formatAngka(r.disimpan)} disimpan, ${formatAngka(r.ditolak)} ditolak.`, ...Object.entries(r.alasan_ditolak).map(([a, n]) => `  ${a}: ${n}`), ...r.contoh_ditolak.slice(0, 20).map((c) => `  baris ${c.baris}: ${c.pesan}`)];
      return { json: r, text: text.join('\n') };
    },
  },
  {
    nama: 'dtsen match',
    flag: [],
    bantuan: 'dtsen match --db FILE [--json] | dtsen hasil --db FILE -o OUT.csv|OUT.xlsx',
    db: 'ada',
    async jalankan(cli) {
      const data = await cli.call('dtsen.cocokkan', {});
      return { json: data, text: Object.entries(data.jumlah).map(([k, n]) => `${k}: ${n}`).join('\n') + `\nNIK ganda: ${data.ganda}` };
    },
  },
  {
    nama: 'dtsen hasil',
    flag: ['o'],
    bantuan: '',
    db: 'ada',
    jalankan: (cli) => keBerkas(cli, 'berkas keluaran .csv atau .xlsx', () => cli.call('dtsen.ekspor', { format: /\.xlsx$/i.test(cli.flag('o') ?? '') ? 'xlsx' : 'csv' }), 'Hasil pencocokan ditulis ke'),
  },
];

/** The e-monev period: --periode as given (2026, 2026-S1, 2026-07), or the year of --tahun. */
/** `--periode`: the period recap as before; otherwise the regulation's evaluation table of `--tahun` to `--triwulan`. */
function dokumenMonevCli(cli: Cli, format: 'pdf' | 'xlsx') {
  if (cli.flag('periode')) return keBerkas(cli, `berkas keluaran .${format}`, () => cli.call('monev.dokumen', { periode: periodeMonev(cli), format }), 'Rekap e-monev ditulis ke');
  const tahun = Number(cli.flag('tahun'));
  if (!Number.isInteger(tahun) || tahun < 2000 || tahun > 2100) throw new UsageError('Tulis --tahun 2026 (dan --triwulan 1 sampai 4, atau --periode 2026-S1 untuk rekap periode).');
  const tw = cli.flag('triwulan');
  if (tw !== undefined && !/^[1-4]$/.test(tw)) throw new UsageError(`--triwulan ${tw} tidak sah: tulis 1, 2, 3 atau 4.`);
  const kertas = (cli.flag('kertas') ?? 'A4').toUpperCase();
  if (kertas !== 'A4' && kertas !== 'F4') throw new UsageError(`--kertas ${kertas} tidak dikenal: tulis A4 atau F4.`);
  return keBerkas(cli, `berkas keluaran .${format}`, () => cli.call('monev.dokumenEvaluasi', { tahun, triwulan: tw ? Number(tw) : null, format, kertas }), 'Tabel evaluasi e-monev ditulis ke');
}

function periodeMonev(cli: Cli): string {
  const periode = cli.flag('periode') ?? cli.flag('tahun');
  if (!periode) throw new UsageError('Tulis --tahun 2026 (atau --periode 2026-S1 / 2026-07).');
  return periode;
}

/** Waits for a long job, printing progress to stderr every 100,000 rows (not with --json). */
async function tungguTugas(cli: Cli, id: string): Promise<unknown> {
  let last = 0;
  const tugas = cli.ctx().tugas;
  const timer = setInterval(() => {
    const s = tugas.status(id);
    if (s.progres && !cli.on('json') && s.progres.baris - last >= 100_000) {
      last = s.progres.baris;
      process.stderr.write(`  ${formatAngka(s.progres.baris)} baris (${Math.floor((s.progres.byte / s.progres.total) * 100)}%)\n`);
    }
  }, 500);
  try {
    const done = await tugas.tunggu(id);
    if (done.status !== 'selesai') throw new AppError(done.galat?.code ?? 'GAGAL', done.galat?.message ?? 'Impor gagal.');
    return done.hasil;
  } finally {
    clearInterval(timer);
  }
}
