import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatAngka } from '../common/format';
import { UsageError, type Cli, type Perintah } from './konteks';

// The CLI's commands for keys and bundles between the districts and the province.

function frasa(cli: Cli): string {
  const f = cli.flag('frasa') ?? process.env.BERMANTRA_FRASA;
  if (!f) throw new UsageError('Beri frasa sandi dengan --frasa atau variabel lingkungan BERMANTRA_FRASA.');
  return f;
}

export const PERINTAH_SINKRON: Perintah[] = [
  {
    nama: 'keys init',
    flag: [],
    bantuan: 'keys init --db FILE | keys export --db FILE -o FILE.bmid | keys import --db FILE FILE.bmid [--ganti-kunci]',
    db: 'ada',
    async jalankan(cli) {
      const data = await cli.call('sinkron.buatKunci', {});
      return { json: data, text: `Kunci siap. Sidik jari: ${data.sidik_jari}` };
    },
  },
  {
    nama: 'keys export',
    flag: ['o'],
    bantuan: '',
    db: 'ada',
    async jalankan(cli) {
      const out = cli.need('o', 'berkas identitas keluaran, misalnya identitas-35.07.bmid');
      const berkas = cli.simpan(await cli.call('sinkron.eksporIdentitas', {}), out);
      const id = await cli.call('sinkron.info', {});
      const kode = (await cli.call('app.status', {})).pengaturan.kabupaten_kode;
      return { json: { berkas, kode, sidik_jari: id.sidik_jari }, text: `Identitas ${kode} ditulis ke ${out}. Sidik jari: ${id.sidik_jari}` };
    },
  },
  {
    nama: 'keys import',
    flag: ['ganti-kunci'],
    bantuan: '',
    db: 'ada',
    async jalankan(cli) {
      const path = cli.args.positional[2];
      if (!path || !existsSync(path)) throw new UsageError('Tulis berkas identitas yang diimpor: keys import --db FILE identitas.bmid');
      const data = await cli.call('sinkron.imporIdentitas', { berkas: cli.daftarkan(path), gantiKunci: cli.on('ganti-kunci') });
      return { json: data, text: `${data.kode} ${data.baru ? 'didaftarkan' : 'diperbarui'}. Sidik jari: ${data.sidik_jari}` };
    },
  },
  {
    nama: 'keys backup',
    flag: ['o', 'frasa'],
    bantuan: 'keys backup --db FILE -o FILE --frasa F | keys restore --db FILE FILE --frasa F',
    db: 'ada',
    async jalankan(cli) {
      const f = frasa(cli);
      const out = cli.need('o', 'berkas cadangan kunci');
      const berkas = cli.simpan(await cli.call('sinkron.cadangkanKunci', { frasa: f }), out);
      return { json: { berkas }, text: `Cadangan kunci ditulis ke ${out}. Simpan frasa sandinya terpisah.` };
    },
  },
  {
    nama: 'keys server',
    flag: ['frasa'],
    bantuan: 'keys server --db postgres://… --frasa F   (provinsi, sekali, di komputer yang membuat kunci: kunci di server dibungkus frasa kunci provinsi; petugas lain memakai frasa itu, BERMANTRA_FRASA_KUNCI)',
    db: 'ada',
    async jalankan(cli) {
      const h = await cli.call('server.bungkusKunci', { frasa: frasa(cli) });
      return { json: h, text: h.pesan };
    },
  },
  {
    nama: 'keys restore',
    flag: ['frasa'],
    bantuan: '',
    db: 'ada',
    async jalankan(cli) {
      const f = frasa(cli);
      const path = cli.args.positional[2];
      if (!path || !existsSync(path)) throw new UsageError('Tulis berkas cadangan kunci: keys restore --db FILE cadangan.json --frasa …');
      await cli.call('sinkron.pulihkanKunci', { berkas: cli.daftarkan(path), frasa: f });
      return { json: { dipulihkan: true }, text: 'Kunci dipulihkan dari cadangan.' };
    },
  },
  {
    nama: 'bundle export',
    flag: ['o', 'full'],
    bantuan: 'bundle export --db FILE -o OUT [--full] [--json] | bundle inspect FILE [--json]',
    db: 'ada',
    async jalankan(cli) {
      const out = cli.need('o', 'berkas atau folder keluaran');
      const data = await cli.call('sinkron.eksporBundel', { penuh: cli.on('full') });
      const target = existsSync(out) && statSync(out).isDirectory() ? join(out, data.berkas.nama) : out;
      const berkas = cli.simpan(data.berkas, target);
      const { manifest } = await cli.call('sinkron.periksaBundel', { berkas: data.berkas });
      return { json: { berkas, ukuran: data.ukuran, manifest }, text: `Bundel ke-${data.seq} ditulis ke ${target} (${formatAngka(Math.ceil(data.ukuran / 1024))} KB).` };
    },
  },
  {
    nama: 'bundle inspect',
    flag: [],
    bantuan: '',
    db: 'tanpa',
    async jalankan(cli) {
      const path = cli.args.positional[2];
      if (!path || !existsSync(path)) throw new UsageError('Tulis berkas bundel: bundle inspect FILE.bmb');
      const info = await cli.call('sinkron.periksaBundel', { berkas: cli.daftarkan(path) });
      const text = `${info.jenis} dari ${info.pengirim} untuk ${info.penerima}, bundel ke-${String(info.manifest.seq)}, ${formatAngka(info.ukuran)} byte, tanda tangan ${info.tanda_tangan_utuh ? 'utuh' : 'TIDAK COCOK'}\n${JSON.stringify(info.manifest.jumlah)}`;
      return { json: info, text };
    },
  },
  {
    nama: 'bundle import',
    flag: ['dry-run', 'percayai'],
    bantuan: 'bundle import --db FILE FILE [--dry-run] [--percayai SIDIK_JARI] [--json]',
    db: 'ada',
    async jalankan(cli) {
      const path = cli.args.positional[2];
      if (!path || !existsSync(path)) throw new UsageError('Tulis berkas bundel yang diimpor: bundle import --db FILE bundel.bmb');
      const data = await cli.call('sinkron.imporBundel', { berkas: cli.daftarkan(path), dryRun: cli.on('dry-run'), percayai: cli.flag('percayai') ?? null });
      const rows = Object.entries(data.tabel).map(([t, c]) => `  ${t}: baru ${c.baru}, diperbarui ${c.diperbarui}, dihapus ${c.dihapus}, diabaikan ${c.diabaikan}`);
      return { json: data, text: [data.pesan, ...rows].join('\n') };
    },
  },
  {
    nama: 'bundle ack',
    flag: ['kabupaten', 'o'],
    bantuan: 'bundle ack --db FILE --kabupaten 35.07 -o FILE | bundle referensi --db FILE -o FILE',
    db: 'ada',
    async jalankan(cli) {
      const kabupaten = cli.need('kabupaten', 'kode kabupaten, misalnya 35.07');
      const out = cli.need('o', 'berkas tanda terima keluaran');
      const berkas = cli.simpan(await cli.call('sinkron.tandaTerima', { kabupaten }), out);
      return { json: { berkas }, text: `Tanda terima untuk ${kabupaten} ditulis ke ${out}.` };
    },
  },
  {
    nama: 'bundle referensi',
    flag: ['o'],
    bantuan: '',
    db: 'ada',
    async jalankan(cli) {
      const out = cli.need('o', 'berkas bundel referensi keluaran');
      const berkas = cli.simpan(await cli.call('sinkron.bundelReferensi', {}), out);
      return { json: { berkas }, text: `Bundel referensi ditulis ke ${out}.` };
    },
  },
];
