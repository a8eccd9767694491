import { useId } from 'react';

/** Colours and dash patterns together, so series differ without relying on colour alone (WCAG 1.4.1). */
const STROKES = ['#1f5f8b', '#b3441e', '#2f7d32', '#6a3d9a', '#8a6d00', '#00767a', '#9c2755', '#4d4d4d', '#0b4f2f', '#7a3b00', '#3b3b98', '#7d1f1f', '#256d85'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 2 1 2', '', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];
export const seriesStroke = (i: number) => ({ stroke: STROKES[i % STROKES.length] ?? '#000', dash: DASHES[i % DASHES.length] ?? '' });

export interface Axis { key: string; label: string }

/**
 * The current state as a radar: one spoke per domain, the scale from the centre outwards. Inline
 * SVG with a title and a description; the table beside it says the same in words.
 */
export function RadarChart({ title, description, axes, values, min, max }: { title: string; description: string; axes: Axis[]; values: Record<string, number | undefined>; min: number; max: number }) {
  const id = useId();
  const size = 360;
  const c = size / 2;
  const r = 120;
  const angle = (i: number) => (Math.PI * 2 * i) / axes.length - Math.PI / 2;
  const at = (i: number, v: number) => {
    const f = (v - min) / (max - min || 1);
    return [c + Math.cos(angle(i)) * r * f, c + Math.sin(angle(i)) * r * f] as const;
  };
  const rings = Array.from({ length: 5 }, (_, i) => min + ((max - min) * (i + 1)) / 5);
  const points = axes.map((a, i) => at(i, values[a.key] ?? min));
  return (
    <svg className="kern-chart kern-chart--radar" viewBox={`0 0 ${size} ${size}`} width="100%" style={{ maxWidth: `${size}px` }} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {rings.map((v) => (
        <polygon key={v} points={axes.map((_, i) => at(i, v).join(',')).join(' ')} fill="none" stroke="#c8c8c8" strokeWidth="1" />
      ))}
      {axes.map((a, i) => {
        const [x, y] = at(i, max);
        const [lx, ly] = [c + Math.cos(angle(i)) * (r + 14), c + Math.sin(angle(i)) * (r + 14)];
        const anchor = Math.abs(lx - c) < 4 ? 'middle' : lx > c ? 'start' : 'end';
        return (
          <g key={a.key}>
            <line x1={c} y1={c} x2={x} y2={y} stroke="#c8c8c8" strokeWidth="1" />
            <text x={lx} y={ly} fontSize="10" textAnchor={anchor} dominantBaseline="middle" fill="#222">{a.label}</text>
          </g>
        );
      })}
      <polygon points={points.map((p) => p.join(',')).join(' ')} fill="rgba(31,95,139,0.25)" stroke="#1f5f8b" strokeWidth="2" />
      {axes.map((a, i) => {
        const v = values[a.key];
        if (v === undefined) return null;
        const [x, y] = at(i, v);
        return <circle key={a.key} cx={x} cy={y} r="3.5" fill="#1f5f8b" />;
      })}
    </svg>
  );
}

/** Progress over time: one line per domain over the assessment dates, with a legend in text. */
export function LineChart({ title, description, dates, series, min, max }: { title: string; description: string; dates: string[]; series: { key: string; label: string; values: (number | undefined)[] }[]; min: number; max: number }) {
  const id = useId();
  const w = 560;
  const h = 240;
  const pad = { l: 36, r: 12, t: 12, b: 36 };
  const x = (i: number) => pad.l + (dates.length <= 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (dates.length - 1));
  const y = (v: number) => pad.t + (1 - (v - min) / (max - min || 1)) * (h - pad.t - pad.b);
  const ticks = Array.from({ length: Math.min(max - min, 10) + 1 }, (_, i) => min + Math.round((i * (max - min)) / Math.min(max - min, 10)));
  return (
    <figure className="kern-chart-figure">
      <svg className="kern-chart kern-chart--line" viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: `${w}px` }} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} stroke="#e2e2e2" />
            <text x={pad.l - 6} y={y(v)} fontSize="10" textAnchor="end" dominantBaseline="middle" fill="#222">{v}</text>
          </g>
        ))}
        {dates.map((d, i) => (
          <text key={`${d}-${i}`} x={x(i)} y={h - pad.b + 16} fontSize="10" textAnchor="middle" fill="#222">{d}</text>
        ))}
        {series.map((s, si) => {
          const { stroke, dash } = seriesStroke(si);
          const pts = s.values.flatMap((v, i) => (v === undefined ? [] : [`${x(i)},${y(v)}`]));
          return (
            <g key={s.key}>
              <polyline points={pts.join(' ')} fill="none" stroke={stroke} strokeWidth="2" strokeDasharray={dash} />
              {s.values.map((v, i) => (v === undefined ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={stroke} />))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="kern-chart-legend">
          {series.map((s, si) => {
            const { stroke, dash } = seriesStroke(si);
            return (
              <li key={s.key}>
                <svg width="28" height="10" aria-hidden="true" focusable="false"><line x1="0" x2="28" y1="5" y2="5" stroke={stroke} strokeWidth="2" strokeDasharray={dash} /></svg> {s.label}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
