/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { DEMO_PASSWORD, expectAccessible, login, logout } from './journey';
import { startKernServer } from './kern-server';

// The demo seed gives Rotterdam a running debt file for Kees Zaal and an unanswered energy signal.
let kern: { url: string; close(): Promise<void> };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthsFromToday = (months: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  return iso(d);
};

/** Opens a debt file on a request for help over the API, as the counsellor. */
async function openFileOverApi(bsn: string): Promise<string> {
  const session = await fetch(`${kern.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rotterdam.schuld', password: DEMO_PASSWORD }) });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { session: s } = (await session.json()) as { session: { csrfToken: string } };
  const res = await fetch(`${kern.url}/api/v1/debt/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': s.csrfToken, 'kern-purpose': 'wgs' },
    body: JSON.stringify({ subjectBsn: bsn, contact: 'Joost Visser' }),
  });
  if (res.status !== 201) throw new Error(`open file: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { debtFileId: string }).debtFileId;
}
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
    await page.getByRole('button', { name: 'Eerste gesprek vastleggen' }).click();
    await page.getByLabel('Toelaten met plan van aanpak').check();
    await page.getByRole('button', { name: 'Beschikking vastleggen' }).click();
    await page.getByText(/Toegelaten met plan van aanpak bij beschikking van/).waitFor();
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

  it('records a cooling-off period, evidence with type and size checks, and a refusal with its ground, by keyboard; refusals show next to their field', async () => {
    const id = await openFileOverApi('999993938');
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.schuld');
    await page.goto(`${kern.url}/schuldhulp/dossiers/${id}`);
    await page.getByLabel('Werken onder doel').selectOption('wgs');
    await page.getByRole('heading', { level: 1, name: /^Schuldhulpdossier S-\d{4}-\d{6}$/ }).waitFor();

    // Cooling-off period: seven months is refused next to the end date, three months is recorded.
    const until = page.getByLabel('Tot en met', { exact: true });
    await until.fill(monthsFromToday(7));
    await until.press('Enter');
    const untilError = page.locator('#mor-until-error');
    await untilError.getByText(/ten hoogste zes maanden/).waitFor();
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    expect(await until.getAttribute('aria-describedby')).toContain('mor-until-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mor-until');
    await expectAccessible(page, 'debt file with a field error');
    await until.fill(monthsFromToday(3));
    await until.press('Enter');
    await page.getByText(/^Afkoelingsperiode van .* tot en met /).waitFor();

    // A claim, then its evidence: an executable is refused here, a receipt date in the future by the server.
    await page.getByLabel('Schuldeiser', { exact: true }).fill('Vitens');
    await page.getByLabel('Bedrag in euro').fill('88,00');
    await page.getByLabel('Bedrag in euro').press('Enter');
    const inventory = page.getByRole('table', { name: /Schulden per schuldeiser/ });
    await inventory.getByRole('row').filter({ hasText: 'Vitens' }).waitFor();
    await page.getByLabel('Soort bewijsstuk').selectOption('invoice');
    const file = page.getByLabel('Bestand', { exact: true });
    await file.setInputFiles({ name: 'factuur.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await page.getByRole('button', { name: 'Bewijsstuk vastleggen' }).click();
    await page.locator('#ev-file-error').getByText(/wordt niet aanvaard/).waitFor();
    await file.setInputFiles({ name: 'factuur-vitens.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 factuur') });
    const received = page.getByLabel('Ontvangen op');
    await received.fill(iso(new Date(Date.now() + 3 * 86_400_000)));
    await received.press('Enter');
    await page.locator('#ev-receivedOn-error').getByText('Een bewijsstuk kan niet in de toekomst zijn ontvangen.').waitFor();
    await received.fill(iso(new Date()));
    await received.press('Enter');
    await inventory.getByText(/factuur-vitens\.pdf \(Factuur, ontvangen /).waitFor();

    // First conversation, then a refusal: without a ground it is not sent; with one it is recorded and shown.
    await page.getByRole('button', { name: 'Eerste gesprek vastleggen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Beschikking' }).waitFor();
    await page.getByLabel('Afwijzen').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Beschikking vastleggen' }).click();
    await page.locator('#dec-ground-error').getByText('Kies de grond waarop u de schuldhulp weigert.').waitFor();
    await page.getByLabel('Weigeringsgrond').selectOption('not-resident');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/Afgewezen bij beschikking van .*\. Grond: Niet ingezetene van de gemeente\./).waitFor();
    await expectAccessible(page, 'refused debt file');
    await page.close();
  });

  it('the functional administrator adds the next half year of VTLB norms; a wrong start date is refused next to its field, an overlap too', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.beheer');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'VTLB-normen' }).click();
    await page.getByRole('heading', { level: 1, name: 'VTLB-normtabellen' }).waitFor();
    const tables = page.getByRole('table', { name: /Normtabellen met hun geldigheid/ });
    expect(await tables.getByRole('row').filter({ hasText: 'Meegeleverd met Kern' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'norm tables');

    // Prefilled with the half year after the shipped tables; a start on 1 February is refused by the server.
    const from = page.getByLabel('Geldig vanaf');
    const next = await from.inputValue();
    expect(next).toMatch(/-(01|07)-01$/);
    await from.fill(next.replace(/-(01|07)-01$/, '-02-01'));
    await page.getByLabel('Bijstandsnorm alleenstaande (euro per maand)').fill('1120,00');
    await page.getByLabel('Bijstandsnorm alleenstaande (euro per maand)').press('Enter');
    await page.locator('#nt-validFrom-error').getByText('De normtabel is niet geldig.').waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await from.fill(next);
    await from.press('Enter');
    await page.getByRole('status').getByText(/De normtabel voor .* is opgeslagen\./).waitFor();
    const own = tables.getByRole('row').filter({ hasText: 'Eigen tabel' });
    await own.getByText('€ 1.120,00').waitFor();

    // The same period again: an overlap, refused next to the start date.
    await from.fill(next);
    await page.getByLabel('Geldig tot en met').fill(`${next.slice(0, 4)}${next.endsWith('-01-01') ? '-06-30' : '-12-31'}`);
    await from.press('Enter');
    await page.locator('#nt-validFrom-error').getByText(/Er is al een normtabel voor deze periode/).waitFor();
    await expectAccessible(page, 'norm tables with an error');
    await page.close();

    // A counsellor reads the tables but has no form.
    const counsellor = await browser.newPage({ bypassCSP: true });
    await login(counsellor, kern.url, 'rotterdam.schuld');
    await counsellor.goto(`${kern.url}/schuldhulp/normtabellen`);
    await counsellor.getByRole('table', { name: /Normtabellen met hun geldigheid/ }).getByText('Eigen tabel').waitFor();
    expect(await counsellor.getByRole('button', { name: 'Normtabel opslaan' }).count()).toBe(0);
    await counsellor.close();
  });
});
