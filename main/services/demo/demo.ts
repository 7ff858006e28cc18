import { hurufJudul } from '../../common/format';
import type { RingkasanDemo } from '../../common/api';
import type { Db } from '../../../db/connection';
import { RecordWriter } from '../../../db/write';
import { AppError } from '../../common/errors';
import { SEKTOR_USAHA, type Jabatan } from '../../common/records';
import { bulanSebelumnya, KATALOG_AWAL } from '../../common/laporan';
import { buatNik } from '../wilayah';
import { bacaPengaturan, setup } from '../pengaturan';
import { desaDi, kecamatanDi, namaWilayah } from '../wilayah';

// Synthetic, realistic data for trying the app and for tests and benches. No real person's data.

const NAMA_LAKI = ['Ahmad', 'Budi', 'Slamet', 'Sugeng', 'Agus', 'Joko', 'Hadi', 'Eko', 'Bambang', 'Sutrisno', 'Imam', 'Mohammad', 'Rudi', 'Wahyu', 'Yusuf', 'Supriadi', 'Teguh', 'Heri', 'Arif', 'Dwi', 'Hariyanto', 'Samsul', 'Nur', 'Abdul', 'Priyo'];
const NAMA_PEREMPUAN = ['Siti', 'Sri', 'Endang', 'Sulastri', 'Lilik', 'Yuli', 'Dewi', 'Tutik', 'Umi', 'Ninik', 'Suwarni', 'Rini', 'Wati', 'Nurul', 'Kartini', 'Sumiati', 'Aminah', 'Fatimah', 'Rukmini', 'Partini', 'Lestari', 'Indah', 'Mujiati', 'Khoirul', 'Anik'];
const NAMA_BELAKANG = ['Santoso', 'Wibowo', 'Rahayu', 'Hidayat', 'Setiawan', 'Purnomo', 'Lestari', 'Wahyuni', 'Susanto', 'Prasetyo', 'Suryani', 'Handayani', 'Kusuma', 'Utomo', 'Hartono', 'Maulana', 'Aisyah', 'Rohmah', 'Ningsih', 'Saputra', 'Fauzi', 'Anwar', 'Sholeh', 'Mahmudah', 'Zainal'];
const USAHA: Record<string, { kata: string[]; produk: string[] }> = {
  'Kuliner dan olahan pangan': { kata: ['Dapur', 'Boga', 'Rasa', 'Sari'], produk: ['keripik singkong', 'kue basah', 'sambal pecel', 'tempe', 'rengginang', 'jamu gendong', 'nasi bungkus'] },
  'Perdagangan (toko, warung, dagang keliling)': { kata: ['Warung', 'Niaga', 'Usaha'], produk: ['sembako', 'pentol keliling', 'sayur keliling', 'pulsa dan token'] },
  Pertanian: { kata: ['Tani', 'Subur', 'Hijau'], produk: ['sayur hidroponik', 'cabai', 'jamur tiram', 'bibit tanaman'] },
  Peternakan: { kata: ['Ternak', 'Makmur'], produk: ['telur ayam kampung', 'kambing', 'lele', 'bebek petelur'] },
  Perikanan: { kata: ['Mina', 'Bahari'], produk: ['ikan asap', 'lele', 'ikan nila', 'terasi'] },
  Kerajinan: { kata: ['Karya', 'Kriya', 'Cipta'], produk: ['anyaman bambu', 'batik tulis', 'keset perca', 'tas rajut'] },
  'Konveksi dan jahit': { kata: ['Busana', 'Jahit'], produk: ['seragam sekolah', 'mukena', 'masker kain'] },
  Jasa: { kata: ['Mitra', 'Jaya'], produk: ['laundry', 'cukur rambut', 'servis sepeda motor'] },
  Lainnya: { kata: ['Bersama', 'Sejahtera'], produk: ['pupuk organik', 'bank sampah'] },
};
const KATA_KELOMPOK = ['Mandiri', 'Sejahtera', 'Makmur', 'Berkah', 'Sumber Rejeki', 'Barokah', 'Maju Jaya', 'Srikandi', 'Melati', 'Mawar', 'Kenanga', 'Harapan', 'Guyub Rukun', 'Sido Makmur', 'Tunas Baru'];
const JALAN = ['Jl. Raya', 'Jl. Masjid', 'Jl. Merdeka', 'Dusun Krajan', 'Dusun Sumber', 'Jl. Sekolahan', 'Dusun Ngasem', 'Jl. Pahlawan'];

