import { invalidInput, type InvalidParam } from '@kern/kit';
import type { Instrument } from './contract';

/**
 * A score must name a domain of the instrument and lie on its scale; at least one domain must be
 * scored. Pure, so the rules are tested without a database. Throws one error naming every bad field.
 */
export function validateScores(instrument: Instrument, scores: Record<string, number>): void {
  const problems: InvalidParam[] = [];
  const { min, max } = instrument.scale;
  const keys = new Set(instrument.domains.map((d) => d.key));
  for (const [domain, value] of Object.entries(scores)) {
    if (!keys.has(domain)) problems.push({ name: `scores.${domain}`, reason: `${instrument.id} has no domain ${domain}` });
    else if (!Number.isInteger(value) || value < min || value > max) problems.push({ name: `scores.${domain}`, reason: `${value} is outside the scale ${min}-${max}` });
  }
  if (Object.keys(scores).length === 0) problems.push({ name: 'scores', reason: 'no domain scored' });
  if (problems.length > 0) {
    const first = problems[0];
    throw invalidInput(
      {
        nl: `De scores passen niet bij ${instrument.name.nl} (schaal ${min} tot en met ${max}): ${problems.map((p) => p.name).join(', ')}.`,
        en: `The scores do not fit ${instrument.name.en} (scale ${min} to ${max}): ${problems.map((p) => p.name).join(', ')}.`,
      },
      first ? problems : [],
    );
  }
}
