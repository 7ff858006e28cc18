import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { uuidv7 } from '../../db/ids';
import { AppError } from '../common/errors';
import { jaroWinkler, normalisasiNama } from '../common/nama';
import { parseJenisKelamin, parseTanggal } from './anggota-impor';
import { bacaEkstrak, kenaliFormat } from './ekstrak';
import { periksaNik } from './nik';
import { bacaPengaturan } from './pengaturan';
import { headerKey } from './spreadsheet';
import { FIELD_EKSTRAK, STATUS_COCOK, type BarisHasil, type RingkasanDtsen, type RingkasanEkstrak, type StatusCocok } from '../common/api';

// Matching group members against DTKS / DT-SEN extracts from Dinas Sosial. Extracts are kept as dated
// snapshots in this installation only; results say which snapshot they came from.

export type FieldEkstrak = (typeof FIELD_EKSTRAK)[number];
export type MappingEkstrak = Partial<Record<FieldEkstrak, string>>;

const GUESS: Record<FieldEkstrak, string[]> = {
  nik: ['NIK', 'NOKTP', 'NIKART', 'NOMORINDUKKEPENDUDUKAN'],
  no_kk: ['NOKK', 'NKK', 'NOMORKK', 'NOKARTUKELUARGA'],
  nama: ['NAMA', 'NAMALENGKAP', 'NAMAART', 'NAMAANGGOTA'],
  tanggal_lahir: ['TGLLAHIR', 'TANGGALLAHIR', 'TGLLHR'],
  jenis_kelamin: ['JENISKELAMIN', 'JK', 'JNSKEL', 'KELAMIN'],
  kode_wilayah: ['KODEWILAYAH', 'KDDESA', 'KDKEC', 'KDKAB', 'KODEDESA', 'KODEKEC'],
  desil: ['DESIL', 'PERINGKATDESIL', 'DESILNASIONAL', 'PERINGKAT'],
  id_dtks: ['IDDTKS', 'IDBDT', 'IDART', 'IDKELUARGA'],
};

export function tebakMappingEkstrak(headers: string[]): MappingEkstrak {
  const keys = headers.map(headerKey);
  const mapping: MappingEkstrak = {};
  for (const f of FIELD_EKSTRAK) {
    for (const guess of GUESS[f]) {
      const i = keys.indexOf(guess);
      if (i >= 0 && !Object.values(mapping).includes(headers[i]!)) {
        mapping[f] = headers[i]!;
        break;
      }
    }
  }
  return mapping;
}

export interface PratinjauEkstrak {
  format: string;
  encoding: string;
  headers: string[];
  mapping: MappingEkstrak;
  sampel: string[][];
  ukuran: number;
}

export async function pratinjauEkstrak(path: string, nama: string): Promise<PratinjauEkstrak> {
  const f = kenaliFormat(path, nama);
  let headers: string[] | null = null;
  const sampel: string[][] = [];
  for await (const row of bacaEkstrak(path, nama)) {
    if (!headers) {
      if (row.cells.every((c) => !c.trim())) continue;
      headers = row.cells.map((c, i) => c.trim() || `Kolom ${i + 1}`);
      continue;
    }
    sampel.push(row.cells);
    if (sampel.length >= 10) break;
  }
  if (!headers) throw new AppError('BERKAS_KOSONG', `Berkas ${nama} tidak berisi baris judul.`);
  return { format: f.format, encoding: f.encoding, headers, mapping: tebakMappingEkstrak(headers), sampel, ukuran: statSync(path).size };
}

export interface Progres {
  baris: number;
  byte: number;
  total: number;
}


/**
 * Streams an extract into a new snapshot inside one transaction: a cancelled or failed import leaves
 * nothing behind. Yields to the event loop between chunks, so the app stays responsive.
 */