/** mulberry32: a small seeded generator, so the same seed gives the same demo data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

export function namaOrang(r: Rng, jk: 'L' | 'P'): string {
  return `${r.pick(jk === 'L' ? NAMA_LAKI : NAMA_PEREMPUAN)} ${r.pick(NAMA_BELAKANG)}`;
}

export interface DemoOptions {
  kelompok?: number;
  seed?: number;
  /** Months of monthly reports to create, ending last month (default 24). */
  bulan?: number;
  today?: Date;
  /** Initialise the database for this kabupaten when it is not set up yet. */
  kabupaten?: string;
}

export function buatDemo(db: Db, options: DemoOptions = {}): RingkasanDemo {
  let pengaturan = bacaPengaturan(db);
  if (!pengaturan.mode) {
    if (!options.kabupaten) throw new AppError('BELUM_DISIAPKAN', 'Basis data belum disiapkan. Jalankan "init --db FILE --kabupaten 35.07" dulu, atau beri --kabupaten.');
    pengaturan = setup(db, {
      mode: 'kabupaten',
      kabupaten_kode: options.kabupaten,
      operator: 'Operator Demo',
      nama_instansi: '',
      alamat_instansi: 'Jl. Contoh No. 1',
      kota_surat: '',
      telepon: '(0341) 000000',
      email: 'bappeda@example.go.id',
      kepala_nama: 'Dr. Contoh Kepala, M.Si.',
      kepala_nip: '197001012000031001',
      kepala_jabatan: 'Kepala Bappeda',
    });
  }
  if (pengaturan.mode !== 'kabupaten') throw new AppError('MODE_SALAH', 'Data demo dibuat untuk basis data kabupaten/kota, bukan provinsi.');
  const kabupaten = pengaturan.kabupaten_kode!;
  const r = rng(options.seed ?? 1);
  const jumlahKelompok = options.kelompok ?? 30;
  const kecamatan = kecamatanDi(kabupaten);
  if (kecamatan.length === 0) throw new AppError('WILAYAH_TIDAK_DIKENAL', `Tidak ada data kecamatan untuk ${kabupaten}.`);
  const writer = RecordWriter.forDb(db);
  const usedNik = new Set(db.all(db.q.selectFrom('anggota').select('nik')).map((a) => a.nik));
  let serial = 1;
  const nikBaru = (kec: string, lahir: string, jk: 'L' | 'P') => {
    let nik: string;
    do nik = buatNik(kec, lahir, jk, ((serial++ - 1) % 9999) + 1);
    while (usedNik.has(nik));
    usedNik.add(nik);
    return nik;
  };
  const tanggal = (minYear: number, maxYear: number) => `${r.int(minYear, maxYear)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

  return db.tx(() => {
    const fasilitatorIds: { id: string; kecamatan: string }[] = [];
    const jumlahFasilitator = Math.max(1, Math.ceil(jumlahKelompok / 10));
    for (let i = 0; i < jumlahFasilitator; i++) {
      const jk = r.next() < 0.5 ? 'L' : 'P';
      const kec = kecamatan[i % kecamatan.length]!.kode;
      const id = writer.insert('fasilitator', {
        nama: namaOrang(r, jk),
        nik: nikBaru(kec, tanggal(1975, 1998), jk),
        no_hp: `08${r.int(11, 59)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
        kecamatan_kode: kec,
        desa_kode: null,
        status: 'aktif',
      });
      fasilitatorIds.push({ id, kecamatan: kec });
    }
    let anggota = 0;
    let laporan = 0;
    const today = options.today ?? new Date();
    const thisMonth = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
    const months = Array.from({ length: options.bulan ?? 24 }, (_, i) => bulanSebelumnya(thisMonth, (options.bulan ?? 24) - i));
    for (let g = 0; g < jumlahKelompok; g++) {
      const f = fasilitatorIds[g % fasilitatorIds.length]!;
      const desaList = desaDi(f.kecamatan);
      const desa = desaList.length ? r.pick(desaList).kode : r.pick(desaDi(kecamatan[0]!.kode)).kode;
      const sektor = r.pick(SEKTOR_USAHA);
      const usaha = USAHA[sektor]!;
      const kelompokId = writer.insert('kelompok', {
        nama: `KUBE ${r.pick([...usaha.kata, ...KATA_KELOMPOK])} ${r.pick(KATA_KELOMPOK)} ${g + 1}`,
        kecamatan_kode: f.kecamatan,
        desa_kode: desa,
        sektor,
        produk_utama: r.pick(usaha.produk),
        tahun_berdiri: r.int(2015, 2025),
        status: r.next() < 0.92 ? 'aktif' : 'tidak_aktif',
        fasilitator_id: f.id,
        catatan: null,
        // Every third kelompok agreed to be named on the public website.
        tampil_publik: g % 3 === 0 ? 1 : 0,
      });
      // Registered in the month before its first report: compliance expects reports from the month after registration.
      if (months[0]) db.sqlite.prepare('UPDATE kelompok SET created_at = ? WHERE id = ?').run(`${bulanSebelumnya(months[0], 1)}-15T03:00:00.000Z`, kelompokId);
      const size = r.int(8, 14);
      for (let m = 0; m < size; m++) {
        const jk = r.next() < 0.7 ? 'P' : 'L';
        const lahir = tanggal(1960, 2003);
        const nik = nikBaru(f.kecamatan, lahir, jk);
        const jabatan: Jabatan = m === 0 ? 'ketua' : m === 1 ? 'sekretaris' : m === 2 ? 'bendahara' : 'anggota';
        writer.insert('anggota', {
          kelompok_id: kelompokId,
          nik,
          no_kk: `${nik.slice(0, 6)}${String(r.int(1, 28)).padStart(2, '0')}${String(r.int(1, 12)).padStart(2, '0')}${r.int(10, 24)}${String(r.int(1, 9999)).padStart(4, '0')}`,
          nama: namaOrang(r, jk),
          jenis_kelamin: jk,
          tanggal_lahir: lahir,
          alamat: `${r.pick(JALAN)} RT ${String(r.int(1, 9)).padStart(2, '0')}/RW ${String(r.int(1, 5)).padStart(2, '0')}, ${namaWilayah(desa)}`,
          desa_kode: desa,
          jabatan,
        });
        anggota++;
      }
      laporan += demoLaporan(writer, r, { kelompokId, fasilitatorId: f.id, size, months, produk: usaha.produk[0]!, sekarang: today.toISOString() });
    }
    const kelompokIds = (db.sqlite.prepare("SELECT id, nama, produk_utama FROM kelompok WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT ?").all(jumlahKelompok) as { id: string; nama: string; produk_utama: string }[]);
    const jumlahProposal = Math.min(kelompokIds.length, Math.max(3, Math.round(jumlahKelompok / 10)));
    for (let i = 0; i < jumlahProposal; i++) demoProposal(writer, r, kelompokIds[i]!, today);
    demoMitra(db, writer, r, kabupaten, today);
    // e-monev targets for this year, at kabupaten level
    for (const [indikator, nilai] of [['omzet', jumlahKelompok * 40_000_000], ['penjualan_offtaker', jumlahKelompok * 8_000_000], ['anggota_aktif', jumlahKelompok * 10], ['kehadiran', 80]] as const) {
      writer.insert('target_indikator', { tahun: today.getFullYear(), indikator, kecamatan_kode: null, nilai, sumber: 'kabupaten' });
    }
    return { kabupaten_kode: kabupaten, fasilitator: jumlahFasilitator, kelompok: jumlahKelompok, anggota, laporan, proposal: jumlahProposal };
  });
}

