/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login, logout } from './journey';
import { startKernServer } from './kern-server';

// The Rotterdam demo family at 3074LA 5: the generalist coordinates all three, team Noord (rotterdam.wmo)
// has a Wmo case for the parent; the partner is a housemate in the BRP.
const PARENT = '999991838';
const PARTNER = '999990512';
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

/** Calls the API from inside the logged-in page (same session cookie, its CSRF token). */
async function api(page: Page, method: string, path: string, purpose: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, purpose, body }) => {
      const session = (await (await fetch('/api/v1/sessions/current')).json()) as { session: { csrfToken: string } };
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'kern-purpose': purpose, 'x-csrf-token': session.session.csrfToken },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    { method, path, purpose, body },
  );
}

async function openHousehold(page: Page, purpose: string, bsn: string) {
  await page.getByLabel('Werken onder doel').selectOption(purpose);
  await page.goto(`${kern.url}/residents/${bsn}/huishouden`);
}

const state = (page: Page, relation: string, kind: string, category: string) =>
  page.locator(`section[data-relation="${relation}"] section[data-kind="${kind}"][data-category="${category}"]`).getAttribute('data-state');

describe('the household page in Chromium', () => {
  it('the debt counsellor sees debt in full and the rest as signals', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.wmo');
    expect(await api(page, 'POST', '/cases', 'wmo', { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: PARENT, fields: {} })).toBe(201);
    await logout(page);
    await login(page, kern.url, 'rotterdam.schuld');
    expect(await api(page, 'POST', '/cases', 'wgs', { werkwijzeId: 'een-loket', caseTypeId: 'schuldhulp', subjectBsn: PARTNER, fields: {} })).toBe(201);
    await openHousehold(page, 'wgs', PARTNER);
    await page.getByRole('heading', { level: 1, name: /Huishouden: integraal beeld/ }).waitFor();
    expect(await state(page, 'self', 'cases', 'wgs')).toBe('full');
    for (const category of ['wmo', 'jeugdwet', 'participatiewet']) expect(await state(page, 'self', 'cases', category)).toBe('signal');
    expect(await state(page, 'housemate', 'cases', 'wmo')).toBe('signal');
    await expect(page.locator('section[data-relation="housemate"] section[data-category="wmo"][data-kind="cases"]').innerText()).resolves.toMatch(/Er loopt iets bij Wijkteam Noord; contact: Mehmet Yilmaz/);
    await expectAccessible(page, 'household page (debt counsellor)');
    await logout(page);
    await page.close();
  });

  it('the coordinator opens the household from the resident page, sees every section, and a consent opens debt at once and closes it on withdrawal', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.generalist');
    await page.getByLabel('Werken onder doel').selectOption('integraal');
    await page.goto(`${kern.url}/residents/${PARENT}`);
    await page.getByRole('link', { name: 'Integraal beeld van het huishouden' }).click();
    await page.getByRole('heading', { level: 1, name: /Huishouden: integraal beeld/ }).waitFor();
    const sections = page.locator('section[data-relation] section[data-state]');
    expect(await sections.count()).toBeGreaterThanOrEqual(18);
    expect(await page.locator('section[data-state="withheld"]').count()).toBe(0);
    expect(await state(page, 'self', 'cases', 'wmo')).toBe('full');
    expect(await state(page, 'housemate', 'cases', 'wgs')).toBe('signal');
    await page.getByRole('heading', { level: 2, name: 'Tijdlijn' }).waitFor();
    await expectAccessible(page, 'household page (coordinator)');

    // Record the partner's consent for debt data with the keyboard-accessible form.
    await page.getByLabel('Van', { exact: true }).selectOption(PARTNER);
    await page.getByLabel('Doel', { exact: true }).selectOption('integraal');
    await page.getByLabel('Ontvanger (rol)').selectOption('wijkteam-generalist');
    await page.getByRole('group', { name: 'Welke gegevens mag de ontvanger zien?' }).getByLabel('Schuldhulp (Wgs)').check();
    await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await page.getByText('De toestemming is vastgelegd en geldt meteen.').waitFor();
    await expect.poll(() => state(page, 'housemate', 'cases', 'wgs')).toBe('full');

    await page.getByRole('button', { name: /intrekken/ }).first().click();
    await page.getByText('De toestemming is ingetrokken.').waitFor();
    await expect.poll(() => state(page, 'housemate', 'cases', 'wgs')).toBe('signal');
    await logout(page);
    await page.close();
  });

  it('a Wmo consultant without a relation sees nothing until they break the glass, then sees it flagged', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.wmo');
    await openHousehold(page, 'wmo', PARTNER);
    await page.getByRole('heading', { name: 'Toegang doorbreken (doorbreekglas)' }).waitFor();
    expect(await page.locator('section[data-state]').count()).toBe(0);
    await page.getByLabel('Reden', { exact: true }).fill('Melding van acute nood door de huisarts, regisseur niet bereikbaar.');
    await page.getByRole('button', { name: 'Doorbreekglas bevestigen' }).click();
    await page.getByText('U kijkt met doorbreekglas. Elke inzage is gemarkeerd en wordt beoordeeld.').waitFor();
    expect(await state(page, 'self', 'cases', 'wmo')).toBe('full');
    expect(await state(page, 'self', 'cases', 'wgs')).toBe('signal');
    await expectAccessible(page, 'household page (break-the-glass)');
    await logout(page);
    await page.close();
  });
});
