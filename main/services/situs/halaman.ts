import { formatAngka, formatDesimal, formatPeriode, formatRupiah, formatRupiahKartu, formatTanggal, namaRingkas } from '../../common/format';
import { grafikDesil, grafikOmzet, grafikPeta, grafikSektor, INDIKATOR_PETA, type Grafik, type IndikatorPeta } from '../../common/grafik/dasbor';
import { svgGrafik, WILAYAH_PETA } from '../../common/grafik/echarts';
import type { DataSitus, WilayahPublik } from './data';
import type { Dataset } from './dataset';
import { teksCacah } from './sensor';
import { ROMAWI, triwulanTerakhirTutup } from '../../common/triwulan';

// The pages of the public website: plain HTML (works from file:// and any static host, no script needed to read it),
// the charts as SVG from the shared chart definitions, a table beside every chart.

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const halamanKabupaten = (kode: string) => `kabupaten/${kode.replace('.', '-')}.html`;
/** A district whose last bundle is more than 60 days older than the site's newest data: its figures lag. */
const tertinggal = (dataPer: string, terbaru: string) => Date.parse(terbaru) - Date.parse(dataPer) > 60 * 86_400_000;
const persen = (n: number | null) => (n === null ? '–' : `${formatDesimal(n, 1)}%`);

function rangka(d: DataSitus, o: { judul: string; akar: string; isi: string; deskripsi: string }): string {
  const nav = [
    `<li><a href="${o.akar}index.html">Beranda</a></li>`,
    d.mode === 'provinsi' ? `<li><a href="${o.akar}index.html#kabupaten">Kabupaten/kota</a></li>` : '',
    d.praktik.length ? `<li><a href="${o.akar}praktik.html">Praktik baik</a></li>` : '',
    `<li><a href="${o.akar}data.html">Data terbuka</a></li>`,
  ].join('');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(o.deskripsi)}">
<title>${esc(o.judul)} · Peti Koin Bermantra</title>
<link rel="stylesheet" href="${o.akar}aset/situs.css">
</head>
<body>
<a class="lompat" href="#isi">Langsung ke isi</a>
<header>
<p class="merek">${d.kontak.lambang ? `<img class="lambang" src="${o.akar}aset/lambang.svg" alt="" width="40" height="40">` : ''}<span><strong>Peti Koin Bermantra</strong> · ${esc(d.produsen)}</span></p>
<nav aria-label="Navigasi utama"><ul>${nav}</ul></nav>
</header>
<main id="isi">
${o.isi}
</main>
<footer>
${kontak(d)}
<p>Sumber: laporan bulanan fasilitator kelompok binaan, dihimpun dengan aplikasi Bermantra. Angka sampai ${esc(formatPeriode(d.bulan))}; diperbarui ${esc(formatTanggal(d.tanggal_pembaruan))}; mengikuti ${esc(d.regulasi.nama)} (versi ${d.regulasi.versi}).</p>
<p>Hanya angka agregat, tanpa data pribadi (UU 27/2022); jumlah orang kurang dari 5 ditulis "&lt; 5". Data terbuka berlisensi CC BY 4.0. Batas wilayah peta: creasico/laravel-nusa (MIT, © 2023 Creasi.co), dari cahyadsn/wilayah_boundaries; kode wilayah Kepmendagri 300.2.2-2138/2025.</p>
</footer>
<script src="${o.akar}aset/situs.js"></script>
</body>
</html>
`;
}

/** The publishing office and how to reach it, as its letterhead says. */
function kontak(d: DataSitus): string {
  const k = d.kontak;
  const bagian = [
    k.alamat ? esc(k.alamat) : '',
    k.telepon ? `Telp. ${esc(k.telepon)}` : '',
    k.email ? `<a href="mailto:${esc(k.email)}">${esc(k.email)}</a>` : '',
    k.website ? `<a href="${esc(/^https?:\/\//.test(k.website) ? k.website : `https://${k.website}`)}">${esc(k.website)}</a>` : '',
  ].filter(Boolean);
  return `<p class="kontak"><strong>${esc(d.produsen)}</strong>${bagian.length ? `<br>${bagian.join(' · ')}` : ''}</p>`;
}

function tabel(label: string, kepala: string[], baris: string[][], angkaMulai = 1): string {
  const th = kepala.map((h, i) => `<th scope="col"${i >= angkaMulai ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const tr = baris.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${i >= angkaMulai ? ' class="num"' : ''}>${c}</td>`)).join('')}</tr>`).join('\n');
  return `<div class="tabel"><table aria-label="${esc(label)}"><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table></div>`;
}

