import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import petaJatim from './jatim_kabkota.json';

// ECharts with only what Bermantra draws (bar, line, the map of Jawa Timur) and only the SVG renderer: the same
// module draws in the app's window and, in Node without a DOM, the SVG of the public website and of documents.

echarts.use([BarChart, LineChart, MapChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

/**
 * The 38 kabupaten/kota of Jawa Timur. Boundaries: creasico/laravel-nusa (MIT licence, Copyright (c) 2023 Creasi.co),
 * from cahyadsn/wilayah_boundaries; codes and names of Kepmendagri 300.2.2-2138/2025. Regions are named by their code.
 */
export const PETA_JATIM = 'jatim';
echarts.registerMap(PETA_JATIM, petaJatim as unknown as Parameters<typeof echarts.registerMap>[1]);

export const WILAYAH_PETA: { kode: string; nama: string }[] = (petaJatim as unknown as { features: { properties: { kode: string; nama: string } }[] }).features
  .map((f) => ({ kode: f.properties.kode, nama: f.properties.nama }))
  .sort((a, b) => a.kode.localeCompare(b.kode));

export { echarts };
export type OpsiGrafik = echarts.EChartsCoreOption;

/**
 * A chart as SVG text, without a DOM (Node, the website export, documents). The same option gives the same bytes:
 * ECharts numbers its CSS classes by instance and by history (`zr7-cls-3`), so they are renumbered in order of
 * appearance under `id`, which also keeps
 * the classes of several charts inlined in one page apart.
 */
export function svgGrafik(opsi: OpsiGrafik, lebar: number, tinggi: number, id = 'grafik'): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: lebar, height: tinggi });
  try {
    chart.setOption({ ...opsi, animation: false });
    const nomor = new Map<string, number>();
    return chart.renderToSVGString().replace(/\bzr\d+-cls-\d+\b/g, (c) => {
      if (!nomor.has(c)) nomor.set(c, nomor.size);
      return `${id}-${nomor.get(c)}`;
    }).replace(/\bzr\d+-/g, `${id}-`);
  } finally {
    chart.dispose();
  }
}
