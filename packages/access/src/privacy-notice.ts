import type { Tx } from '@kern/db';
import type { z } from 'zod';
import type { AccessContext } from './contract';
import { authorize, type AccessServices } from './authorize';
import { insertPrivacyNotice, latestPrivacyNotice } from './consent.repository';
import { dataCategories, type PrivacyNotice, type publishPrivacyNoticeInputSchema } from './contract';

/**
 * The notice Kern ships (version 0), in force while a municipality has not published its own.
 * It covers integral coordination and the debt counsellor's work: the two places where the
 * source documents say sharing across laws needs the resident's consent.
 */
export const defaultPrivacyNotice: PrivacyNotice = {
  version: 0,
  title: 'Toestemming voor integrale ondersteuning (Kern standaard)',
  body: {
    nl: 'Met uw toestemming mag de medewerker die uw ondersteuning coördineert (of die u helpt met schulden) gegevens inzien die onder een andere wet zijn verzameld: over Wmo-ondersteuning, jeugdhulp, inkomen, schulden, onderwijs, wonen, uw plan, metingen en groepsaanbod. U kiest per onderwerp. U kunt uw toestemming altijd intrekken; dat werkt meteen. Wat al is ingezien blijft in het logboek staan.',
    en: 'With your consent the professional who coordinates your support (or who helps you with debts) may see data collected under another law: about Wmo support, youth care, income, debts, education, housing, your plan, assessments and group offerings. You choose per subject. You can withdraw your consent at any time; that takes effect at once. What was already seen stays in the log.',
  },
  purposes: ['integraal', 'wgs'],
  recipients: ['wijkteam-generalist', 'debt-counsellor'],
  dataCategories: [...dataCategories],
  publishedAt: null,
};

/** The notice in force for the actor's municipality: its latest own version, or Kern's default. */
export async function currentPrivacyNotice(tx: Tx, municipalityCode: string): Promise<PrivacyNotice> {
  return (await latestPrivacyNotice(tx, municipalityCode)) ?? defaultPrivacyNotice;
}

export async function readPrivacyNotice(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<PrivacyNotice> {
  await authorize(services, tx, ctx, { resource: 'privacy-notice', action: 'read' });
  return currentPrivacyNotice(tx, ctx.actor.municipalityCode);
}

/**
 * Publishes a new version of the municipality's privacy notice. Old versions stay: every consent
 * names the version it was given under. A new version never widens an earlier consent.
 */
export async function publishPrivacyNotice(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof publishPrivacyNoticeInputSchema>,
): Promise<PrivacyNotice> {
  await authorize(services, tx, ctx, { resource: 'privacy-notice', action: 'create', detail: 'publish new version' });
  const version = ((await latestPrivacyNotice(tx, ctx.actor.municipalityCode))?.version ?? 0) + 1;
  const notice: PrivacyNotice = {
    version,
    title: input.title,
    body: input.body,
    purposes: [...new Set(input.purposes)],
    recipients: [...new Set(input.recipients)],
    dataCategories: [...new Set(input.dataCategories)],
    publishedAt: services.clock.now().toISOString(),
  };
  await insertPrivacyNotice(tx, ctx.actor.municipalityCode, { ...notice, publishedAt: notice.publishedAt ?? '', publishedBy: ctx.actor.id });
  return notice;
}
