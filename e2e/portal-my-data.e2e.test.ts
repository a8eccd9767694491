/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from './axe';
import { launchChromium } from './browser';
import { startKernServer } from './kern-server';

// Rotterdam: Barbara Goulouse, the first test person in the portal's demo login.
const CITIZEN = '999990512';
const PHONE = { width: 390, height: 844 };
const LONG_DATE = /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/;

let kern: { url: string; close(): Promise<void> };
let browser: Browser;

/** A wijkteam generalist looks the citizen up, as staff would before the citizen logs in. */
async function staffLooks(): Promise<void> {
  const login = await fetch(`${kern.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rotterdam.generalist', password: 'kern-demo-2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { session } = (await login.json()) as { session: { csrfToken: string } };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken, 'kern-purpose': 'wmo' };
  const started = await fetch(`${kern.url}/api/v1/cases`, {
    method: 'POST', headers,
    body: JSON.stringify({ werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: CITIZEN, fields: { hulpvraag: 'Vervoer' } }),
  });
  if (started.status !== 201) throw new Error(`case: ${started.status} ${await started.text()}`);
  const read = await fetch(`${kern.url}/api/v1/residents/${CITIZEN}`, { headers });
  if (read.status !== 200) throw new Error(`read: ${read.status}`);
}

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  await staffLooks();
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await wcagViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('my data on a phone: who looked, and the AVG download (issue 16)', () => {
  it('shows staff reads grouped without the citizen\'s own, filters by period by keyboard, refuses a reversed period on its field, and downloads the export', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${kern.url}/portaal/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByLabel('Testpersoon').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Mijn gegevens', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();

    // By default only others: the wijkteam's reads in the summary, none of the citizen's own.
    const summary = page.getByRole('region', { name: 'Samengevat' });
    const details = page.getByRole('region', { name: 'Alle keren' });
    await summary.getByText('medewerker wijkteam').first().waitFor();
    expect(await details.getByRole('cell', { name: 'uzelf', exact: true }).count()).toBe(0);
    expect(await summary.getByRole('cell').filter({ hasText: LONG_DATE }).count()).toBeGreaterThan(0);
    await expectNoViolations(page, 'who looked');

    // The switch, by keyboard, shows the citizen's own reads too.
    await page.getByLabel('Laat ook zien wanneer ik zelf keek').focus();
    await page.keyboard.press('Space');
    await details.getByRole('cell', { name: 'uzelf', exact: true }).first().waitFor();

    // A period that ends before it starts: refused on the end date, in Dutch.
    await page.getByLabel('Vanaf').fill('2026-12-10');
    await page.getByLabel('Tot en met').fill('2026-12-01');
    await page.getByLabel('Tot en met').press('Enter');
    await page.getByText('De einddatum ligt voor de begindatum. Kies een latere einddatum.').waitFor();
    expect(await page.getByLabel('Tot en met').getAttribute('aria-invalid')).toBe('true');
    await expectNoViolations(page, 'who looked, reversed period');

    // A period in the future: nobody looked.
    await page.getByLabel('Tot en met').fill('');
    await page.getByLabel('Vanaf').fill('2099-01-01');
    await page.getByLabel('Vanaf').press('Enter');
    await page.getByRole('status').getByText('In deze periode keek niemand in uw gegevens.').waitFor();
    await page.getByLabel('Vanaf').fill('');
    await page.getByRole('button', { name: 'Filter' }).press('Enter');
    await summary.getByText('medewerker wijkteam').first().waitFor();

    // The AVG download, by keyboard: the JSON holds the registry facts and the audit trail of reads.
    await page.getByRole('link', { name: 'Download mijn gegevens (JSON)' }).focus();
    const [json] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(json.suggestedFilename()).toBe('mijn-gegevens.json');
    const exported = JSON.parse(await readFile(await json.path(), 'utf8')) as { registry: { name: string } | null; accessLog: { who: string }[]; held?: { consents: unknown[]; decisions: unknown[] } };
    expect(exported.registry?.name).toMatch(/Barbara/);
    expect(exported.accessLog.some((e) => e.who === 'staff')).toBe(true);
    expect(exported.held?.consents).toEqual(expect.any(Array));
    expect(exported.held?.decisions).toEqual(expect.any(Array));
    await page.getByRole('link', { name: 'Download mijn gegevens (PDF)' }).focus();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(pdf.suggestedFilename()).toBe('mijn-gegevens.pdf');
    await context.close();
  });
});
