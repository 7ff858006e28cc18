import type { Content, PageOrientation, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatTanggal, hurufJudul } from '../../common/format';
import type { ModeTandaTangan, Pengaturan } from '../../common/records';

// One letter layout for every letter the app writes, after the Tata Naskah Dinas di Lingkungan Pemerintah Daerah
// (Permendagri Nomor 1 Tahun 2023): letterhead with the emblem the office uploaded and a full-width double rule;
// place and date at the right on the line of Nomor; Nomor, Sifat, Lampiran, Hal; Yth. and the addressee; the
// paragraphs; the signer's block (a.n./Plt./Plh. where the office chooses) kept with the last lines; Tembusan.

/** A line to fill in by hand, where a draft lacks a value: official documents never print "belum diisi". */
export const ISI_TANGAN = '........................................';

/** A4 in points, and the margins every document uses. */
const A4 = { lebar: 595.28, tinggi: 841.89 };
export const MARGIN: [number, number, number, number] = [56, 42, 48, 50];

/** The width of the text area: the letterhead's rule spans it, portrait or landscape. */
export function lebarIsi(orientasi: PageOrientation = 'portrait'): number {
  return (orientasi === 'landscape' ? A4.tinggi : A4.lebar) - MARGIN[0] - MARGIN[2];
}

/** "197001012000031001" → "19700101 200003 1 001" (birth date, appointment, sex, serial). */
export function formatNip(nip: string | null | undefined): string {
  const d = (nip ?? '').replace(/\D/g, '');
  return d.length === 18 ? `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}` : (nip ?? '');
}

/** "Kabupaten Malang" → "PEMERINTAH KABUPATEN MALANG"; the province's letters: "PEMERINTAH PROVINSI JAWA TIMUR". */
export function pemerintah(p: Pengaturan): string {
  return p.mode === 'provinsi' ? 'PEMERINTAH PROVINSI JAWA TIMUR' : `PEMERINTAH ${(p.kabupaten_nama ?? '').toUpperCase()}`;
}

/**
 * The office's line of the letterhead: its name without the region the government line already says
 * ("Badan Perencanaan Pembangunan Daerah Kabupaten Malang" under "PEMERINTAH KABUPATEN MALANG" prints once).
 */
