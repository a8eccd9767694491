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

// Rotterdam's back office decides on a Wmo case that the wijkteam walked to the besluit step,
// allocates the provision to the demo home-care provider (AGB 12345678) and ends it again.
const RESIDENT = '999993872';
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

async function login(page: Page, username: string) {
  await loginAt(page, kern.url, username);
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('decisions and allocations in Chromium', () => {
  it('the back office records the beschikking by keyboard, allocates it, ends the allocation, and finds it in the provider list', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, 'rotterdam.besluit');
    await page.goto(`${kern.url}/cases/${caseId}?doel=wmo`);
    await page.getByRole('heading', { level: 2, name: 'Beschikking' }).waitFor();
    await page.getByRole('button', { name: 'Beschikking vastleggen' }).click();
    await page.getByLabel('Motivering').fill('U krijgt drie uur hulp bij het huishouden per week.');
    await page.getByLabel('Productcategorie').fill('01');
    await page.getByLabel('Productcode').fill('01A01');
    await page.getByLabel('Volume').fill('3');
    await page.getByLabel('Eenheid').selectOption('04');
    await page.getByLabel('Frequentie').selectOption('2');
    await expectAccessible(page, 'case page with the decision form');
    // Per week without an end date: the server refuses and names the field.
    await page.getByLabel('Einddatum').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'einddatum verplicht' }).waitFor();
    await page.getByLabel('Einddatum').fill(inAYear());
    await page.getByLabel('Einddatum').press('Enter');
    await page.getByRole('status').filter({ hasText: /De beschikking Z-\d{4}-\d{6}-B1 is vastgelegd/ }).waitFor();
    await page.getByRole('table', { name: /Toegekende voorzieningen/ }).getByText('3 uur per week').waitFor();
    await expectAccessible(page, 'case page with the recorded decision');

    await page.goto(`${kern.url}/residents/${RESIDENT}/toewijzingen`);
    await page.getByRole('heading', { level: 1, name: 'Beschikkingen en toewijzingen' }).waitFor();
    await page.getByLabel('AGB-code van de zorgaanbieder').fill('12345678');
    await page.getByLabel('AGB-code van de zorgaanbieder').press('Enter');
    const done = page.getByRole('status').filter({ hasText: /Toegewezen aan Thuiszorg De Maas met toewijzingnummer \d+/ });
    await done.waitFor();
    const nummer = /toewijzingnummer (\d+)/.exec((await done.textContent()) ?? '')?.[1] ?? '';
    const table = page.getByRole('table', { name: 'Toewijzingen' });
    await table.getByRole('row').filter({ hasText: 'Thuiszorg De Maas' }).getByText('Actief').waitFor();
    await expectAccessible(page, 'client allocations');

    await page.getByRole('button', { name: `Wijzigen of beëindigen ${nummer}` }).click();
    await page.getByLabel('Wat wilt u doen?').selectOption('end');
    await page.getByLabel('Reden beëindiging').selectOption('19');
    await page.getByLabel('Einddatum', { exact: true }).fill(inAMonth());
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: `Toewijzing ${nummer} is bijgewerkt: Beëindigd.` }).waitFor();
    await table.getByRole('row').filter({ hasText: 'beëindiging 19' }).getByText('Beëindigd').waitFor();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toewijzingen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Toewijzingen per zorgaanbieder' }).waitFor();
    await page.getByLabel('AGB-code van de zorgaanbieder').fill('12345678');
    await page.getByLabel('Status').selectOption('ended');
    await page.getByRole('button', { name: 'Toewijzingen tonen' }).click();
    const list = page.getByRole('table', { name: /Toewijzingen per zorgaanbieder: 12345678/ });
    await list.getByRole('row').filter({ hasText: RESIDENT }).waitFor();
    expect(await list.getByRole('row').count()).toBe(2);
    await expectAccessible(page, 'provider allocations');
    await logout(page);
  });

  it('shows the seeded family\'s allocations to the Wmo consultant, and no allocations menu to a role without the law', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, 'rotterdam.wmo');
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.goto(`${kern.url}/residents/999991838/toewijzingen`);
    await page.getByRole('table', { name: 'Toewijzingen' }).getByText('Thuiszorg De Maas (12345678)').waitFor();
    await page.getByRole('table', { name: /Toegekende voorzieningen/ }).first().getByText(/Persoonsgebonden budget/).first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Decisions and allocations' }).waitFor();
    await page.getByRole('table', { name: 'Allocations' }).getByText('3 hours per week').waitFor();
    await expectAccessible(page, 'client allocations in English');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);

    await login(page, 'rotterdam.schuld');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Zoeken', exact: true }).waitFor();
    expect(await menu.getByRole('link', { name: 'Toewijzingen', exact: true }).count()).toBe(0);
    await logout(page);
  });
});
