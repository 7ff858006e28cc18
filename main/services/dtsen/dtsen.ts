import ExcelJS from 'exceljs';
import { awalCsv, barisCsv } from '../dokumen';
import { FORMAT_ANGKA, FORMAT_TEKS, lembarBerjudul } from '../dokumen';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, renameSync, statSync } from 'node:fs';
import { builder, type Db } from '../../../db/connection';
import { barisQ, jalankan, type Kerja } from '../../../db/kueri';
import { uuidv7 } from '../../../db/ids';
import { FIELD_EKSTRAK, LABEL_STATUS_COCOK, NAMA_SUMBER, STATUS_COCOK, type BarisHasil, type RingkasanDtsen, type RingkasanEkstrak, type StatusCocok } from '../../common/api';
import { formatTanggal } from '../../common/format';
import { AppError } from '../../common/errors';
import { jaroWinkler, normalisasiNama } from '../../common/nama';
import { parseTanggal } from '../../common/tanggal';
import { headerKey } from '../dokumen';
import { bacaPengaturan } from '../pengaturan';
import { periksaNik } from '../wilayah';
import { bacaEkstrak, bacaEkstrakPerBatch, kenaliFormat } from '../dokumen';

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
      if (barisKosong(row.cells)) continue;
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


/** The table of one snapshot's rows (rowid = row number in the file); `nomor` comes from dtsen_snapshot. */
export function tabelEkstrak(nomor: number): string {
  if (!Number.isSafeInteger(nomor) || nomor < 1) throw new Error(`nomor snapshot tidak sah: ${nomor}`);
  return `dtsen_ekstrak_${nomor}`;
}

const BARIS_PER_INSERT = 50;

function enamBelasAngka(s: string): boolean {
  if (s.length !== 16) return false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const HARI = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const dua = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
const empat = (s: string, i: number) => dua(s, i) * 100 + dua(s, i + 2);

/** dd-mm-yyyy, dd/mm/yyyy and yyyy-mm-dd (nearly every row of an extract) without a regex; the rest via parseTanggal. */
function tanggalCepat(t: string): string | null {
  let digit = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) digit++;
  if (t.length === 10 && digit === 8) {
    const p = t.charCodeAt(2);
    let y = -1, m = 0, d = 0;
    if ((p === 45 || p === 47) && t.charCodeAt(5) === p) [d, m, y] = [dua(t, 0), dua(t, 3), empat(t, 6)];
    else if (t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) [y, m, d] = [empat(t, 0), dua(t, 5), dua(t, 8)];
    if (y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= HARI[m - 1]!) {
      if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
      return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    }
  }
  return parseTanggal(t);
}

