/// <reference lib="dom" />
import { runAsTenant, type AccessContext } from '@kern/access';
import { advanceCase, startCaseFromMelding } from '@kern/cases';
import { actorFor, seedDemoProvisions } from '@kern/seed';
import type { KernServices } from '@kern/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login as loginAt, logout } from './journey';
import { startKernServer } from './kern-server';

// Rotterdam: the wijkteam investigated and advised, the back office's decision maker decides.
const RESIDENT = '999993872';
const VERSLAG = 'Keukentafelgesprek met de inwoner en zijn dochter gevoerd.';
const ADVIES = 'Huishoudelijke ondersteuning, drie uur per week.';
const MOTIVERING = 'U krijgt drie uur hulp bij het huishouden per week.';
let kern: { url: string; services: KernServices; close(): Promise<void> };
let browser: Browser;
let caseId = '';

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  await seedDemoProvisions(kern.services.db);
  const ctx = async (username: string): Promise<AccessContext> => ({ actor: await actorFor(kern.services.db, username), purpose: 'wmo' });
  const generalist = await ctx('rotterdam.generalist');
  const wmo = await ctx('rotterdam.wmo');
  const s = kern.services;
  caseId = (await runAsTenant(s, generalist, (tx) => startCaseFromMelding(s, tx, generalist, {
    werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, householdBsns: [], fields: { hulpvraag: 'Hulp bij het huishouden na een operatie' },
  }))).caseId;
  await runAsTenant(s, generalist, async (tx) => {
    await advanceCase(s, tx, generalist, caseId, { to: 'onderzoeken', fields: {} });
    await advanceCase(s, tx, generalist, caseId, { to: 'advies-opstellen', fields: { gespreksverslag: VERSLAG, clientondersteuningAangeboden: true } });
    await advanceCase(s, tx, generalist, caseId, { to: 'aanvraag', fields: { advies: ADVIES, geadviseerdeCategorieen: ['01'] } });
  });
  await runAsTenant(s, wmo, (tx) => advanceCase(s, tx, wmo, caseId, { to: 'besluiten', fields: { adviesVolledig: true } }));
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

async function login(page: Page, username: string) {
  await loginAt(page, kern.url, username);
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

describe('the case dossier in Chromium', () => {
  it('the decision maker reads the onderzoek and advice beside the decision form, records the decision once, and the toekennen step is prefilled', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, 'rotterdam.besluit');
    await page.goto(`${kern.url}/cases/${caseId}?doel=wmo`);
    const earlier = page.getByRole('complementary', { name: 'Eerder vastgelegd in deze zaak' });
    await earlier.getByText(VERSLAG).waitFor();
    await earlier.getByText(ADVIES).waitFor();
    expect(await earlier.innerText()).toContain('Verslag van het onderzoek');

    // The journal: labels, not keys; newest first.
    const journal = page.getByRole('region', { name: 'Vastgelegd per stap' });
    const headings = await journal.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings[0]).toMatch(/^Aanvraag toetsen \(backoffice\), door /);
    expect(headings.at(-1)).toMatch(/^Melding ontvangen, door /);
    expect(await journal.innerText()).not.toContain('gespreksverslag');
    await expectAccessible(page, 'case page with the journal');

    // The beschikking, by keyboard, with the onderzoek and advice still on screen beside it.
    const open = page.getByRole('button', { name: 'Beschikking vastleggen' });
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Motivering').fill(MOTIVERING);
    await page.getByLabel('Productcategorie').fill('01');
    await page.getByLabel('Productcode').fill('01A01');
    await page.getByLabel('Volume').fill('3');
    await page.getByLabel('Eenheid').selectOption('04');
    await page.getByLabel('Frequentie').selectOption('2');
    await page.getByLabel('Einddatum').fill(inAYear());
    expect(await earlier.isVisible()).toBe(true);
    await expectAccessible(page, 'decision form beside what was recorded');
    await page.getByLabel('Einddatum').press('Enter');
    await page.getByRole('status').filter({ hasText: /De beschikking Z-\d{4}-\d{6}-B1 is vastgelegd/ }).waitFor();

    // Toekennen: the decision, the categories and the motivation come from the beschikking.
    const toekennen = page.getByRole('button', { name: 'Toekennen', exact: true });
    await toekennen.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Overgenomen uit beschikking Z-\d{4}-\d{6}-B1/).waitFor();
    expect(await page.getByLabel('Besluit', { exact: true }).inputValue()).toBe('toekennen');
    expect(await page.locator('#step-field-motivering').inputValue()).toBe(MOTIVERING);
    expect(await page.getByRole('group', { name: /Productcategorieën van het besluit/ }).getByLabel('01').isChecked()).toBe(true);
    await expectAccessible(page, 'toekennen step prefilled');
    await page.getByRole('button', { name: 'Bevestigen' }).press('Enter');
    await page.getByText('Toewijzen aan zorgaanbieder (backoffice)').first().waitFor();

    // Recorded once, shown back: the journal now holds the decision step with its motivation.
    await journal.getByRole('heading', { level: 3, name: /^Besluiten \(beschikking\), door / }).waitFor();
    expect(await journal.innerText()).toContain(MOTIVERING);
    await logout(page);
    await page.close();
  });
});
