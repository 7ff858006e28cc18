import type { Db } from '../../../db/connection';
import { namaWilayah } from '../wilayah';
import type { StatusKabupaten } from '../../common/api';


/** Province: one row per district that registered or sent data, with how current its data is. */
export function statusKabupaten(db: Db, today = new Date()): StatusKabupaten[] {
  const terdaftar = db.all(db.q.selectFrom('pihak_sinkron').selectAll().where('peran', '=', 'kabupaten'));
  const counts = (table: 'kelompok' | 'anggota' | 'laporan_bulanan') =>
    new Map((db.sqlite.prepare(`SELECT kabupaten_kode AS k, count(*) AS n FROM ${table} WHERE deleted_at IS NULL GROUP BY kabupaten_kode`).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  const kelompok = counts('kelompok');
  const anggota = counts('anggota');
  const laporan = counts('laporan_bulanan');
  const last = new Map(
    (db.sqlite.prepare("SELECT pengirim, max(seq) AS seq, max(dibuat_pada) AS dibuat, max(diterima_pada) AS diterima FROM bundle_masuk WHERE jenis = 'data' GROUP BY pengirim").all() as { pengirim: string; seq: number; dibuat: string; diterima: string }[]).map((r) => [r.pengirim, r]),
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
