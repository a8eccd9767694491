/// <reference lib="dom" />
import { runAsTenant, type AccessContext } from '@kern/access';
import { receiveRegieMessage, sample315 } from '@kern/exchange';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login } from './journey';
import { startKernServer } from './kern-server';

let kern: Awaited<ReturnType<typeof startKernServer>>;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  // A provider's 315 arrives (as over the delivery endpoint), so the inbox has a request to answer.
  const ctx: AccessContext = { actor: { kind: 'system', id: 'e2e', name: 'e2e delivery', municipalityCode: '0599', roles: ['decision-maker'], teamIds: [] }, purpose: 'wmo' };
  const today = new Date().toISOString().slice(0, 10);
  const xml = sample315({ standard: 'iwmo', provider: '12345678', municipality: '0599', identificatie: 'E2E1', dagtekening: today }, { bsn: '999991838' }, [{ referentieAanbieder: 'E2E-REF-1', categorie: '02', ingangsdatum: '2027-01-01' }]);
  await runAsTenant(kern.services, ctx, (tx) => receiveRegieMessage(kern.services, tx, ctx, xml));
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

describe('the providers\' requests inbox in Chromium', () => {
  it('the back office opens the inbox under the Wmo and refuses a request with its reason by keyboard (319)', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.besluit');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken aanbieders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzoeken van aanbieders' }).waitFor();
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    const table = page.getByRole('table', { name: /Verzoeken, oudste eerst/ });
    const row = table.getByRole('row').filter({ hasText: 'E2E-REF-1' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Verzoek om toewijzing \(315\)/);
    await expectAccessible(page, 'requests inbox');

    await row.getByRole('button', { name: 'Beantwoorden E2E-REF-1' }).press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Verzoek E2E-REF-1 beantwoorden' }).waitFor();
    await page.getByRole('button', { name: 'Antwoord versturen (319)' }).press('Enter');
    await page.getByText('Vul dit veld in.').first().waitFor();
    await page.getByLabel('Reden van afwijzing (WJ759)').selectOption('3');
    await expectAccessible(page, 'answer form');
    await page.getByRole('button', { name: 'Antwoord versturen (319)' }).press('Enter');
    await page.getByRole('status').filter({ hasText: /\(319\) is verstuurd aan aanbieder 12345678/ }).waitFor();
    await page.getByText('Er zijn geen verzoeken in deze lijst.').waitFor();
    await page.getByLabel('Toon verzoeken').selectOption('refused');
    await table.getByRole('row').filter({ hasText: 'E2E-REF-1' }).getByText('Afgewezen').waitFor();
  }, 120_000);
});
