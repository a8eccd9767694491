/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login as loginAt, logout } from './journey';
import { startKernServer } from './kern-server';

// Rotterdam works front office / back office: the wijkteam investigates, the back office decides.
const PARENT = '999991838'; // demo parent; team Noord already has a Wmo relation
let kern: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

/** Caseworkers land on their worklist after login. */
async function login(page: Page, username: string) {
  await loginAt(page, kern.url, username);
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
}

async function take(page: Page, transition: string, fill: (page: Page) => Promise<void>, nextStep: string) {
  await page.getByRole('button', { name: transition, exact: true }).click();
  await fill(page);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByText(nextStep).first().waitFor();
}

describe('a case in Chromium, from melding to decision', () => {
  it('the generalist starts a case and walks it to besluit, the back office decides, the worklist shows deadline status', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, 'rotterdam.generalist');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken', exact: true }).click();
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.getByRole('textbox', { name: 'BSN' }).fill(PARENT);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('link', { name: /Braveheart/ }).click();
    await page.getByRole('heading', { level: 1, name: /Braveheart/ }).waitFor();

    await page.getByLabel('Werkwijze', { exact: true }).selectOption('frontoffice-backoffice');
    await page.getByLabel('Zaaktype').selectOption('wmo-maatwerk');
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Z-\d{4}-\d{6}$/ });
    await heading.waitFor();
    const reference = (await heading.textContent()) ?? '';
    await expectAccessible(page, 'case page');

    await take(page, 'Onderzoek starten', (p) => p.getByLabel('Hulpvraag').fill('Hulp bij het huishouden na een operatie'), 'Onderzoek (keukentafelgesprek)');
    await take(page, 'Advies opstellen', async (p) => {
      await p.getByLabel('Verslag van het onderzoek').fill('Keukentafelgesprek met de inwoner en zijn partner gevoerd.');
      await p.getByRole('group', { name: /Onafhankelijke clientondersteuning aangeboden/ }).getByLabel('Ja').check();
    }, 'Advies aan de backoffice');
    await take(page, 'Aanvraag doorzetten naar backoffice', async (p) => {
      await p.getByLabel('Advies', { exact: true }).fill('Huishoudelijke ondersteuning, drie uur per week.');
      await p.getByRole('group', { name: /Geadviseerde productcategorie/ }).getByLabel('01').check();
    }, 'Aanvraag toetsen (backoffice)');
    await logout(page);

    await login(page, 'rotterdam.wmo');
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
    await take(page, 'Ter besluitvorming', (p) => p.getByRole('group', { name: /Advies volledig/ }).getByLabel('Ja').check(), 'Besluiten (beschikking)');
    await logout(page);

    await login(page, 'rotterdam.besluit');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Op tijd|Bijna verlopen/);
    await expectAccessible(page, 'worklist');
    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
    await take(page, 'Toekennen', async (p) => {
      await p.getByLabel('Besluit', { exact: true }).selectOption('toekennen');
      await p.getByRole('group', { name: /Productcategorieën van het besluit/ }).getByLabel('01').check();
      await p.getByLabel('Motivering').fill('Voldoet aan de criteria van de verordening maatschappelijke ondersteuning.');
    }, 'Toewijzen aan zorgaanbieder (backoffice)');
    await page.close();
  });
});

describe('suspending a term in Chromium', () => {
  it('moves the due date of the Wmo onderzoek by the suspended days and says so', async () => {
    const page = await browser.newPage();
    await login(page, 'denhaag.generalist');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken', exact: true }).click();
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.getByRole('textbox', { name: 'BSN' }).fill('999990627');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('link', { name: /Janssen/ }).click();
    await page.getByRole('heading', { level: 1, name: /Janssen/ }).waitFor();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Werkwijze', { exact: true }).selectOption('wijkteam-met-mandaat');
    await page.getByLabel('Zaaktype').selectOption('wmo-maatwerk');
    await page.getByLabel('Datum melding').fill(day(-10));
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    await page.getByRole('heading', { level: 1, name: /^Z-\d{4}-\d{6}$/ }).waitFor();

    await page.getByText('Termijn opschorten').first().click();
    await page.getByLabel('Van').fill(day(-3));
    await page.getByLabel('Tot en met').fill(day(-1));
    await page.getByLabel('Grond').selectOption('agreed-with-client');
    await page.getByLabel('Toelichting').fill('Cliënt maakt eerst een persoonlijk plan.');
    await page.getByRole('button', { name: 'Opschorten' }).click();
    await page.getByText(/Termijn opgeschort; nieuwe uiterste datum/).waitFor();
    // The reloaded deadlines table counts the three suspended days.
    await page.getByRole('table').first().getByRole('cell', { name: '3', exact: true }).waitFor();
    await page.close();
  });
});
