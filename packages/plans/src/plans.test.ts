import { extractPdfText } from '@kern/documents/testing';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { whereToWrite } from './draft-plan-version';
import { planPdf } from './plan-pdf';
import { planContentSchema, type Plan } from './contract';

describe('plan content', () => {
  it('refuses an action that points at a goal the plan does not have', () => {
    const r = planContentSchema.safeParse({ goals: [], actions: [{ id: 'a1', goalId: 'g9', text: 'x', owner: { kind: 'citizen', name: 'U' }, dueDate: '2026-05-01' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['actions', 0, 'goalId']);
  });

  it('refuses a goal outside the ZRM life domains and an owner of an unknown kind', () => {
    expect(planContentSchema.safeParse({ goals: [{ id: 'g1', domain: 'astrologie', text: 'x' }] }).success).toBe(false);
    expect(planContentSchema.safeParse({ actions: [{ id: 'a1', text: 'x', owner: { kind: 'neighbour', name: 'Els' }, dueDate: '2026-05-01' }] }).success).toBe(false);
  });

  it('refuses an impossible due date', () => {
    expect(planContentSchema.safeParse({ actions: [{ id: 'a1', text: 'x', owner: { kind: 'citizen', name: 'U' }, dueDate: '2026-02-30' }] }).success).toBe(false);
  });
});

describe('the plan PDF', () => {
  const content = planContentSchema.parse({
    goals: [{ id: 'g1', domain: 'financien', memberBsn: '999991838', text: 'Geen nieuwe schulden – en ’n buffer 💶 opbouwen' }],
    actions: Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, goalId: 'g1', text: `Stap ${i}: een lange zin die over de regel heen loopt zodat hij moet worden afgebroken op een volgende regel`, owner: { kind: 'network', name: 'Buurvrouw Els' }, dueDate: '2026-06-01' })),
  });
  const plan: Plan = {
    id: '00000000-0000-4000-8000-000000000001', anchorBsn: '999991838', members: [{ bsn: '999991838', name: 'Renée Çelik' }], coordinator: { id: 'c', name: 'Sanne de Wit' },
    status: 'open', createdAt: '2026-04-01T10:00:00.000Z', agreedVersion: null, draftVersion: 1, changeRequests: [],
    versions: [{ version: 1, state: 'draft', content, changeNote: null, createdAt: '2026-04-01T10:00:00.000Z', agreedAt: null, agreements: [] }],
  };

  it('writes characters the PDF fonts lack as a question mark instead of failing, and flows onto more pages', async () => {
    const version = plan.versions[0];
    if (!version) throw new Error('no version');
    const doc = await PDFDocument.load(await planPdf(plan, version, 'nl'));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe('Ons plan - Versie 1');
  });

  it("draws the members' names as written, in the shared documents font (not WinAnsi's '?')", async () => {
    const version = plan.versions[0];
    if (!version) throw new Error('no version');
    const text = (await extractPdfText(await planPdf({ ...plan, members: [{ bsn: '999991838', name: 'Çağlar Şahin' }, { bsn: '999990512', name: 'Łukasz Wałęsa' }] }, version, 'nl'))).join('\n');
    expect(text).toContain('Voor: Çağlar Şahin, Łukasz Wałęsa');
    expect(text).toContain('Geen nieuwe schulden – en ’n buffer ? opbouwen');
  });
});

describe('versioning', () => {
  it('rewrites a draft nobody agreed to, in place', () => {
    expect(whereToWrite({ version: 3, agreedAt: null })).toEqual({ kind: 'rewrite-draft', version: 3 });
  });

  it('never touches an agreed version: a change makes the next version', () => {
    expect(whereToWrite({ version: 3, agreedAt: '2026-04-01T10:00:00.000Z' })).toEqual({ kind: 'new-version', version: 4 });
    expect(whereToWrite(undefined)).toEqual({ kind: 'new-version', version: 1 });
  });
});