export async function imporEkstrak(
  db: Db,
  path: string,
  nama: string,
  opsi: { sumber: 'DTKS' | 'DTSEN'; tanggal: string; mapping?: MappingEkstrak | null },
  onProgres?: (p: Progres) => void,
  signal?: AbortSignal,
): Promise<RingkasanEkstrak> {
  const total = statSync(path).size;
  // Hashed while it streams (one read of the file); a file imported before is refused before commit.
  const hash = createHash('sha256');

  const id = uuidv7();
  const ringkasan: RingkasanEkstrak = { snapshot_id: id, sumber: opsi.sumber, tanggal_data: opsi.tanggal, dibaca: 0, disimpan: 0, ditolak: 0, contoh_ditolak: [], alasan_ditolak: {}, sha256: '' };
  const tolak = (baris: number, alasan: string, pesan = alasan) => {
    ringkasan.ditolak++;
    ringkasan.alasan_ditolak[alasan] = (ringkasan.alasan_ditolak[alasan] ?? 0) + 1;
    if (ringkasan.contoh_ditolak.length < 1000) ringkasan.contoh_ditolak.push({ baris, pesan });
  };
  const insert = db.sqlite.prepare(
    'INSERT INTO dtsen_baris (snapshot_id, baris, nik, no_kk, nama, nama_norm, tanggal_lahir, jenis_kelamin, kode_wilayah, desil, id_dtks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let col: Partial<Record<FieldEkstrak, number>> | null = null;
  let bytes = 0;
  let lastYield = Date.now();
  db.sqlite.exec('BEGIN IMMEDIATE');
  try {
    // Bulk load: maintaining two indexes row by row costs more than rebuilding them once at the end.
    db.sqlite.exec('DROP INDEX IF EXISTS dtsen_baris_nik; DROP INDEX IF EXISTS dtsen_baris_lahir;');
    db.run(db.q.insertInto('dtsen_snapshot').values({ id, sumber: opsi.sumber, tanggal_data: opsi.tanggal, nama_berkas: nama, sha256: '', jumlah_baris: 0, jumlah_ditolak: 0, diimpor_pada: new Date().toISOString(), operator: bacaPengaturan(db).operator }));
    for await (const row of bacaEkstrak(path, nama, (chunk) => {
      bytes += chunk.length;
      hash.update(chunk);
    })) {
      if (signal?.aborted) throw new AppError('DIBATALKAN', 'Impor dibatalkan. Tidak ada yang disimpan.');
      if (!col) {
        if (row.cells.every((c) => !c.trim())) continue;
        const headers = row.cells.map((c, i) => c.trim() || `Kolom ${i + 1}`);
        const mapping = opsi.mapping ?? tebakMappingEkstrak(headers);
        col = {};
        for (const [f, h] of Object.entries(mapping) as [FieldEkstrak, string][]) {
          const i = headers.indexOf(h);
          if (i < 0) throw new AppError('KOLOM_TIDAK_ADA', `Kolom "${h}" tidak ada di ${nama}. Pilih ulang pemetaan kolom.`);
          col[f] = i;
        }
        if (col.nik === undefined) throw new AppError('KOLOM_NIK_TIDAK_ADA', `Kolom NIK tidak ditemukan di baris judul ${nama}. Pilih kolom yang berisi NIK.`);
        continue;
      }
      if (row.cells.every((c) => !c.trim())) continue;
      ringkasan.dibaca++;
      const get = (f: FieldEkstrak) => (col![f] === undefined ? '' : (row.cells[col![f]!] ?? '').trim());
      const rawNik = get('nik');
      let nik: string | null = rawNik.replace(/[\s'.-]/g, '') || null;
      if (/^\d([.,]\d+)?e\+?\d+$/i.test(rawNik)) {
        tolak(row.baris, 'NIK notasi ilmiah', `NIK "${rawNik}" tertulis dalam notasi ilmiah (rusak oleh Excel).`);
        continue;
      }
      if (nik && !/^\d{16}$/.test(nik)) {
        tolak(row.baris, 'NIK bukan 16 angka', `NIK "${rawNik}" bukan 16 angka.`);
        continue;
      }
      const namaBaris = get('nama');
      const lahir = parseTanggal(get('tanggal_lahir'));
      if (!nik && !(namaBaris && lahir)) {
        tolak(row.baris, 'NIK kosong tanpa nama dan tanggal lahir', 'NIK kosong, dan nama atau tanggal lahir juga kosong.');
        continue;
      }
      const desilText = get('desil');
      let desil: number | null = null;
      if (desilText) {
        desil = Number(desilText.replace(/^DESIL\s*/i, ''));
        if (!Number.isInteger(desil) || desil < 1 || desil > 10) {
          tolak(row.baris, 'desil bukan 1–10', `Desil "${desilText}" bukan angka 1–10.`);
          continue;
        }
      }
      insert.run(id, row.baris, nik, get('no_kk').replace(/\D/g, '') || null, namaBaris || null, null, lahir, parseJenisKelamin(get('jenis_kelamin')), get('kode_wilayah') || null, desil, get('id_dtks') || null);
      ringkasan.disimpan++;
      if (ringkasan.dibaca % 2000 === 0) {
        onProgres?.({ baris: ringkasan.dibaca, byte: bytes, total });
        if (Date.now() - lastYield > 50) {
          await new Promise((r) => setImmediate(r));
          lastYield = Date.now();
        }
      }
    }
    if (!col) throw new AppError('BERKAS_KOSONG', `Berkas ${nama} kosong.`);
    if (ringkasan.disimpan === 0) throw new AppError('TIDAK_ADA_BARIS', `Tidak ada baris yang dapat dipakai di ${nama} (${ringkasan.ditolak} ditolak). Periksa pemetaan kolom.`);
    ringkasan.sha256 = hash.digest('hex');
    const dup = db.get(db.q.selectFrom('dtsen_snapshot').select(['tanggal_data', 'sumber']).where('sha256', '=', ringkasan.sha256));
    if (dup) throw new AppError('EKSTRAK_SUDAH_ADA', `Berkas ${nama} sudah pernah diimpor (${dup.sumber} data ${dup.tanggal_data}). Tidak ada yang diubah.`);
    db.sqlite.prepare('UPDATE dtsen_snapshot SET jumlah_baris = ?, jumlah_ditolak = ?, sha256 = ? WHERE id = ?').run(ringkasan.disimpan, ringkasan.ditolak, ringkasan.sha256, id);
    db.sqlite.exec('CREATE INDEX dtsen_baris_nik ON dtsen_baris(snapshot_id, nik); CREATE INDEX dtsen_baris_lahir ON dtsen_baris(snapshot_id, tanggal_lahir);');
    db.sqlite.exec('COMMIT');
  } catch (error) {
    db.sqlite.exec('ROLLBACK');
    throw error;
  }
  onProgres?.({ baris: ringkasan.dibaca, byte: total, total });
  return ringkasan;
}

export function daftarSnapshot(db: Db) {
  return db.all(db.q.selectFrom('dtsen_snapshot').selectAll().orderBy('tanggal_data', 'desc').orderBy('diimpor_pada', 'desc'));
}

export function hapusSnapshot(db: Db, id: string): void {
  db.tx(() => {
    db.run(db.q.deleteFrom('dtsen_hasil').where('snapshot_id', '=', id));
    db.run(db.q.deleteFrom('dtsen_baris').where('snapshot_id', '=', id));
    const r = db.run(db.q.deleteFrom('dtsen_snapshot').where('id', '=', id));
    if (r.changes === 0) throw new AppError('TIDAK_DITEMUKAN', 'Snapshot tidak ditemukan.');
  });
}

export const AMBANG_NAMA = 0.9;

/**
 * 1. NIK equal → COCOK_NIK. 2. Same birth date, close name (Jaro–Winkler ≥ 0.90) in this kabupaten →
 * COCOK_NAMA, for an officer to confirm. 3. Otherwise TIDAK_DITEMUKAN. Invalid NIKs and NIKs that lost
 * their 16th digit in Excel are flagged first. Confirmations of name matches survive a re-run.
 */
export function cocokkan(db: Db, snapshotId?: string | null): { snapshot_id: string; jumlah: Record<StatusCocok, number>; ganda: number } {
  const snap = snapshotId ? db.get(db.q.selectFrom('dtsen_snapshot').selectAll().where('id', '=', snapshotId)) : daftarSnapshot(db)[0];
  if (!snap) throw new AppError('BELUM_ADA_EKSTRAK', 'Belum ada ekstrak DTKS/DT-SEN. Impor ekstrak dari Dinas Sosial lebih dulu.');
  const kab = (bacaPengaturan(db).kabupaten_kode ?? '').replace('.', '');
  const members = db.all(db.q.selectFrom('anggota').select(['id', 'nik', 'nama', 'tanggal_lahir']).where('deleted_at', 'is', null));
  const count = new Map<string, number>();
  for (const m of members) count.set(m.nik, (count.get(m.nik) ?? 0) + 1);
  const byNik = db.sqlite.prepare('SELECT nama, desil FROM dtsen_baris WHERE snapshot_id = ? AND nik = ? LIMIT 1');
  const byPrefix = db.sqlite.prepare("SELECT nik FROM dtsen_baris WHERE snapshot_id = ? AND nik >= ? AND nik <= ? LIMIT 2");
  const byDate = db.sqlite.prepare('SELECT nik, nama, nama_norm, desil FROM dtsen_baris WHERE snapshot_id = ? AND tanggal_lahir = ?');
  const previous = new Map((db.sqlite.prepare('SELECT anggota_id, dikonfirmasi FROM dtsen_hasil WHERE snapshot_id = ?').all(snap.id) as { anggota_id: string; dikonfirmasi: number | null }[]).map((r) => [r.anggota_id, r.dikonfirmasi]));
  const upsert = db.sqlite.prepare(
    `INSERT INTO dtsen_hasil (anggota_id, snapshot_id, status, desil, skor, nama_dtsen, ganda, dikonfirmasi, diperbarui_pada) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(anggota_id, snapshot_id) DO UPDATE SET status = excluded.status, desil = excluded.desil, skor = excluded.skor, nama_dtsen = excluded.nama_dtsen, ganda = excluded.ganda, dikonfirmasi = excluded.dikonfirmasi, diperbarui_pada = excluded.diperbarui_pada`,
  );
  const jumlah = Object.fromEntries(STATUS_COCOK.map((s) => [s, 0])) as Record<StatusCocok, number>;
  let ganda = 0;
  const now = new Date().toISOString();
  db.tx(() => {
    for (const m of members) {
      const isGanda = (count.get(m.nik) ?? 0) > 1;
      if (isGanda) ganda++;
      let status: StatusCocok = 'TIDAK_DITEMUKAN';
      let desil: number | null = null;
      let skor: number | null = null;
      let namaDtsen: string | null = null;
      let dikonfirmasi: number | null = null;
      const info = periksaNik(m.nik);
      const hit = byNik.get(snap.id, m.nik) as { nama: string | null; desil: number | null } | undefined;
      if (hit) {
        status = 'COCOK_NIK';
        desil = hit.desil;
        skor = 1;
        namaDtsen = hit.nama;
      } else if (!info.valid) {
        status = 'NIK_TIDAK_VALID';
      } else if (m.nik.endsWith('0') && (byPrefix.all(snap.id, m.nik.slice(0, 15) + '0', m.nik.slice(0, 15) + '9') as unknown[]).length === 1) {
        // Same first 15 digits as one registered NIK: the 16th was lost when Excel stored it as a number.
        status = 'NIK_RUSAK_EXCEL';
      } else if (m.tanggal_lahir) {
        const target = normalisasiNama(m.nama);
        let best: { nik: string | null; nama: string | null; desil: number | null; score: number } | null = null;
        for (const row of byDate.all(snap.id, m.tanggal_lahir) as { nik: string | null; nama: string | null; nama_norm: string | null; desil: number | null }[]) {
          if (row.nik && row.nik.length === 16 && kab && !row.nik.startsWith(kab)) continue;
          const score = jaroWinkler(target, row.nama_norm ?? normalisasiNama(row.nama ?? ''));
          if (score >= AMBANG_NAMA && (!best || score > best.score)) best = { ...row, score };
        }
        if (best) {
          const was = previous.get(m.id);
          dikonfirmasi = was ?? null;
          status = was === 0 ? 'TIDAK_DITEMUKAN' : 'COCOK_NAMA';
          desil = was === 0 ? null : best.desil;
          skor = Math.round(best.score * 1000) / 1000;
          namaDtsen = best.nama;
        }
      }
      jumlah[status]++;
      upsert.run(m.id, snap.id, status, desil, skor, namaDtsen, isGanda ? 1 : 0, dikonfirmasi, now);
    }
  });
  return { snapshot_id: snap.id, jumlah, ganda };
}

/** An officer confirms or rejects a name match. */
export function konfirmasiNama(db: Db, anggotaId: string, terima: boolean, snapshotId?: string | null): void {
  const snap = snapshotId ?? daftarSnapshot(db)[0]?.id;
  const r = db.get(db.q.selectFrom('dtsen_hasil').selectAll().where('anggota_id', '=', anggotaId).where('snapshot_id', '=', snap ?? ''));
  if (!r || (r.status !== 'COCOK_NAMA' && r.dikonfirmasi !== 0)) throw new AppError('BUKAN_COCOK_NAMA', 'Anggota ini tidak sedang menunggu konfirmasi kecocokan nama.');
  db.run(
    db.q
      .updateTable('dtsen_hasil')
      .set(terima ? { status: 'COCOK_NAMA', dikonfirmasi: 1, diperbarui_pada: new Date().toISOString() } : { status: 'TIDAK_DITEMUKAN', desil: null, dikonfirmasi: 0, diperbarui_pada: new Date().toISOString() })
      .where('anggota_id', '=', anggotaId)
      .where('snapshot_id', '=', r.snapshot_id),
  );
}


export function hasilPencocokan(db: Db, filter: { status?: StatusCocok | null; kelompok?: string | null } = {}): { snapshot: ReturnType<typeof daftarSnapshot>[number] | null; rows: BarisHasil[] } {
  const snap = daftarSnapshot(db)[0] ?? null;
  if (!snap) return { snapshot: null, rows: [] };
  const rows = db
    .all(
      db.q
        .selectFrom('dtsen_hasil as h')
        .innerJoin('anggota as a', 'a.id', 'h.anggota_id')
        .innerJoin('kelompok as k', 'k.id', 'a.kelompok_id')
        .select(['h.anggota_id', 'a.nik', 'a.nama', 'k.nama as kelompok', 'k.id as kelompok_id', 'h.status', 'h.desil', 'h.skor', 'h.nama_dtsen', 'h.ganda', 'h.dikonfirmasi'])
        .where('h.snapshot_id', '=', snap.id)
        .where('a.deleted_at', 'is', null)
        .$if(!!filter.status, (q) => q.where('h.status', '=', filter.status!))
        .$if(!!filter.kelompok, (q) => q.where('k.id', '=', filter.kelompok!))
        .orderBy('k.nama')
        .orderBy('a.nama'),
    )
    .map((r) => ({ ...r, status: r.status as StatusCocok, ganda: r.ganda === 1 }));
  return { snapshot: snap, rows };
}


export function ringkasanDtsen(db: Db): RingkasanDtsen {
  const { snapshot, rows } = hasilPencocokan(db);
  const jumlah = Object.fromEntries(STATUS_COCOK.map((s) => [s, 0])) as Record<StatusCocok, number>;
  const desil = Array.from({ length: 10 }, () => 0);
  const per = new Map<string, RingkasanDtsen['per_kelompok'][number]>();
  for (const r of rows) {
    jumlah[r.status]++;
    const k = per.get(r.kelompok_id) ?? { kelompok_id: r.kelompok_id, kelompok: r.kelompok, anggota: 0, cocok: 0, desil_1_4: 0, di_atas_4: 0, tidak_ditemukan: 0 };
    k.anggota++;
    if (r.status === 'COCOK_NIK' || (r.status === 'COCOK_NAMA' && r.dikonfirmasi === 1)) {
      k.cocok++;
      if (r.desil) {
        desil[r.desil - 1]!++;
        if (r.desil <= 4) k.desil_1_4++;
        else k.di_atas_4++;
      }
    }
    if (r.status === 'TIDAK_DITEMUKAN') k.tidak_ditemukan++;
    per.set(r.kelompok_id, k);
  }
  return {
    snapshot: snapshot ? { id: snapshot.id, sumber: snapshot.sumber, tanggal_data: snapshot.tanggal_data, nama_berkas: snapshot.nama_berkas, jumlah_baris: snapshot.jumlah_baris } : null,
    total: rows.length,
    jumlah,
    desil,
    di_atas_desil_4: desil.slice(4).reduce((a, b) => a + b, 0),
    menunggu_konfirmasi: rows.filter((r) => r.status === 'COCOK_NAMA' && r.dikonfirmasi === null).length,
    per_kelompok: [...per.values()],
  };
}

const KOLOM_HASIL = ['nik', 'nama', 'kelompok', 'status', 'desil', 'skor', 'ganda'] as const;

function csvCell(v: string): string {
  return /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per anggota: nik, nama, kelompok, status, desil, skor, ganda (.csv or .xlsx by the file name). */
export async function eksporHasil(db: Db, path: string, filter: { status?: StatusCocok | null } = {}): Promise<{ jumlah: number }> {
  const { rows } = hasilPencocokan(db, filter);
  if (rows.length === 0 && !daftarSnapshot(db).length) throw new AppError('BELUM_ADA_EKSTRAK', 'Belum ada hasil pencocokan. Impor ekstrak lalu jalankan pencocokan.');
  const values = rows.map((r) => [r.nik, r.nama, r.kelompok, r.status, r.desil === null ? '' : String(r.desil), r.skor === null ? '' : String(r.skor), r.ganda ? 'ya' : 'tidak']);
  const temp = `${path}.${process.pid}.tmp`;
  if (/\.xlsx$/i.test(path)) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hasil', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = KOLOM_HASIL.map((h) => ({ header: h, key: h, width: h === 'nama' || h === 'kelompok' ? 30 : 18 }));
    ws.getRow(1).font = { bold: true };
    for (const v of values) {
      const row = ws.addRow(v.map((x, i) => (i === 4 && x ? Number(x) : i === 5 && x ? Number(x) : x)));
      row.getCell(1).numFmt = '@';
    }
    ws.getColumn(1).numFmt = '@';
    await wb.xlsx.writeFile(temp);
  } else {
    const out = createWriteStream(temp);
    out.write('\uFEFF' + KOLOM_HASIL.join(',') + '\r\n');
    for (const v of values) if (!out.write(v.map(csvCell).join(',') + '\r\n')) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  }
  renameSync(temp, path);
  return { jumlah: rows.length };
}

/**
 * A synthetic extract matching the demo members: most present by NIK, some only by a misspelt name
 * with a different NIK, some absent; plus `rows` other people. Streams, so a million rows is fine.
 */
export async function tulisEkstrakDemo(db: Db, path: string, rows = 1000, seed = 1): Promise<{ baris: number; anggota: number }> {
  const { rng, namaOrang } = await import('./demo');
  const { buatNik } = await import('./nik');
  const r = rng(seed);
  const kab = bacaPengaturan(db).kabupaten_kode ?? '35.07';
  const members = db.all(db.q.selectFrom('anggota').select(['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin']).where('deleted_at', 'is', null));
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line + '\r\n')) await once(out, 'drain');
  };
  const tgl = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '');
  const desil = () => (r.next() < 0.75 ? r.int(1, 4) : r.int(5, 10));
  const typo = (nama: string) => {
    const i = r.int(1, nama.length - 2);
    return nama.slice(0, i) + nama[i + 1] + nama[i] + nama.slice(i + 2);
  };
  await write('NIK,NO_KK,NAMA_LENGKAP,TGL_LAHIR,JENIS_KELAMIN,KDKAB,DESIL,ID_DTKS');
  let count = 0;
  let id = 1;
  for (const m of members) {
    const p = r.next();
    if (p < 0.1) continue; // not registered
    const nik = p < 0.15 ? `${m.nik.slice(0, 12)}${String(r.int(5000, 9999))}` : m.nik; // registered under another NIK
    const nama = p < 0.15 ? typo(m.nama) : m.nama.toUpperCase();
    await write([nik, m.no_kk ?? '', `"${nama}"`, tgl(m.tanggal_lahir), m.jenis_kelamin, kab.replace('.', ''), desil(), `DTKS${String(id++).padStart(9, '0')}`].join(','));
    count++;
  }
  const kecamatan = (await import('./wilayah')).kecamatanDi(kab).map((k) => k.kode);
  for (let i = 0; i < rows; i++) {
    const jk = r.next() < 0.5 ? 'L' : 'P';
    const lahir = `${r.int(1945, 2020)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const nik = buatNik(r.pick(kecamatan), lahir, jk, r.int(1, 9999));
    await write([nik, `${nik.slice(0, 6)}${String(r.int(1, 9999999999)).padStart(10, '0')}`, namaOrang(r, jk).toUpperCase(), tgl(lahir), jk, kab.replace('.', ''), desil(), `DTKS${String(id++).padStart(9, '0')}`].join(','));
    count++;
  }
  out.end();
  await once(out, 'finish');
  return { baris: count, anggota: members.length };
}
