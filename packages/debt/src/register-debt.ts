import type { AccessContext, AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, newId, notFound } from '@kern/kit';
import type { z } from 'zod';
import { findDebt, insertDebt, insertEvidence, setDebtStatus, upsertCreditor } from './debt.repository';
import { addEvidenceInputSchema, EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES, registerDebtInputSchema, updateDebtStatusInputSchema, type RegisterDebtInput, type UpdateDebtStatusInput } from './contract/debt.schema';
import { loadDebtFileFor } from './debt-file-access';

function parse<S extends z.ZodType>(schema: S, raw: unknown, what: { nl: string; en: string }): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw invalidInput(what, r.error.issues.map((i) => ({ name: i.path.join('.') || 'input', reason: i.message })));
}

const closedFile = () => new DomainError('conflict', { nl: 'Dit dossier is gesloten.', en: 'This file is closed.' });

/** Adds a creditor's claim to the inventory (status claimed). Amounts are eurocents, positive and bounded. */
export async function registerDebt(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, raw: RegisterDebtInput): Promise<{ debtId: string }> {
  const input = parse(registerDebtInputSchema, raw, { nl: 'De schuld kan niet worden vastgelegd: controleer de invoer.', en: 'The debt cannot be registered: check the input.' });
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'update', 'register debt');
  if (file.status === 'closed') throw closedFile();
  const creditorId = await upsertCreditor(tx, ctx.actor.municipalityCode, input.creditorName, input.creditorSector);
  const debtId = newId();
  await insertDebt(tx, {
    id: debtId, municipalityCode: ctx.actor.municipalityCode, debtFileId: file.id, creditorId, category: input.category,
    creditorReference: input.creditorReference ?? null, description: input.description ?? null, claimedCents: input.claimedCents,
    registeredOn: isoDay(services.clock.now()),
  });
  return { debtId };
}

async function debtOfFile(tx: Tx, debtFileId: string, debtId: string) {
  const debt = await findDebt(tx, debtId);
  if (!debt || debt.debtFileId !== debtFileId) throw notFound({ nl: 'Deze schuld bestaat niet in dit dossier.', en: 'This debt does not exist in this file.' });
  return debt;
}

/** Verifies (with the amount established), disputes, or reopens a claim. A verified amount never exceeds the claim. */
export async function updateDebtStatus(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, debtId: string, raw: UpdateDebtStatusInput): Promise<void> {
  const input = parse(updateDebtStatusInputSchema, raw, { nl: 'De status kan niet worden gewijzigd: controleer de invoer.', en: 'The status cannot be changed: check the input.' });
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'update', `debt status ${input.status}`);
  if (file.status === 'closed') throw closedFile();
  const debt = await debtOfFile(tx, file.id, debtId);
  if (input.status === 'verified') {
    if (input.verifiedCents > debt.claimedCents) {
      throw invalidInput({ nl: 'Het vastgestelde bedrag is hoger dan de vordering.', en: 'The verified amount exceeds the claim.' }, [{ name: 'verifiedCents', reason: 'more than the claim' }]);
    }
    await setDebtStatus(tx, debt.id, 'verified', input.verifiedCents, isoDay(services.clock.now()));
  } else {
    await setDebtStatus(tx, debt.id, input.status, null, null);
  }
}

/** Records a document proving a claim (metadata only; the document itself lives in the DMS). */
export async function addDebtEvidence(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, debtId: string, raw: z.input<typeof addEvidenceInputSchema>): Promise<{ evidenceId: string }> {
  const input = parse(addEvidenceInputSchema, raw, { nl: 'Het bewijsstuk kan niet worden vastgelegd: controleer de invoer.', en: 'The evidence cannot be recorded: check the input.' });
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'update', 'add evidence');
  if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(input.mediaType.toLowerCase())) {
    throw invalidInput(
      { nl: 'Dit soort bestand wordt niet aanvaard: kies een pdf, foto of scan (jpg, png, tiff, heic), Word- of OpenDocument-bestand of e-mail.', en: 'This kind of file is not accepted: choose a PDF, photo or scan (jpg, png, tiff, heic), Word or OpenDocument file, or e-mail.' },
      [{ name: 'mediaType', reason: `one of ${EVIDENCE_MEDIA_TYPES.join(', ')}` }],
    );
  }
  if (input.sizeBytes < 1 || input.sizeBytes > MAX_EVIDENCE_BYTES) {
    throw invalidInput(
      { nl: `Een bewijsstuk is niet leeg en ten hoogste ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB groot.`, en: `Evidence is not empty and at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.` },
      [{ name: 'sizeBytes', reason: `between 1 and ${MAX_EVIDENCE_BYTES}` }],
    );
  }
  const debt = await debtOfFile(tx, file.id, debtId);
  if (input.receivedOn > isoDay(services.clock.now())) {
    throw invalidInput({ nl: 'Een bewijsstuk kan niet in de toekomst zijn ontvangen.', en: 'Evidence cannot be received in the future.' }, [{ name: 'receivedOn', reason: 'after today' }]);
  }
  const evidenceId = await insertEvidence(tx, ctx.actor.municipalityCode, debt.id, { ...input, mediaType: input.mediaType.toLowerCase(), note: input.note ?? null });
  return { evidenceId };
}