function barisKosong(cells: string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/**
 * Streams an extract into a new snapshot, its own table, inside one transaction: a cancelled or failed
 * import leaves nothing behind. Only NIK, name, birth date, desil and (for a row without NIK) the
 * region code are kept: what matching and the officer use. Yields to the event loop between chunks, so the app stays responsive.
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
  // Column positions, -1 when not mapped.
  let iNik = -1, iNama = -1, iLahir = -1, iWilayah = -1, iDesil = -1;
  let bytes = 0;
  let lastYield = Date.now();
  db.sqlite.exec('BEGIN IMMEDIATE');
  try {
    const nomor = ((db.sqlite.prepare('SELECT max(nomor) AS n FROM dtsen_snapshot').get() as { n: number | null }).n ?? 0) + 1;
    const tabel = tabelEkstrak(nomor);
    db.sqlite.exec(`DROP TABLE IF EXISTS ${tabel}; CREATE TABLE ${tabel} (baris INTEGER PRIMARY KEY, nik TEXT, nama TEXT, tanggal_lahir TEXT, kode_wilayah TEXT, desil INTEGER)`);
    db.run(db.q.insertInto('dtsen_snapshot').values({ id, nomor, sumber: opsi.sumber, tanggal_data: opsi.tanggal, nama_berkas: nama, sha256: '', jumlah_baris: 0, jumlah_ditolak: 0, diimpor_pada: new Date().toISOString(), operator: bacaPengaturan(db).operator }));
    // Binding values costs more than SQLite's own work: 50 rows per statement cut the calls fiftyfold.
    const kolom = `INSERT INTO ${tabel} (baris, nik, nama, tanggal_lahir, kode_wilayah, desil) VALUES `;
    const insertBanyak = db.sqlite.prepare(kolom + Array(BARIS_PER_INSERT).fill('(?, ?, ?, ?, ?, ?)').join(', '));
    const insertSatu = db.sqlite.prepare(kolom + '(?, ?, ?, ?, ?, ?)');
    const antre: (string | number | null)[] = [];
    let header = false;
    for await (const batch of bacaEkstrakPerBatch(path, nama, (chunk) => {
      bytes += chunk.length;
      hash.update(chunk);
    })) {
      if (signal?.aborted) throw new AppError('DIBATALKAN', 'Impor dibatalkan. Tidak ada yang disimpan.');
      for (const { baris, cells } of batch) {
        if (barisKosong(cells)) continue;
        if (!header) {
          const headers = cells.map((c, i) => c.trim() || `Kolom ${i + 1}`);
          const mapping = opsi.mapping ?? tebakMappingEkstrak(headers);
          const posisi = (f: FieldEkstrak) => {
            const h = mapping[f];
            if (h === undefined) return -1;
            const i = headers.indexOf(h);
            if (i < 0) throw new AppError('KOLOM_TIDAK_ADA', `Kolom "${h}" tidak ada di ${nama}. Pilih ulang pemetaan kolom.`);
            return i;
          };
          for (const f of FIELD_EKSTRAK) posisi(f); // every mapped column must exist
          [iNik, iNama, iLahir, iWilayah, iDesil] = [posisi('nik'), posisi('nama'), posisi('tanggal_lahir'), posisi('kode_wilayah'), posisi('desil')];
          if (iNik < 0) throw new AppError('KOLOM_NIK_TIDAK_ADA', `Kolom NIK tidak ditemukan di baris judul ${nama}. Pilih kolom yang berisi NIK.`);
          header = true;
          continue;
        }
        ringkasan.dibaca++;
        const rawNik = (cells[iNik] ?? '').trim();
        let nik: string | null = rawNik;
        if (!enamBelasAngka(rawNik)) {
          nik = rawNik.replace(/[\s'.-]/g, '') || null;
          if (/^\d([.,]\d+)?e\+?\d+$/i.test(rawNik)) {
            tolak(baris, 'NIK notasi ilmiah', `NIK "${rawNik}" tertulis dalam notasi ilmiah (rusak oleh Excel).`);
            continue;
          }
          if (nik && !enamBelasAngka(nik)) {
            tolak(baris, 'NIK bukan 16 angka', `NIK "${rawNik}" bukan 16 angka.`);
            continue;
          }
        }
        const namaBaris = iNama < 0 ? '' : (cells[iNama] ?? '').trim();
        const lahirText = iLahir < 0 ? '' : (cells[iLahir] ?? '').trim();
        const lahir = lahirText ? tanggalCepat(lahirText) : null;
        if (!nik && !(namaBaris && lahir)) {
          tolak(baris, 'NIK kosong tanpa nama dan tanggal lahir', 'NIK kosong, dan nama atau tanggal lahir juga kosong.');
          continue;
        }
        const desilText = iDesil < 0 ? '' : (cells[iDesil] ?? '').trim();
        let desil: number | null = null;
        if (desilText) {
          desil = desilText.length <= 2 ? Number(desilText) : Number(desilText.replace(/^DESIL\s*/i, ''));
          if (!Number.isInteger(desil) || desil < 1 || desil > 10) {
            tolak(baris, 'desil bukan 1–10', `Desil "${desilText}" bukan angka 1–10.`);
            continue;
          }
        }
        // The region code is kept only for a row without NIK: a NIK already says its kabupaten.
        antre.push(baris, nik, namaBaris || null, lahir, nik || iWilayah < 0 ? null : (cells[iWilayah] ?? '').trim() || null, desil);
        if (antre.length === BARIS_PER_INSERT * 6) {
          insertBanyak.run(antre);
          antre.length = 0;
        }
        ringkasan.disimpan++;
      }
      onProgres?.({ baris: ringkasan.dibaca, byte: bytes, total });
      if (Date.now() - lastYield > 50) {
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
    for (let i = 0; i < antre.length; i += 6) insertSatu.run(antre.slice(i, i + 6));
    if (!header) throw new AppError('BERKAS_KOSONG', `Berkas ${nama} kosong.`);
    if (ringkasan.disimpan === 0) throw new AppError('TIDAK_ADA_BARIS', `Tidak ada baris yang dapat dipakai di ${nama} (${ringkasan.ditolak} ditolak). Periksa pemetaan kolom.`);
    ringkasan.sha256 = hash.digest('hex');
    const dup = db.get(db.q.selectFrom('dtsen_snapshot').select(['tanggal_data', 'sumber']).where('sha256', '=', ringkasan.sha256));
    if (dup) throw new AppError('EKSTRAK_SUDAH_ADA', `Berkas ${nama} sudah pernah diimpor (${NAMA_SUMBER[dup.sumber as 'DTKS'] ?? dup.sumber} data ${formatTanggal(dup.tanggal_data)}). Tidak ada yang diubah.`);
    db.sqlite.prepare('UPDATE dtsen_snapshot SET jumlah_baris = ?, jumlah_ditolak = ?, sha256 = ? WHERE id = ?').run(ringkasan.disimpan, ringkasan.ditolak, ringkasan.sha256, id);
    // Built once over this snapshot's rows (sorting beats maintaining it row by row). Birth dates need
    // no index: matching reads the few dates it needs in one pass.
    db.sqlite.exec(`CREATE INDEX ${tabel}_nik ON ${tabel}(nik)`);
    db.sqlite.exec('COMMIT');
  } catch (error) {
    db.sqlite.exec('ROLLBACK');
    throw error;
  }
  onProgres?.({ baris: ringkasan.dibaca, byte: total, total });
  return ringkasan;
}

