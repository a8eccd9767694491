/**
 * Inline SVG charts for the insight pages. Each chart is an image with a title and description
 * (role="img", aria-labelledby) and is always followed by a table with the same figures, which
 * is the accessible alternative; the SVG itself holds no interactive parts.
 */
export interface Series {
  label: string;
  className: string;
  values: (number | null)[];
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 non-text contrast). */
const COLOURS: Record<string, string> = { 'kern-chart__own': '#0b5394', 'kern-chart__peers': '#b45f06', 'kern-chart__national': '#38761d' };
const colour = (c: string) => COLOURS[c] ?? '#333333';

const W = 640;
const H = 220;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };

function scale(series: Series[]): { max: number; y: (v: number) => number } {
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(1, ...all) * 1.1;
  return { max, y: (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max) };
}

function Axes({ labels, max, y }: { labels: string[]; max: number; y: (v: number) => number }) {
  const step = (W - PAD.left - PAD.right) / Math.max(1, labels.length);
  const ticks = [0, max / 2, max].map((v) => Math.round(v * 10) / 10);
  return (
    <g className="kern-chart__axes" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#767676" strokeWidth={0.5} />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill="#333333">{t}</text>
        </g>
      ))}
      {labels.map((l, i) => (
        <text key={l} x={PAD.left + step * (i + 0.5)} y={H - 12} textAnchor="middle" fontSize={12} fill="#333333">{l}</text>
      ))}
    </g>
  );
}

export function LineChart({ id, title, desc, labels, series }: { id: string; title: string; desc: string; labels: string[]; series: Series[] }) {
  const { max, y } = scale(series);
  const step = (W - PAD.left - PAD.right) / Math.max(1, labels.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  return (
    <svg className="kern-chart" style={{ maxWidth: '100%', height: 'auto' }} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <Axes labels={labels} max={max} y={y} />
      {series.map((s) => {
        const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
        return (
          <g key={s.label} className={s.className} stroke={colour(s.className)} fill={colour(s.className)}>
            <polyline points={points.join(' ')} fill="none" strokeWidth={2} />
            {s.values.map((v, i) => (v === null ? null : <circle key={labels[i]} cx={x(i)} cy={y(v)} r={3} />))}
          </g>
        );
      })}
    </svg>
  );
}

export function BarChart({ id, title, desc, labels, series }: { id: string; title: string; desc: string; labels: string[]; series: Series[] }) {
  const { max, y } = scale(series);
  const step = (W - PAD.left - PAD.right) / Math.max(1, labels.length);
  const bar = (step * 0.8) / Math.max(1, series.length);
  return (
    <svg className="kern-chart" style={{ maxWidth: '100%', height: 'auto' }} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <Axes labels={labels} max={max} y={y} />
      {series.map((s, k) => (
        <g key={s.label} className={s.className} fill={colour(s.className)}>
          {s.values.map((v, i) => (v === null ? null : (
            <rect key={labels[i]} x={PAD.left + step * i + step * 0.1 + bar * k} y={y(v)} width={bar - 2} height={Math.max(0, y(0) - y(v))} />
          )))}
        </g>
      ))}
    </svg>
  );
}

export function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="kern-chart__legend">
      {series.map((s) => (
        <li key={s.label}>
          <svg width="12" height="12" aria-hidden="true" focusable="false"><rect width="12" height="12" fill={colour(s.className)} /></svg> {s.label}
        </li>
      ))}
    </ul>
  );
}
