import { renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatTanggal } from '../../common/format';
import { formatNip, ISI_TANGAN, MARGIN } from './surat';

// pdfmake with the Roboto fonts it ships (embedded in every PDF), no network and no file access
// beyond those fonts. Shared pieces of every document: letterhead, page numbers, signature block.

const require = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(FONT_DIR));

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return (await pdfmake.createPdf(doc).getBuffer()) as Buffer;
}

/**
 * How many pages a document takes when laid out (a letter before the document it covers, say). pdfmake rewrites image
 * nodes while laying out: pass content made for this call alone, not content that is rendered again.
 */
export async function jumlahHalaman(doc: TDocumentDefinitions): Promise<number> {
  let n = 0;
  await pdfmake.createPdf({ ...doc, footer: (_halaman: number, jumlah: number) => ((n = jumlah), { text: '' }) }).getBuffer();
  return n;
}

/** Writes to a temporary name first: a half-written PDF never carries the final name. */
export async function tulisPdf(doc: TDocumentDefinitions, path: string): Promise<void> {
  const buffer = await renderPdf(doc);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, buffer);
  renameSync(temp, path);
}

export { kopSurat } from './surat';

export function nomorHalaman(currentPage: number, pageCount: number): Content {
  return { text: `Halaman ${currentPage} dari ${pageCount}`, alignment: 'right', fontSize: 8, margin: [40, 10, 40, 0], color: '#555555' };
}

/** Signature block: place and date, position, room to sign, name and NIP. */
export function tandaTangan(opts: { kota: string; tanggal: string; jabatan: string; nama: string; nip?: string | null; mengetahui?: boolean }): Content {
  return {
    stack: [
      opts.mengetahui ? { text: 'Mengetahui,' } : { text: `${opts.kota}, ${formatTanggal(opts.tanggal)}` },
      { text: opts.jabatan },
      { text: ' ', margin: [0, 28, 0, 0] },
      { text: opts.nama || ISI_TANGAN, bold: !!opts.nama, decoration: opts.nama ? 'underline' : undefined },
      opts.nip ? { text: `NIP ${formatNip(opts.nip)}` } : { text: '' },
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

export const BASE_DOC: Partial<TDocumentDefinitions> = {
  pageSize: 'A4',
  pageMargins: MARGIN,
  defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
  footer: nomorHalaman,
  styles: {
    judul: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 4, 0, 2] },
    subjudul: { fontSize: 10, alignment: 'center', margin: [0, 0, 0, 10] },
    th: { bold: true, fillColor: '#dfe7f0', fontSize: 8.5 },
    angka: { alignment: 'right' },
    total: { bold: true, fillColor: '#f1f4f8' },
  },
};
