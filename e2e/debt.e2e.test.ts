/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login, logout } from './journey';
import { startKernServer } from './kern-server';

// The demo seed gives Rotterdam a running debt file for Kees Zaal and an unanswered energy signal.
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

describe('debt help in Chromium', () => {
  it('the counsellor sees the signal, the resident accepts, the file opens and a debt is added by keyboard', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.schuld');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Schuldhulp', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Schuldhulp' }).waitFor();
    await page.getByLabel('Werken onder doel').selectOption('wgs');

    const signals = page.getByRole('table', { name: /Openstaande vroegsignalen/ });
    await signals.waitFor();
    const row = signals.getByRole('row').filter({ hasText: 'Dreigende afsluiting energie' });
    expect(await row.innerText()).toMatch(/Eneco/);
    expect(await row.innerText()).toMatch(/spoed: eerste gesprek binnen 3 werkdagen/);
    await page.getByRole('table', { name: /Schuldhulpdossiers/ }).waitFor();
    await expectAccessible(page, 'debt help start page');

    await row.getByRole('button', { name: 'Hulp aangeboden' }).click();
    await page.getByRole('status').filter({ hasText: 'Vastgelegd.' }).waitFor();
    await signals.getByRole('row').filter({ hasText: 'Dreigende afsluiting energie' }).getByRole('button', { name: 'Inwoner aanvaardt' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Schuldhulpdossier S-\d{4}-\d{6}$/ });
    await heading.waitFor();
    await page.getByRole('table', { name: 'Termijnen van de Wgs' }).getByText('Eerste gesprek (art. 4)').waitFor();
    await expectAccessible(page, 'debt file');

    // Keyboard only: type into the fields, submit with Enter.
    await page.getByLabel('Schuldeiser', { exact: true }).fill('Eneco');
    await page.getByLabel('Categorie', { exact: true }).selectOption('nuts');
    await page.getByLabel('Bedrag in euro').fill('12,5x');
    await page.getByLabel('Bedrag in euro').press('Enter');
    await page.getByText('Vul een bedrag groter dan nul in').first().waitFor();
    await page.getByLabel('Bedrag in euro').fill('230,00');
    await page.getByLabel('Bedrag in euro').press('Enter');
    const inventory = page.getByRole('table', { name: /Schulden per schuldeiser/ });
    await inventory.getByRole('row').filter({ hasText: 'Eneco' }).getByText('€ 230,00').first().waitFor();
    await inventory.getByRole('button', { name: 'Vaststellen Eneco' }).click();
    await inventory.getByRole('row').filter({ hasText: 'Eneco' }).getByText('Vastgesteld').first().waitFor();

    // The process: first conversation, beschikking, VTLB with its explained lines, mediation, agreement.
    await page.getByRole('button', { name: 'Eerste gesprek is vandaag gevoerd' }).click();
    await page.getByRole('button', { name: 'Beschikking: toelaten met plan van aanpak' }).click();
    await page.getByLabel('Leefsituatie').selectOption('single');
    await page.getByLabel('Netto inkomen per maand (euro)').fill('2000');
    await page.getByLabel('Woonlasten per maand na huurtoeslag (euro)').fill('600');
    await page.getByLabel('Premie zorgverzekering per maand (euro)').fill('150');
    await page.getByLabel('Zorgtoeslag per maand (euro)').fill('120');
    await page.getByRole('button', { name: 'Berekenen' }).click();
    const vtlb = page.getByRole('table', { name: /Berekening van het VTLB/ });
    await vtlb.getByText('Basis van het VTLB: 95% van € 1.091,71 = € 1.037,12 (Recofa).').waitFor();
    await page.getByLabel('Soort oplossing').selectOption('debt-mediation');
    await page.getByRole('button', { name: 'Voorstel doen aan de schuldeisers' }).click();
    await page.getByRole('button', { name: 'Schuldeiser akkoord Eneco' }).click();
    await page.getByText(/Schuldbemiddeling: 100.00% van elke vordering/).waitFor();
    await page.getByRole('table', { name: 'Overzicht per schuldeiser' }).getByText('Akkoord').waitFor();
    await expectAccessible(page, 'debt file with solution');
    await logout(page);
  });

  it('shows the seeded file with its inventory in English, and no debt menu to a role without the Wgs purpose', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.schuld');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Schuldhulp', exact: true }).click();
    await page.getByLabel('Werken onder doel').selectOption('wgs');
    const files = page.getByRole('table', { name: /Schuldhulpdossiers/ });
    await files.getByRole('link').first().waitFor();
    await files.getByRole('link', { name: /^S-\d{4}-000001$/ }).click();
    await page.getByRole('table', { name: /Schulden per schuldeiser/ }).getByText('Woonstad Rotterdam').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Debt inventory' }).waitFor();
    await expectAccessible(page, 'debt file in English');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);

    await login(page, kern.url, 'rotterdam.wmo');
    await page.getByRole('navigation').first().waitFor();
    expect(await page.getByRole('link', { name: /Schuldhulp|Debt help/ }).count()).toBe(0);
  });
});
