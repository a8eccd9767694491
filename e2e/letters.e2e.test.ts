/// <reference lib="dom" />
import { runAsTenant, type AccessContext } from '@kern/access';
import { advanceCase, startCaseFromMelding } from '@kern/cases';
import { actorFor } from '@kern/seed';
import type { KernServices } from '@kern/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from './axe';
import { launchChromium } from './browser';
import { login as loginAt, logout } from './journey';
import { startKernServer } from './kern-server';

// The back office records a beschikking on a Wmo case at the besluit step; the letter appears on
// the case page and in the citizen's portal, where she downloads it by keyboard on a phone.
const RESIDENT = '999993872';
const PHONE = { width: 390, height: 844 };
let kern: { url: string; services: KernServices; close(): Promise<void> };
let browser: Browser;
let caseId = '';

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  const ctx = async (username: string): Promise<AccessContext> => ({ actor: await actorFor(kern.services.db, username), purpose: 'wmo' });
  const generalist = await ctx('rotterdam.generalist');
  const wmo = await ctx('rotterdam.wmo');
  const s = kern.services;
  caseId = (await runAsTenant(s, generalist, (tx) => startCaseFromMelding(s, tx, generalist, {
    werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, householdBsns: [], fields: { hulpvraag: 'Hulp bij het huishouden' },
  }))).caseId;
  await runAsTenant(s, generalist, async (tx) => {
    await advanceCase(s, tx, generalist, caseId, { to: 'onderzoeken', fields: {} });
    await advanceCase(s, tx, generalist, caseId, { to: 'advies-opstellen', fields: { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true } });
    await advanceCase(s, tx, generalist, caseId, { to: 'aanvraag', fields: { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] } });
  });
  await runAsTenant(s, wmo, (tx) => advanceCase(s, tx, wmo, caseId, { to: 'besluiten', fields: { adviesVolledig: true } }));
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await wcagViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

describe('the beschikking letter in Chromium', () => {
  it('after the decision the letter is on the case page, and the citizen downloads it in the portal by keyboard', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await loginAt(page, kern.url, 'rotterdam.besluit');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.goto(`${kern.url}/cases/${caseId}?doel=wmo`);
    const letters = page.getByRole('region', { name: 'Brieven' });
    await letters.getByText('Er is nog geen brief gemaakt.').waitFor();
    await page.getByRole('button', { name: 'Beschikking vastleggen' }).click();
    await page.getByLabel('Motivering').fill('U krijgt drie uur hulp bij het huishouden per week.');
    await page.getByLabel('Productcategorie').fill('01');
    await page.getByLabel('Productcode').fill('01A01');
    await page.getByLabel('Volume').fill('3');
    await page.getByLabel('Eenheid').selectOption('04');
    await page.getByLabel('Frequentie').selectOption('2');
    await page.getByLabel('Einddatum').fill(inAYear());
    await page.getByLabel('Einddatum').press('Enter');
    await page.getByRole('status').filter({ hasText: /De beschikking Z-\d{4}-\d{6}-B1 is vastgelegd/ }).waitFor();
    const row = letters.getByRole('table', { name: 'Brieven bij deze zaak' }).getByRole('row').filter({ hasText: 'Beschikking: toekenning' });
    await row.getByText('Per post (afdrukken)').waitFor();
    await expectNoViolations(page, 'case page with its letter');
    const download = row.getByRole('button', { name: /Download Besluit op uw aanvraag Wmo 2015/ });
    await download.focus();
    const [staffFile] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(staffFile.suggestedFilename()).toMatch(/^brief-\d{4}-\d{2}-\d{2}\.pdf$/);
    await logout(page);

    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true, acceptDownloads: true });
    const portal = await context.newPage();
    await portal.goto(`${kern.url}/portaal/`);
    await portal.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await portal.getByLabel('Testpersoon').selectOption(RESIDENT);
    await portal.getByLabel('Testpersoon').focus();
    await portal.keyboard.press('Tab');
    await portal.keyboard.press('Enter');
    await portal.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    const brieven = portal.getByRole('region', { name: 'Brieven' });
    await brieven.getByText(/Besluit op uw aanvraag Wmo 2015\. Verstuurd op .*\. Deze brief is ook per post verstuurd\./).waitFor();
    await expectNoViolations(portal, 'portal home with Brieven');
    await brieven.getByRole('link', { name: 'Download de brief (pdf): Besluit op uw aanvraag Wmo 2015' }).focus();
    const [citizenFile] = await Promise.all([portal.waitForEvent('download'), portal.keyboard.press('Enter')]);
    expect(citizenFile.suggestedFilename()).toMatch(/^brief-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = await citizenFile.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});
