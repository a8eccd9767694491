/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login, logout } from './journey';
import { startKernServer } from './kern-server';

// The demo seed gives Rotterdam a running debt file (S-YYYY-000001) with verified debts.
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

describe('the debt fund in Chromium', () => {
  it('the counsellor has the fund take over the debts and sees the statement; the quality analyst sees aggregates only', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.schuld');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Schuldhulp', exact: true }).click();
    await page.getByLabel('Werken onder doel').selectOption('wgs');
    const files = page.getByRole('table', { name: /Schuldhulpdossiers/ });
    await files.getByRole('link', { name: /^S-\d{4}-000001$/ }).click();
    await page.getByRole('table', { name: /Schulden per schuldeiser/ }).waitFor();
    const fileId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.goto(`${kern.url}/schuldhulp/fonds/dossiers/${fileId}`);
    await page.getByLabel('Werken onder doel').selectOption('wgs');

    // Not in the fund yet: the take-over form, by keyboard.
    await page.getByRole('heading', { level: 2, name: 'Schulden laten overnemen door het fonds' }).waitFor();
    await expectAccessible(page, 'fund take-over form');
    await page.getByLabel('Maandbedrag in euro').fill('75,00');
    await page.getByLabel('Maandbedrag in euro').press('Enter');
    const lines = page.getByRole('table', { name: /Overname, aflossingen en kwijtschelding/ });
    await lines.getByText('Overname door het fonds').waitFor();
    expect(await page.getByText('€ 75,00').count()).toBeGreaterThan(0);
    await page.getByRole('table', { name: /Per schuldeiser/ }).getByText('Woonstad Rotterdam').waitFor();
    await expectAccessible(page, 'fund statement');

    // The counsellor also sees the dashboard.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Schuldenfonds' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schuldenfonds' }).waitFor();
    await logout(page);

    await login(page, kern.url, 'rotterdam.kwaliteit');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Schuldenfonds' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schuldenfonds' }).waitFor();
    const cohorts = page.getByRole('table', { name: /Per maand van overname/ });
    await cohorts.getByText('Te weinig inwoners om te tonen').waitFor();
    expect(await page.content()).not.toMatch(/9999\d{5}|Woonstad/);
    await expectAccessible(page, 'fund dashboard');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Debt fund' }).waitFor();
    await page.getByRole('table', { name: /By month of take-over/ }).waitFor();
    await expectAccessible(page, 'fund dashboard in English');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);

    // A role without a reason to see the fund has no menu item.
    await login(page, kern.url, 'rotterdam.wmo');
    await page.getByRole('navigation').first().waitFor();
    expect(await page.getByRole('link', { name: /Schuldenfonds|Debt fund/ }).count()).toBe(0);
  });
});
