import { authorize, recordAccess, type AccessContext } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { invalidInput, isValidBsn, newId } from '@kern/kit';
import { upsertCreditor } from './debt.repository';
import { requireWgs, type DebtServices } from './debt-file-access';
import { parseSignalFile } from './parse-signal-file';
import { incomingSignalSchema, type IncomingSignal, type SignalImportReport, type SignalLineReport } from './contract/signal.schema';
import { findOpenSignal, insertSignal, mergeSignal } from './signals.repository';
import { urgencyOfSignal } from './wgs-terms';

export interface ReceiveOptions {
  channel: 'file' | 'http' | 'manual';
  /** Called after each booked line, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

function refusedReport(lines: SignalLineReport[]): SignalImportReport {
  return { booked: false, created: 0, merged: 0, refused: lines.filter((l) => l.outcome === 'refused').length, lines };
}

const batchRefused = (report: SignalImportReport) =>
  invalidInput(
    { nl: `De signalen zijn niet verwerkt: ${report.refused} regel(s) afgekeurd. Er is niets geboekt.`, en: `The signals were not processed: ${report.refused} line(s) refused. Nothing was booked.` },
    report.lines.filter((l) => l.outcome === 'refused').slice(0, 100).map((l) => ({ name: `line ${l.line}`, reason: (l.reasons ?? []).join('; ') })),
  );

/**
 * Early-warning signals in (Wgs art. 3 lid 2 sub b): all or nothing. Every line must be valid and
 * name a resident registered in the municipality, or nothing is booked and the report names each
 * refused line. A signal for a resident and creditor with an open signal is merged into it
 * (deduplication); each new one is an offer of help to be tracked.
 */
export async function receiveSignals(services: DebtServices, tx: Tx, ctx: AccessContext, lines: { line: number; signal?: IncomingSignal; reasons?: string[] }[], options: ReceiveOptions): Promise<SignalImportReport> {
  requireWgs(ctx);
  await authorize(services, tx, ctx, { resource: 'debt-signal', action: 'create', detail: `${lines.length} signal(s) via ${options.channel}` });
  const today = isoDay(services.clock.now());
  const report: SignalLineReport[] = lines.map((l) => {
    const reasons = [...(l.reasons ?? [])];
    if (l.signal && !isValidBsn(l.signal.bsn)) reasons.push(`bsn: ${l.signal.bsn} fails the 11-test`);
    if (l.signal && l.signal.signalDate > today) reasons.push('signal_date: in the future');
    return reasons.length > 0 || !l.signal ? { line: l.line, outcome: 'refused' as const, reasons } : { line: l.line, outcome: 'created' as const };
  });
  const valid = lines.filter((_, i) => report[i]?.outcome !== 'refused');
  const bsns = [...new Set(valid.map((l) => l.signal?.bsn ?? ''))];
  const known = new Set((await services.brp.getPersonsByBsn(bsns, { municipalityCode: ctx.actor.municipalityCode })).map((r) => r.bsn));
  lines.forEach((l, i) => {
    if (l.signal && report[i]?.outcome !== 'refused' && !known.has(l.signal.bsn)) report[i] = { line: l.line, outcome: 'refused', reasons: [`bsn: ${l.signal.bsn} is not registered in this municipality (BRP)`] };
  });
  const full = refusedReport(report);
  if (full.refused > 0) throw batchRefused(full);

  const now = services.clock.now();
  let created = 0;
  let merged = 0;
  const creditorIds = new Map<string, string>();
  for (const [i, l] of lines.entries()) {
    const s = l.signal;
    if (!s) continue;
    const key = s.creditorName.toLowerCase();
    let creditorId = creditorIds.get(key);
    if (!creditorId) {
      creditorId = await upsertCreditor(tx, ctx.actor.municipalityCode, s.creditorName, s.sector);
      creditorIds.set(key, creditorId);
    }
    const open = await findOpenSignal(tx, s.bsn, creditorId);
    if (open) {
      await mergeSignal(tx, open.id, { kind: s.kind, arrearsCents: s.arrearsCents, monthsInArrears: s.monthsInArrears ?? null, signalDate: s.signalDate });
      report[i] = { line: l.line, outcome: 'merged', signalId: open.id };
      merged += 1;
    } else {
      const id = newId();
      await insertSignal(tx, { id, municipalityCode: ctx.actor.municipalityCode, subjectBsn: s.bsn, creditorId, kind: s.kind, arrearsCents: s.arrearsCents, monthsInArrears: s.monthsInArrears ?? null, signalDate: s.signalDate, externalReference: s.externalReference ?? null, channel: options.channel, receivedAt: now });
      report[i] = { line: l.line, outcome: 'created', signalId: id };
      created += 1;
      await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.signal-received', occurredOn: s.signalDate, subjectRef: id, law: 'wgs', data: { sector: s.sector, kind: s.kind, urgent: urgencyOfSignal(s.kind) !== null } }]);
    }
    options.onProgress?.(i + 1, lines.length);
  }
  // Each resident a signal is about has been processed: one audit record each.
  const grant = { view: 'signal' as const, legalBasis: 'Wgs art. 8b (vroegsignalering)', breakGlass: false, ruleId: 'debt-signal-work' };
  await recordAccess(services, tx, ctx, grant, bsns.map((bsn) => ({ resource: 'debt-signal' as const, action: 'create' as const, subjectBsn: bsn, detail: `signal received via ${options.channel}` })));
  return { booked: true, created, merged, refused: 0, lines: report };
}

/** A creditor's signal file (CSV). A file that cannot be read at all is refused as a whole. */
export async function importSignalFile(services: DebtServices, tx: Tx, ctx: AccessContext, text: string, onProgress?: ReceiveOptions['onProgress']): Promise<SignalImportReport> {
  const parsed = parseSignalFile(text);
  if (parsed.fileError) {
    throw invalidInput({ nl: `Het signaalbestand is niet leesbaar: ${parsed.fileError}. Er is niets geboekt.`, en: `The signal file cannot be read: ${parsed.fileError}. Nothing was booked.` }, [{ name: 'file', reason: parsed.fileError }]);
  }
  return receiveSignals(services, tx, ctx, parsed.lines, { channel: 'file', ...(onProgress ? { onProgress } : {}) });
}

/** Signals sent over HTTP as JSON, validated line by line like a file. */
export async function receiveSignalBatch(services: DebtServices, tx: Tx, ctx: AccessContext, raw: unknown[]): Promise<SignalImportReport> {
  const lines = raw.map((r, i) => {
    const p = incomingSignalSchema.safeParse(r);
    return p.success ? { line: i + 1, signal: p.data } : { line: i + 1, reasons: p.error.issues.map((x) => `${x.path.join('.') || 'signal'}: ${x.message}`) };
  });
  return receiveSignals(services, tx, ctx, lines, { channel: 'http' });
}