export function namaKantorKop(p: Pengaturan): string {
  const nama = (p.nama_instansi || 'Badan Perencanaan Pembangunan Daerah').trim();
  const wilayah = (p.mode === 'provinsi' ? 'Provinsi Jawa Timur' : (p.kabupaten_nama ?? '')).trim();
  if (!wilayah) return nama;
  const tanpa = nama.replace(new RegExp(`\\s+${wilayah.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'), '').trim();
  return tanpa || nama;
}

/**
 * The heading of an annex to a letter, at the upper right as the Tata Naskah Dinas sets it:
 * LAMPIRAN I / SURAT KEPALA … / NOMOR : … / TANGGAL : … (dotted where the number is not yet given).
 */
export function kepalaLampiran(a: { romawi: string; pengirim: string; nomor: string; tanggal: string }): Content {
  return {
    columns: [
      { text: '', width: '*' },
      {
        width: 250,
        fontSize: 9.5,
        stack: [
          { text: a.romawi ? `LAMPIRAN ${a.romawi}` : 'LAMPIRAN' },
          { text: `SURAT ${a.pengirim.toUpperCase()}` },
          {
            table: { widths: ['auto', 'auto', '*'], body: [['NOMOR', ':', a.nomor || '......................'], ['TANGGAL', ':', formatTanggal(a.tanggal).toUpperCase()]] },
            layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 3, paddingTop: () => 0, paddingBottom: () => 0 },
          },
        ],
      },
    ],
    margin: [0, 0, 0, 12],
  };
}

/** The closing sentence of every letter the app writes: one form of address (Bapak/Ibu) everywhere. */
export const PENUTUP_SURAT = 'Demikian usulan ini kami sampaikan. Atas perhatian dan perkenan Bapak/Ibu, kami sampaikan terima kasih.';

/** Whose letter an annex belongs to: the head's office with the region ("Kepala Bappeda Kabupaten Malang"). */
export function pengirimSurat(p: Pengaturan): string {
  const kepala = p.kepala_jabatan || `Kepala ${namaKantorKop(p)}`;
  const wilayah = p.mode === 'provinsi' ? 'Provinsi Jawa Timur' : (p.kabupaten_nama ?? '');
  return wilayah && !kepala.toLowerCase().includes(wilayah.toLowerCase()) ? `${kepala} ${wilayah}` : kepala;
}

/** The letterhead: emblem at the left, the government and the office, contact lines, and a full-width double rule. */
export function kopSurat(p: Pengaturan, orientasi: PageOrientation = 'portrait'): Content {
  const lebar = lebarIsi(orientasi);
  const kontak1 = [p.alamat_instansi, p.telepon ? `Telepon ${p.telepon}` : ''].filter(Boolean).join(', ');
  const kontak2 = [p.website ? `Laman ${p.website}` : '', p.email ? `Pos-el ${p.email}` : ''].filter(Boolean).join(', ');
  const kota = [p.kota_surat.toUpperCase(), p.kode_pos].filter(Boolean).join(' ');
  const teks: Content[] = [
    { text: pemerintah(p), fontSize: 14, bold: true },
    { text: namaKantorKop(p).toUpperCase(), fontSize: 15, bold: true },
    ...(kontak1 ? [{ text: kontak1, fontSize: 9.5 }] : []),
    ...(kontak2 ? [{ text: kontak2, fontSize: 9.5 }] : []),
    ...(kota ? [{ text: kota, fontSize: 10, bold: true }] : []),
  ];
  const lambang = p.lambang ? { image: p.lambang, fit: [62, 72] as [number, number], width: 66 } : { text: '', width: 66 };
  return {
    stack: [
      { columns: [lambang, { stack: teks, alignment: 'center', width: '*' }, { text: '', width: 66 }], columnGap: 6 },
      { canvas: [{ type: 'line', x1: 0, y1: 5, x2: lebar, y2: 5, lineWidth: 2 }, { type: 'line', x1: 0, y1: 8, x2: lebar, y2: 8, lineWidth: 0.6 }], margin: [0, 2, 0, 0] },
    ],
    margin: [0, 0, 0, 12],
  };
}

export interface Penandatangan {
  mode: ModeTandaTangan;
  /** The head's office, e.g. "Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Malang". */
  jabatanKepala: string;
  /** The signer's own office when signing a.n. (e.g. "Sekretaris"). */
  jabatan: string;
  nama: string;
  pangkat: string;
  nip: string;
}

/** The office's signer from its settings, with what a letter changes of it. */
export function penandatanganKantor(p: Pengaturan, ganti: Partial<Penandatangan> = {}): Penandatangan {
  const jabatanKepala = p.kepala_jabatan || `Kepala ${p.nama_instansi || 'Badan Perencanaan Pembangunan Daerah'}`;
  const oleh = p.ttd_mode === 'langsung' ? { nama: p.kepala_nama, pangkat: p.kepala_pangkat, nip: p.kepala_nip, jabatan: '' } : { nama: p.ttd_nama, pangkat: p.ttd_pangkat, nip: p.ttd_nip, jabatan: p.ttd_jabatan };
  // Another person's name for this letter: the settings' NIP and rank belong to someone else, so they are left out.
  const orangLain = ganti.nama !== undefined && ganti.nama !== oleh.nama ? { nip: '', pangkat: '' } : {};
  return { mode: p.ttd_mode, jabatanKepala, ...oleh, ...orangLain, ...ganti };
}

/** The sentence a letter signed electronically carries (BSrE, BSSN), at the foot of its pages. */
export const KALIMAT_TTE = 'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara.';

/** A letter exported for electronic signing: PDF/A-2b (fonts embedded, XMP metadata, output intent), no encryption. */
export const PDF_SIAP_TTE = { version: '1.7', subset: 'PDF/A-2b' } as unknown as Partial<TDocumentDefinitions>;

/** The foot of a page of a letter ready for TTE: the sentence, small, and the page number where it has one. */
export function kakiTte(nomor?: Content): Content {
  return { stack: [{ text: KALIMAT_TTE, fontSize: 7.5, italics: true, alignment: 'center', margin: [40, 8, 40, 0], color: '#444444' }, ...(nomor ? [nomor] : [])] };
}

/**
 * The signer's block: office line(s), room to sign, full name underlined, rank, NIP in its groups. Ready for an
 * electronic signature: no wet-ink line, a marked space for the visible stamp and QR code the signing application puts.
 */
export function blokTandaTangan(t: Penandatangan, atas?: Content, elektronik = false): Content {
  const kepala = t.jabatanKepala.toUpperCase();
  const jabatan: Content[] =
    t.mode === 'a.n.' ? [{ text: `a.n. ${kepala},` }, { text: `${t.jabatan || 'Sekretaris'},` }] : t.mode === 'langsung' ? [{ text: `${kepala},` }] : [{ text: `${t.mode} ${kepala},` }];
  return {
    stack: [
      ...(atas ? [atas] : []),
      ...jabatan,
      elektronik
        ? {
            table: { widths: [170], heights: [62], body: [[{ text: 'Tempat tanda tangan elektronik\n(cap visual dan kode QR BSrE)', fontSize: 7.5, color: '#777777', alignment: 'center', margin: [0, 18, 0, 0] }]] },
            layout: { hLineStyle: () => ({ dash: { length: 2 } }), vLineStyle: () => ({ dash: { length: 2 } }), hLineColor: () => '#9aa5b1', vLineColor: () => '#9aa5b1' },
            margin: [0, 4, 0, 4],
          }
        : { text: ' ', margin: [0, 34, 0, 0] },
      // No signer in Pengaturan: a line to write the name on (the window says the setting is empty before printing).
      { text: t.nama || ISI_TANGAN, bold: !!t.nama, decoration: t.nama && !elektronik ? 'underline' : undefined },
      ...(t.pangkat ? [{ text: t.pangkat }] : []),
      ...(t.nip ? [{ text: `NIP ${formatNip(t.nip)}` }] : []),
    ],
    alignment: 'left',
  };
}

export interface Surat {
  nomor: string;
  sifat: string;
  lampiran: string;
  hal: string;
  tempat: string;
  /** YYYY-MM-DD */
  tanggal: string;
  /** The addressee after "Yth.": first line, then c.q. lines and the like. */
  kepada: string[];
  /** Where the addressee is ("Surabaya", or "Tempat"). */
  di: string;
  /** Opening, content and closing paragraphs (pdfmake content). */
  isi: Content[];
  penandatangan: Penandatangan;
  tembusan: string[];
  /** Laid out for an electronic signature (TTE) instead of ink. */
  elektronik?: boolean;
}


/**
 * The letter as pdfmake content: it starts on a page of its own and ends with its signer and Tembusan. The last
 * paragraph and the signer's block are unbreakable together, so a signature never stands alone on a page.
 */
export function isiSurat(p: Pengaturan, s: Surat, orientasi: PageOrientation = 'portrait'): Content[] {
  const paragraf = s.isi.slice(0, -1);
  const penutup = s.isi.at(-1);
  const lebarKanan = Math.min(250, lebarIsi(orientasi) / 2);
  return [
    kopSurat(p, orientasi),
    {
      columns: [
        {
          width: '*',
          table: {
            widths: ['auto', 'auto', '*'],
            body: [
              ['Nomor', ':', s.nomor || '......................'],
              ['Sifat', ':', hurufJudul(s.sifat || 'Biasa')],
              ['Lampiran', ':', s.lampiran || '-'],
              ['Hal', ':', { text: hurufJudul(s.hal), bold: true }],
            ],
          },
          layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 4, paddingTop: () => 0, paddingBottom: () => 1 },
        },
        {
          width: lebarKanan,
          stack: [
            { text: `${s.tempat}, ${formatTanggal(s.tanggal)}`, margin: [0, 0, 0, 14] },
            { text: 'Kepada' },
            { columns: [{ text: 'Yth.', width: 26 }, { stack: s.kepada.map((t) => ({ text: t })), width: '*' }] },
            { text: 'di', margin: [26, 0, 0, 0] },
            { text: s.di, margin: [44, 0, 0, 0], decoration: 'underline' },
          ],
        },
      ],
      columnGap: 12,
      margin: [0, 0, 0, 18],
    },
    ...paragraf.map((c) => ({ stack: [c], margin: [0, 0, 0, 8] }) as Content),
    {
      stack: [
        ...(penutup ? [{ stack: [penutup], margin: [0, 0, 0, 16] } as Content] : []),
        { columns: [{ text: '', width: '*' }, { ...(blokTandaTangan(s.penandatangan, undefined, s.elektronik) as object), width: lebarKanan } as Content] },
      ],
      unbreakable: true,
    },
    ...(s.tembusan.length
      ? [
          {
            stack: [{ text: 'Tembusan:', margin: [0, 18, 0, 2] }, { ol: s.tembusan.map((t, i) => `${t}${i === s.tembusan.length - 1 ? '.' : ';'}`), fontSize: 10 }],
            unbreakable: true,
          } as Content,
        ]
      : []),
  ];
}

/** The tembusan list of the office's settings (one office per line). */
export function daftarTembusan(p: Pengaturan): string[] {
  return p.tembusan
    .split('\n')
    .map((t) => t.trim().replace(/[;.]$/, ''))
    .filter(Boolean);
}

/** The page settings and text size of letters: A4, body 11.5 pt. */
export const DOK_SURAT: Partial<TDocumentDefinitions> = {
  pageSize: 'A4',
  pageMargins: MARGIN,
  defaultStyle: { font: 'Roboto', fontSize: 11.5, lineHeight: 1.2 },
};