/** Plausible monthly reports for one group: seasonal omzet, a few missing months and outliers, late submissions. */
function demoLaporan(writer: RecordWriter, r: Rng, g: { kelompokId: string; fasilitatorId: string; size: number; months: string[]; produk: string; sekarang: string }): number {
  const base = r.int(8, 80) * 100_000;
  const harga = r.int(5, 40) * 1000;
  let kas = r.int(5, 30) * 100_000;
  let aset = r.int(20, 150) * 100_000;
  let count = 0;
  g.months.forEach((periode, index) => {
    if (r.next() < 0.05) return; // a month nobody reported
    const month = Number(periode.slice(5, 7));
    const season = month === 4 || month === 12 ? 1.35 : month === 7 ? 0.85 : 1;
    let omzet = Math.round((base * season * (0.8 + r.next() * 0.4)) / 1000) * 1000;
    if (r.next() < 0.01) omzet *= 5; // an outlier (or a typo) for the rules to catch
    const biaya = Math.round((omzet * (0.55 + r.next() * 0.25)) / 1000) * 1000;
    kas = Math.max(0, kas + Math.round((omzet - biaya) * 0.1));
    aset += r.next() < 0.1 ? r.int(1, 10) * 100_000 : 0;
    const last = index >= g.months.length - 2;
    const status = last ? (r.next() < 0.5 ? 'draft' : 'diajukan') : 'diverifikasi';
    const next = bulanSebelumnya(periode, -1);
    const submitDay = r.next() < 0.8 ? r.int(1, 10) : r.int(11, 25);
    // Never in the future: early in a month, last month's late submissions have not happened yet.
    const rencana = `${next}-${String(submitDay).padStart(2, '0')}T09:00:00.000Z`;
    const diajukan = status === 'draft' ? null : rencana < g.sekarang ? rencana : g.sekarang;
    writer.insert('laporan_bulanan', {
      kelompok_id: g.kelompokId,
      fasilitator_id: g.fasilitatorId,
      periode,
      status,
      katalog_versi: KATALOG_AWAL.versi,
      nilai: JSON.stringify({
        omzet,
        biaya,
        volume_produksi: Math.round(omzet / harga),
        satuan_produksi: 'bungkus',
        penjualan_offtaker: r.next() < 0.4 ? Math.round((omzet * r.next() * 0.5) / 1000) * 1000 : 0,
        anggota_aktif: Math.max(1, g.size - r.int(0, 2)),
        tenaga_kerja: r.int(2, g.size),
        aset,
        kas,
        bantuan: r.next() < 0.05 ? r.int(5, 50) * 100_000 : 0,
        pertemuan: r.int(1, 4),
        kehadiran: r.int(60, 100),
        kendala: r.next() < 0.3 ? r.pick(['Harga bahan baku naik', 'Pemasaran masih terbatas', 'Alat produksi rusak', 'Cuaca buruk']) : null,
        rencana_tindak_lanjut: r.next() < 0.3 ? r.pick(['Mencari pemasok lebih murah', 'Menawarkan ke SPPG setempat', 'Mengajukan bantuan alat', 'Ikut pameran UMKM']) : null,
      }),
      diajukan_pada: diajukan,
      diverifikasi_pada: status === 'diverifikasi' ? diajukan : null,
      diverifikasi_oleh: status === 'diverifikasi' ? 'Operator Demo' : null,
    });
    count++;
  });
  return count;
}