/** The width a chart is drawn at for a phone (a 360 px screen less the page's margins): its text stays readable. */
const LEBAR_HP = 340;

/**
 * A chart as a figure: the SVG with its description, and its numbers in a table one click away. It is drawn twice,
 * for a screen and for a phone, and the stylesheet shows the one that fits: shrinking a desktop chart to a phone
 * would leave its text a few pixels high.
 */
function gambar(g: Grafik, lebar: number, tinggi: number, id: string, keterangan = ''): string {
  const svgLebar = svgGrafik(g.opsi, lebar, tinggi, id).replace('<svg ', `<svg class="g-lebar" role="img" aria-labelledby="${id}-judul" focusable="false" `);
  const svgHp = svgGrafik(g.opsi, LEBAR_HP, Math.round(Math.max(tinggi, 260) * 1.05), `${id}-hp`).replace('<svg ', `<svg class="g-hp" role="img" aria-labelledby="${id}-judul" focusable="false" `);
  const svg = `${svgLebar}
${svgHp}`;
  const [kepala, ...baris] = g.tabel;
  return `<figure id="${id}">
<figcaption id="${id}-judul">${esc(g.judul)}</figcaption>
${keterangan}${svg}
<details><summary>Lihat angka</summary>${tabel(`Angka ${g.judul.toLowerCase()}`, kepala ?? [], baris.map((r) => r.map(esc)))}</details>
</figure>`;
}

function kartu(w: WilayahPublik, bulan: string): string {
  const r = w.ringkasan;
  const item = (dt: string, dd: string) => `<div><dt>${esc(dt)}</dt><dd>${esc(dd)}</dd></div>`;
  // Billions are shortened ("Rp13,13 M") so a figure is never cut or broken across lines; the exact one is its title.
  const uang = (dt: string, n: number) => {
    const r = formatRupiahKartu(n);
    return r === formatRupiah(n) ? item(dt, r) : `<div><dt>${esc(dt)}</dt><dd><abbr title="${esc(`${formatRupiah(n)} (${namaRingkas(r)})`)}">${esc(r)}</abbr></dd></div>`;
  };
  return `<dl class="kartu" aria-label="Angka utama">
${item('Kelompok aktif', formatAngka(r.kelompok_aktif))}
${item('Anggota', teksCacah(r.anggota, formatAngka))}
${item('Terdaftar DT-SEN', persen(r.persen_dtsen))}
${item('Di desil 1–4', persen(r.persen_desil_1_4))}
${uang(`Omzet ${formatPeriode(bulan)}`, r.omzet_bulan)}
${uang(`Omzet tahun ${bulan.slice(0, 4)}`, r.omzet_tahun)}
${uang('Penjualan ke offtaker/SPPG', r.penjualan_offtaker_bulan)}
${item('Perjanjian aktif', formatAngka(r.perjanjian_aktif))}
${uang('Nilai perjanjian per bulan', r.nilai_perjanjian_bulan)}
${uang('Nilai perjanjian SPPG per bulan', r.nilai_perjanjian_sppg_bulan)}
${item('Kepatuhan pelaporan', persen(r.kepatuhan))}
</dl>`;
}

