import type { Db } from '../../../db/connection';
import type { BuktiPelatihan, CakupanPelatihan, ProfilKapasitas, SisiBukti } from '../../common/api';
import { hariIni } from '../../common/format';
import { STATUS_DIHITUNG_SQL } from '../../common/kamus';
import { bulanSebelumnya } from '../../common/laporan';
import { TOPIK_PELATIHAN } from '../../common/mitra';
import { dalamBulan, pelaporanK, persenBagian, ringkasPelaporan } from '../angka';
import { baris, jalankan, type Kerja } from '../../../db/kueri';
import { namaWilayah } from '../wilayah';

// Facilitator capacity building (issue 27, part 2): each facilitator's training profile, the share of facilitators
// trained per topic (the dictionary's cakupan_pelatihan, per district at the province), and the evidence view: the
// groups of trained facilitators before and after their first training beside the groups of facilitators not yet
// trained over the same calendar months — descriptive, never causal.

interface Ikut {
  fasilitator_id: string;
  tanggal: string;
  judul: string;
  topik: string;
  penyelenggara: string;
  jam: number | null;
  nilai_pre: number | null;
  nilai_post: number | null;
  nomor_sertifikat: string | null;
}

function* keikutsertaanK(): Kerja<Ikut[]> {
  // Trainings of one day in one order on every database (the id breaks the tie).
  return yield* baris<Ikut>(
    `SELECT pp.fasilitator_id, p.tanggal, p.judul, p.topik, p.penyelenggara, p.jam, pp.nilai_pre, pp.nilai_post, pp.nomor_sertifikat
     FROM pelatihan_peserta pp JOIN pelatihan p ON p.id = pp.pelatihan_id
     WHERE pp.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.tanggal, p.id, pp.id`,
  );
}

const rata = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
};

/** Every facilitator's trainings: how many, which topics, hours this year (jam_pelatihan), scores, certificates. */
export function profilKapasitas(db: Db, tahun = Number(hariIni().slice(0, 4))): ProfilKapasitas[] {
  return jalankan(db, profilKapasitasK(tahun));
}

export function* profilKapasitasK(tahun = Number(hariIni().slice(0, 4))): Kerja<ProfilKapasitas[]> {
  const perF = new Map<string, Ikut[]>();
  for (const i of yield* keikutsertaanK()) {
    const daftar = perF.get(i.fasilitator_id);
    if (daftar) daftar.push(i);
    else perF.set(i.fasilitator_id, [i]);
  }
  const fasilitator = yield* baris<{ id: string; nama: string; kabupaten_kode: string }>('SELECT id, nama, kabupaten_kode FROM fasilitator WHERE deleted_at IS NULL ORDER BY nama, id');
  return fasilitator.map((f) => {
    const ikut = perF.get(f.id) ?? [];
    return {
      fasilitator_id: f.id,
      nama: f.nama,
      kabupaten_kode: f.kabupaten_kode,
      kabupaten_nama: namaWilayah(f.kabupaten_kode) ?? f.kabupaten_kode,
      pelatihan: ikut.length,
      topik: [...new Set(ikut.map((i) => i.topik))],
      jam_tahun: ikut.filter((i) => i.tanggal.startsWith(String(tahun))).reduce((n, i) => n + (i.jam ?? 0), 0),
      nilai_pre: rata(ikut.map((i) => i.nilai_pre)),
      nilai_post: rata(ikut.map((i) => i.nilai_post)),
      sertifikat: ikut.filter((i) => i.nomor_sertifikat).length,
      pertama: ikut[0]?.tanggal ?? null,
      riwayat: ikut.map(({ fasilitator_id: _f, ...r }) => r),
    };
  });
}

/** The share of facilitators trained, in all and per topic; at the province one row per district. */
export function cakupanPelatihan(db: Db): CakupanPelatihan[] {
  return jalankan(db, cakupanPelatihanK());
}

export function* cakupanPelatihanK(): Kerja<CakupanPelatihan[]> {
  const profil = yield* profilKapasitasK();
  const perKab = new Map<string, ProfilKapasitas[]>();
  for (const p of profil) {
    const daftar = perKab.get(p.kabupaten_kode);
    if (daftar) daftar.push(p);
    else perKab.set(p.kabupaten_kode, [p]);
  }
  return [...perKab].map(([kode, fs]) => ({
    kabupaten_kode: kode,
    kabupaten_nama: namaWilayah(kode) ?? kode,
    fasilitator: fs.length,
    dilatih: fs.filter((f) => f.pelatihan > 0).length,
    persen: persenBagian(fs.filter((f) => f.pelatihan > 0).length, fs.length),
    per_topik: TOPIK_PELATIHAN.map((topik) => {
      const n = fs.filter((f) => f.topik.includes(topik)).length;
      return { topik, dilatih: n, persen: persenBagian(n, fs.length) };
    }),
  }));
}

const urutBulan = (dari: string, sampai: string) => {
  const out: string[] = [];
  for (let m = dari; m <= sampai; m = bulanSebelumnya(m, -1)) out.push(m);
  return out;
};

