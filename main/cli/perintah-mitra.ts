import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { AppError } from '../common/errors';
import { ENTITAS, nilaiBulanPerjanjian, type EntitasKode } from '../common/mitra';
import { format } from './perintah-data';
import type { Cli, Perintah } from './konteks';

// Partners: the record lists (offtaker, perjanjian, mou, isu), the cart-aid letter, the register of outgoing letters,
// the research extract for an MoU, the purchase agreement's PDF.

/**
 * A research extract (one zip with one top folder) unpacked into a new or empty folder: private files (0600), written
 * under a temporary name beside it and renamed, so a half-written extract never carries the folder's name.
 */
function bukaEkstrak(zip: string, folder: string): void {
  const sementara = `${folder.replace(/[\\/]+$/, '')}.${process.pid}.tmp`;
  mkdirSync(sementara, { recursive: true, mode: 0o700 });
  try {
    for (const [nama, isi] of Object.entries(unzipSync(readFileSync(zip)))) {
      const bagian = nama.split('/').slice(1).join('/');
      if (!bagian || nama.endsWith('/') || bagian.includes('..')) continue;
      writeFileSync(join(sementara, bagian), isi, { mode: 0o600 });
    }
    if (existsSync(folder)) rmdirSync(folder); // empty (checked before the extract was made)
    renameSync(sementara, folder);
  } catch (e) {
    rmSync(sementara, { recursive: true, force: true });
    throw e;
  }
}

async function daftarCatatan(cli: Cli, entitas: EntitasKode): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (let halaman = 1; ; halaman++) {
    const page = await cli.call('catatan.list', { entitas, halaman, per: 500 });
    for (const r of page.rows) rows.push({ ...r.data, ...Object.fromEntries(Object.entries(r.nama).map(([k, v]) => [`${k.replace(/_(id|kode)$/, '')}_nama`, v])) });
    if (halaman * 500 >= page.total) return rows;
  }
}

/** `offtaker list`, `perjanjian list`, `mou list`, `isu list`: the records with their sub-records. */
function daftar(entitas: 'offtaker' | 'perjanjian' | 'mou' | 'isu'): Perintah {
  return {
    nama: `${entitas} list`,
    flag: [],
    bantuan: '',
    db: 'ada',
    async jalankan(cli) {
      const rows = await daftarCatatan(cli, entitas);
      const anak = entitas === 'isu' ? { entitas: 'tindak_lanjut' as const, kunci: 'isu_id', nama: 'tindak_lanjut' } : entitas === 'mou' ? { entitas: 'mou_kegiatan' as const, kunci: 'mou_id', nama: 'kegiatan' } : null;
      if (anak) {
        const semua = await cli.call('catatan.list', { entitas: anak.entitas, per: 500 });
        for (const r of rows) r[anak.nama] = semua.rows.filter((t) => t.data[anak.kunci] === r.id).map((t) => t.data);
      }
      if (entitas === 'perjanjian') for (const r of rows) r.nilai_bulan = nilaiBulanPerjanjian(Number(r.volume), Number(r.harga_satuan));
      // Whether the MoU allows research data sharing, as true/false beside berlaku_sampai.
      if (entitas === 'mou') for (const r of rows) r.berbagi_data = r.berbagi_data === 1;
      const label = (r: Record<string, unknown>) => String(r[ENTITAS[entitas].nama] ?? r.id);
      return { json: rows, text: rows.map((r) => `${String(r.id)}  ${label(r)}`).join('\n') || 'Belum ada data.' };
    },
  };
}

