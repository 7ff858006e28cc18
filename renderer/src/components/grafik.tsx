import { useId, useRef } from 'react';

/** A bar chart (SVG) with its numbers one click away and a PNG export. */
export function GrafikBatang(props: { judul: string; data: { label: string; nilai: number }[]; format: (n: number) => string; tinggi?: number; warna?: (i: number) => string }) {
  const id = useId();
  const ref = useRef<SVGSVGElement>(null);
  const tinggi = props.tinggi ?? 180;
  const lebar = Math.max(320, props.data.length * 34);
  const maks = Math.max(1, ...props.data.map((d) => d.nilai));
  const bar = (lebar - 20) / Math.max(1, props.data.length);
  const unduhPng = async () => {
    const svg = ref.current;
    if (!svg) return;
    const text = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = lebar * 2;
    canvas.height = (tinggi + 40) * 2;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${props.judul.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`;
    document.body.append(a);
    a.click();
    a.remove();
  };
  return (
    <figure className="grafik">
      <figcaption id={id}>{props.judul}</figcaption>
      <svg ref={ref} xmlns="http://www.w3.org/2000/svg" width={lebar} height={tinggi + 40} role="img" aria-labelledby={id} style={{ maxWidth: '100%', height: 'auto' }} viewBox={`0 0 ${lebar} ${tinggi + 40}`}>
        <rect width={lebar} height={tinggi + 40} fill="#fff" />
        {props.data.map((d, i) => {
          const h = (d.nilai / maks) * (tinggi - 10);
          return (
            <g key={d.label}>
              <rect x={10 + i * bar + 2} y={tinggi - h} width={Math.max(2, bar - 4)} height={h} fill={props.warna?.(i) ?? '#0b4f8a'}>
                <title>{`${d.label}: ${props.format(d.nilai)}`}</title>
              </rect>
              <text x={10 + i * bar + bar / 2} y={tinggi + 14} fontSize="9" textAnchor="middle" fill="#333" fontFamily="sans-serif">
                {d.label.length > 8 ? d.label.slice(0, 8) + '…' : d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Lihat angka</summary>
        <table aria-label={`Angka ${props.judul.toLowerCase()}`}>
          <tbody>
            {props.data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td className="num">{props.format(d.nilai)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <button type="button" className="small" onClick={unduhPng} aria-label={`Unduh PNG ${props.judul}`}>
        Unduh PNG
      </button>
    </figure>
  );
}
