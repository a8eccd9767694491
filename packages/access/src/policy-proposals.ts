import type { Tx } from '@kern/db';
import { conflict, forbidden, invalidInput, newId, notFound } from '@kern/kit';
import type { z } from 'zod';
import { policyDocumentSchema, policyDiffSchema, type AccessContext, type PolicyDiff, type PolicyDocument } from './contract';
import { latestPolicyVersion } from './access.repository';
import { appendAuditEntries } from './audit.repository';
import type { AuditEntry } from './audit-chain';
import { AuditedRefusal, auditEntryFor, authorize, type AccessServices } from './authorize';
import { defaultPolicy } from './default-policy';
import { diffPolicies, isEmptyDiff, summariseDiff } from './policy-diff';
import { policyViolations, violationMessage } from './policy-invariants';
import {
  decidePolicyProposal, findPolicyProposalForDecision, findPolicyProposals, insertApprovedPolicyVersion, insertPolicyProposal, type PolicyProposalRow,
} from './policy-proposals.repository';
import type {
  approvePolicyInputSchema, listPolicyProposalsInputSchema, listPolicyProposalsOutputSchema, PolicyProposal, policyOutputSchema, proposePolicyInputSchema,
  proposePolicyOutputSchema, rejectPolicyInputSchema,
} from './contract';

/** The version in force, read past the cache: a decision on the policy needs the current one. */
async function policyInForce(tx: Tx, municipalityCode: string): Promise<{ version: number; document: PolicyDocument }> {
  const stored = await latestPolicyVersion(tx, municipalityCode);
  return stored ? { version: stored.version, document: policyDocumentSchema.parse(stored.document) } : { version: 0, document: defaultPolicy };
}

function toProposal(row: PolicyProposalRow): PolicyProposal {
  const diff = policyDiffSchema.parse(row.diff);
  return { ...row, summary: summariseDiff(diff), diff };
}

/**
 * The audit record of a policy step carries the full difference as its last part ("diff {...}"),
 * so the hash chain covers it and the auditor reads it beside the step.
 */
function auditOf(ctx: AccessContext, action: 'create' | 'decide', step: string, diff: PolicyDiff, allowed: boolean, why: string): AuditEntry {
  return auditEntryFor(ctx, { resource: 'access-policy', action, detail: `${step}; ${summariseDiff(diff)}` }, {
    allowed,
    reason: `${why}; diff ${JSON.stringify(diff)}`,
    legalBasis: allowed ? 'Municipal mandate for the administration of the system' : undefined,
    relation: 'none',
  });
}

/**
 * Proposes a new version of the municipality's access policy. It has no effect until a second
 * authorised person approves it (approvePolicyProposal). A version that takes the auditor's log
 * away, or gives personal data to its author's roles or to a role without personal data, is
 * refused here already, and the refused attempt is on record.
 */
export async function proposePolicy(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof proposePolicyInputSchema>,
): Promise<z.infer<typeof proposePolicyOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'access-policy', action: 'create', detail: 'propose new version' });
  const parsed = policyDocumentSchema.safeParse(input.document);
  if (!parsed.success) {
    throw invalidInput(
      { nl: 'Het toegangsbeleid is ongeldig en is niet voorgesteld.', en: 'The access policy is invalid and was not proposed.' },
      parsed.error.issues.map((i) => ({ name: `document.${i.path.join('.')}`, reason: i.message })),
    );
  }
  const inForce = await policyInForce(tx, ctx.actor.municipalityCode);
  const diff = diffPolicies(inForce.document, parsed.data);
  const violations = policyViolations(parsed.data, inForce.document, ctx.actor.roles);
  if (violations.length > 0) {
    const audit = auditOf(ctx, 'create', `refused proposal on version ${inForce.version}: ${violations.map((v) => v.rule).join(', ')}`, diff, false, 'refused by the rules no policy may break');
    throw new AuditedRefusal(audit, violationMessage(violations), violations.map((v) => v.param));
  }
  if (isEmptyDiff(diff)) {
    throw invalidInput({ nl: 'Dit voorstel verandert niets aan het beleid dat geldt.', en: 'This proposal changes nothing in the policy in force.' }, [{ name: 'document', reason: 'no change' }]);
  }
  const now = services.clock.now();
  const id = newId();
  await insertPolicyProposal(tx, {
    id, municipalityCode: ctx.actor.municipalityCode, baseVersion: inForce.version, document: parsed.data, diff, reason: input.reason, proposedBy: ctx.actor.id, proposedAt: now,
  });
  await appendAuditEntries(tx, ctx.actor.municipalityCode, now, [
    auditOf(ctx, 'create', `proposal ${id} on version ${inForce.version}: ${input.reason}`, diff, true, 'proposed, not in force until a second person approves'),
  ]);
  return {
    proposal: toProposal({ id, baseVersion: inForce.version, document: parsed.data, diff, reason: input.reason, proposedBy: ctx.actor.id, proposedByName: ctx.actor.name, proposedAt: now.toISOString(), status: 'proposed' }),
  };
}

