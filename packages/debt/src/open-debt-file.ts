import { authorize, openWorkRelation, type AccessContext } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, newId } from '@kern/kit';
import { computeDeadline } from '@kern/workflows';
import { countDebtFilesInYear, findOpenDebtFileFor, insertDebtFile } from './debt.repository';
import { openDebtFileInputSchema, type OpenDebtFileInput, type UrgencyGround } from './contract/debt.schema';
import { requireValidBsn, requireWgs, type DebtServices } from './debt-file-access';

/**
 * The first-conversation term of Wgs art. 4: three working days in a threatening situation
 * (lid 2), otherwise four weeks (lid 1), from the request or the accepted offer.
 */
export function firstConversationDeadline(requestDate: string, urgencyGround: UrgencyGround | null | undefined): { termId: 'wgs-eerste-gesprek' | 'wgs-eerste-gesprek-urgent'; due: string; explanation: string[] } {
  const termId = urgencyGround ? 'wgs-eerste-gesprek-urgent' : 'wgs-eerste-gesprek';
  const d = computeDeadline({ termId, start: requestDate });
  return { termId, due: d.due, explanation: d.explanation };
}

/**
 * Opens a debt file (schuldhulptraject) on a request for help or an accepted offer after a signal.
 * The resident must be registered in the municipality (BRP); the file's team gets the relation the
 * policy asks for, for the resident and the household members named.
 */
export async function openDebtFile(
  services: DebtServices,
  tx: Tx,
  ctx: AccessContext,
  raw: OpenDebtFileInput,
  origin: 'request' | 'signal' = 'request',
): Promise<{ debtFileId: string; reference: string; firstConversationDue: string }> {
  requireWgs(ctx);
  const parsed = openDebtFileInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalidInput({ nl: 'Het dossier kan niet worden geopend: controleer de invoer.', en: 'The file cannot be opened: check the input.' },
      parsed.error.issues.map((i) => ({ name: i.path.join('.') || 'input', reason: i.message })));
  }
  const input = parsed.data;
  requireValidBsn(input.subjectBsn);
  input.householdBsns.forEach((b, i) => requireValidBsn(b, `householdBsns.${i}`));
  const now = services.clock.now();
  const today = isoDay(now);
  const requestDate = input.requestDate ?? today;
  if (requestDate > today) {
    throw invalidInput({ nl: 'Een hulpvraag kan niet in de toekomst liggen.', en: 'A request for help cannot be in the future.' }, [{ name: 'requestDate', reason: 'after today' }]);
  }
  const teamId = input.teamId ?? ctx.actor.teamIds[0];
  if (!teamId || !ctx.actor.teamIds.includes(teamId)) {
    throw new DomainError('forbidden', { nl: 'U kunt een dossier alleen in uw eigen team openen.', en: 'You can only open a file in your own team.' });
  }
  await authorize(services, tx, ctx, { resource: 'debt-file', action: 'create', subjectBsn: input.subjectBsn, detail: `open debt file (${origin})` });
  const resident = await services.brp.getPersonByBsn(input.subjectBsn, { municipalityCode: ctx.actor.municipalityCode });
  if (!resident) {
    throw invalidInput({ nl: 'Deze persoon staat niet ingeschreven in uw gemeente (BRP).', en: 'This person is not registered in your municipality (BRP).' }, [{ name: 'subjectBsn', reason: 'unknown in the BRP' }]);
  }
  if (await findOpenDebtFileFor(tx, input.subjectBsn)) {
    throw new DomainError('conflict', { nl: 'Voor deze inwoner loopt al een schuldhulpdossier.', en: 'A debt file is already open for this resident.' });
  }
  const deadline = firstConversationDeadline(requestDate, input.urgencyGround);
  const id = newId();
  const year = now.getUTCFullYear();
  const reference = `S-${year}-${String((await countDebtFilesInYear(tx, ctx.actor.municipalityCode, year)) + 1).padStart(6, '0')}`;
  const householdBsns = [...new Set(input.householdBsns.filter((b) => b !== input.subjectBsn))];
  await insertDebtFile(tx, {
    id, municipalityCode: ctx.actor.municipalityCode, reference, subjectBsn: input.subjectBsn, householdBsns, teamId, contact: input.contact,
    origin, urgencyGround: input.urgencyGround ?? null, requestDate, firstConversationDue: deadline.due, openedAt: now, openedBy: ctx.actor.id,
  });
  for (const bsn of [input.subjectBsn, ...householdBsns]) {
    await openWorkRelation(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, subjectBsn: bsn, purpose: 'wgs', kind: 'case', accountId: null, teamId, reason: `schuldhulpdossier ${reference}`, openedAt: now, source: 'case', createdBy: ctx.actor.id });
  }
  await appendDomainEvents(tx, [{
    municipalityCode: ctx.actor.municipalityCode, type: 'debt.file-opened', occurredOn: requestDate, subjectRef: id, law: 'wgs', teamId,
    data: { origin, urgent: input.urgencyGround !== undefined, firstConversationDue: deadline.due },
  }]);
  return { debtFileId: id, reference, firstConversationDue: deadline.due };
}
