/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoInvoiceXml } from '@kern/exchange';
import { exchangeDemoClients } from '@kern/seed';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login, logout } from './journey';
import { startKernServer } from './kern-server';

// The demo seed gives Rotterdam a care provider (AGB 87654321) with allocations 5001 and 5002.
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

describe('the invoice inbox in Chromium', () => {
  it('the back office uploads a 323: lines are verified, a rejected line shows its reason, approved lines are exported', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kern-e2e-')), 'declaratie-oktober.xml');
    writeFileSync(file, demoInvoiceXml({ municipalityCode: '0599', clients: exchangeDemoClients['0599'] ?? ['', ''], identificatie: 'E2E1' }));
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.besluit');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Declaraties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Declaraties (iWmo/iJw)' }).waitFor();
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.getByRole('heading', { level: 2, name: 'Declaratie uploaden' }).waitFor();
    await expectAccessible(page, 'invoice inbox');

    await page.getByLabel('Declaratiebestand (323, XML)').setInputFiles(file);
    await page.getByRole('button', { name: 'Uploaden en controleren' }).press('Enter');
    await page.getByText('Declaratie ontvangen en gecontroleerd: 1 regel(s) goedgekeurd, 2 afgekeurd.').waitFor();
    const lines = page.getByRole('table', { name: 'Prestaties met oordeel en reden' });
    await lines.getByRole('rowheader', { name: 'E2E1-2' }).waitFor();
    const rejected = lines.getByRole('row', { name: /E2E1-2/ });
    expect(await rejected.textContent()).toContain('0611 (TR418): Het ingediende tarief komt niet overeen met het contractuele tarief');
    expect(await lines.getByRole('row', { name: /E2E1-3/ }).textContent()).toContain('9338');
    await expectAccessible(page, 'invoice lines');

    // Only the rejected lines, by the filter.
    await page.getByLabel('Oordeel').selectOption('rejected');
    await page.getByRole('button', { name: 'Filteren' }).last().click();
    await lines.getByRole('rowheader', { name: 'E2E1-1' }).waitFor({ state: 'detached' });
    expect(await lines.getByRole('row').count()).toBe(3);

    // Approve for payment and export the batch: only the approved line, no BSN.
    await page.getByRole('button', { name: 'Goedgekeurde regels klaarzetten voor betaling' }).press('Enter');
    await page.getByText(/Betaalbatch BB-\d{8}-\w+ gemaakt: 1 regel\(s\)/).waitFor();
    await page.getByRole('button', { name: 'Betaalbatch exporteren (CSV)' }).press('Enter');
    const link = page.getByRole('link', { name: /Download BB-.*\.csv/ });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv).toContain(';E2E1-1;5001;02;02A01;2026-10-01;2026-10-31;8;04;1300;10400');
    expect(csv).not.toContain('E2E1-2');
    expect(csv).not.toMatch(/9999\d{5}/);
    await expectAccessible(page, 'payment batch exported');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoices (iWmo/iJw)' }).waitFor();
    await page.getByRole('table', { name: 'Lines with verdict and reason' }).getByText('0611 (TR418): The tariff submitted does not match the contracted tariff.').waitFor();
    await expectAccessible(page, 'invoice inbox in English');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);

    // A caseworker has no invoice inbox.
    await login(page, kern.url, 'rotterdam.wmo');
    await page.getByRole('navigation').first().waitFor();
    expect(await page.getByRole('link', { name: /Declaraties|Invoices/ }).count()).toBe(0);
  });
});
