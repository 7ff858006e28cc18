// The website's own stylesheet and script: small, local, no fonts or libraries from elsewhere. The charts are SVG drawn
// by ECharts when the site is exported, so the page needs no chart library to show them; the script only recolours the
// map for another indicator (without it the map shows kelompok aktif and the table below has every indicator).

export const CSS = `:root{--biru:#0b4f8a;--teks:#1b1b1b;--abu:#5a5a5a;--garis:#d6dbe1;--latar:#f5f7fa;--emas:#8a5a00}
*{box-sizing:border-box}
html{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:16px;color:var(--teks);background:var(--latar);line-height:1.5}
body{margin:0}
a{color:var(--biru)}
a:focus-visible,button:focus-visible,select:focus-visible{outline:3px solid #f2c94c;outline-offset:2px}
.lompat{position:absolute;left:-999px}.lompat:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
header{background:var(--biru);color:#fff;padding:.8rem 1rem}
header a{color:#fff}
header p{margin:.2rem 0 0;font-size:.9rem}
.merek{display:flex;align-items:center;gap:.6rem}.lambang{width:40px;height:40px;background:#fff;border-radius:4px;flex:none}
.kontak{color:var(--teks)}
.g-hp{display:none}
.daftar-wilayah{columns:2 10rem;margin:.4rem 0 0;padding-left:1.2rem}
.tabel.lebih::before{content:'Geser tabel ke samping untuk kolom lainnya \\2192';display:block;font-size:.8rem;color:var(--abu);margin-bottom:.2rem}
nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
main{max-width:1200px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
.ket{color:var(--abu);font-size:.9rem}
.kartu{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.6rem;margin:0;padding:0}
.kartu div{background:#fff;border:1px solid var(--garis);border-radius:8px;padding:.6rem .8rem;min-width:0}
.kartu dt{font-size:.85rem;color:var(--abu)}
.kartu dd{margin:0;font-size:1.3rem;font-weight:bold;color:var(--biru);white-space:nowrap}.kartu abbr{text-decoration:none}
figure{background:#fff;border:1px solid var(--garis);border-radius:8px;margin:0 0 1rem;padding:.6rem}
figcaption{font-weight:bold;margin-bottom:.3rem}
figure svg{width:100%;height:auto;display:block}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
.lebar{max-width:900px}
.tabel{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}
th,td{border:1px solid var(--garis);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e9eef4}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
details{margin-top:.4rem}
.legenda{display:flex;align-items:center;gap:.5rem;font-size:.85rem}
.legenda .skala{width:160px;height:12px;background:linear-gradient(90deg,#dbe9f6,#6ba3d6,#0b4f8a);border:1px solid var(--garis)}
.legenda .abu{width:16px;height:12px;background:#e3e3e3;border:1px solid var(--garis)}
footer{max-width:1200px;margin:2rem auto 0;padding:1rem;font-size:.85rem;color:var(--abu);border-top:1px solid var(--garis)}
@media (max-width:600px){html{font-size:15px}main{padding:.6rem}.kartu{grid-template-columns:1fr 1fr}.kartu dd{font-size:1.05rem}th,td{padding:.25rem .35rem}.g-lebar{display:none}.g-hp{display:block}figure{padding:.4rem}}
@media print{header,nav,.tanpa-cetak{display:none}.g-lebar{display:block!important}.g-hp{display:none!important}h1,h2,h3{break-after:avoid}body,html{background:#fff}figure,table{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

export const JS = `(function(){
function geser(){document.querySelectorAll('.tabel').forEach(function(t){t.classList.toggle('lebih',t.scrollWidth>t.clientWidth+2);});}
geser();window.addEventListener('resize',geser);document.addEventListener('toggle',geser,true);
})();
(function(){
var el=document.getElementById('warna-peta');var pilih=document.getElementById('indikator-peta');
if(!el||!pilih)return;var data=JSON.parse(el.textContent);
pilih.disabled=false;
pilih.addEventListener('change',function(){var w=data[pilih.value];if(!w)return;
document.querySelectorAll('#peta path[data-kode]').forEach(function(p){var k=p.getAttribute('data-kode');if(w.warna[k]){p.setAttribute('fill',w.warna[k]);var t=p.querySelector('title');if(t)t.textContent=w.judul[k];}});
document.getElementById('peta-maks').textContent=w.maks;document.getElementById('peta-judul').textContent=w.label;});
})();
`;