export async function listPolicyProposals(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: z.infer<typeof listPolicyProposalsInputSchema>,
): Promise<z.infer<typeof listPolicyProposalsOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'access-policy', action: 'read', detail: `list proposals ${input.status}` });
  return { proposals: (await findPolicyProposals(tx, input.status, services.staffNames)).map(toProposal) };
}

async function openProposalFor(tx: Tx, ctx: AccessContext, id: string): Promise<PolicyProposalRow> {
  const proposal = await findPolicyProposalForDecision(tx, id);
  if (!proposal) throw notFound({ nl: 'Dit beleidsvoorstel bestaat niet.', en: 'This policy proposal does not exist.' });
  if (proposal.status !== 'proposed') {
    throw conflict({ nl: 'Over dit beleidsvoorstel is al besloten.', en: 'This policy proposal has already been decided.' });
  }
  if (proposal.proposedBy === ctx.actor.id) {
    throw forbidden({
      nl: 'Vier ogen: een tweede bevoegde persoon, niet de indiener, keurt een beleidsvoorstel goed of af.',
      en: 'Four eyes: a second authorised person, not the proposer, approves or rejects a policy proposal.',
    });
  }
  return proposal;
}

/**
 * The second person's approval: only now does the proposal become the version in force. It must
 * still rest on the version in force (otherwise it would silently undo a later change), and the
 * invariants are checked again, now against the approver's own roles too.
 */
export async function approvePolicyProposal(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  id: string,
  input: z.infer<typeof approvePolicyInputSchema>,
): Promise<z.infer<typeof policyOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'access-policy', action: 'decide', detail: `approve proposal ${id}` });
  const proposal = await openProposalFor(tx, ctx, id);
  const inForce = await policyInForce(tx, ctx.actor.municipalityCode);
  if (inForce.version !== proposal.baseVersion) {
    throw conflict({
      nl: `Het beleid is sinds dit voorstel gewijzigd (nu versie ${inForce.version}). Dien het opnieuw in op de geldende versie.`,
      en: `The policy changed since this proposal (now version ${inForce.version}). Propose it again on the version in force.`,
    });
  }
  const document = policyDocumentSchema.parse(proposal.document);
  const violations = policyViolations(document, inForce.document, ctx.actor.roles);
  if (violations.length > 0) throw invalidInput(violationMessage(violations), violations.map((v) => v.param));
  const diff = diffPolicies(inForce.document, document);
  const version = inForce.version + 1;
  const now = services.clock.now();
  await insertApprovedPolicyVersion(tx, { municipalityCode: ctx.actor.municipalityCode, version, document, proposedBy: proposal.proposedBy, approvedBy: ctx.actor.id, proposalId: id });
  await decidePolicyProposal(tx, { id, status: 'approved', decidedBy: ctx.actor.id, at: now, note: input.note ?? null, version });
  await appendAuditEntries(tx, ctx.actor.municipalityCode, now, [
    auditOf(ctx, 'decide', `approved proposal ${id} by ${proposal.proposedBy} as version ${version} (was ${inForce.version})`, diff, true, 'four eyes: approved by a second person'),
  ]);
  services.policies.invalidate(ctx.actor.municipalityCode);
  return { version, document };
}

export async function rejectPolicyProposal(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  id: string,
  input: z.infer<typeof rejectPolicyInputSchema>,
): Promise<void> {
  await authorize(services, tx, ctx, { resource: 'access-policy', action: 'decide', detail: `reject proposal ${id}` });
  await openProposalFor(tx, ctx, id);
  await decidePolicyProposal(tx, { id, status: 'rejected', decidedBy: ctx.actor.id, at: services.clock.now(), note: input.note, version: null });
  await appendAuditEntries(tx, ctx.actor.municipalityCode, services.clock.now(), [
    auditEntryFor(ctx, { resource: 'access-policy', action: 'decide', detail: `rejected proposal ${id}: ${input.note}` }, {
      allowed: true, reason: 'four eyes: rejected', legalBasis: 'Municipal mandate for the administration of the system', relation: 'none',
    }),
  ]);
}
