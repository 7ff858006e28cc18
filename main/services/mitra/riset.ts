import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../../../db/connection';
import { uuidv7 } from '../../../db/ids';
import type { RingkasanEkstrakRiset } from '../../common/api';
import { AppError } from '../../common/errors';
import { formatTanggal, hariIni } from '../../common/format';
import { STATUS_DIHITUNG } from '../../common/kamus';
import { bulanSebelumnya, lengkapiTurunan, wajibLapor, type NilaiLaporan } from '../../common/laporan';
import { KODE_VARIABEL_RISET, type KodeVariabelRiset } from '../../common/mitra';
import { K_MIN, L_MIN, PERSENTIL_BATAS_ATAS, pitaRentang, SUPRESI_MAKS, umurPada, variabelRiset } from '../../common/riset';
import { desilPerAnggota } from '../dtsen';
import { katalogAktif } from '../laporan';
import { bacaPengaturan, simpanNilai } from '../pengaturan';
import { namaWilayah, periksaNik } from '../wilayah';
import { profilKapasitas } from './pelatihan';
import { anonimkan, type HasilAnonim } from './riset-anonim';
import { BerkasCsv, zipFolder } from './riset-berkas';
import { dokumenPendamping, type RingkasanTabel, type SyaratMou } from './riset-dokumen';

// A research extract for a university under an MoU (UU 27/2022): only the variables the MoU approved, no name, NIK,
// KK, address, phone, photo or coordinates; ids replaced by HMAC-SHA256 pseudonyms with a secret per MoU (two
// partners' extracts cannot be joined); ages in bands, regions no finer than kecamatan, money top-coded; k-anonymity
// (k ≥ 5) by generalisation and local suppression, l-diversity (l ≥ 2) of desil. Written to a new folder (or zip)
// with metadata, a data dictionary, the researcher's README, a risk report, a DPIA to complete and a SHA-256
// manifest; logged. Nothing is written when it is refused.

export interface OpsiEkstrak {
  /** A subset of the approved variables; by default all of them. */
  variabel?: string[] | null;
  /** One .zip instead of a folder. */
  zip?: boolean;
  /** Months ending with the last closed month (default 24, at most 60). */
  bulan?: number;
  hari?: string;
}

export type HasilEkstrak = RingkasanEkstrakRiset;

const tolak = (pesan: string) => new AppError('EKSTRAK_DITOLAK', `${pesan} Tidak ada berkas yang ditulis.`);

