/// <reference lib="dom" />
import { runAsTenant, type AccessContext } from '@kern/access';
import { advanceCase, readWorklist, startCaseFromMelding } from '@kern/cases';
import { makeDecisionLetter } from '@kern/letters';
import { recordDecision } from '@kern/provisions';
import { actorFor } from '@kern/seed';
import type { KernServices } from '@kern/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from './axe';
import { launchChromium } from './browser';
import { startKernServer } from './kern-server';

// A citizen on a phone, keyboard only, reads a decision in words and lodges an objection; it is
// a case of its own on the back office's worklist.
const RESIDENT = '999993872';
const PHONE = { width: 390, height: 844 };
let kern: { url: string; services: KernServices; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  const s = kern.services;
  const ctx = async (username: string): Promise<AccessContext> => ({ actor: await actorFor(s.db, username), purpose: 'wmo' });
  const generalist = await ctx('rotterdam.generalist');
  const { caseId } = await runAsTenant(s, generalist, (tx) => startCaseFromMelding(s, tx, generalist, {
    werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, householdBsns: [], fields: { hulpvraag: 'Hulp bij het huishouden' },
  }));
  await runAsTenant(s, generalist, async (tx) => {
    await advanceCase(s, tx, generalist, caseId, { to: 'onderzoeken', fields: {} });
    await advanceCase(s, tx, generalist, caseId, { to: 'advies-opstellen', fields: { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true } });
    await advanceCase(s, tx, generalist, caseId, { to: 'aanvraag', fields: { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] } });
  });
  const wmo = await ctx('rotterdam.wmo');
  await runAsTenant(s, wmo, (tx) => advanceCase(s, tx, wmo, caseId, { to: 'besluiten', fields: { adviesVolledig: true } }));
  const decider = await ctx('rotterdam.besluit');
  const today = new Date().toISOString().slice(0, 10);
  // The server's wiring: recording a decision makes its beschikking letter.
  const withLetter = { ...s, decisionRecorded: (tx: Parameters<typeof makeDecisionLetter>[1], c: AccessContext, d: Parameters<typeof makeDecisionLetter>[3]) => makeDecisionLetter(s, tx, c, d) };
  await runAsTenant(s, decider, (tx) => recordDecision(withLetter, tx, decider, caseId, {
    outcome: 'granted', reasons: 'U krijgt drie uur hulp bij het huishouden per week.',
    provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: today, validTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }],
  }));
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await wcagViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('an objection from the portal in Chromium', () => {
  it('the citizen reads the decision in words, opens the letter and lodges an objection by keyboard; it lands on the worklist', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true, acceptDownloads: true });
    const portal = await context.newPage();
    await portal.goto(`${kern.url}/portaal/`);
    await portal.getByLabel('Testpersoon').selectOption(RESIDENT);
    await portal.getByLabel('Testpersoon').focus();
    await portal.keyboard.press('Tab');
    await portal.keyboard.press('Enter');
    const welcome = portal.getByRole('heading', { level: 1, name: /^Welkom/ });
    await welcome.waitFor();
    await expect.poll(() => portal.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const decisions = portal.getByRole('region', { name: 'Besluiten' });
    await decisions.getByText(/Wij hebben uw aanvraag toegekend\./).waitFor();
    await decisions.getByText(/3 uur per week/).waitFor();
    await expectNoViolations(portal, 'portal home with Besluiten');
    const letter = decisions.getByRole('link', { name: /Lees de brief met het besluit \(pdf\)/ });
    await letter.focus();
    const [file] = await Promise.all([portal.waitForEvent('download'), portal.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    await decisions.getByRole('link', { name: 'Bezwaar maken of om heroverweging vragen' }).focus();
    await portal.keyboard.press('Enter');
    await portal.getByRole('heading', { level: 1, name: 'Bezwaar maken' }).waitFor();
    await portal.getByLabel('Waarom bent u het niet eens met het besluit?').focus();
    await portal.keyboard.type('Kort');
    await portal.getByRole('button', { name: 'Bezwaar versturen' }).focus();
    await portal.keyboard.press('Enter');
    await portal.locator('#grounds-error').waitFor();
    await expectNoViolations(portal, 'objection form with a refusal on its field');
    await portal.getByLabel('Waarom bent u het niet eens met het besluit?').focus();
    await portal.keyboard.type(' maar drie uur per week is te weinig voor mij.');
    await portal.getByRole('button', { name: 'Bezwaar versturen' }).focus();
    await portal.keyboard.press('Enter');
    await portal.getByRole('heading', { level: 1, name: 'Wij hebben uw bezwaar ontvangen' }).waitFor();
    await expectNoViolations(portal, 'objection received');
    await context.close();

    const s = kern.services;
    const wmo = { actor: await actorFor(s.db, 'rotterdam.wmo'), purpose: 'wmo' as const };
    const worklist = await runAsTenant(s, wmo, (tx) => readWorklist(s, tx, wmo, { scope: 'mine', limit: 500 }));
    expect(worklist.items.filter((i) => i.caseTypeId === 'wmo-bezwaar').map((i) => i.stepId)).toEqual(['bezwaar-ontvangen']);
  });
});