/**
 * Before and after: for each trained facilitator, the `bulan` months before the month of the first training and the
 * `bulan` months after it (those of them that have ended; a training last month or this month is not counted yet); for the facilitators not yet trained, the same windows around the trained ones' median
 * first-training month. Compliance is the dictionary's kepatuhan, omzet its omzet_per_laporan and pertumbuhan_omzet.
 */
export function buktiPelatihan(db: Db, bulan = 6, hari = hariIni()): BuktiPelatihan {
  return jalankan(db, buktiPelatihanK(bulan, hari));
}

export function* buktiPelatihanK(bulan = 6, hari = hariIni()): Kerja<BuktiPelatihan> {
  const profil = yield* profilKapasitasK();
  const bulanIni = hari.slice(0, 7);
  // Trained facilitators count once a month after their first training has ended (else there is no "after" yet).
  const dilatih = profil.filter((p) => p.pertama && bulanSebelumnya(p.pertama.slice(0, 7), -1) < bulanIni);
  const belum = profil.filter((p) => !p.pertama);
  const pertamaBulan = dilatih.map((p) => p.pertama!.slice(0, 7)).sort();
  const acuanBelum = pertamaBulan.length ? pertamaBulan[Math.floor(pertamaBulan.length / 2)]! : null;
  const jendela = (m: string) => ({ sebelum: urutBulan(bulanSebelumnya(m, bulan), bulanSebelumnya(m, 1)), sesudah: urutBulan(bulanSebelumnya(m, -1), bulanSebelumnya(m, -bulan)).filter((x) => x < bulanIni) });
  const semua = [...pertamaBulan, ...(acuanBelum ? [acuanBelum] : [])];
  if (!semua.length) return { bulan, dilatih: null, belum: null, acuan_belum: null, catatan: CATATAN };
  const dari = bulanSebelumnya(semua[0]!, bulan);
  const sampai = bulanSebelumnya(bulanIni, 1);
  const rows = yield* pelaporanK(urutBulan(dari, sampai), {}, hari);
  const omzet = new Map<string, number>();
  for (const r of yield* baris<{ kelompok_id: string; periode: string; o: number }>(`SELECT kelompok_id, periode, coalesce(omzet_angka, 0) AS o FROM laporan_bulanan WHERE deleted_at IS NULL AND status IN (${STATUS_DIHITUNG_SQL}) AND periode BETWEEN ? AND ?`, [dari, sampai])) {
    omzet.set(`${r.kelompok_id}|${r.periode}`, Number(r.o) || 0);
  }
  const sisi = (fs: ProfilKapasitas[], acuan: (f: ProfilKapasitas) => string): SisiBukti => {
    const kumpul = { sebelum: [] as typeof rows, sesudah: [] as typeof rows, omzet: { sebelum: [0, 0], sesudah: [0, 0] } };
    const milik = new Map(fs.map((f) => [f.fasilitator_id, jendela(acuan(f))]));
    let kelompok = 0;
    for (const r of rows) {
      const j = r.fasilitator_id ? milik.get(r.fasilitator_id) : undefined;
      if (!j) continue;
      kelompok++;
      for (const k of ['sebelum', 'sesudah'] as const) {
        const kurun = dalamBulan(r, new Set(j[k]));
        kumpul[k].push(kurun);
        for (const b of kurun.dilaporkan) {
          kumpul.omzet[k][0]! += omzet.get(`${r.kelompok_id}|${b}`) ?? 0;
          kumpul.omzet[k][1]!++;
        }
      }
    }
    const perLaporan = (k: 'sebelum' | 'sesudah') => (kumpul.omzet[k][1] ? Math.round(kumpul.omzet[k][0]! / kumpul.omzet[k][1]!) : null);
    const o1 = perLaporan('sebelum');
    const o2 = perLaporan('sesudah');
    return {
      fasilitator: fs.length,
      kelompok,
      laporan_sebelum: kumpul.omzet.sebelum[1]!,
      laporan_sesudah: kumpul.omzet.sesudah[1]!,
      omzet_sebelum: o1,
      omzet_sesudah: o2,
      pertumbuhan_omzet: o1 && o2 !== null ? Math.round(((o2 - o1) / o1) * 1000) / 10 : null,
      kepatuhan_sebelum: ringkasPelaporan(kumpul.sebelum).kepatuhan,
      kepatuhan_sesudah: ringkasPelaporan(kumpul.sesudah).kepatuhan,
    };
  };
  return {
    bulan,
    dilatih: dilatih.length ? sisi(dilatih, (f) => f.pertama!.slice(0, 7)) : null,
    belum: belum.length && acuanBelum ? sisi(belum, () => acuanBelum) : null,
    acuan_belum: acuanBelum,
    catatan: CATATAN,
  };
}

const CATATAN =
  'Tampilan ini deskriptif, bukan bukti sebab-akibat: fasilitator yang dilatih dan yang belum tidak dipilih secara acak, kelompoknya berbeda, dan banyak hal lain berubah di antara kedua kurun (musim, harga, offtaker baru). Pakai sebagai bahan pertanyaan riset bersama perguruan tinggi, bukan sebagai kesimpulan.';
