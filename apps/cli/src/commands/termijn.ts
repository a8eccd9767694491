import { isDomainError } from '@kern/kit';
import { computeDeadline, decreeCitation, knownDecrees, statutoryTermIds } from '@kern/workflows';

/**
 * `kern termijn <term-id> <start-date>`: the due date of a statutory term and how it was reached,
 * counted with the statutory calendar (Atw art. 1-3, the decreed days included).
 */
export function runTermijn(termId: string, start: string, opts: { weeks?: string }): void {
  try {
    const d = computeDeadline({ termId, start, ...(opts.weeks !== undefined ? { municipalTermWeeks: Number(opts.weeks) } : {}) });
    console.log(`${d.termId} vanaf ${d.start}: uiterlijk ${d.due}`);
    for (const line of d.explanation) console.log(`  - ${line}`);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    console.error(`Fout: ${e.userMessage.nl}`);
    for (const p of e.invalidParams) console.error(`  ${p.name}: ${p.reason}`);
    if (e.invalidParams.some((p) => p.name === 'termId')) console.error(`  Bekende termijnen: ${statutoryTermIds.join(', ')}`);
    process.exitCode = 1;
  }
}

/** `kern termijn besluiten`: the decrees (Atw art. 3 lid 3) the statutory calendar knows. */
export function runTermijnBesluiten(): void {
  for (const d of knownDecrees()) console.log(`${d.id}  ${d.coversFrom} t/m ${d.coversUntil}  ${d.days.join(', ')}\n  ${decreeCitation(d)}`);
}
