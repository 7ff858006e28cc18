import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import type { MethodName, Input, Output, RingkasanEkstrak, RingkasanImpor } from '../common/api';
import { AppError } from '../common/errors';
import type { FileRef } from '../common/contract-kit';
import { formatAngka, formatRupiah } from '../common/format';
import { periksaNik } from '../services/wilayah/nik';
import { terbilang } from '../common/terbilang';
import { ENTITAS } from '../common/mitra';
import { periksaBundel } from '../services/sinkron/bundle';
import { tulisEkstrakDemo } from '../services/dtsen/dtsen';
import { cadangkanKunci, pulihkanKunci } from '../services/sinkron/kunci';
import { flag, parseArgs, type Args } from './args';

// The headless door: `npm run cli --silent -- <command>`. Commands, flags and JSON fields are a
// stable interface for IT staff and scripts. With --json, stdout holds exactly one JSON document.

const USAGE = `Bermantra CLI

  init --db FILE (--kabupaten 35.07 | --provinsi) [--operator NAMA]
  demo --db FILE [--kelompok N] [--seed S] [--kabupaten 35.07] [--dtsen-extract OUT.csv [--rows N]]
  dtsen import --db FILE PATH [--sumber DTKS|DTSEN] [--tanggal YYYY-MM-DD] [--json]
  dtsen match --db FILE [--json] | dtsen hasil --db FILE -o OUT.csv|OUT.xlsx
  nik NIK [--json]
  anggota import --db FILE PATH [--dry-run] [--kelompok ID] [--sheet NAMA] [--json]
  anggota export --db FILE -o PATH.xlsx [--json]
  stats --db FILE [--json]
  proposal list --db FILE [--json] | proposal show --db FILE --id ID [--json]
  proposal pdf --db FILE --id ID -o OUT.pdf | proposal rab-xlsx --db FILE --id ID -o OUT.xlsx
  terbilang N
  offtaker list | perjanjian list | mou list | isu list  --db FILE [--json]
  gerobak usulan --db FILE --tahun 2025 --format pdf|xlsx -o OUT
  keys init --db FILE | keys export --db FILE -o FILE.bmid | keys import --db FILE FILE.bmid [--ganti-kunci]
  keys backup --db FILE -o FILE --frasa F | keys restore --db FILE FILE --frasa F
  bundle export --db FILE -o OUT [--full] [--json] | bundle inspect FILE [--json]
  bundle import --db FILE FILE [--dry-run] [--percayai SIDIK_JARI] [--json]
  bundle ack --db FILE --kabupaten 35.07 -o FILE | bundle referensi --db FILE -o FILE
  laporan list --db FILE --period 2025-01 [--json]
  laporan recap --db FILE --period 2025-S1|2025 [--per kelompok|fasilitator|kecamatan|kabupaten] [--json]
  laporan recap --db FILE --period 2025-01|2025-S1|2025 --format pdf|xlsx -o OUT [--per ...]

Semua perintah menerima --json: satu dokumen JSON di stdout; galat ke stderr dengan kode keluar bukan nol.`;

class UsageError extends Error {}

function need(args: Args, name: string, hint: string): string {
  const value = flag(args, name);
  if (!value) throw new UsageError(`Argumen --${name} wajib diisi (${hint}).`);
  return value;
}

function openContext(args: Args, mustExist = true): AppContext {
  const db = need(args, 'db', 'berkas basis data, misalnya data/bermantra.sqlite');
  if (mustExist && !existsSync(db)) throw new AppError('DB_TIDAK_ADA', `Basis data ${db} tidak ada. Buat dulu dengan: init --db ${db} --kabupaten 35.07`);
  return new AppContext(db);
}

async function call<M extends MethodName>(ctx: AppContext, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.data as Output<M>;
}

function ringkasImpor(r: RingkasanImpor): string {
  const lines = [
    `${r.dryRun ? 'Uji coba (tidak ada yang ditulis)' : 'Impor selesai'}: ${formatAngka(r.totalBaris)} baris dibaca.`,
    `  baru: ${r.baru}, diperbarui: ${r.diperbarui}, dilewati: ${r.dilewati}, galat: ${r.galat.length}, peringatan: ${r.peringatan.length}`,
    ...r.galat.slice(0, 50).map((g) => `  galat baris ${g.baris}: ${g.pesan}`),
    ...r.peringatan.slice(0, 50).map((g) => `  peringatan baris ${g.baris}: ${g.pesan}`),
  ];
  return lines.join('\n');
}