export const PERINTAH_MITRA: Perintah[] = [
  { ...daftar('offtaker'), bantuan: 'offtaker list | perjanjian list | mou list | isu list  --db FILE [--json]' },
  daftar('perjanjian'),
  daftar('mou'),
  daftar('isu'),
  {
    nama: 'gerobak usulan',
    flag: ['tahun', 'format', 'o', 'nomor', 'siap-tte'],
    bantuan: 'gerobak usulan --db FILE --tahun 2025 --format pdf|xlsx [--nomor NOMOR_SURAT] [--siap-tte] -o OUT',
    db: 'ada',
    async jalankan(cli) {
      const tahun = Number(cli.need('tahun', 'tahun usulan, misalnya 2025'));
      const f = format(cli, 'pdf');
      const out = cli.need('o', `berkas keluaran .${f}`);
      const berkas = cli.simpan(await cli.call('gerobak.usulan', { tahun, format: f, nomor: cli.flag('nomor') ?? null, siapTte: cli.on('siap-tte') }), out);
      const jumlah = (await cli.call('gerobak.list', { tahun })).filter((g) => g.keputusan === 'diusulkan').length;
      return { json: { berkas, jumlah }, text: `Usulan gerobak ${tahun} (${jumlah} kelompok) ditulis ke ${out}.` };
    },
  },
  {
    nama: 'surat list',
    flag: ['tahun'],
    bantuan: 'surat list --db FILE [--tahun 2026] [--json]',
    db: 'ada',
    async jalankan(cli) {
      const tahun = cli.flag('tahun');
      const rows = await cli.call('suratKeluar.list', { tahun: tahun ? Number(tahun) : null });
      return { json: rows, text: rows.length ? rows.map((r) => `${r.nomor}\t${r.tanggal}\t${r.hal}`).join('\n') : 'Belum ada surat keluar yang bernomor.' };
    },
  },
  {
    nama: 'riset ekstrak',
    flag: ['mou', 'o', 'zip', 'variabel', 'bulan'],
    bantuan: 'riset ekstrak --db FILE --mou ID -o FOLDER [--zip] [--variabel omzet,kecamatan] [--bulan 24] [--json]',
    db: 'ada',
    async jalankan(cli) {
      const mou = cli.need('mou', 'ID MoU dari "mou list"');
      const zip = cli.on('zip');
      const out = cli.need('o', 'folder keluaran (baru atau kosong)');
      const tujuan = resolve(zip && !out.endsWith('.zip') ? `${out.replace(/[\\/]+$/, '')}.zip` : out);
      // Nothing is overwritten, and a refusal writes nothing (not even the log): the destination is checked first.
      if (existsSync(tujuan) && (zip || readdirSync(tujuan).length > 0)) throw new AppError('EKSTRAK_DITOLAK', `${tujuan} sudah ada. Pilih folder atau nama berkas baru: ekstrak tidak menimpa apa pun. Tidak ada berkas yang ditulis.`);
      const variabel = cli.flag('variabel')?.split(',').map((t) => t.trim()).filter(Boolean) ?? null;
      const bulan = cli.flag('bulan') ? Number(cli.flag('bulan')) : null;
      const { berkas, ringkasan: r } = await cli.call('riset.ekstrak', { mou_id: mou, variabel, bulan });
      if (zip) cli.simpan(berkas, tujuan);
      else bukaEkstrak(cli.ctx().files.resolve(berkas), tujuan);
      const json = { ...r, keluaran: tujuan };
      const teks = [`Ekstrak riset ditulis ke ${tujuan} (SHA-256 manifest ${r.hash.slice(0, 16)}…).`, ...r.tabel.map((t) => `  ${t.nama}: ${t.baris} baris; k = ${t.k}${t.l === null ? '' : `, l = ${t.l}`}; ${t.disupresi} ${t.unit} disupresi`)];
      return { json, text: teks.join('\n') };
    },
  },
  {
    nama: 'perjanjian pdf',
    flag: ['id', 'o', 'siap-tte'],
    bantuan: 'perjanjian pdf --db FILE --id ID [--siap-tte] -o OUT.pdf',
    db: 'ada',
    jalankan: async (cli) => {
      const out = cli.need('o', 'berkas keluaran .pdf');
      const r = await cli.call('perjanjian.pdf', { id: cli.need('id', 'ID perjanjian dari "perjanjian list"'), siapTte: cli.on('siap-tte') });
      const berkas = cli.simpan(r.berkas, out);
      const draf = r.draf ? ` sebagai DRAF${r.kekurangan.length ? ` (belum ada: ${r.kekurangan.join(', ')})` : ' (status masih draf)'}` : '';
      return { json: { berkas, draf: r.draf, kekurangan: r.kekurangan }, text: `Perjanjian ditulis ke ${out}${draf}.` };
    },
  },
];
