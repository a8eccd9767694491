/// <reference lib="dom" />
import { runAsTenant } from '@kern/access';
import { staffActorOf } from '@kern/identity';
import { createOffering } from '@kern/offerings';
import type { KernServices } from '@kern/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login } from './journey';
import { startKernServer } from './kern-server';

const PARENT = '999991838'; // Rotterdam demo parent: the generalist coordinates the family, team Noord has a Wmo relation
let kern: { url: string; services: KernServices; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  // The catalogue is managed by the functional administrator (no page yet): one group with places.
  const actor = await staffActorOf(kern.services.db, 'rotterdam.beheer');
  if (!actor) throw new Error('no rotterdam.beheer');
  const ctx = { actor };
  await runAsTenant(kern.services, ctx, (tx) => createOffering(kern.services, tx, ctx, { name: 'Lotgenotengroep geldzaken', description: 'Acht avonden.', kind: 'group', capacity: 8, startsOn: '2026-01-01' }));
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

async function openPlanPage(page: Page, username: string, purpose: string) {
  await login(page, kern.url, username);
  await page.getByLabel('Werken onder doel').selectOption(purpose);
  await page.goto(`${kern.url}/residents/${PARENT}/plan`);
  await page.getByRole('heading', { level: 1, name: 'Plan, metingen en groepsaanbod' }).waitFor();
}

describe('plan, assessments and offerings in Chromium', () => {
  it('the coordinator opens the plan, the citizen agrees, a change makes version 2; scores show as charts with a table', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await openPlanPage(page, 'rotterdam.generalist', 'integraal');
    await page.getByRole('button', { name: 'Plan openen (u wordt regisseur)' }).click();
    await page.getByRole('heading', { level: 3, name: /Versie 1/ }).waitFor();

    await page.getByLabel('Nieuw doel').fill('Rekeningen op tijd betalen');
    await page.getByLabel('Eerste actie').fill('Budgetcursus volgen');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen als versie 1.').waitFor();
    await page.getByRole('button', { name: 'Instemming met versie 1 vastleggen' }).click();
    await page.getByText(/Ingestemd door .* \(in gesprek\)/).waitFor();

    await page.getByLabel('Nieuwe afspraak').fill('Elke twee weken een gesprek.');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen als versie 2.').waitFor();
    await expect(page.locator('[data-state="agreed"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-state="draft"]').count()).resolves.toBe(1);

    const panel = page.getByTestId('assessment-panel');
    await panel.getByLabel('Financiën', { exact: true }).selectOption('2');
    await panel.getByLabel('Huisvesting', { exact: true }).selectOption('4');
    await panel.getByLabel('Sociaal netwerk', { exact: true }).selectOption('3');
    await panel.getByRole('button', { name: 'Meting opslaan' }).click();
    await panel.getByText('Meting opgeslagen.').waitFor();
    await panel.getByRole('img', { name: /Zelfredzaamheid-Matrix.*Huidige stand/ }).waitFor();
    await panel.getByRole('img', { name: /Zelfredzaamheid-Matrix.*Verloop/ }).waitFor();
    await panel.getByText('Als tabel').click();
    await panel.getByRole('cell', { name: '2 (niet zelfredzaam)' }).waitFor();

    const offerings = page.getByTestId('offering-panel');
    await offerings.getByLabel('Hoort bij actie uit het plan').selectOption({ label: 'Budgetcursus volgen' });
    await offerings.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await offerings.getByText('Aangemeld.').waitFor();
    await offerings.getByRole('listitem').filter({ hasText: 'uit het plan' }).waitFor();
    await offerings.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await offerings.getByRole('listitem').filter({ hasText: 'aanwezig 1 van 1 keer' }).waitFor();

    await expectAccessible(page, 'plan page as coordinator');
    await page.close();
  });

  it('a Wmo consultant of the parent\'s team sees only that there is a plan and whom to ask', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await openPlanPage(page, 'rotterdam.wmo', 'wmo');
    await page.getByText(/Er is een plan voor dit huishouden\. Regisseur: Sanne de Wit\./).waitFor();
    await expect(page.getByText('Budgetcursus volgen').count()).resolves.toBe(0);
    await expectAccessible(page, 'plan page as Wmo consultant');
    await page.close();
  });
});
