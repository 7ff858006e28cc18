import { builder, type Db } from '../../../db/connection';
import { baris, barisQ, jalankan, type Kerja } from '../../../db/kueri';
import { namaWilayah } from '../wilayah';
import type { StatusKabupaten } from '../../common/api';


/** Province: one row per district that registered or sent data, with how current its data is. */
export function statusKabupaten(db: Db, today = new Date()): StatusKabupaten[] {
  return jalankan(db, statusKabupatenK(today));
}

export function* statusKabupatenK(today = new Date()): Kerja<StatusKabupaten[]> {
  const terdaftar = yield* barisQ(builder.selectFrom('pihak_sinkron').selectAll().where('peran', '=', 'kabupaten'));
  const counts = function* (table: 'kelompok' | 'anggota' | 'laporan_bulanan'): Kerja<Map<string, number>> {
    return new Map((yield* baris<{ k: string; n: number }>(`SELECT kabupaten_kode AS k, count(*) AS n FROM ${table} WHERE deleted_at IS NULL GROUP BY kabupaten_kode`)).map((r) => [r.k, r.n]));
  };
  const kelompok = yield* counts('kelompok');
  const anggota = yield* counts('anggota');
  const laporan = yield* counts('laporan_bulanan');
  const last = new Map(
    (yield* baris<{ pengirim: string; seq: number; dibuat: string; diterima: string }>("SELECT pengirim, max(seq) AS seq, max(dibuat_pada) AS dibuat, max(diterima_pada) AS diterima FROM bundle_masuk WHERE jenis = 'data' GROUP BY pengirim")).map((r) => [r.pengirim, r]),
  );
  const codes = new Set([...terdaftar.map((m) => m.kode), ...last.keys(), ...kelompok.keys()].filter((k) => k !== '35'));
  return [...codes]
    .sort()
    .map((kode) => {
      const m = terdaftar.find((x) => x.kode === kode);
      const b = last.get(kode);
      return {
        kode,
        nama: namaWilayah(kode) ?? kode,
        sidik_jari: m?.sidik_jari ?? null,
        terdaftar: !!m,
        bundel_terakhir: b?.seq ?? null,
        dibuat_pada: b?.dibuat ?? null,
        diterima_pada: b?.diterima ?? null,
        hari_sejak: b ? Math.floor((today.getTime() - Date.parse(b.dibuat)) / 86_400_000) : null,
        kelompok: kelompok.get(kode) ?? 0,
        anggota: anggota.get(kode) ?? 0,
        laporan: laporan.get(kode) ?? 0,
      };
    });
}
