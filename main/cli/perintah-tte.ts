import { existsSync } from 'node:fs';
import type { HasilVerifikasi } from '../common/api';
import { formatWaktuWib } from '../common/format';
import { UsageError, type Cli, type Perintah } from './konteks';

// Electronic signatures (TTE): verify a signed PDF offline, add a trusted root, attach a proposal's signed letter.

function berkasPositional(cli: Cli, i: number, contoh: string): string {
  const path = cli.args.positional[i];
  if (!path || !existsSync(path)) throw new UsageError(`Tulis berkasnya: ${contoh}`);
  return path;
}

/** The verdict as lines an officer reads: one per signature, then why not. */
function teksVerifikasi(h: HasilVerifikasi): string {
  return [
    h.ringkasan,
    ...h.tanda_tangan.map(
      (t, i) =>
        `  #${i + 1} ${t.penanda_tangan || '(tanpa nama)'}${t.nip ? `, NIP ${t.nip}` : ''}${t.nik ? `, NIK ${t.nik}` : ''}; penerbit ${t.penerbit || '–'}; ${t.waktu ? formatWaktuWib(t.waktu) : 'waktu tidak tercatat'}; ${t.valid ? 'SAH' : 'TIDAK SAH'}${t.seluruh_dokumen ? '' : ' (tidak seluruh dokumen)'}${t.data_pencabutan ? '; memuat data pencabutan' : ''}`,
    ),
  ].join('\n');
}

export const PERINTAH_TTE: Perintah[] = [
  {
    nama: 'dokumen verifikasi',
    flag: [],
    bantuan: 'dokumen verifikasi FILE.pdf [--db FILE] [--json]   (keluar 0 hanya bila setiap tanda tangan sah dan tepercaya)',
    db: 'pilihan',
    async jalankan(cli) {
      const path = berkasPositional(cli, 2, 'dokumen verifikasi surat.pdf');
      const h = await cli.call('dokumen.verifikasi', { berkas: cli.daftarkan(path) });
      return { json: h, text: teksVerifikasi(h), exitCode: h.valid ? 0 : 1 };
    },
  },
  {
    nama: 'tte akar',
    flag: [],
    bantuan: 'tte akar tambah --db FILE ROOT.pem|ROOT.crt [--json] | tte akar list --db FILE [--json]',
    db: 'ada',
    async jalankan(cli) {
      const aksi = cli.args.positional[2];
      if (aksi === 'tambah') {
        const a = await cli.call('tte.tambahAkar', { berkas: cli.daftarkan(berkasPositional(cli, 3, 'tte akar tambah --db F akar.pem')) });
        return { json: a, text: `Akar tepercaya ditambahkan: ${a.nama} (berlaku s.d. ${a.berlaku_sampai.slice(0, 10)}), sidik jari ${a.sidik_jari.slice(0, 16)}…` };
      }
      if (aksi === 'list') {
        const daftar = await cli.call('tte.akar', {});
        return { json: daftar, text: daftar.map((a) => `${a.sidik_jari.slice(0, 16)}…  ${a.nama} (${a.sumber})`).join('\n') || 'Belum ada akar tepercaya.' };
      }
      throw new UsageError('Tulis "tambah" atau "list": tte akar tambah --db F akar.pem');
    },
  },
  {
    nama: 'proposal ttd',
    flag: ['id'],
    bantuan: 'proposal ttd --db FILE --id ID SURAT-BERTTE.pdf [--json]   (keluar 0 hanya bila sah)',
    db: 'ada',
    async jalankan(cli) {
      const id = cli.need('id', 'ID proposal dari "proposal list"');
      const h = await cli.call('proposal.ttd', { id, berkas: cli.daftarkan(berkasPositional(cli, 2, 'proposal ttd --db F --id ID surat.pdf')) });
      return { json: h, text: `${h.valid ? 'Surat bertanda tangan elektronik dilampirkan pada proposal.' : 'Surat dilampirkan, tetapi tanda tangannya TIDAK SAH.'}\n${teksVerifikasi(h)}`, exitCode: h.valid ? 0 : 1 };
    },
  },
];
