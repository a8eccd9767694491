import { createHash } from 'node:crypto';
import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, newId, notFound } from '@kern/kit';
import { build301, dutchDateTime, type Client301 } from '../allocation-messages/build-301';
import type { Standard } from '../messages';
import { refuseUnlessSendable } from '../rules/check-message';
import * as repo from './regie.repository';

export interface SendAllocationInput {
  /** Allocations (0053 rows) of one client at one provider under one standard. */
  allocationIds: string[];
  /** The client as the BRP knows them, or how to look them up by BSN (never free text). */
  client: Client301 | ((bsn: string) => Promise<Client301 | null>);
  /** TR379: the ReferentieAanbieder of the 315/317 these allocations honour, the first time only. */
  referentieAanbieder?: string | null | undefined;
}

export interface SendAllocationResult {
  messageId: string;
  identification: string;
  xml: string;
}

/**
 * Builds the 301 for allocations in their current state, validates it against its XSD, and logs
 * it with one row per allocation (status sent, awaiting the provider's 302). When it honours a
 * request the request is marked granted.
 */
export async function sendAllocationMessage(services: AccessServices, tx: Tx, ctx: AccessContext, input: SendAllocationInput): Promise<SendAllocationResult> {
  const purpose = requirePurpose(ctx);
  const rows = await repo.findAllocationsByIds(tx, [...new Set(input.allocationIds)]);
  if (rows.length === 0 || rows.length !== new Set(input.allocationIds).size) throw notFound({ nl: 'Niet alle toewijzingen bestaan.', en: 'Not every allocation exists.' });
  const first = rows[0];
  if (!first) throw notFound({ nl: 'Geen toewijzing.', en: 'No allocation.' });
  const standard: Standard = first.standard;
  if ((standard === 'iwmo' ? 'wmo' : 'jeugdwet') !== purpose) {
    throw new DomainError('forbidden', { nl: 'Een toewijzing stuurt u onder het doel van haar wet.', en: 'An allocation is sent under the purpose of its law.' });
  }
  if (rows.some((r) => r.subjectBsn !== first.subjectBsn || r.providerAgb !== first.providerAgb || r.standard !== standard)) {
    throw invalidInput({ nl: 'Eén 301 gaat over één cliënt bij één aanbieder.', en: 'One 301 is about one client at one provider.' }, [{ name: 'allocationIds', reason: 'mixed client, provider or standard' }]);
  }
  await authorize(services, tx, ctx, { resource: 'allocation-message', action: 'create', subjectBsn: first.subjectBsn, detail: `301 to AGB ${first.providerAgb}: ${rows.map((r) => r.toewijzingNummer).join(', ')}` });
  const client = typeof input.client === 'function' ? await input.client(first.subjectBsn) : input.client;
  if (!client) throw notFound({ nl: 'De cliënt staat niet (meer) in de BRP van deze gemeente.', en: 'The client is not (or no longer) in this municipality\'s BRP.' });
  if (client.bsn !== first.subjectBsn) throw invalidInput({ nl: 'De cliëntgegevens horen niet bij deze toewijzing.', en: 'The client data do not belong to this allocation.' }, [{ name: 'client.bsn', reason: 'not the allocation subject' }]);

  const now = services.clock.now();
  const identification = await repo.nextOutIdentification(tx, first.providerAgb, '301');
  const xml = build301({
    standard,
    afzender: ctx.actor.municipalityCode,
    ontvanger: first.providerAgb,
    identificatie: identification,
    dagtekening: isoDay(now),
    client,
    products: rows.map((r) => {
      const at = dutchDateTime(r.allocatedAt);
      return {
        toewijzingNummer: r.toewijzingNummer,
        referentieAanbieder: input.referentieAanbieder ?? null,
        categorie: r.category,
        code: r.productCode,
        toewijzingsdatum: at.datum,
        toewijzingstijd: at.tijd,
        ingangsdatum: r.startDate,
        einddatum: r.endDate,
        redenWijziging: r.changeReason,
        omvang: r.volume !== null && r.unit && r.frequency ? { volume: r.volume, eenheid: r.unit, frequentie: r.frequency } : null,
        budget: r.budgetCents,
      };
    }),
  });
  // XSD and every rule on the message itself: a message that breaks one is never sent.
  refuseUnlessSendable(xml, isoDay(now));
  const messageId = newId();
  await repo.insertLog(tx, {
    id: messageId,
    municipalityCode: ctx.actor.municipalityCode,
    standard,
    messageType: '301',
    direction: 'out',
    providerAgb: first.providerAgb,
    identification,
    messageDate: isoDay(now),
    subjectBsn: first.subjectBsn,
    status: 'sent',
    headerCodes: [],
    findings: [],
    contentSha256: createHash('sha256').update(xml, 'utf8').digest('hex'),
    content: xml,
    answer: null,
    answersMessageId: null,
    at: now,
    byActor: ctx.actor.id,
  });
  for (const r of rows) {
    await repo.insertAllocationMessage(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, messageId, allocationId: r.id, toewijzingNummer: r.toewijzingNummer, allocatedAt: r.allocatedAt, referentieAanbieder: input.referentieAanbieder ?? null });
  }
  if (input.referentieAanbieder) await repo.markRequestGranted(tx, { standard, providerAgb: first.providerAgb, ref: input.referentieAanbieder });
  return { messageId, identification, xml };
}
