import type { WerkwijzeDefinition } from '../api';
import { useApp } from '../app-context';
import { CORE_PHASES, isCorePhase } from '../werkwijze';

type Step = NonNullable<WerkwijzeDefinition['steps']>[number];

const COL_W = 232;
const BOX_W = 166;
const HEADER_H = 44;
const ROW_GAP = 56;
const LINE_H = 16;
const PAD = 10;

/** Splits text into lines of at most `max` characters, on word boundaries where it can. */
export function wrapText(text: string, max: number, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= max || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
    return kept;
  }
  return lines;
}

interface Box {
  step: Step;
  x: number;
  y: number;
  h: number;
  nameLines: string[];
  roleLines: string[];
}

/** Where a ray from the centre of a box towards (tx, ty) leaves the box. */
function edgePoint(box: Box, tx: number, ty: number): { x: number; y: number } {
  const cx = box.x + BOX_W / 2;
  const cy = box.y + box.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx === 0 ? Infinity : BOX_W / 2 / Math.abs(dx), dy === 0 ? Infinity : box.h / 2 / Math.abs(dy));
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/**
 * The werkwijze drawn as a diagram: one column per core phase, steps as boxes with their roles,
 * transitions as labelled arrows. It is an image with a text alternative; the same content is in
 * the table the page shows below it.
 */
export function ProcessDiagram({ definition, titleId, descId }: { definition: WerkwijzeDefinition; titleId: string; descId: string }) {
  const { t } = useApp();
  const steps = Array.isArray(definition.steps) ? definition.steps : [];
  const skipped = new Map((definition.skippedPhases ?? []).map((s) => [s.phase, s.reason]));

  const boxes = new Map<string, Box>();
  const columnBottom: number[] = CORE_PHASES.map(() => HEADER_H + PAD);
  for (const step of steps) {
    if (!isCorePhase(step.phase)) continue;
    const col = CORE_PHASES.indexOf(step.phase);
    const nameLines = wrapText(step.name ?? step.id, 21, 3);
    const roleLines = wrapText((step.roles ?? []).join(', '), 25, 3);
    const h = 16 + nameLines.length * LINE_H + roleLines.length * (LINE_H - 2) + 8;
    const y = (columnBottom[col] ?? HEADER_H) + 12;
    boxes.set(step.id, { step, x: col * COL_W + (COL_W - BOX_W) / 2, y, h, nameLines, roleLines });
    columnBottom[col] = y + h + ROW_GAP - 12;
  }

  const skippedLines = new Map([...skipped].map(([phase, reason]) => [phase, wrapText(reason, 26, 8)]));
  const skippedBottom = Math.max(0, ...[...skippedLines.values()].map((lines) => HEADER_H + 30 + lines.length * LINE_H));
  const width = CORE_PHASES.length * COL_W;
  const height = Math.max(200, ...columnBottom, skippedBottom) + PAD;

  const edges: { from: Box; to: Box; label: string; key: string; reverse: boolean }[] = [];
  const pairs = new Set<string>();
  for (const step of steps) for (const tr of step.transitions ?? []) pairs.add(`${step.id}->${tr.to}`);
  for (const step of steps) {
    const from = boxes.get(step.id);
    (step.transitions ?? []).forEach((tr, i) => {
      const to = boxes.get(tr.to);
      if (!from || !to || from === to) return;
      edges.push({ from, to, label: tr.label ?? tr.to, key: `${step.id}-${i}`, reverse: pairs.has(`${tr.to}->${step.id}`) });
    });
  }

  const edgeGeometry = edges.map((edge) => {
    const fc = { x: edge.from.x + BOX_W / 2, y: edge.from.y + edge.from.h / 2 };
    const tc = { x: edge.to.x + BOX_W / 2, y: edge.to.y + edge.to.h / 2 };
    const start = edgePoint(edge.from, tc.x, tc.y);
    const end = edgePoint(edge.to, fc.x, fc.y);
    // Two arrows between the same boxes in opposite directions are drawn side by side.
    let ox = 0;
    let oy = 0;
    if (edge.reverse) {
      const len = Math.hypot(end.x - start.x, end.y - start.y) || 1;
      ox = (-(end.y - start.y) / len) * 7;
      oy = ((end.x - start.x) / len) * 7;
    }
    return {
      key: edge.key,
      label: edge.label,
      x1: start.x + ox,
      y1: start.y + oy,
      x2: end.x + ox,
      y2: end.y + oy,
      lx: (start.x + end.x) / 2 + ox * 2,
      ly: (start.y + end.y) / 2 + oy * 2 - 4,
    };
  });

  return (
    <svg
      className="kern-diagram"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title id={titleId}>{t('viewer.diagram.title', { name: definition.name ?? definition.id ?? '' })}</title>
      <desc id={descId}>{t('viewer.diagram.desc')}</desc>
      <defs>
        <marker id="kern-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="kern-diagram__arrowhead" />
        </marker>
      </defs>
      {CORE_PHASES.map((phase, col) => {
        const reasonLines = skippedLines.get(phase);
        return (
          <g key={phase}>
            <rect
              x={col * COL_W + 2}
              y={2}
              width={COL_W - 4}
              height={height - 4}
              className={reasonLines ? 'kern-diagram__column kern-diagram__column--skipped' : 'kern-diagram__column'}
            />
            <text x={col * COL_W + COL_W / 2} y={28} textAnchor="middle" className="kern-diagram__phase">
              {t(`phase.${phase}`)}
            </text>
            {reasonLines && (
              <text x={col * COL_W + COL_W / 2} y={HEADER_H + 24} textAnchor="middle" className="kern-diagram__skipped">
                <tspan x={col * COL_W + COL_W / 2} dy={0} fontWeight={700}>
                  {t('viewer.skipped')}
                </tspan>
                {reasonLines.map((line, i) => (
                  <tspan key={i} x={col * COL_W + COL_W / 2} dy={LINE_H}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
          </g>
        );
      })}
      {edgeGeometry.map((edge) => (
        <line key={edge.key} x1={edge.x1} y1={edge.y1} x2={edge.x2} y2={edge.y2} className="kern-diagram__edge" markerEnd="url(#kern-arrow)" />
      ))}
      {[...boxes.values()].map((box) => (
        <g key={box.step.id}>
          <rect x={box.x} y={box.y} width={BOX_W} height={box.h} rx={4} className="kern-diagram__step" />
          {box.step.final && <rect x={box.x + 4} y={box.y + 4} width={BOX_W - 8} height={box.h - 8} rx={2} className="kern-diagram__final" />}
          <text x={box.x + BOX_W / 2} y={box.y + 8} textAnchor="middle" className="kern-diagram__name">
            {box.nameLines.map((line, i) => (
              <tspan key={i} x={box.x + BOX_W / 2} dy={LINE_H}>
                {line}
              </tspan>
            ))}
          </text>
          <text x={box.x + BOX_W / 2} y={box.y + 8 + box.nameLines.length * LINE_H + 2} textAnchor="middle" className="kern-diagram__roles">
            {box.roleLines.map((line, i) => (
              <tspan key={i} x={box.x + BOX_W / 2} dy={LINE_H - 2}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      {edgeGeometry.map((edge) => (
        <text key={edge.key} x={edge.lx} y={edge.ly} textAnchor="middle" className="kern-diagram__label">
          {edge.label.length > 30 ? `${edge.label.slice(0, 29)}…` : edge.label}
        </text>
      ))}
    </svg>
  );
}