export function daftarSnapshot(db: Db) {
  return jalankan(db, daftarSnapshotK());
}

/** The extracts imported, newest data first (none at the province: extracts stay at the district that matched them). */
export function* daftarSnapshotK() {
  return yield* barisQ(builder.selectFrom('dtsen_snapshot').selectAll().orderBy('tanggal_data', 'desc').orderBy('diimpor_pada', 'desc'));
}

export function hapusSnapshot(db: Db, id: string): void {
  db.tx(() => {
    db.run(db.q.deleteFrom('dtsen_hasil').where('snapshot_id', '=', id));
    const snap = db.get(db.q.selectFrom('dtsen_snapshot').select('nomor').where('id', '=', id));
    if (!snap) throw new AppError('TIDAK_DITEMUKAN', 'Snapshot tidak ditemukan.');
    db.sqlite.exec(`DROP TABLE IF EXISTS ${tabelEkstrak(snap.nomor)}`);
    db.run(db.q.deleteFrom('dtsen_snapshot').where('id', '=', id));
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
  const tabel = tabelEkstrak(snap.nomor);
  const kab = (bacaPengaturan(db).kabupaten_kode ?? '').replace('.', '');
  const members = db.all(db.q.selectFrom('anggota').select(['id', 'nik', 'nama', 'tanggal_lahir']).where('deleted_at', 'is', null));
  const count = new Map<string, number>();
  for (const m of members) count.set(m.nik, (count.get(m.nik) ?? 0) + 1);
  const byNik = db.sqlite.prepare(`SELECT nama, desil FROM ${tabel} WHERE nik = ? LIMIT 1`);
  const byPrefix = db.sqlite.prepare(`SELECT nik FROM ${tabel} WHERE nik >= ? AND nik <= ? LIMIT 2`);
  const previous = new Map((db.sqlite.prepare('SELECT anggota_id, dikonfirmasi FROM dtsen_hasil WHERE snapshot_id = ?').all(snap.id) as { anggota_id: string; dikonfirmasi: number | null }[]).map((r) => [r.anggota_id, r.dikonfirmasi]));

  type Hasil = { status: StatusCocok; desil: number | null; skor: number | null; nama_dtsen: string | null; dikonfirmasi: number | null };
  const hasil = new Map<string, Hasil>();
  // 1. NIK, or the flags that stop a NIK from being matched; members left over wait for step 2.
  const perTanggal = new Map<string, typeof members>();
  for (const m of members) {
    const hit = byNik.get(m.nik) as { nama: string | null; desil: number | null } | undefined;
    let status: StatusCocok = 'TIDAK_DITEMUKAN';
    if (hit) status = 'COCOK_NIK';
    else if (!periksaNik(m.nik).valid) status = 'NIK_TIDAK_VALID';
    // Same first 15 digits as one registered NIK: the 16th was lost when Excel stored it as a number.
    else if (m.nik.endsWith('0') && (byPrefix.all(m.nik.slice(0, 15) + '0', m.nik.slice(0, 15) + '9') as unknown[]).length === 1) status = 'NIK_RUSAK_EXCEL';
    else if (m.tanggal_lahir) {
      const sama = perTanggal.get(m.tanggal_lahir);
      if (sama) sama.push(m);
      else perTanggal.set(m.tanggal_lahir, [m]);
    }
    hasil.set(m.id, hit ? { status, desil: hit.desil, skor: 1, nama_dtsen: hit.nama, dikonfirmasi: null } : { status, desil: null, skor: null, nama_dtsen: null, dikonfirmasi: null });
  }
  // 2. Same birth date and a close name in this kabupaten: the rows of those dates, read in one pass.
  if (perTanggal.size) {
    const kandidat = db.sqlite.prepare(`SELECT nik, nama, tanggal_lahir, kode_wilayah, desil FROM ${tabel} WHERE tanggal_lahir IN (SELECT value FROM json_each(?))`);
    const terbaik = new Map<string, { nama: string | null; desil: number | null; skor: number }>();
    const target = new Map<string, string>();
    for (const row of kandidat.iterate(JSON.stringify([...perTanggal.keys()])) as IterableIterator<{ nik: string | null; nama: string | null; tanggal_lahir: string; kode_wilayah: string | null; desil: number | null }>) {
      // The kabupaten is in the NIK, or for a row without NIK in its region code (when it is at least 4 digits).
      const wilayah = row.nik ?? (row.kode_wilayah ?? '').replace(/\D/g, '');
      if (kab && wilayah.length >= 4 && !wilayah.startsWith(kab)) continue;
      const namaRow = normalisasiNama(row.nama ?? '');
      for (const m of perTanggal.get(row.tanggal_lahir)!) {
        if (!target.has(m.id)) target.set(m.id, normalisasiNama(m.nama));
        const skor = jaroWinkler(target.get(m.id)!, namaRow);
        const best = terbaik.get(m.id);
        if (skor >= AMBANG_NAMA && (!best || skor > best.skor)) terbaik.set(m.id, { nama: row.nama, desil: row.desil, skor });
      }
    }
    for (const [id, best] of terbaik) {
      // An officer's earlier decision on this snapshot stands: rejected stays not found.
      const was = previous.get(id) ?? null;
      hasil.set(id, { status: was === 0 ? 'TIDAK_DITEMUKAN' : 'COCOK_NAMA', desil: was === 0 ? null : best.desil, skor: Math.round(best.skor * 1000) / 1000, nama_dtsen: best.nama, dikonfirmasi: was });
    }
  }

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
      const h = hasil.get(m.id)!;
      jumlah[h.status]++;
      upsert.run(m.id, snap.id, h.status, h.desil, h.skor, h.nama_dtsen, isGanda ? 1 : 0, h.dikonfirmasi, now);
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


type HasilPencocokan = { snapshot: ReturnType<typeof daftarSnapshot>[number] | null; rows: BarisHasil[] };

export function hasilPencocokan(db: Db, filter: { status?: StatusCocok | null; kelompok?: string | null } = {}): HasilPencocokan {
  return jalankan(db, hasilPencocokanK(filter));
}

export function* hasilPencocokanK(filter: { status?: StatusCocok | null; kelompok?: string | null } = {}): Kerja<HasilPencocokan> {
  const snap = (yield* daftarSnapshotK())[0] ?? null;
  if (!snap) return { snapshot: null, rows: [] };
  const rows = (
    yield* barisQ(
      builder
        .selectFrom('dtsen_hasil as h')
        .innerJoin('anggota as a', 'a.id', 'h.anggota_id')
        .innerJoin('kelompok as k', 'k.id', 'a.kelompok_id')
        .select(['h.anggota_id', 'a.nik', 'a.nama', 'k.nama as kelompok', 'k.id as kelompok_id', 'h.status', 'h.desil', 'h.skor', 'h.nama_dtsen', 'h.ganda', 'h.dikonfirmasi'])
        .where('h.snapshot_id', '=', snap.id)
        .where('a.deleted_at', 'is', null)
        .$if(!!filter.status, (q) => q.where('h.status', '=', filter.status!))
        .$if(!!filter.kelompok, (q) => q.where('k.id', '=', filter.kelompok!))
        .orderBy('k.nama')
        .orderBy('a.nama')
        .orderBy('a.id'),
    )
  ).map((r) => ({ ...r, status: r.status as StatusCocok, ganda: r.ganda === 1 }));
  return { snapshot: snap, rows };
}


export function ringkasanDtsen(db: Db): RingkasanDtsen {
  return jalankan(db, ringkasanDtsenK());
}

export function* ringkasanDtsenK(): Kerja<RingkasanDtsen> {
  const { snapshot, rows } = yield* hasilPencocokanK();
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


/** One row per anggota: nik, nama, kelompok, status, desil, skor, ganda (.csv or .xlsx by the file name). */
export async function eksporHasil(db: Db, path: string, filter: { status?: StatusCocok | null } = {}): Promise<{ jumlah: number }> {
  const { rows } = hasilPencocokan(db, filter);
  if (rows.length === 0 && !daftarSnapshot(db).length) throw new AppError('BELUM_ADA_EKSTRAK', 'Belum ada hasil pencocokan. Impor ekstrak lalu jalankan pencocokan.');
  const temp = `${path}.${process.pid}.tmp`;
  if (/\.xlsx$/i.test(path)) {
    const wb = new ExcelJS.Workbook();
    const p = bacaPengaturan(db);
    const snap = daftarSnapshot(db)[0];
    const ws = lembarBerjudul(wb, 'Hasil', { dokumen: `Hasil pencocokan anggota dengan ${snap ? `${NAMA_SUMBER[snap.sumber as 'DTKS'] ?? snap.sumber} per ${formatTanggal(snap.tanggal_data)}` : 'DTKS/DT-SEN'}`, instansi: p.nama_instansi || (p.kabupaten_nama ?? ''), periode: filter.status ? `status ${LABEL_STATUS_COCOK[filter.status]}` : 'semua status' }, [
      { header: 'NIK', key: 'nik', width: 20, numFmt: FORMAT_TEKS },
      { header: 'Nama', key: 'nama', width: 30 },
      { header: 'Kelompok', key: 'kelompok', width: 30 },
      { header: 'Status', key: 'status', width: 24 },
      { header: 'Desil', key: 'desil', width: 8, numFmt: FORMAT_ANGKA },
      { header: 'Skor nama', key: 'skor', width: 10, numFmt: '0.00' },
      { header: 'NIK ganda', key: 'ganda', width: 10 },
    ]);
    // Missing values are blank cells, not empty text.
    for (const r of rows) ws.addRow({ nik: r.nik, nama: r.nama, kelompok: r.kelompok, status: LABEL_STATUS_COCOK[r.status], desil: r.desil ?? null, skor: r.skor ?? null, ganda: r.ganda ? 'ya' : 'tidak' });
    await wb.xlsx.writeFile(temp);
  } else {
    // For Indonesian spreadsheets: ";" with a BOM, NIKs kept as text, names that look like formulas neutralised.
    const out = createWriteStream(temp);
    out.write(awalCsv([...KOLOM_HASIL]));
    for (const r of rows) {
      const line = barisCsv([{ kode: r.nik }, r.nama, r.kelompok, r.status, r.desil, r.skor, r.ganda ? 'ya' : 'tidak']);
      if (!out.write(line + '\r\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }
  renameSync(temp, path);
  return { jumlah: rows.length };
}
