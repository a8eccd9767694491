/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { DEMO_PASSWORD, expectAccessible, login } from './journey';
import { startKernServer } from './kern-server';

let kern: { url: string; close(): Promise<void> };
let browser: Browser;

/** An API session of the generalist: the same requests the web app sends. */
async function generalistApi(): Promise<(method: string, path: string, body?: unknown) => Promise<Response>> {
  const session = await fetch(`${kern.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rotterdam.generalist', password: DEMO_PASSWORD }) });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { session: s } = (await session.json()) as { session: { csrfToken: string } };
  return (method, path, body) => fetch(`${kern.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': s.csrfToken, 'kern-purpose': 'wmo' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Starts a Wmo case over the API as the generalist, so there is a domain event to count. */
async function startCaseOverApi(): Promise<void> {
  const api = await generalistApi();
  const res = await api('POST', '/cases', { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999993872', fields: { hulpvraag: 'Hulp bij het huishouden' } });
  if (res.status !== 201) throw new Error(`start case: ${res.status} ${await res.text()}`);
}

/** Five walk-in questions answered at once (closed cases), so a story of one of them is k-anonymous. */
async function closeFiveCasesOverApi(): Promise<void> {
  const api = await generalistApi();
  for (let i = 0; i < 5; i++) {
    const started = await api('POST', '/cases', { werkwijzeId: 'buurtcentrum-beschikkingsvrij', caseTypeId: 'algemene-voorziening', subjectBsn: '999993872', fields: { vraag: 'Koffieochtend voor mevrouw Jansen' } });
    if (started.status !== 201) throw new Error(`start case: ${started.status} ${await started.text()}`);
    const { caseId } = (await started.json()) as { caseId: string };
    const closed = await api('POST', `/cases/${caseId}/transitions`, { to: 'afgesloten' });
    if (closed.status !== 200) throw new Error(`close case: ${closed.status} ${await closed.text()}`);
  }
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
    // One started case is a small cell: the quality analyst (no personal data) sees "< 5" and no value (issue 22).
    expect(await row.getByRole('cell').first().textContent()).toBe('—');
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('< 5');
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

  it('filters the dashboard per team and period by keyboard; the status line, table and both exports follow the filter', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.kwaliteit');
    await page.goto(`${kern.url}/sturing`);
    await page.getByRole('heading', { level: 1, name: 'Sturing en leren' }).waitFor();
    await page.getByRole('button', { name: 'Indicatoren vernieuwen' }).click();
    await page.getByText('De indicatoren zijn vernieuwd.').waitFor();
    await page.getByLabel('Indicator').selectOption('cases-started');
    await page.getByRole('heading', { level: 2, name: 'Verloop: Gestarte zaken' }).waitFor();

    // The generalist's case was started by Wijkteam Noord: that team's cell counts it.
    const team = page.getByLabel('Team of wijk');
    await team.focus();
    const noord = await team.locator('option', { hasText: 'Wijkteam Noord (Noord)' }).getAttribute('value') ?? '';
    expect(noord).toMatch(/^[0-9a-f-]{36}$/);
    await team.selectOption(noord);
    await page.getByRole('status').getByText(/^Getoond: Wijkteam Noord \(Noord\), /).waitFor();
    const table = page.getByRole('table', { name: /Verloop: Gestarte zaken — Getoond: Wijkteam Noord/ });
    await table.waitFor();
    const quarter = (await table.getByRole('rowheader').first().textContent()) ?? '';
    expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);
    // Its single case is a small cell for the quality analyst: "< 5" instead of 1 (issue 22).
    expect(await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: quarter }) }).getByRole('cell').nth(1).textContent()).toBe('< 5');
    const csv = (await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')) ?? '';
    expect(csv).toContain(`team=${noord}`);
    expect(csv).toContain('format=csv');
    // The export link serves exactly the rows on the screen.
    const rows = (await page.evaluate(async (href) => (await fetch(href)).text(), csv)).trim().split('\n');
    expect(rows.slice(1).every((r) => r.includes(`,*,${noord ?? ''},`))).toBe(true);

    // Period: from and to the same quarter; the JSON export carries both.
    await page.getByLabel('Vanaf kwartaal').selectOption(quarter);
    await page.getByLabel('Tot en met kwartaal').selectOption(quarter);
    await page.getByRole('status').getByText(`Getoond: Wijkteam Noord (Noord), ${quarter} t/m ${quarter}.`).waitFor();
    const json = (await page.getByRole('link', { name: 'Download als JSON' }).getAttribute('href')) ?? '';
    expect(json).toContain(`from=${quarter}`);
    expect(json).toContain(`to=${quarter}`);
    const data = await page.evaluate(async (href) => (await fetch(href)).json() as Promise<{ period: string; team: string }[]>, json);
    expect(data.map((d) => [d.period, d.team])).toEqual([[quarter, noord]]);
    await expectAccessible(page, 'insight dashboard filtered per team and period');

    // Choosing a law goes back to all teams (team cells cover all laws together).
    await page.getByLabel('Wet', { exact: true }).selectOption('wmo');
    expect(await team.inputValue()).toBe('*');
    await page.close();
  });

  it('a caseworker chooses a closed case, reads its anonymised story and downloads it', async () => {
    await closeFiveCasesOverApi();
    const page = await browser.newPage({ bypassCSP: true, acceptDownloads: true });
    await login(page, kern.url, 'rotterdam.generalist');
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leertafel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leertafel: casus bespreken' }).waitFor();
    const choice = page.getByLabel('Afgesloten zaak');
    await choice.focus();
    expect(await choice.locator('option').count()).toBeGreaterThanOrEqual(5);
    expect(await choice.locator('option').first().textContent()).toMatch(/algemene-voorziening, gesloten /);
    await expectAccessible(page, 'leertafel choice');
    await page.getByRole('button', { name: 'Anoniem verhaal maken' }).press('Enter');
    const story = page.getByRole('region', { name: 'Anoniem verhaal' });
    await story.getByText(/Wet: Wmo.*Minstens \d+ vergelijkbare zaken\./).waitFor();
    // Focus moves to the story's heading on the next frame after it renders.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('story-heading');
    await story.getByRole('table', { name: 'Stappen van de zaak, in dagen na de melding' }).waitFor();
    const text = (await story.textContent()) ?? '';
    expect(text).not.toMatch(/\d{9}|Jansen|Koffieochtend|\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('vraag: vrije tekst verwijderd');
    await expectAccessible(page, 'leertafel story');
    const [download] = await Promise.all([page.waitForEvent('download'), story.getByRole('button', { name: 'Verhaal downloaden (JSON)' }).click()]);
    const path = await download.path();
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { law: string; k: number };
    expect(saved.law).toBe('wmo');
    expect(saved.k).toBeGreaterThanOrEqual(5);
    expect(readFileSync(path, 'utf8')).not.toMatch(/\d{9}|Jansen|Koffieochtend/);
    await page.close();
  });

  it('the analyst registers an experiment with a control group; a refused field shows the server message beside it', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.kwaliteit');
    await page.goto(`${kern.url}/sturing/experimenten`);
    await page.getByRole('heading', { level: 1, name: 'Experimenten' }).waitFor();
    await page.getByLabel('Titel').fill('Ab');
    await page.getByLabel('Hypothese').fill('Wijkspreekuren verkorten de tijd tot een besluit.');
    await page.getByLabel('Interventie').fill('Wijkspreekuur');
    await page.getByLabel('Doelgroep').fill('Inwoners met een Wmo-vraag');
    const group = page.getByLabel('Experimentgroep');
    await group.selectOption({ label: 'Wijkteam Noord (Noord)' });
    await page.getByLabel('Controlegroep (optioneel)').selectOption({ label: 'Wijkteam Zuid (Zuid)' });
    expect(await page.getByLabel('Controlegroep (optioneel)').locator('option', { hasText: 'Wijkteam Noord' }).count()).toBe(0);
    await page.getByLabel('Beginsituatie vanaf').fill('2025-01-01');
    await page.getByLabel('Beginsituatie tot en met').fill('2025-03-31');
    await page.getByLabel('Experiment vanaf').fill('2025-04-01');
    await page.getByLabel('Experiment tot en met').fill('2025-06-30');
    await page.getByRole('button', { name: 'Experiment vastleggen' }).press('Enter');
    await page.locator('#exp-title-error').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('exp-title');
    await page.getByLabel('Titel').fill('Wijkspreekuur Noord');
    await page.getByLabel('Titel').press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Wijkspreekuur Noord' }).waitFor();
    const section = page.getByRole('region', { name: 'Wijkspreekuur Noord' });
    await section.getByText('Experimentgroep: Wijkteam Noord (Noord). Controlegroep: Wijkteam Zuid (Zuid).').waitFor();
    await section.getByRole('button', { name: 'Resultaat berekenen' }).click();
    await section.getByRole('table', { name: /met controlegroep Wijkteam Zuid \(Zuid\)/ }).getByText('Verschil in verschillen (controlegroep: beginsituatie → periode)').waitFor();
    await section.getByText(/Controlegroep: onvoldoende gegevens/).waitFor();
    await expectAccessible(page, 'experiment with a control group');
    await page.close();
  });
});