function monev(w: WilayahPublik, d: DataSitus): string {
  if (!w.monev.length) return `<h2>Target dan realisasi (e-monev)</h2><p>Belum ada target indikator untuk tahun ${d.bulan.slice(0, 4)}.</p>`;
  const tw = triwulanTerakhirTutup(d.tanggal_pembaruan);
  const adaKategori = w.monev.some((m) => m.kategori);
  return `<h2>Target dan realisasi (e-monev)</h2>
<p class="ket">Katalog indikator versi ${d.regulasi.versi}: ${esc(d.regulasi.nama)}.${adaKategori ? ` Kategori capaian s.d. Triwulan ${ROMAWI[tw.triwulan]} ${tw.tahun} menurut tabel evaluasi Permendagri 86/2017 (≥ 91 sangat tinggi, 76–90 tinggi, 66–75 sedang, 51–65 rendah, ≤ 50 sangat rendah).` : ''}</p>
${tabel(
  'Target dan realisasi',
  ['Indikator', 'Wilayah', 'Target', 'Realisasi', 'Capaian', ...(adaKategori ? [`Kategori s.d. TW ${ROMAWI[tw.triwulan]}`] : [])],
  w.monev.map((m) => [esc(`${m.nama} (${m.satuan})`), esc(m.wilayah), formatAngka(m.target), m.realisasi === null ? '–' : formatAngka(m.realisasi), persen(m.persen), ...(adaKategori ? [esc(m.kategori ?? '–')] : [])]),
  2,
)}`;
}

/** The programme districts' figures, one row per district, as the map definition takes them. */
const barisPeta = (d: DataSitus) => d.kabupaten.map((k) => ({ kode: k.kode, nama: k.nama, kelompok: k.ringkasan.kelompok_aktif, anggota: k.ringkasan.anggota ?? 0, omzet_tahun: k.ringkasan.omzet_tahun, kepatuhan: k.ringkasan.kepatuhan, nilai_perjanjian: k.ringkasan.nilai_perjanjian_bulan }));

export interface Peta {
  /** The map's SVG for the default indicator, regions as paths with data-kode. */
  svg: string;
  /** For the script: per indicator the fill and the hover text of each region. */
  warna: Record<string, { label: string; maks: string; warna: Record<string, string>; judul: Record<string, string> }>;
}

/** Renders the map once per indicator; regions carry their code, a hover title, and (pages) a link. */
export function buatPeta(d: DataSitus): Peta {
  const rows = barisPeta(d);
  const perKode = new Map(d.kabupaten.map((k) => [k.kode, k]));
  const warna: Peta['warna'] = {};
  let svgUtama = '';
  for (const ind of INDIKATOR_PETA) {
    const g = grafikPeta(rows, ind.kode as IndikatorPeta);
    (g.opsi as { visualMap: { show: boolean } }).visualMap.show = false;
    const judulWilayah = (kode: string) => {
      const w = WILAYAH_PETA.find((x) => x.kode === kode)!;
      const k = perKode.get(kode);
      if (!k) return `${w.nama}: belum ikut program`;
      const v = ind.kode === 'anggota' ? teksCacah(k.ringkasan.anggota, formatAngka) : ind.format(Number(rows.find((r) => r.kode === kode)![ind.kode]) || 0);
      return `${w.nama}: ${ind.label.toLowerCase()} ${v}`;
    };
    const fills: Record<string, string> = {};
    const judul: Record<string, string> = {};
    const svg = svgGrafik(g.opsi, 900, 400, 'peta').replace(/<path ([^>]*?) ecmeta_series_index="0" ecmeta_data_index="(\d+)" ecmeta_ssr_type="chart"([^>]*)><\/path>/g, (_, a: string, i: string, b: string) => {
      const kode = WILAYAH_PETA[Number(i)]!.kode;
      fills[kode] = /fill="([^"]+)"/.exec(a)?.[1] ?? '#e3e3e3';
      judul[kode] = judulWilayah(kode);
      return `<path ${a} data-kode="${kode}"${b}><title>${esc(judul[kode])}</title></path>`;
    });
    const maks = Math.max(1, ...rows.map((r) => Number(r[ind.kode]) || 0));
    warna[ind.kode] = { label: ind.label, maks: ind.format(maks), warna: fills, judul };
    if (!svgUtama) svgUtama = svg;
  }
  return { svg: svgUtama, warna };
}

