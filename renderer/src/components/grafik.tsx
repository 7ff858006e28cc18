import { useEffect, useId, useRef } from 'react';
import { echarts } from '../../../main/common/grafik/echarts';
import type { Grafik } from '../../../main/common/grafik/dasbor';
import { namaBerkas } from '../../../main/common/format';
import { unduhBlob } from '../api';

/**
 * One chart of the shared definitions (main/common/grafik), drawn by ECharts in SVG, with its numbers one click away
 * and PNG/SVG downloads. `onKlik` receives the clicked item's name (on the map: the kabupaten/kota code).
 */
export function GrafikEcharts(props: { grafik: Grafik; tinggi?: number; onKlik?: (nama: string) => void }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const { grafik } = props;
  const klik = useRef(props.onKlik);
  klik.current = props.onKlik;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (p) => {
      if (typeof p.name === 'string' && klik.current) klik.current(p.name);
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => {
    chartRef.current?.setOption(grafik.opsi, { notMerge: true });
  }, [grafik]);

  const svgTeks = () => (chartRef.current as unknown as { renderToSVGString(): string } | null)?.renderToSVGString() ?? '';
  const unduhSvg = () => unduhBlob(new Blob([svgTeks()], { type: 'image/svg+xml' }), namaBerkas(['Grafik', grafik.judul], 'svg'));
  const unduhPng = async () => {
    const el = ref.current;
    if (!el) return;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgTeks())}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = el.clientWidth * 2;
    canvas.height = el.clientHeight * 2;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (blob) unduhBlob(blob, namaBerkas(['Grafik', grafik.judul], 'png'));
  };
  const [kepala, ...baris] = grafik.tabel;
  return (
    <figure className="grafik" data-grafik={grafik.id}>
      <figcaption id={id}>{grafik.judul}</figcaption>
      <div ref={ref} className="grafik-kanvas" role="img" aria-labelledby={id} aria-describedby={`${id}-ket`} style={{ height: props.tinggi ?? 240 }} />
      <p id={`${id}-ket`} className="sr-only">
        {grafik.kosong ? 'Belum ada data.' : 'Angka grafik ini ada dalam tabel di bawahnya.'}
      </p>
      <details>
        <summary>Lihat angka</summary>
        <div className="tabel-gulir">
          <table aria-label={`Angka ${grafik.judul.toLowerCase()}`}>
            <thead>
              <tr>
                {kepala?.map((k, i) => (
                  <th key={k} scope="col" className={i ? 'num' : undefined}>
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {baris.map((r) => (
                <tr key={r.join('|')}>
                  {r.map((c, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={i} className="num">
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <div className="aksi-grafik">
        <button type="button" className="small" onClick={unduhPng} aria-label={`Unduh PNG ${grafik.judul}`} disabled={grafik.kosong}>
          Unduh PNG
        </button>
        <button type="button" className="small" onClick={unduhSvg} aria-label={`Unduh SVG ${grafik.judul}`} disabled={grafik.kosong}>
          Unduh SVG
        </button>
      </div>
    </figure>
  );
}