/** exitCode: a result that is a "no" (an invalid NIK) exits 1 while still printing the result. */
type Printable = { json: unknown; text: string; exitCode?: number };

async function run(args: Args): Promise<Printable> {
  const [command, sub] = args.positional;
  switch (command) {
    case 'init': {
      const provinsi = args.flags.get('provinsi') === true;
      const kabupaten = flag(args, 'kabupaten');
      if (!provinsi && !kabupaten) throw new UsageError('Pilih --kabupaten KODE (misalnya 35.07) atau --provinsi.');
      const ctx = openContext(args, false);
      try {
        const data = await call(ctx, 'pengaturan.setup', {
          mode: provinsi ? 'provinsi' : 'kabupaten',
          kabupaten_kode: provinsi ? null : kabupaten,
          operator: flag(args, 'operator') ?? 'Operator',
        });
        return { json: { db: ctx.db.file, ...data }, text: `Basis data ${ctx.db.file} disiapkan untuk ${data.kabupaten_nama}.` };
      } finally {
        ctx.close();
      }
    }
    case 'demo': {
      const ctx = openContext(args, false);
      try {
        const extract = flag(args, 'dtsen-extract');
        if (extract) {
          const punya = (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM anggota').get() as { n: number }).n > 0;
          if (!punya) await call(ctx, 'demo.buat', { kelompok: Number(flag(args, 'kelompok') ?? 30), seed: Number(flag(args, 'seed') ?? 1), kabupaten: flag(args, 'kabupaten') ?? null });
          const data = await tulisEkstrakDemo(ctx.db, extract, Number(flag(args, 'rows') ?? 1000), Number(flag(args, 'seed') ?? 1));
          return { json: { berkas: resolve(extract), ...data }, text: `Ekstrak contoh ditulis ke ${extract}: ${formatAngka(data.baris)} baris (${data.anggota} anggota demo).` };
        }
        const kelompok = flag(args, 'kelompok');
        const seed = flag(args, 'seed');
        const data = await call(ctx, 'demo.buat', {
          kelompok: kelompok ? Number(kelompok) : undefined,
          seed: seed ? Number(seed) : undefined,
          kabupaten: flag(args, 'kabupaten') ?? null,
        });
        return { json: data, text: `Data demo dibuat: ${data.fasilitator} fasilitator, ${data.kelompok} kelompok, ${data.anggota} anggota.` };
      } finally {
        ctx.close();
      }
    }
    case 'nik': {
      if (!sub) throw new UsageError('Tulis NIK yang diperiksa: nik 3507015203850003');
      // Pure check: needs no database, so it does not open one.
      const info = periksaNik(sub);
      const text = [
        info.valid ? `NIK ${sub} sah.` : `NIK ${sub} TIDAK sah.`,
        ...info.errors.map((e) => `  galat: ${e}`),
        ...info.warnings.map((w) => `  peringatan: ${w}`),
        info.kabupaten ? `  wilayah: ${[info.namaKecamatan, info.namaKabupaten, info.namaProvinsi].filter(Boolean).join(', ')}` : '',
        info.tanggalLahir ? `  lahir: ${info.tanggalLahir}, ${info.jenisKelamin === 'P' ? 'perempuan' : 'laki-laki'}` : '',
      ].filter(Boolean);
      return { json: info, text: text.join('\n'), exitCode: info.valid ? 0 : 1 };
    }
    case 'anggota': {
      const ctx = openContext(args);
      try {
        if (sub === 'import') {
          const path = args.positional[2];
          if (!path) throw new UsageError('Tulis berkas yang diimpor: anggota import --db FILE daftar.xlsx');
          if (!existsSync(path)) throw new AppError('BERKAS_HILANG', `Berkas ${path} tidak ditemukan.`);
          const berkas = ctx.files.register(resolve(path));
          const preview = await call(ctx, 'anggota.imporPratinjau', { berkas, sheet: flag(args, 'sheet') ?? null });
          const data = await call(ctx, 'anggota.impor', {
            berkas,
            sheet: preview.sheet,
            mapping: preview.mapping,
            kelompokId: flag(args, 'kelompok') ?? null,
            dryRun: args.flags.get('dry-run') === true,
          });
          return { json: data, text: ringkasImpor(data) };
        }
        if (sub === 'export') {
          const out = need(args, 'o', 'berkas keluaran .xlsx');
          const file: FileRef = await call(ctx, 'anggota.ekspor', {});
          copyFileSync(ctx.files.resolve(file), out);
          return { json: { berkas: resolve(out) }, text: `Daftar anggota ditulis ke ${out}.` };
        }
        throw new UsageError('Perintah anggota: import atau export.');
      } finally {
        ctx.close();
      }
    }
    case 'laporan': {
      const ctx = openContext(args);
      try {
        const periode = need(args, 'period', 'periode: 2025-01, 2025-S1, 2025-S2 atau 2025');
        if (sub === 'list') {
          const data = await call(ctx, 'laporan.list', { periode });
          return {
            json: data,
            text: data.length ? data.map((r) => `${r.periode}  ${r.status.padEnd(12)} ${r.kelompok_nama}  omzet ${formatRupiah(Number(r.nilai.omzet ?? 0))}`).join('\n') : `Tidak ada laporan untuk ${periode}.`,
          };
        }
        if (sub === 'recap') {
          const per = (flag(args, 'per') ?? 'kabupaten') as 'kabupaten';
          const format = flag(args, 'format');
          if (format) {
            if (format !== 'pdf' && format !== 'xlsx') throw new UsageError('--format adalah pdf atau xlsx.');
            const out = need(args, 'o', `berkas keluaran .${format}`);
            const file = await call(ctx, 'laporan.dokumen', { periode, per, format });
            copyFileSync(ctx.files.resolve(file), out);
            return { json: { berkas: resolve(out) }, text: `Dokumen ditulis ke ${out}.` };
          }
          const data = await call(ctx, 'laporan.rekap', { periode, per });
          const text = [
            `${data.judul} per ${data.per}: kelengkapan ${data.total.kelengkapan}`,
            ...data.baris.map((b) => `  ${b.nama}: omzet ${formatRupiah(Number(b.nilai.omzet ?? 0))}, laba ${formatRupiah(Number(b.nilai.laba ?? 0))} (${b.kelengkapan})`),
          ];
          return { json: data, text: text.join('\n') };
        }
        throw new UsageError('Perintah laporan: list atau recap.');
      } finally {
        ctx.close();
      }
    }
    case 'terbilang': {
      if (!sub || !/^\d{1,15}$/.test(sub)) throw new UsageError('Tulis bilangan bulat Rupiah sampai 999 triliun: terbilang 2500000');
      const words = terbilang(BigInt(sub));
      return { json: { n: sub, terbilang: words }, text: words };
    }
    case 'proposal': {
      const ctx = openContext(args);
      try {
        if (sub === 'list') {
          const data = await call(ctx, 'proposal.list', {});
          return { json: data, text: data.map((p) => `${p.id}  ${p.status.padEnd(10)} ${formatRupiah(p.total_rab).padStart(16)}  ${p.kelompok_nama}: ${p.judul}`).join('\n') || 'Belum ada proposal.' };
        }
        const id = need(args, 'id', 'ID proposal dari "proposal list"');
        if (sub === 'show') {
          const data = await call(ctx, 'proposal.get', { id });
          return { json: data, text: `${data.judul} (${data.status})\nRAB ${formatRupiah(data.rab.total)}: ${data.rab.terbilang}` };
        }
        if (sub === 'pdf' || sub === 'rab-xlsx') {
          const out = need(args, 'o', sub === 'pdf' ? 'berkas keluaran .pdf' : 'berkas keluaran .xlsx');
          const file = sub === 'pdf' ? await call(ctx, 'proposal.pdf', { id }) : await call(ctx, 'proposal.rabXlsx', { id });
          copyFileSync(ctx.files.resolve(file), out);
          return { json: { berkas: resolve(out) }, text: `Ditulis ke ${out}.` };
        }
        throw new UsageError('Perintah proposal: list, show, pdf atau rab-xlsx.');
      } finally {
        ctx.close();
      }
    }
    case 'keys': {
      const ctx = openContext(args);
      try {
        if (sub === 'init') {
          const data = await call(ctx, 'sinkron.buatKunci', {});
          return { json: data, text: `Kunci siap. Sidik jari: ${data.sidik_jari}` };
        }
        if (sub === 'export') {
          const out = need(args, 'o', 'berkas identitas keluaran, misalnya identitas-35.07.bmid');
          copyFileSync(ctx.files.resolve(await call(ctx, 'sinkron.eksporIdentitas', {})), out);
          const id = JSON.parse(readFileSync(out, 'utf8')) as { kode: string; sidik_jari: string };
          return { json: { berkas: resolve(out), kode: id.kode, sidik_jari: id.sidik_jari }, text: `Identitas ${id.kode} ditulis ke ${out}. Sidik jari: ${id.sidik_jari}` };
        }
        if (sub === 'import') {
          const path = args.positional[2];
          if (!path || !existsSync(path)) throw new UsageError('Tulis berkas identitas yang diimpor: keys import --db FILE identitas.bmid');
          const data = await call(ctx, 'sinkron.imporIdentitas', { berkas: ctx.files.register(resolve(path)), gantiKunci: args.flags.get('ganti-kunci') === true });
          return { json: data, text: `${data.kode} ${data.baru ? 'didaftarkan' : 'diperbarui'}. Sidik jari: ${data.sidik_jari}` };
        }
        if (sub === 'backup' || sub === 'restore') {
          const frasa = flag(args, 'frasa') ?? process.env.BERMANTRA_FRASA;
          if (!frasa) throw new UsageError('Beri frasa sandi dengan --frasa atau variabel lingkungan BERMANTRA_FRASA.');
          if (sub === 'backup') {
            const out = need(args, 'o', 'berkas cadangan kunci');
            writeFileSync(out, cadangkanKunci(ctx.db, frasa));
            return { json: { berkas: resolve(out) }, text: `Cadangan kunci ditulis ke ${out}. Simpan frasa sandinya terpisah.` };
          }
          const path = args.positional[2];
          if (!path || !existsSync(path)) throw new UsageError('Tulis berkas cadangan kunci: keys restore --db FILE cadangan.json --frasa …');
          pulihkanKunci(ctx.db, readFileSync(path, 'utf8'), frasa);
          return { json: { dipulihkan: true }, text: 'Kunci dipulihkan dari cadangan.' };
        }
        throw new UsageError('Perintah keys: init, export, import, backup atau restore.');
      } finally {
        ctx.close();
      }
    }
    case 'bundle': {
      if (sub === 'inspect') {
        const path = args.positional[2];
        if (!path || !existsSync(path)) throw new UsageError('Tulis berkas bundel: bundle inspect FILE.bmb');
        const info = periksaBundel(readFileSync(path), path);
        return { json: info, text: `${info.jenis} dari ${info.pengirim} untuk ${info.penerima}, bundel ke-${info.manifest.seq}, ${formatAngka(info.ukuran)} byte, tanda tangan ${info.tanda_tangan_utuh ? 'utuh' : 'TIDAK COCOK'}\n${JSON.stringify(info.manifest.jumlah)}` };
      }
      const ctx = openContext(args);
      try {
        if (sub === 'export') {
          const out = need(args, 'o', 'berkas atau folder keluaran');
          const data = await call(ctx, 'sinkron.eksporBundel', { penuh: args.flags.get('full') === true });
          const target = existsSync(out) && statSync(out).isDirectory() ? join(out, data.berkas.nama) : out;
          copyFileSync(ctx.files.resolve(data.berkas), target);
          const manifest = periksaBundel(readFileSync(target)).manifest;
          return { json: { berkas: resolve(target), ukuran: data.ukuran, manifest }, text: `Bundel ke-${data.seq} ditulis ke ${target} (${formatAngka(Math.ceil(data.ukuran / 1024))} KB).` };
        }
        if (sub === 'import') {
          const path = args.positional[2];
          if (!path || !existsSync(path)) throw new UsageError('Tulis berkas bundel yang diimpor: bundle import --db FILE bundel.bmb');
          const data = await call(ctx, 'sinkron.imporBundel', { berkas: ctx.files.register(resolve(path)), dryRun: args.flags.get('dry-run') === true, percayai: flag(args, 'percayai') ?? null });
          const rows = Object.entries(data.tabel).map(([t, c]) => `  ${t}: baru ${c.baru}, diperbarui ${c.diperbarui}, dihapus ${c.dihapus}, diabaikan ${c.diabaikan}`);
          return { json: data, text: [data.pesan, ...rows].join('\n') };
        }
        if (sub === 'ack') {
          const kabupaten = need(args, 'kabupaten', 'kode kabupaten, misalnya 35.07');
          const out = need(args, 'o', 'berkas tanda terima keluaran');
          copyFileSync(ctx.files.resolve(await call(ctx, 'sinkron.tandaTerima', { kabupaten })), out);
          return { json: { berkas: resolve(out) }, text: `Tanda terima untuk ${kabupaten} ditulis ke ${out}.` };
        }
        if (sub === 'referensi') {
          const out = need(args, 'o', 'berkas bundel referensi keluaran');
          copyFileSync(ctx.files.resolve(await call(ctx, 'sinkron.bundelReferensi', {})), out);
          return { json: { berkas: resolve(out) }, text: `Bundel referensi ditulis ke ${out}.` };
        }
        throw new UsageError('Perintah bundle: export, inspect, import, ack atau referensi.');
      } finally {
        ctx.close();
      }
    }
    case 'dtsen': {
      const ctx = openContext(args);
      try {
        if (sub === 'import') {
          const path = args.positional[2];
          if (!path || !existsSync(path)) throw new UsageError('Tulis berkas ekstrak: dtsen import --db FILE ekstrak.csv [--sumber DTSEN] [--tanggal 2025-10-01]');
          const sumber = (flag(args, 'sumber') ?? 'DTSEN').toUpperCase().replace('-', '');
          if (sumber !== 'DTKS' && sumber !== 'DTSEN') throw new UsageError('--sumber adalah DTKS atau DTSEN.');
          const job = await call(ctx, 'dtsen.impor', { berkas: ctx.files.register(resolve(path)), sumber, tanggal: flag(args, 'tanggal') ?? new Date().toISOString().slice(0, 10) });
          let last = 0;
          const timer = setInterval(() => {
            const s = ctx.tugas.status(job.id);
            if (s.progres && !args.flags.get('json') && s.progres.baris - last >= 100_000) {
              last = s.progres.baris;
              process.stderr.write(`  ${formatAngka(s.progres.baris)} baris (${Math.floor((s.progres.byte / s.progres.total) * 100)}%)\n`);
            }
          }, 500);
          const done = await ctx.tugas.tunggu(job.id);
          clearInterval(timer);
          if (done.status !== 'selesai') throw new AppError(done.galat?.code ?? 'GAGAL', done.galat?.message ?? 'Impor gagal.');
          const r = done.hasil as RingkasanEkstrak;
          return { json: r, text: [`Snapshot ${r.sumber} ${r.tanggal_data}: ${formatAngka(r.dibaca)} baris dibaca, ${formatAngka(r.disimpan)} disimpan, ${formatAngka(r.ditolak)} ditolak.`, ...Object.entries(r.alasan_ditolak).map(([a, n]) => `  ${a}: ${n}`), ...r.contoh_ditolak.slice(0, 20).map((c) => `  baris ${c.baris}: ${c.pesan}`)].join('\n') };
        }
        if (sub === 'match') {
          const data = await call(ctx, 'dtsen.cocokkan', {});
          return { json: data, text: Object.entries(data.jumlah).map(([k, n]) => `${k}: ${n}`).join('\n') + `\nNIK ganda: ${data.ganda}` };
        }
        if (sub === 'hasil') {
          const out = need(args, 'o', 'berkas keluaran .csv atau .xlsx');
          const format = /\.xlsx$/i.test(out) ? 'xlsx' : 'csv';
          copyFileSync(ctx.files.resolve(await call(ctx, 'dtsen.ekspor', { format })), out);
          return { json: { berkas: resolve(out) }, text: `Hasil pencocokan ditulis ke ${out}.` };
        }
        throw new UsageError('Perintah dtsen: import, match atau hasil.');
      } finally {
        ctx.close();
      }
    }
    case 'offtaker':
    case 'perjanjian':
    case 'mou':
    case 'isu': {
      if (sub !== 'list') throw new UsageError(`Perintah ${command}: list.`);
      const ctx = openContext(args);
      try {
        const rows: Record<string, unknown>[] = [];
        for (let halaman = 1; ; halaman++) {
          const page = await call(ctx, 'catatan.list', { entitas: command, halaman, per: 500 });
          for (const r of page.rows) rows.push({ ...r.data, ...Object.fromEntries(Object.entries(r.nama).map(([k, v]) => [`${k.replace(/_(id|kode)$/, '')}_nama`, v])) });
          if (halaman * 500 >= page.total) break;
        }
        if (command === 'isu') {
          const tl = await call(ctx, 'catatan.list', { entitas: 'tindak_lanjut', per: 500 });
          for (const r of rows) r.tindak_lanjut = tl.rows.filter((t) => t.data.isu_id === r.id).map((t) => t.data);
        }
        if (command === 'mou') {
          const kg = await call(ctx, 'catatan.list', { entitas: 'mou_kegiatan', per: 500 });
          for (const r of rows) r.kegiatan = kg.rows.filter((t) => t.data.mou_id === r.id).map((t) => t.data);
        }
        if (command === 'perjanjian') for (const r of rows) r.nilai_bulan = Math.round(Number(r.volume) * Number(r.harga_satuan));
        const label = (r: Record<string, unknown>) => String(r[ENTITAS[command].nama] ?? r.id);
        return { json: rows, text: rows.map((r) => `${String(r.id)}  ${label(r)}`).join('\n') || 'Belum ada data.' };
      } finally {
        ctx.close();
      }
    }
    case 'gerobak': {
      if (sub !== 'usulan') throw new UsageError('Perintah gerobak: usulan --tahun 2025 --format pdf|xlsx -o OUT');
      const ctx = openContext(args);
      try {
        const tahun = Number(need(args, 'tahun', 'tahun usulan, misalnya 2025'));
        const format = flag(args, 'format') ?? 'pdf';
        if (format !== 'pdf' && format !== 'xlsx') throw new UsageError('--format adalah pdf atau xlsx.');
        const out = need(args, 'o', `berkas keluaran .${format}`);
        copyFileSync(ctx.files.resolve(await call(ctx, 'gerobak.usulan', { tahun, format })), out);
        const jumlah = (await call(ctx, 'gerobak.list', { tahun })).filter((g) => g.keputusan === 'diusulkan').length;
        return { json: { berkas: resolve(out), jumlah }, text: `Usulan gerobak ${tahun} (${jumlah} kelompok) ditulis ke ${out}.` };
      } finally {
        ctx.close();
      }
    }
    case 'stats': {
      const ctx = openContext(args);
      try {
        const data = await call(ctx, 'app.statistik', {});
        return { json: data, text: Object.entries(data.tabel).map(([t, n]) => `${t}: ${formatAngka(n)}`).join('\n') };
      } finally {
        ctx.close();
      }
    }
    default:
      throw new UsageError(command ? `Perintah "${command}" tidak dikenal.` : 'Tulis perintah yang dijalankan.');
  }
}

async function main(): Promise<number> {
  // `npm run cli` runs in the package folder; relative paths are meant from where the user typed.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const args = parseArgs(process.argv.slice(2));
  const json = args.flags.get('json') === true;
  if (args.flags.get('help') || args.positional.length === 0) {
    process.stdout.write(USAGE + '\n');
    return args.positional.length === 0 && !args.flags.get('help') ? 2 : 0;
  }
  try {
    const result = await run(args);
    process.stdout.write((json ? JSON.stringify(result.json, null, 2) : result.text) + '\n');
    return result.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const data = error instanceof AppError ? error.toData() : { code: 'GALAT_INTERNAL', message: String((error as Error).message ?? error) };
    process.stderr.write(json ? JSON.stringify({ error: data }) + '\n' : `Galat: ${data.message}\n`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