/** The map on a page: programme districts link to their page; `sorot` outlines one district. */
function petaDiHalaman(d: DataSitus, peta: Peta, akar: string, sorot?: string): string {
  const program = new Set(d.kabupaten.map((k) => k.kode));
  let svg = peta.svg.replace(/<path ([^>]*?) data-kode="([\d.]+)"([^>]*)>(<title>[^<]*<\/title>)<\/path>/g, (m, a: string, kode: string, b: string, t: string) => {
    const p = kode === sorot ? `<path ${a.replace(/stroke="[^"]*"/, 'stroke="#d97706"').replace(/stroke-width="[^"]*"/, 'stroke-width="3"')} data-kode="${kode}"${b}>${t}</path>` : m;
    return program.has(kode) && d.mode === 'provinsi' ? `<a href="${akar}${halamanKabupaten(kode)}">${p}</a>` : p;
  });
  svg = svg.replace('<svg ', '<svg role="img" aria-labelledby="peta-judul" focusable="false" ');
  const ind = INDIKATOR_PETA[0];
  const pilihan = INDIKATOR_PETA.map((i) => `<option value="${i.kode}">${esc(i.label)}</option>`).join('');
  return `<figure id="peta">
<figcaption>Peta Jawa Timur: <span id="peta-judul">${esc(ind.label)}</span> per kabupaten/kota</figcaption>
<p class="tanpa-cetak"><label for="indikator-peta">Warna peta menurut</label> <select id="indikator-peta" disabled>${pilihan}</select></p>
<div class="legenda" aria-hidden="true"><span>0</span><span class="skala"></span><span id="peta-maks">${esc(peta.warna[ind.kode]!.maks)}</span><span class="abu"></span><span>belum ikut program</span></div>
${svg}
<p class="ket">${d.mode === 'provinsi' ? 'Kabupaten/kota program berwarna dan bergaris tepi (klik untuk membuka halamannya); yang abu-abu belum ikut program. Angka setiap kabupaten/kota ada di tabel peringkat.' : `${esc(d.utama.nama)} bergaris tepi jingga; angkanya ada di atas.`}</p>
${d.mode === 'provinsi' ? `<nav aria-label="Halaman kabupaten/kota program"><ul class="daftar-wilayah">${[...d.kabupaten].sort((a, b) => a.nama.localeCompare(b.nama)).map((k) => `<li><a href="${akar}${halamanKabupaten(k.kode)}">${esc(k.nama)}</a></li>`).join('')}</ul></nav>` : ''}
<script type="application/json" id="warna-peta">${JSON.stringify(peta.warna).replace(/</g, '\\u003c')}</script>
</figure>`;
}

function bagianWilayah(w: WilayahPublik, d: DataSitus, id: string): string {
  const desil = w.desil.some((x) => x === null)
    ? `<figure><figcaption>Sebaran desil anggota (DT-SEN)</figcaption><p class="ket">Sebagian angka kurang dari 5 orang, sehingga hanya ditampilkan sebagai tabel.</p>${tabel('Angka sebaran desil anggota (dt-sen)', ['Desil', 'Anggota'], w.desil.map((n, i) => [`Desil ${i + 1}`, teksCacah(n, formatAngka)]))}</figure>`
    : gambar(grafikDesil({ desil: w.desil as number[] }), 480, 280, `${id}-desil`);
  return `<div class="lebar">${gambar(grafikOmzet(w), 760, 300, `${id}-omzet`)}</div>
<div class="grid">
${gambar(grafikSektor({ kelompok_per_sektor: w.sektor }), 480, 280, `${id}-sektor`)}
${desil}
</div>`;
}

