import { describe, expect, it } from 'vitest';
import type { Plan, PlanVersion } from '@kern/plans';
import { diffPlanContent, planChangesFor } from './plan-changes';

const ANNA = '111222333';
const BERT = '123456782';
type Content = PlanVersion['content'];
const goal = (id: string, text: string, extra: Partial<Content['goals'][number]> = {}) => ({ id, domain: 'financien', memberBsn: ANNA, text, status: 'open', ...extra });
const action = (id: string, text: string, extra: Partial<Content['actions'][number]> = {}) => ({
  id, goalId: null, text, owner: { kind: 'citizen' as const, name: 'Anna' }, dueDate: '2027-01-15', status: 'open', offeringId: null, ...extra,
});
const content = (goals: Content['goals'], actions: Content['actions']): Content => ({ goals, actions, agreements: [], reviewDates: [] });
const agreedBy = (bsn: string, version: number) => ({ version, agreedAt: '2026-11-01T10:00:00Z', partyBsn: bsn, partyName: 'Anna', partyRole: 'citizen' as const, method: 'portal' as const, recordedByKind: 'citizen' });
const version = (n: number, c: Content, agreements: PlanVersion['agreements'] = []): PlanVersion => ({
  version: n, state: agreements.length > 0 ? 'agreed' : 'draft', content: c, changeNote: null, createdAt: '2026-11-01T09:00:00Z', agreedAt: agreements[0]?.agreedAt ?? null, agreements,
});
const plan = (versions: PlanVersion[]): Plan => ({
  id: '00000000-0000-4000-8000-000000000001', anchorBsn: ANNA, members: [{ bsn: ANNA, name: 'Anna' }, { bsn: BERT, name: 'Bert' }],
  coordinator: { id: 'c', name: 'Coördinator' }, status: 'open', createdAt: '2026-11-01T09:00:00Z', agreedVersion: null, draftVersion: null, versions, changeRequests: [],
});

describe('what changed in a plan since the version the person agreed to', () => {
  it('names goals and actions that were added, changed and removed, and leaves unchanged ones out', () => {
    const before = content([goal('g1', 'Schulden op een rij'), goal('g2', 'Werk vinden'), goal('g3', 'Blijft')], [action('a1', 'Post openen'), action('a2', 'Bellen')]);
    const after = content(
      [goal('g1', 'Schulden op een rij', { status: 'achieved' }), goal('g3', 'Blijft'), goal('g4', 'Sporten', { memberBsn: BERT })],
      [action('a1', 'Post samen openen', { dueDate: '2027-02-01', owner: { kind: 'network', name: 'Buurvrouw' } }), action('a3', 'Budgetcursus')],
    );
    const names = (bsn: string | null) => (bsn === BERT ? 'Bert' : 'Anna');
    expect(diffPlanContent(before, after, names)).toEqual([
      { kind: 'goal', change: 'changed', text: 'Schulden op een rij', fields: [{ field: 'status', before: 'open', after: 'achieved' }] },
      { kind: 'goal', change: 'added', text: 'Sporten', fields: [] },
      { kind: 'goal', change: 'removed', text: 'Werk vinden', fields: [] },
      {
        kind: 'action', change: 'changed', text: 'Post samen openen', fields: [
          { field: 'text', before: 'Post openen', after: 'Post samen openen' },
          { field: 'owner', before: 'Anna', after: 'Buurvrouw' },
          { field: 'dueDate', before: '2027-01-15', after: '2027-02-01' },
        ],
      },
      { kind: 'action', change: 'added', text: 'Budgetcursus', fields: [] },
      { kind: 'action', change: 'removed', text: 'Bellen', fields: [] },
    ]);
  });

  it('says who a goal is for when it moves to another household member', () => {
    const out = diffPlanContent(content([goal('g1', 'Sporten')], []), content([goal('g1', 'Sporten', { memberBsn: BERT })], []), (b) => (b === BERT ? 'Bert' : 'Anna'));
    expect(out).toEqual([{ kind: 'goal', change: 'changed', text: 'Sporten', fields: [{ field: 'member', before: 'Anna', after: 'Bert' }] }]);
  });

  it('compares the latest version with the last one this person agreed to, not with the one just before it', () => {
    const v1 = version(1, content([goal('g1', 'Schulden')], []), [agreedBy(ANNA, 1)]);
    const v2 = version(2, content([goal('g1', 'Schulden'), goal('g2', 'Werk')], []), [agreedBy(BERT, 2)]);
    const v3 = version(3, content([goal('g1', 'Schulden'), goal('g2', 'Werk'), goal('g3', 'Sporten')], []));
    const changes = planChangesFor(plan([v1, v2, v3]), ANNA);
    expect(changes).toMatchObject({ sinceVersion: 1, toVersion: 3 });
    expect(changes?.items.map((i) => `${i.change} ${i.text}`)).toEqual(['added Werk', 'added Sporten']);
  });

  it('shows everything as new when the person never agreed, and nothing when they agreed to the latest version', () => {
    const v1 = version(1, content([goal('g1', 'Schulden')], [action('a1', 'Post')]));
    expect(planChangesFor(plan([v1]), ANNA)).toEqual({
      sinceVersion: null, toVersion: 1, items: [{ kind: 'goal', change: 'added', text: 'Schulden', fields: [] }, { kind: 'action', change: 'added', text: 'Post', fields: [] }],
    });
    expect(planChangesFor(plan([version(1, v1.content, [agreedBy(ANNA, 1)])]), ANNA)).toBeNull();
  });
});