const BARANG: Record<string, [string, string, number][]> = {
  Peralatan: [['Kompor gas dua tungku', 'unit', 650_000], ['Wajan besar stainless', 'buah', 275_000], ['Mesin pengemas (sealer)', 'unit', 1_250_000], ['Timbangan digital', 'unit', 350_000], ['Etalase kaca', 'unit', 1_800_000], ['Gerobak dorong', 'unit', 3_500_000], ['Panci presto', 'buah', 450_000], ['Blender komersial', 'unit', 900_000], ['Freezer 200 liter', 'unit', 3_200_000], ['Mesin jahit', 'unit', 2_100_000]],
  'Bahan baku': [['Singkong', 'kg', 4_000], ['Minyak goreng', 'liter', 17_000], ['Tepung terigu', 'kg', 12_000], ['Gula pasir', 'kg', 16_500], ['Bumbu dapur', 'paket', 25_000], ['Plastik kemasan', 'pak', 35_000], ['Label merek', 'lembar', 500], ['Kain katun', 'meter', 28_000]],
  Operasional: [['Gas LPG 3 kg', 'tabung', 22_000], ['Listrik', 'bulan', 150_000], ['Transportasi bahan', 'kali', 50_000], ['Sewa tempat', 'bulan', 300_000]],
  Pelatihan: [['Pelatihan keamanan pangan (PIRT)', 'orang', 150_000], ['Konsumsi pelatihan', 'orang', 25_000]],
  Pemasaran: [['Banner promosi', 'lembar', 75_000], ['Biaya pameran UMKM', 'kali', 250_000], ['Desain kemasan', 'paket', 500_000]],
};