export function halamanIndex(d: DataSitus, peta: Peta): string {
  const u = d.utama;
  const provinsi = d.mode === 'provinsi';
  const peringkat = [...d.kabupaten].sort((a, b) => b.ringkasan.omzet_tahun - a.ringkasan.omzet_tahun || a.kode.localeCompare(b.kode));
  const isi = `<h1>${provinsi ? 'Program Peti Koin Bermantra Jawa Timur' : `Peti Koin Bermantra ${esc(u.nama)}`}</h1>
<p class="ket">Pemberdayaan ekonomi rumah tangga miskin lewat kelompok binaan yang didampingi fasilitator. Angka sampai <strong>${esc(formatPeriode(d.bulan))}</strong>, diperbarui ${esc(formatTanggal(d.tanggal_pembaruan))}${provinsi ? `, dari ${formatAngka(d.kabupaten.length)} kabupaten/kota program` : ''}.</p>
<h2>Angka utama</h2>
${kartu(u, d.bulan)}
<h2>Peta</h2>
${petaDiHalaman(d, peta, '', provinsi ? undefined : u.kode)}
<h2>Perkembangan</h2>
${bagianWilayah(u, d, 'utama')}
${
  provinsi
    ? `<h2 id="kabupaten">Peringkat kabupaten/kota</h2>
<p class="ket">Diurutkan menurut omzet tahun berjalan. "Data per" adalah tanggal bundel terakhir yang diterima provinsi dari kabupaten/kota itu: makin lama, makin tertinggal angkanya.</p>
${tabel(
  'Peringkat kabupaten/kota',
  ['Kabupaten/kota', 'Kelompok aktif', 'Anggota', 'Omzet tahun berjalan', 'Kepatuhan', 'Nilai perjanjian/bulan', 'Data per'],
  peringkat.map((k) => [
    `<a href="${halamanKabupaten(k.kode)}">${esc(k.nama)}</a>`,
    formatAngka(k.ringkasan.kelompok_aktif),
    esc(teksCacah(k.ringkasan.anggota, formatAngka)),
    formatRupiah(k.ringkasan.omzet_tahun),
    persen(k.ringkasan.kepatuhan),
    formatRupiah(k.ringkasan.nilai_perjanjian_bulan),
    k.data_per ? `${esc(formatTanggal(k.data_per))}${tertinggal(k.data_per, d.tanggal_pembaruan) ? ' <strong>(lebih dari 2 bulan)</strong>' : ''}` : '–',
  ]),
)}`
    : kecamatan(u) + kelompokPublik(u)
}
${monev(u, d)}`;
  return rangka(d, { judul: provinsi ? 'Dasbor Program Jawa Timur' : `Dasbor ${u.nama}`, akar: '', isi, deskripsi: `Angka program Peti Koin Bermantra ${provinsi ? 'Jawa Timur' : u.nama} sampai ${formatPeriode(d.bulan)}.` });
}

function kelompokPublik(w: WilayahPublik): string {
  const lain = Math.max(0, w.ringkasan.kelompok_aktif - w.kelompok_publik.length);
  if (!w.kelompok_publik.length) return `<h2>Kelompok binaan</h2><p>${formatAngka(w.ringkasan.kelompok_aktif)} kelompok aktif; nama kelompok hanya ditampilkan bila kelompoknya setuju.</p>`;
  return `<h2>Kelompok binaan</h2>
<p class="ket">Kelompok yang setuju namanya ditampilkan${lain ? `; ${formatAngka(lain)} kelompok lain hanya dihitung` : ''}.</p>
${tabel(`Kelompok binaan ${w.nama}`, ['Kelompok', 'Sektor', 'Kecamatan'], w.kelompok_publik.map((k) => [esc(k.nama), esc(k.sektor), esc(k.kecamatan)]), 9)}`;
}

function kecamatan(w: WilayahPublik): string {
  if (!w.kecamatan.length) return '';
  return `<h2>Rincian per kecamatan</h2>
${tabel(
  `Rincian per kecamatan ${w.nama}`,
  ['Kecamatan', 'Kode', 'Kelompok aktif', 'Anggota', 'Omzet tahun berjalan'],
  w.kecamatan.map((c) => [esc(c.nama), c.kode, formatAngka(c.kelompok_aktif), esc(teksCacah(c.anggota, formatAngka)), formatRupiah(c.omzet_tahun)]),
  2,
)}`;
}

export function halamanWilayah(d: DataSitus, w: WilayahPublik, peta: Peta): string {
  const id = `k${w.kode.replace('.', '')}`;
  const isi = `<p><a href="../index.html">« Kembali ke Jawa Timur</a></p>
<h1>${esc(w.nama)}</h1>
<p class="ket">Kode wilayah ${w.kode}. Angka sampai <strong>${esc(formatPeriode(d.bulan))}</strong>; data per ${w.data_per ? esc(formatTanggal(w.data_per)) : '–'} (bundel terakhir yang diterima provinsi).</p>
<h2>Angka utama</h2>
${kartu(w, d.bulan)}
<h2>Perkembangan</h2>
${bagianWilayah(w, d, id)}
${kecamatan(w)}
${kelompokPublik(w)}
${monev(w, d)}
<h2>Letak</h2>
${petaDiHalaman(d, peta, '../', w.kode)}`;
  return rangka(d, { judul: w.nama, akar: '../', isi, deskripsi: `Angka program Peti Koin Bermantra ${w.nama} sampai ${formatPeriode(d.bulan)}.` });
}

