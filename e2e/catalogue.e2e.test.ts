/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login } from './journey';
import { startKernServer } from './kern-server';

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

describe('product catalogue and contracting in Chromium', () => {
  it('the contract manager reads the mapping report, adds a local product with the keyboard, and reads a contract with its tariffs', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.inkoop');
    await page.getByRole('heading', { level: 1, name: 'Productcatalogus' }).waitFor();
    const report = page.getByRole('region', { name: 'Koppelingsrapport' });
    await report.getByText(/JA002 — Gezinscoaching/).waitFor();
    await report.getByText('45A04: 45A04, JA001').waitFor();
    await expectAccessible(page, 'catalogue page');

    // Keyboard only: focus the first field, type, tab through the form and submit with Enter.
    await page.getByLabel('Standaard', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('E2E01');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ambulante begeleiding (test)');
    await page.getByLabel('Productcategorie').selectOption('45');
    await page.getByLabel('Landelijke productcode (optioneel)').fill('45A05');
    await page.getByLabel('Eenheid (WJ756)').selectOption('01');
    await page.getByLabel('Geldig vanaf').fill('2026-01-01');
    await page.getByLabel('Geldig vanaf').press('Enter');
    await page.getByText('Het lokale product E2E01 is toegevoegd.').waitFor();
    await page.getByRole('rowheader', { name: 'E2E01' }).waitFor();

    // End it again on a day: it stays in the list with its end date.
    await page.getByLabel('Lokaal product', { exact: true }).selectOption({ label: 'E2E01 — Ambulante begeleiding (test)' });
    await page.getByLabel('Laatste geldige dag').fill('2026-12-31');
    await page.getByLabel('Laatste geldige dag').press('Enter');
    await page.getByText('Het lokale product E2E01 eindigt op 2026-12-31.').waitFor();
    const ended = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'E2E01' }) });
    // The confirmation can show before the list is read again: wait for the row to follow.
    await expect.poll(() => ended.getByRole('cell').last().textContent()).toBe('2026-01-01 tot en met 2026-12-31');

    // A national code of another category is refused with the server's reason, in Dutch.
    await page.getByLabel('Lokale code', { exact: true }).fill('E2E02');
    await page.getByLabel('Naam', { exact: true }).fill('Verkeerd gekoppeld');
    await page.getByLabel('Landelijke productcode (optioneel)').fill('43A01');
    await page.getByLabel('Geldig vanaf').fill('2026-01-01');
    await page.getByRole('button', { name: 'Lokaal product toevoegen' }).click();
    await page.getByText('Landelijke productcode 43A01 hoort niet bij categorie 45.').waitFor();
    await expectAccessible(page, 'catalogue form with a refusal');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Zorgaanbieders en contracten' }).waitFor();
    await page.getByRole('rowheader', { name: 'Thuiszorg De Maas (demo)' }).waitFor();
    await expectAccessible(page, 'providers and contracts');
    await page.getByRole('link', { name: 'RTM-WMO-2026-001' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contract RTM-WMO-2026-001' }).waitFor();
    const hh = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'HH01' }) });
    expect(await hh.getByRole('cell').nth(2).textContent()).toMatch(/€\s?33,50/);
    // Add a product for a whole category; the same category again for an overlapping period is refused.
    await page.getByLabel('Productcategorie').selectOption('06');
    await page.getByLabel('Eenheid (WJ756)').selectOption('04');
    await page.getByLabel('Tarief per eenheid in euro').fill('48,75');
    await page.getByRole('button', { name: 'Product toevoegen' }).click();
    await page.getByText('Het product is aan het contract toegevoegd.').waitFor();
    const whole = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'hele categorie' }) });
    expect(await whole.getByRole('cell').nth(2).textContent()).toMatch(/€\s?48,75/);
    await page.getByLabel('Productcategorie').selectOption('06');
    await page.getByLabel('Tarief per eenheid in euro').fill('50');
    await page.getByRole('button', { name: 'Product toevoegen' }).click();
    await page.getByText(/al een tarief/).waitFor();
    await expectAccessible(page, 'contract detail');
    await page.close();
  });

  it('a Wmo consultant reads the contracts under the Wmo but gets no forms; an income consultant has no menu item', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.wmo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten', exact: true }).click();
    await page.getByText(/onder het doel Wmo 2015 of Jeugdwet/).waitFor();
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.getByRole('rowheader', { name: 'Thuiszorg De Maas (demo)' }).waitFor();
    await expectAccessible(page, 'contracts read by a Wmo consultant');
    expect(await page.getByRole('button', { name: 'Contract toevoegen' }).count()).toBe(0);
    await page.close();

    const income = await browser.newPage({ bypassCSP: true });
    await login(income, kern.url, 'rotterdam.inkomen');
    expect(await income.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten', exact: true }).count()).toBe(0);
    await income.close();
  });
});