function demoProposal(writer: RecordWriter, r: Rng, k: { id: string; nama: string; produk_utama: string }, today: Date): void {
  const tanggal = today.toISOString().slice(0, 10);
  const id = writer.insert('proposal', {
    kelompok_id: k.id,
    judul: `${hurufJudul(`Proposal Pengembangan Usaha ${k.produk_utama ?? ''}`)} ${k.nama}`.replace(/\s+/g, ' '),
    status: r.pick(['draft', 'draft', 'diajukan', 'disetujui']),
    nilai_disetujui: null,
    nomor_surat: `500/${r.int(100, 999)}/35.07.${r.int(100, 400)}/${today.getFullYear()}`,
    tempat: null,
    tanggal,
    lampiran: '1 (satu) berkas',
    perihal: 'Permohonan bantuan pengembangan usaha',
    dinas: r.pick(['Dinas Koperasi dan Usaha Kecil dan Menengah', 'Dinas Sosial', 'Dinas Perindustrian dan Perdagangan']),
    isi: JSON.stringify({
      latar_belakang: `Kelompok ${k.nama} beranggotakan keluarga prasejahtera yang sejak berdiri mengolah ${k.produk_utama}. Permintaan pasar terus naik, tetapi peralatan yang dimiliki terbatas sehingga produksi belum dapat memenuhi pesanan.`,
      target_pasar: 'Warung dan toko di desa sekitar, dapur SPPG setempat, serta pembeli daring.',
      pesaing: 'Produk serupa dari kelompok lain di kecamatan; keunggulan kelompok pada rasa dan harga.',
      offtaker: 'SPPG kecamatan dan koperasi desa telah menyatakan minat membeli secara rutin.',
      produk: `${k.produk_utama} dalam kemasan 250 gram dan 500 gram.`,
      kapasitas_produksi: 'Dari 300 bungkus menjadi 1.000 bungkus per bulan setelah peralatan terpenuhi.',
      pemasaran: 'Penjualan langsung, titip jual di toko, dan kerja sama dengan offtaker.',
      penutup: 'Demikian proposal ini kami sampaikan. Besar harapan kami atas dukungan Bapak/Ibu.',
    }),
    proyeksi: JSON.stringify({ modal_investasi: r.int(10, 40) * 1_000_000, biaya_tetap_bulan: r.int(5, 15) * 100_000, biaya_variabel_unit: r.int(4, 8) * 1000, harga_jual_unit: r.int(10, 15) * 1000, penjualan_bulan: r.int(600, 1200) }),
    kepala_desa: `${r.pick(['H. ', '', ''])}${namaOrang(r, 'L')}`,
    sertakan_omzet: 1,
  });
  const items = r.int(10, 60);
  const groups = Object.keys(BARANG);
  for (let i = 0; i < items; i++) {
    const kb = groups[Math.min(groups.length - 1, Math.floor((i / items) * groups.length))]!;
    const [uraian, satuan, harga] = r.pick(BARANG[kb]!);
    writer.insert('rab_item', { proposal_id: id, kelompok_belanja: kb, urutan: i, uraian: `${uraian}${i >= BARANG[kb]!.length ? ` (paket ${i + 1})` : ''}`, volume: r.int(1, 20), satuan, harga_satuan: harga });
  }
}

