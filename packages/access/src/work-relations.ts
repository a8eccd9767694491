import type { Tx } from '@kern/db';
import { closeInvolvementsOfCase, insertInvolvement, type InvolvementRow } from './access.repository';

/** A relation the work itself makes: its team (or coordinator) with the person it is about, for one purpose. */
export type WorkRelation = InvolvementRow;

/**
 * Records the relation a piece of work gives its team with the person it is about (a case, a
 * debt file, a coordinator assigned): need-to-know follows the work, never a button. The source
 * names what made it and createdBy who.
 */
export async function openWorkRelation(tx: Tx, relation: WorkRelation): Promise<void> {
  await insertInvolvement(tx, relation);
}

/** Closing a case ends the relations it created: need-to-know ends with the work. */
export async function closeRelationsOfCase(tx: Tx, caseId: string, closedAt: Date): Promise<void> {
  await closeInvolvementsOfCase(tx, caseId, closedAt);
}
