/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { DEMO_PASSWORD, expectAccessible, login } from './journey';
import { startKernServer } from './kern-server';

let kern: { url: string; close(): Promise<void> };
let browser: Browser;

/** Starts a Wmo case over the API as the generalist, so there is a domain event to count. */
async function startCaseOverApi(): Promise<void> {
  const session = await fetch(`${kern.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rotterdam.generalist', password: DEMO_PASSWORD }) });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { session: s } = (await session.json()) as { session: { csrfToken: string } };
  const res = await fetch(`${kern.url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': s.csrfToken, 'kern-purpose': 'wmo' },
    body: JSON.stringify({ werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999993872', fields: { hulpvraag: 'Hulp bij het huishouden' } }),
  });
  if (res.status !== 201) throw new Error(`start case: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  await startCaseOverApi();
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

describe('steering in Chromium', () => {
  it('the quality analyst refreshes the indicators and reads a trend as a chart and a table, with exports, keyboard only for the filters', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.kwaliteit');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sturing', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sturing en leren' }).waitFor();
    await page.getByRole('button', { name: 'Indicatoren vernieuwen' }).click();
    await page.getByText('De indicatoren zijn vernieuwd.').waitFor();

    // Keyboard: focus the indicator filter and choose "Gestarte zaken" without a mouse.
    await page.getByLabel('Indicator').focus();
    await page.getByLabel('Indicator').selectOption('cases-started');
    await page.getByRole('heading', { level: 2, name: 'Verloop: Gestarte zaken' }).waitFor();
    const chart = page.getByRole('img', { name: /Verloop: Gestarte zaken/ });
    await chart.waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^\d{4}-Q[1-4]$/ }) }).first();
    expect(await row.getByRole('cell').first().textContent()).toBe('1');
    expect(await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')).toContain('format=csv');
    await expectAccessible(page, 'insight dashboard');
    await page.close();
  });

  it('a caseworker has no steering menu item and is refused the page', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.wmo');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sturing', exact: true }).count()).toBe(0);
    await page.goto(`${kern.url}/sturing`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Sturing en leren' }).count()).toBe(0);
    await page.close();
  });

  it('the analyst registers an experiment from the form', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.kwaliteit');
    await page.goto(`${kern.url}/sturing/experimenten`);
    await page.getByRole('heading', { level: 1, name: 'Experimenten' }).waitFor();
    await page.getByLabel('Titel').fill('Vaste contactpersoon');
    await page.getByLabel('Hypothese').fill('Een vaste contactpersoon vergroot het aandeel bereikte doelen.');
    await page.getByLabel('Interventie').fill('Vaste contactpersoon per huishouden');
    await page.getByLabel('Doelgroep').fill('Huishoudens met een plan');
    await page.getByLabel('Beginsituatie vanaf').fill('2025-01-01');
    await page.getByLabel('Beginsituatie tot en met').fill('2025-03-31');
    await page.getByLabel('Experiment vanaf').fill('2025-04-01');
    await page.getByLabel('Experiment tot en met').fill('2025-06-30');
    await page.getByRole('button', { name: 'Experiment vastleggen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Vaste contactpersoon' }).waitFor();
    await page.getByRole('button', { name: 'Resultaat berekenen' }).click();
    await page.getByText(/Onvoldoende gegevens/).waitFor();
    await expectAccessible(page, 'experiments');
    await page.close();
  });
});