const NAMA_SPPG = ['SPPG Yayasan Al Hikmah', 'SPPG Bina Insani', 'SPPG Nurul Huda', 'SPPG Tunas Bangsa', 'SPPG Darul Ulum', 'SPPG Mitra Sehat'];
const NAMA_KOPERASI = ['Koperasi Desa Merah Putih', 'KSU Sumber Makmur', 'Koperasi Wanita Melati'];
const NAMA_RITEL = ['Toko Sumber Rejeki', 'Minimarket Barokah', 'Katering Bu Sri'];
const KAMPUS = ['Universitas Brawijaya', 'Universitas Negeri Malang', 'Universitas Muhammadiyah Malang', 'Politeknik Negeri Malang', 'Universitas Islam Malang'];

/** Offtakers (SPPG first), agreements, cart decisions, MoUs, issues and a best practice. */
function demoMitra(db: Db, writer: RecordWriter, r: Rng, kabupaten: string, today: Date): void {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const geser = (hari: number) => iso(new Date(today.getTime() + hari * 86_400_000));
  const kecamatan = kecamatanDi(kabupaten).slice(0, 8);
  const offtakers: string[] = [];
  const namaOfftaker = new Map<string, string>();
  const add = (nama: string, jenis: string, kec: string, kebutuhan: number, produk: string) => {
    const id = writer.insert('offtaker', { nama, jenis, kecamatan_kode: kec, desa_kode: null, alamat: `${r.pick(JALAN)} No. ${r.int(1, 99)}`, kontak: `${namaOrang(r, r.next() < 0.5 ? 'L' : 'P')}, 08${r.int(11, 59)}${String(r.int(0, 99999999)).padStart(8, '0')}`, produk_dibutuhkan: produk, kapasitas_bulan: kebutuhan, catatan: null });
    offtakers.push(id);
    namaOfftaker.set(id, nama);
  };
  kecamatan.forEach((k, i) => add(`${NAMA_SPPG[i % NAMA_SPPG.length]} ${namaWilayah(k.kode)}`, 'SPPG', k.kode, r.int(20, 90) * 1_000_000, r.pick(['sayur dan lauk', 'telur dan tempe', 'buah dan kue', 'beras dan bumbu'])));
  NAMA_KOPERASI.forEach((n) => add(n, 'Koperasi', r.pick(kecamatan).kode, r.int(5, 20) * 1_000_000, 'produk olahan kelompok'));
  NAMA_RITEL.forEach((n) => add(n, n.startsWith('Katering') ? 'Hotel/restoran/katering' : 'Ritel/toko modern', r.pick(kecamatan).kode, r.int(3, 12) * 1_000_000, 'makanan ringan kemasan'));
  const groups = db.sqlite.prepare("SELECT id, produk_utama FROM kelompok WHERE deleted_at IS NULL AND status = 'aktif' ORDER BY created_at").all() as { id: string; produk_utama: string }[];
  groups.forEach((g, i) => {
    if (r.next() < 0.4) return; // groups without any offtaker yet
    const selesai = i % 7 === 0 ? geser(r.int(5, 55)) : geser(r.int(90, 400));
    // Signed first, in force from the signing day or up to two weeks after (never before it is signed).
    const ditandatangani = r.int(30, 300);
    const offtaker = r.next() < 0.6 ? offtakers[r.int(0, kecamatan.length - 1)]! : r.pick(offtakers);
    const [produk, volume, satuan, harga] = [g.produk_utama ?? 'produk kelompok', r.int(50, 400), r.pick(['kg', 'bungkus', 'pak', 'porsi']), r.int(5, 30) * 1000];
    const mulai = -ditandatangani + (r.int(30, 300) % 15);
    const aktif = r.next() < 0.85;
    // An active agreement names the buyer's representative (a draft may not yet): it prints as final.
    const wakil = aktif ? `${NAMA_PEREMPUAN[i % NAMA_PEREMPUAN.length]} ${NAMA_BELAKANG[(i * 7) % NAMA_BELAKANG.length]}` : null;
    writer.insert('perjanjian', {
      nomor: `PKS/${String(i + 1).padStart(3, '0')}/${today.getFullYear()}`,
      tanggal: geser(-ditandatangani),
      kelompok_id: g.id,
      offtaker_id: offtaker,
      wakil_pembeli: wakil,
      jabatan_wakil: aktif ? `Kepala ${namaOfftaker.get(offtaker)}` : null,
      produk,
      volume,
      satuan,
      harga_satuan: harga,
      mulai: geser(Math.min(mulai, 0)),
      selesai,
      status: aktif ? 'aktif' : 'draf',
      catatan: null,
    });
  });
  const tahun = today.getFullYear();
  groups.slice(0, Math.ceil(groups.length / 5)).forEach((g, i) => {
    if (i % 3 === 0) writer.insert('gerobak_diterima', { kelompok_id: g.id, tahun: tahun - 1 - (i % 2), jumlah: 1, kondisi: r.pick(['baik', 'baik', 'rusak ringan']), catatan: null });
    else writer.insert('gerobak_penilaian', { kelompok_id: g.id, tahun, usaha_keliling: 1, keputusan: r.next() < 0.7 ? 'diusulkan' : null, catatan: null });
  });
  // Two MoUs in force that allow research data sharing (each with its own approved variables), and one that has ended.
  const RISET = [
    { tujuan_riset: 'Menilai pengaruh pendampingan dan akses ke SPPG terhadap omzet kelompok binaan.', variabel_riset: 'omzet,laba,penjualan_offtaker,kepatuhan_lapor,fasilitator_dilatih,sektor,kecamatan,usia,jenis_kelamin,desil' },
    { tujuan_riset: 'Memetakan partisipasi perempuan dan keaktifan pertemuan kelompok.', variabel_riset: 'omzet,biaya,anggota_aktif,kehadiran,kecamatan,jenis_kelamin,jabatan' },
    { tujuan_riset: 'Evaluasi program KKN tematik pemasaran digital.', variabel_riset: 'omzet,kecamatan' },
  ];
  KAMPUS.slice(0, 3).forEach((kampus, i) => {
    const sampai = r.int(200, 900);
    const mou = writer.insert('mou', {
      perguruan_tinggi: kampus,
      nomor: `${r.int(100, 999)}/UN/${tahun - 1}`,
      tanggal: geser(-r.int(200, 700)),
      berlaku_sampai: i === 2 ? geser(-Math.round(sampai / 10)) : geser(sampai),
      ruang_lingkup: r.pick(['pelatihan', 'pendampingan', 'KKN', 'sertifikasi']),
      kontak: `Dr. ${namaOrang(r, 'L')}`,
      status: i === 2 ? 'berakhir' : 'aktif',
      catatan: null,
      berbagi_data: 1,
      peneliti: `${['Dr. Ir. Tjahjo Wisnuwardhana, M.Si.', 'Dr. Larasati Kusumawicitra, S.E., M.M.', 'Dr. Bagas Aryasatya, M.Kom.'][i]}, ${kampus}`,
      ...RISET[i],
    });
    writer.insert('mou_kegiatan', { mou_id: mou, tanggal: geser(-r.int(10, 150)), kegiatan: r.pick(['Pelatihan pengemasan produk', 'Pendampingan sertifikasi halal', 'KKN tematik pemasaran digital']), kelompok_id: groups[i]?.id ?? null, peserta: r.int(10, 40), hasil: 'Kelompok memahami dan mulai menerapkan.' });
  });
  const isu = [
    ['pemasaran', 'Produk kelompok belum memenuhi standar kemasan yang diminta SPPG dan toko modern.', 'forum'],
    ['pendanaan', 'Modal kerja kelompok terbatas untuk memenuhi pesanan besar.', 'monitoring'],
    ['data', 'Sebagian anggota belum terdaftar di DT-SEN sehingga sulit diverifikasi.', 'rapat'],
  ] as const;
  isu.forEach(([kategori, uraian, sumber], i) => {
    const id = writer.insert('isu', { kategori, uraian, kecamatan_kode: kecamatan[i]?.kode ?? null, kelompok_id: null, tanggal: geser(-r.int(10, 120)), sumber });
    writer.insert('tindak_lanjut', { isu_id: id, uraian: r.pick(['Pelatihan kemasan bersama perguruan tinggi', 'Koordinasi dengan Dinas Koperasi', 'Usulan verifikasi ke Dinas Sosial']), penanggung_jawab: r.pick(['Bappeda', 'Dinas Koperasi dan UKM', 'Dinas Sosial']), target: geser(r.int(15, 90)), status: r.pick(['rencana', 'berjalan', 'selesai']) });
  });
  // Two trainings: one by the first university under its MoU eight months ago, one by the province three months ago;
  // about half the facilitators took part (with test scores and certificates), the others not yet.
  const fasilitator = (db.sqlite.prepare('SELECT id FROM fasilitator WHERE deleted_at IS NULL ORDER BY created_at').all() as { id: string }[]).map((f) => f.id);
  const mouPertama = (db.sqlite.prepare("SELECT id FROM mou WHERE deleted_at IS NULL AND status = 'aktif' ORDER BY created_at LIMIT 1").get() as { id: string } | undefined)?.id ?? null;
  const latih = [
    { tanggal: geser(-240), judul: 'Pendampingan kelompok usaha dan pencatatan keuangan', topik: 'pengelolaan keuangan', penyelenggara: 'perguruan tinggi (MoU)', mou_id: mouPertama, jam: 16, tempat: 'Kampus', catatan: null },
    { tanggal: geser(-90), judul: 'Pemasaran ke SPPG dan offtaker', topik: 'pemasaran dan offtaker', penyelenggara: 'provinsi', mou_id: null, jam: 8, tempat: 'Surabaya', catatan: null },
  ].map((p) => writer.insert('pelatihan', p));
  fasilitator.forEach((f, i) => {
    if (i % 2 === 1) return;
    writer.insert('pelatihan_peserta', { pelatihan_id: latih[0]!, fasilitator_id: f, nilai_pre: 55 + ((i * 7) % 20), nilai_post: 72 + ((i * 5) % 20), nomor_sertifikat: `SERT/${tahun}/${String(i + 1).padStart(3, '0')}` });
    if (i % 4 === 0) writer.insert('pelatihan_peserta', { pelatihan_id: latih[1]!, fasilitator_id: f, nilai_pre: 60, nilai_post: 80, nomor_sertifikat: null });
  });
  writer.insert('praktik_baik', { judul: 'Kelompok keripik memasok SPPG setiap pekan', tanggal: geser(-20), kelompok_id: groups[0]?.id ?? null, cerita: 'Setelah pendampingan kemasan dan perjanjian dengan SPPG kecamatan, omzet kelompok naik dua kali lipat dalam tiga bulan.' });
}