/** The MoU's terms, or the reason no extract may be written for it. */
function syaratMou(db: Db, id: string, hari: string, diminta: string[] | null | undefined): { mou: SyaratMou; variabel: KodeVariabelRiset[] } {
  const r = db.sqlite.prepare('SELECT * FROM mou WHERE id = ? AND deleted_at IS NULL').get(id) as Record<string, string | number | null> | undefined;
  if (!r) throw new AppError('TIDAK_DITEMUKAN', 'MoU tidak ditemukan. Lihat "mou list" atau tab MoU perguruan tinggi.');
  // A district's MoU shares that district's data, made there from its own file: the province holds every district's
  // rows, and an extract made here would give one district's partner all of them.
  if (bacaPengaturan(db).mode === 'provinsi') throw tolak(`MoU ${String(r.nomor)} adalah perjanjian ${namaWilayah(String(r.kabupaten_kode)) ?? String(r.kabupaten_kode)}: ekstrak data riset dibuat oleh kabupaten/kota itu dari datanya sendiri, agar mitranya hanya menerima data wilayah itu.`);
  const mou: SyaratMou = { id, perguruan_tinggi: String(r.perguruan_tinggi), nomor: String(r.nomor), tanggal: String(r.tanggal), berlaku_sampai: String(r.berlaku_sampai), tujuan: String(r.tujuan_riset ?? '').trim(), peneliti: String(r.peneliti ?? '').trim() };
  if (r.berbagi_data !== 1) throw tolak(`MoU ${mou.nomor} (${mou.perguruan_tinggi}) tidak mengizinkan berbagi data. Centang "Mengizinkan berbagi data riset" pada MoU bila perjanjiannya memang mengatur itu.`);
  if (r.status === 'berakhir' || mou.berlaku_sampai < hari) throw tolak(`MoU ${mou.nomor} sudah berakhir (${formatTanggal(mou.berlaku_sampai)}). Perpanjang MoU-nya dahulu.`);
  if (!mou.tujuan || !mou.peneliti) throw tolak(`MoU ${mou.nomor} belum mencatat tujuan riset dan peneliti penanggung jawab. Lengkapi MoU-nya dahulu.`);
  const disetujui = String(r.variabel_riset ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const asing = disetujui.filter((v) => !(KODE_VARIABEL_RISET as readonly string[]).includes(v));
  if (asing.length) throw tolak(`Variabel ${asing.join(', ')} pada MoU tidak dikenal.`);
  if (!disetujui.length) throw tolak(`MoU ${mou.nomor} belum menyetujui variabel apa pun. Pilih variabel yang disetujui pada MoU.`);
  const minta = diminta?.length ? diminta : disetujui;
  const tidak = minta.filter((v) => !disetujui.includes(v));
  if (tidak.length) throw tolak(`Variabel ${tidak.join(', ')} tidak disetujui dalam MoU ${mou.nomor}.`);
  return { mou, variabel: KODE_VARIABEL_RISET.filter((v) => minta.includes(v)) };
}

/** The pseudonym secret of one MoU: made once, kept on this computer only (never in a bundle or an extract). */
function rahasiaMou(db: Db, id: string): Buffer {
  const kunci = `riset_kunci:${id}`;
  const ada = db.get(db.q.selectFrom('pengaturan').select('nilai').where('kunci', '=', kunci));
  if (ada) return Buffer.from(ada.nilai, 'hex');
  const baru = randomBytes(32);
  simpanNilai(db, kunci, baru.toString('hex'));
  return baru;
}

interface Kelompok {
  id: string;
  kab: string;
  kecamatan: string;
  sektor: string;
  tahun: number | null;
  terdaftar: string;
  fasilitator: string | null;
}

/** Group-level quasi-identifiers along their ladder: kecamatan, sector, founding year band. */
function tanggaKelompok(kuasi: KodeVariabelRiset[], kabupaten: (k: Kelompok) => string, kecamatanKecil: Set<string>) {
  const tahun = (k: Kelompok, lebar: 5 | 10) => (k.tahun ? pitaRentang(k.tahun, lebar) : 'tidak diketahui');
  const nilai = (kec: (k: Kelompok) => string, sek: (k: Kelompok) => string, th: (k: Kelompok) => string) => (k: Kelompok) =>
    kuasi.map((q) => (q === 'kecamatan' ? kec(k) : q === 'sektor' ? sek(k) : th(k)));
  const kec = (k: Kelompok) => namaWilayah(k.kecamatan) ?? k.kecamatan;
  const kecGabung = (k: Kelompok) => (kecamatanKecil.has(k.kecamatan) ? `(kecamatan lain di ${kabupaten(k)})` : kec(k));
  // Each rung generalises one quasi-identifier further; a rung that changes no chosen variable is left out.
  return [
    { nama: 'nilai asli', perlu: true, nilai: nilai(kec, (k) => k.sektor, (k) => tahun(k, 5)) },
    { nama: 'kecamatan kecil digabung', perlu: kuasi.includes('kecamatan'), nilai: nilai(kecGabung, (k) => k.sektor, (k) => tahun(k, 5)) },
    { nama: 'tahun berdiri 10 tahunan', perlu: kuasi.includes('tahun_berdiri'), nilai: nilai(kecGabung, (k) => k.sektor, (k) => tahun(k, 10)) },
    { nama: 'sektor digabung', perlu: kuasi.includes('sektor'), nilai: nilai(kecGabung, () => '(semua sektor)', (k) => tahun(k, 10)) },
    { nama: 'kabupaten/kota saja', perlu: kuasi.includes('kecamatan'), nilai: nilai(kabupaten, () => '(semua sektor)', (k) => tahun(k, 10)) },
  ].filter((r) => r.perlu);
}

interface Anggota {
  id: string;
  kelompok: Kelompok;
  umur: number | null;
  jk: string;
  jabatan: string;
  desil: string;
}

/** Member-level quasi-identifiers: the group's (as generalised for the group table) and age, sex, office. */
function tanggaAnggota(kuasi: KodeVariabelRiset[], grup: (k: Kelompok) => Record<string, string>, kabupaten: (k: Kelompok) => string) {
  const umur = (a: Anggota, lebar: 5 | 10 | 20) => (a.umur === null ? 'tidak diketahui' : pitaRentang(a.umur, lebar));
  const jabatan = (a: Anggota, gabung: boolean) => (gabung ? (a.jabatan === 'anggota' ? 'anggota' : 'pengurus') : a.jabatan);
  const rung = (nama: string, lebar: 5 | 10 | 20, gabungJabatan: boolean, sektorSemua: boolean, kabSaja: boolean, perlu: KodeVariabelRiset | null) => ({
    nama,
    perlu: perlu === null || kuasi.includes(perlu),
    nilai: (a: Anggota) =>
      kuasi.map((q) =>
        q === 'usia' ? umur(a, lebar) : q === 'jenis_kelamin' ? a.jk : q === 'jabatan' ? jabatan(a, gabungJabatan) : q === 'sektor' && sektorSemua ? '(semua sektor)' : q === 'kecamatan' && kabSaja ? kabupaten(a.kelompok) : (grup(a.kelompok)[q] ?? ''),
      ),
  });
  return [
    rung('nilai asli (umur 5 tahunan)', 5, false, false, false, null),
    rung('jabatan pengurus/anggota', 5, true, false, false, 'jabatan'),
    rung('umur 10 tahunan', 10, true, false, false, 'usia'),
    rung('sektor digabung', 10, true, true, false, 'sektor'),
    rung('kabupaten/kota saja', 10, true, true, true, 'kecamatan'),
    rung('umur 20 tahunan', 20, true, true, true, 'usia'),
  ].filter((r) => r.perlu);
}

/** The value at the given percentile (nearest rank) of the positive values, for top-coding. */
function persentil(nilai: number[], p: number): number | null {
  if (!nilai.length) return null;
  const urut = Float64Array.from(nilai).sort();
  return urut[Math.min(urut.length - 1, Math.ceil(p * urut.length) - 1)]!;
}

export async function buatEkstrakRiset(db: Db, mouId: string, keluaran: string, opsi: OpsiEkstrak = {}): Promise<HasilEkstrak> {
  const hari = opsi.hari ?? hariIni();
  const { mou, variabel } = syaratMou(db, mouId, hari, opsi.variabel);
  const tujuan = opsi.zip && !keluaran.endsWith('.zip') ? `${keluaran}.zip` : keluaran;
  if (existsSync(tujuan) && (!opsi.zip ? readdirSync(tujuan).length > 0 : true)) throw tolak(`${tujuan} sudah ada. Pilih folder atau nama berkas baru: ekstrak tidak menimpa apa pun.`);
  const p = bacaPengaturan(db);
  const katalog = katalogAktif(db);
  const rahasia = rahasiaMou(db, mouId);
  const samaran = (jenis: string, id: string) => createHmac('sha256', rahasia).update(`${jenis}:${id}`).digest('hex').slice(0, 20);
  const jumlahBulan = Math.min(60, Math.max(1, opsi.bulan ?? 24));
  const akhir = bulanSebelumnya(hari.slice(0, 7), 1);
  const awal = bulanSebelumnya(akhir, jumlahBulan - 1);
  const bulan = Array.from({ length: jumlahBulan }, (_, i) => bulanSebelumnya(akhir, jumlahBulan - 1 - i));
  const dipilih = (v: KodeVariabelRiset) => variabel.includes(v);

  // Groups and their quasi-identifiers; small kecamatan (fewer groups than k × 4) are merged first.
  const kelompok = (db.sqlite.prepare("SELECT id, kabupaten_kode, kecamatan_kode, sektor, tahun_berdiri, created_at, fasilitator_id FROM kelompok WHERE deleted_at IS NULL AND status = 'aktif'").raw().all() as [string, string, string, string, number | null, string, string | null][]).map(
    ([id, kab, kec, sektor, tahun, dibuat, fasilitator]) => ({ id, kab, kecamatan: kec, sektor, tahun, terdaftar: dibuat, fasilitator }),
  );
  const perKec = new Map<string, number>();
  for (const k of kelompok) perKec.set(k.kecamatan, (perKec.get(k.kecamatan) ?? 0) + 1);
  const kecamatanKecil = new Set([...perKec].filter(([, n]) => n < K_MIN * 4).map(([k]) => k));
  const kabupaten = (k: Kelompok) => namaWilayah(k.kab) ?? k.kab;
  const kuasiKelompok = (['kecamatan', 'sektor', 'tahun_berdiri'] as const).filter(dipilih);
  const hasilK = kuasiKelompok.length ? anonimkan(kelompok, tanggaKelompok([...kuasiKelompok], kabupaten, kecamatanKecil), null) : { units: kelompok, nilai: new Map(kelompok.map((k) => [k, []])), disupresi: [], generalisasi: [], k: kelompok.length, l: null };
  if (!hasilK) throw tolak(`Data kelompok terlalu sedikit untuk dibagikan dengan aman (k ≥ ${K_MIN}) dengan variabel ${kuasiKelompok.join(', ')}. Kurangi variabel pengenal tidak langsung.`);
  const grup = new Map(hasilK.units.map((k) => [k.id, Object.fromEntries(kuasiKelompok.map((q, i) => [q, hasilK.nilai.get(k)![i]!]))]));

  // Everything is written into a temporary folder beside the destination as it is made (rows streamed, hashed on the
  // way), then renamed (or zipped, streaming, and the zip renamed): a half-written extract never carries the name.
  mkdirSync(dirname(tujuan), { recursive: true });
  const sementara = join(dirname(tujuan), `.${basename(tujuan)}.${process.pid}.tmp`);
  const ringkasan: RingkasanTabel[] = [];
  const hashBerkas = new Map<string, string>();
  try {
    mkdirSync(sementara, { mode: 0o700 });
    const tulis = (nama: string, isi: Buffer) => {
      writeFileSync(join(sementara, nama), isi, { mode: 0o600 });
      hashBerkas.set(nama, createHash('sha256').update(isi).digest('hex'));
    };

    // Table 1: group-months, for every month a group had to report (kepatuhan) or reported.
    const indikator = variabel.filter((v) => variabelRiset().get(v)!.tingkat === 'kelompok_bulan' && v !== 'kepatuhan_lapor' && v !== 'fasilitator_dilatih');
    // Each group's facilitator and the month of that facilitator's first training (the evidence view's definition).
    const pertama = new Map(profilKapasitas(db).filter((f) => f.pertama).map((f) => [f.fasilitator_id, f.pertama!.slice(0, 7)]));
    const dilatihSebelum = (k: Kelompok, bulanIni: string) => {
      const m = pertama.get(k.fasilitator ?? '');
      return m !== undefined && m < bulanIni;
    };
    if (indikator.length || dipilih('kepatuhan_lapor') || dipilih('fasilitator_dilatih')) {
      const status = STATUS_DIHITUNG.map(() => '?').join(', ');
      // Pass 1: the money values only, for the top-codes (numbers, not the reports).
      const uang = indikator.filter((v) => variabelRiset().get(v)!.jenis === 'rupiah');
      const nilaiUang: Record<string, number[]> = Object.fromEntries(uang.map((v) => [v, []]));
      if (uang.length) {
        for (const [nilai] of db.sqlite.prepare(`SELECT nilai FROM laporan_bulanan WHERE deleted_at IS NULL AND periode BETWEEN ? AND ? AND status IN (${status})`).raw().iterate(awal, akhir, ...STATUS_DIHITUNG) as Iterable<[string]>) {
          const n = lengkapiTurunan(katalog, JSON.parse(nilai) as NilaiLaporan);
          for (const v of uang) {
            const x = Number(n[v]);
            if (Number.isFinite(x) && x > 0) nilaiUang[v]!.push(x);
          }
        }
      }
      const batasAtas: Record<string, number | null> = Object.fromEntries(uang.map((v) => [v, persentil(nilaiUang[v]!, PERSENTIL_BATAS_ATAS)]));
      // Pass 2: group by group (its months from the index), each row written as it is made.
      const kolom = ['id_kelompok', 'periode', ...kuasiKelompok, ...(dipilih('kepatuhan_lapor') ? ['laporan_masuk'] : []), ...(dipilih('fasilitator_dilatih') ? ['fasilitator_dilatih'] : []), ...indikator];
      const csv = new BerkasCsv(join(sementara, 'kelompok_bulan.csv'), kolom);
      const milikKelompok = db.sqlite.prepare(`SELECT periode, nilai FROM laporan_bulanan WHERE kelompok_id = ? AND deleted_at IS NULL AND periode BETWEEN ? AND ? AND status IN (${status})`).raw();
      for (const k of hasilK.units) {
        const id = samaran('kelompok', k.id);
        const g = grup.get(k.id)!;
        const laporan = new Map((milikKelompok.all(k.id, awal, akhir, ...STATUS_DIHITUNG) as [string, string][]).map(([b, n]) => [b, lengkapiTurunan(katalog, JSON.parse(n) as NilaiLaporan)]));
        for (const b of bulan) {
          const n = laporan.get(b);
          if (!n && !(dipilih('kepatuhan_lapor') && wajibLapor(k.terdaftar, b))) continue;
          const nilai = indikator.map((v) => {
            const x = n?.[v];
            if (typeof x !== 'number' || !Number.isFinite(x)) return '';
            const atas = batasAtas[v];
            return atas !== undefined && atas !== null && x > atas ? atas : x;
          });
          const dilatih = dipilih('fasilitator_dilatih') ? [dilatihSebelum(k, b) ? 1 : 0] : [];
          csv.baris([id, b, ...kuasiKelompok.map((q) => g[q]), ...(dipilih('kepatuhan_lapor') ? [n ? 1 : 0] : []), ...dilatih, ...nilai]);
        }
      }
      hashBerkas.set('kelompok_bulan.csv', csv.tutup());
      ringkasan.push({ nama: 'kelompok_bulan', baris: csv.jumlah, kolom, kuasi: [...kuasiKelompok], unit: 'kelompok', jumlah_unit: kelompok.length, hasil: hasilK, batas_atas: batasAtas, periode: [awal, akhir] });
    }

    // Table 2: members, with their group's generalised attributes, age band, sex, office and desil.
    const tingkatAnggota = variabel.filter((v) => variabelRiset().get(v)!.tingkat === 'anggota');
    if (tingkatAnggota.length) {
      const desil = dipilih('desil') ? desilPerAnggota(db) : new Map<string, number>();
      const kelompokTetap = new Map(hasilK.units.map((k) => [k.id, k]));
      const anggota: Anggota[] = [];
      for (const [id, kid, nik, lahir, jk, jabatan] of db.sqlite.prepare('SELECT id, kelompok_id, nik, tanggal_lahir, jenis_kelamin, jabatan FROM anggota WHERE deleted_at IS NULL').raw().iterate() as Iterable<[string, string, string, string | null, string, string]>) {
        const k = kelompokTetap.get(kid);
        if (!k) continue; // a member of a suppressed or inactive group is not written
        const tgl = lahir ?? (dipilih('usia') ? periksaNik(nik).tanggalLahir : null);
        anggota.push({ id, kelompok: k, umur: tgl ? umurPada(tgl, hari) : null, jk, jabatan, desil: String(desil.get(id) ?? '') });
      }
      const kuasiAnggota = [...kuasiKelompok.filter((q) => q !== 'tahun_berdiri'), ...(['usia', 'jenis_kelamin', 'jabatan'] as const).filter(dipilih)];
      const hasilA = anonimkan(anggota, tanggaAnggota(kuasiAnggota, (k) => grup.get(k.id)!, kabupaten), dipilih('desil') ? (a) => a.desil : null);
      if (!hasilA) throw tolak(`Data anggota terlalu sedikit untuk dibagikan dengan aman (k ≥ ${K_MIN}, l ≥ ${L_MIN}) dengan variabel ${kuasiAnggota.join(', ')}. Kurangi variabel pengenal tidak langsung.`);
      const kolom = ['id_anggota', 'id_kelompok', ...kuasiAnggota, ...(dipilih('desil') ? ['desil'] : [])];
      const csv = new BerkasCsv(join(sementara, 'anggota.csv'), kolom);
      for (const a of hasilA.units) csv.baris([samaran('anggota', a.id), samaran('kelompok', a.kelompok.id), ...hasilA.nilai.get(a)!, ...(dipilih('desil') ? [a.desil] : [])]);
      hashBerkas.set('anggota.csv', csv.tutup());
      ringkasan.push({ nama: 'anggota', baris: csv.jumlah, kolom, kuasi: kuasiAnggota, unit: 'anggota', jumlah_unit: anggota.length, hasil: hasilA as HasilAnonim<unknown>, batas_atas: {}, periode: [awal, akhir] });
    }

    for (const [nama, isi] of await dokumenPendamping({ mou, variabel, tabel: ringkasan, pengaturan: p, hari, supresiMaks: SUPRESI_MAKS })) tulis(nama, isi);
    const manifest = [...hashBerkas].map(([nama, h]) => `${h}  ${nama}`).join('\n') + '\n';
    tulis('MANIFEST.sha256', Buffer.from(manifest, 'utf8'));
    const hash = createHash('sha256').update(manifest).digest('hex');
    const siap = opsi.zip ? zipFolder(sementara, basename(keluaran).replace(/\.zip$/, ''), [...hashBerkas.keys()]) : sementara;
    db.tx(() => {
      db.run(db.q.insertInto('riset_ekstrak').values({ id: uuidv7(), mou_id: mouId, waktu: new Date().toISOString(), operator: p.operator || 'operator', variabel: variabel.join(','), baris: ringkasan.reduce((n, t) => n + t.baris, 0), hash }));
      // Only an empty folder the officer made for it is replaced (rmdir refuses one that filled up meanwhile); a file is never.
      if (existsSync(tujuan)) {
        if (opsi.zip) throw tolak(`${tujuan} sudah ada. Pilih nama berkas baru: ekstrak tidak menimpa apa pun.`);
        rmdirSync(tujuan);
      }
      renameSync(siap, tujuan);
    });
    if (opsi.zip) rmSync(sementara, { recursive: true, force: true });
    return hasilAkhir(tujuan, mouId, variabel, ringkasan, hash);
  } catch (e) {
    rmSync(sementara, { recursive: true, force: true });
    rmSync(`${sementara}.zip`, { force: true });
    throw e;
  }
}

function hasilAkhir(tujuan: string, mouId: string, variabel: string[], ringkasan: RingkasanTabel[], hash: string): HasilEkstrak {
  return {
    keluaran: tujuan,
    mou_id: mouId,
    variabel,
    tabel: ringkasan.map((t) => ({ nama: t.nama, baris: t.baris, kuasi_identifikator: t.kuasi, k: t.hasil.k, l: t.hasil.l, disupresi: t.hasil.disupresi.length, unit: t.unit, generalisasi: t.hasil.generalisasi })),
    hash,
  };
}

/** The extracts written for an MoU (or all), newest first. */
export function logEkstrakRiset(db: Db, mouId?: string | null) {
  let q = db.q.selectFrom('riset_ekstrak').selectAll();
  if (mouId) q = q.where('mou_id', '=', mouId);
  return db.all(q.orderBy('waktu', 'desc'));
}
