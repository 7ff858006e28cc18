import { formatMb, formatWaktu } from '../common/format';
import type { Perintah } from './konteks';

// The province's PostgreSQL server: its SQLite file copied there, checked table by table; backups of the database
// (a copy beside the file, or pg_dump of the server into the data folder's cadangan-server).

export const PERINTAH_SERVER: Perintah[] = [
  {
    nama: 'pindah-ke-postgres',
    flag: ['ke'],
    bantuan: 'pindah-ke-postgres --db provinsi.sqlite --ke postgres://petugas@HOST:5432/bermantra[?sslmode=require] [--json]   (kata sandi: di alamat atau PGPASSWORD)',
    db: 'ada',
    async jalankan(cli) {
      const ke = cli.need('ke', 'alamat server tujuan, misalnya postgres://petugas@192.168.1.10:5432/bermantra');
      const h = await cli.call('server.pindah', { ke });
      const lebar = Math.max(...h.tabel.map((t) => t.tabel.length));
      return {
        json: h,
        text: [
          `Basis data provinsi dipindah ke ${h.ke} (skema ${h.skema}); setiap tabel dihitung dan dicocokkan:`,
          ...h.tabel.map((t) => `  ${t.tabel.padEnd(lebar)}  ${String(t.baris_tujuan).padStart(9)} baris  ${t.cocok ? 'cocok' : 'TIDAK COCOK'}  ${t.checksum_tujuan.slice(0, 12)}`),
          'Berkas SQLite tidak diubah. Simpan berkas itu sebagai cadangan sampai server dipakai sehari-hari.',
        ].join('\n'),
        exitCode: h.cocok ? 0 : 1,
      };
    },
  },
  {
    nama: 'cadangan buat',
    flag: [],
    bantuan: 'cadangan buat --db FILE|postgres://… [--json]   (berkas: salinan di folder cadangan di samping berkas; server: pg_dump ke folder data, bila pg_dump terpasang)',
    db: 'ada',
    async jalankan(cli) {
      const c = await cli.call('cadangan.buat', {});
      return { json: c, text: `Cadangan ${c.nama} dibuat (${formatMb(c.ukuran)}, ${formatWaktu(c.waktu)}).` };
    },
  },
  {
    nama: 'cadangan list',
    flag: [],
    bantuan: 'cadangan list --db FILE|postgres://… [--json]',
    db: 'ada',
    async jalankan(cli) {
      const daftar = await cli.call('cadangan.list', {});
      return { json: daftar, text: daftar.length ? daftar.map((c) => `${c.nama}  ${c.jenis}  ${formatMb(c.ukuran)}`).join('\n') : 'Belum ada cadangan.' };
    },
  },
];