/** Districts' best practices the province published: their own words, the group named only where allowed. */
export function halamanPraktik(d: DataSitus): string {
  const isi = `<h1>Praktik baik kabupaten/kota</h1>
<p class="ket">Cerita praktik baik kelompok binaan yang dipilih provinsi untuk dibagikan antar kabupaten/kota.</p>
${d.praktik.map((p) => `<article><h2>${esc(p.judul)}</h2><p class="ket">${esc(p.kabupaten_nama)} · ${esc(formatTanggal(p.tanggal))}${p.kelompok_nama ? ` · ${esc(p.kelompok_nama)}` : ''}</p><p>${esc(p.cerita)}</p></article>`).join('\n')}`;
  return rangka(d, { judul: 'Praktik baik', akar: '', isi, deskripsi: 'Praktik baik kelompok binaan Peti Koin Bermantra yang dibagikan antar kabupaten/kota di Jawa Timur.' });
}

export function halamanData(d: DataSitus, datasets: Dataset[]): string {
  const isi = `<h1>Data terbuka</h1>
<p>Setiap tabel di balik grafik situs ini dapat diunduh sebagai CSV (UTF-8, dipisah koma) dan JSON, dengan metadata: judul, produsen, periode, tanggal pembaruan, satuan dan definisi setiap kolom, serta lisensi, mengikuti prinsip Satu Data Indonesia (Perpres 39/2019). Wilayah ditulis dengan kode Kemendagri di samping namanya. Daftar lengkapnya untuk mesin: <a href="data/katalog.json">data/katalog.json</a>.</p>
<p class="ket">Produsen data: ${esc(d.produsen)}. Periode: ${esc(formatPeriode(d.bulan))}. Diperbarui: ${esc(formatTanggal(d.tanggal_pembaruan))}. Lisensi: CC BY 4.0. Tanpa data pribadi; jumlah orang kurang dari 5 ditulis "&lt;5".</p>
${datasets
  .map(
    (ds) => `<section aria-labelledby="ds-${ds.id}">
<h2 id="ds-${ds.id}">${esc(ds.judul)}</h2>
<p>${esc(ds.deskripsi)} ${formatAngka(ds.baris.length)} baris.</p>
<p><a href="data/${ds.id}.csv" download>Unduh CSV ${esc(ds.judul)}</a> · <a href="data/${ds.id}.json">JSON dengan metadata</a></p>
<details><summary>Kolom</summary>${tabel(`Kolom ${ds.judul}`, ['Kolom', 'Judul', 'Satuan', 'Definisi'], ds.kolom.map((c) => [`<code>${c.nama}</code>`, esc(c.judul), esc(c.satuan ?? '–'), esc(c.definisi)]), 9)}</details>
</section>`,
  )
  .join('\n')}
<section aria-labelledby="definisi-angka">
<h2 id="definisi-angka">Definisi angka</h2>
<p>Satu angka, satu definisi: setiap angka di situs ini, di aplikasi dan di dokumen resmi program dihitung menurut definisi berikut.</p>
${tabel('Definisi angka', ['Angka', 'Satuan', 'Definisi dan cara menghitung', 'Atas bulan', 'Atas wilayah'], d.kamus.map((a) => [esc(a.nama), esc(a.satuan || '–'), esc(`${a.definisi} ${a.rumus} ${a.laporan} ${a.kelompok}`), esc(a.bulan), esc(a.bolehDijumlah ? a.wilayah : `${a.wilayah} (tidak dijumlahkan)`)]), 9)}
</section>`;
  return rangka(d, { judul: 'Data terbuka', akar: '', isi, deskripsi: 'Data terbuka program Peti Koin Bermantra: CSV dan JSON dengan metadata.' });
}
