/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login as loginAt } from './journey';
import { startKernServer } from './kern-server';

const PARENT = '999991838'; // Patrick Braveheart, Rotterdam demo family
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

const login = (page: Page, username: string) => loginAt(page, kern.url, username);

describe('staff journey in Chromium', () => {
  it('logs in, searches a test person, opens the household, logs out; the auditor then sees those reads', async () => {
    // Kern's Content-Security-Policy forbids inline scripts; the accessibility checker is one.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${kern.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectAccessible(page, 'login page');

    await login(page, 'rotterdam.generalist');
    // Caseworkers land on their worklist; searching is one link away.
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken', exact: true }).click();
    await page.getByLabel('Werken onder doel').selectOption('integraal');
    await page.getByRole('textbox', { name: 'BSN' }).fill(PARENT);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const result = page.getByRole('link', { name: /Braveheart/ });
    await result.waitFor();
    await expectAccessible(page, 'search results');
    await result.click();

    await page.getByRole('heading', { level: 1, name: /Braveheart/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Huishouden' }).waitFor();
    const household = await page.locator('main').innerText();
    expect(household).toContain('Victoria');
    expect(household).toContain('Goulouse');
    await expectAccessible(page, 'resident page');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();

    await login(page, 'rotterdam.auditor');
    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await page.getByText(/hashketen is intact/).waitFor();
    // The audit log is the first table; the relation review (issue 22) follows below it.
    const log = page.getByRole('table').first();
    await log.waitFor();
    const text = await log.innerText();
    expect(text).toContain('Sanne de Wit');
    expect(text).toContain(PARENT);
    expect(text).toContain('999990342'); // the child, shown in the household, has its own record
    await expectAccessible(page, 'audit log');
    await page.close();
  });

  it('refuses a resident without a relation and opens it only by breaking the glass with a reason', async () => {
    const page = await browser.newPage();
    await login(page, 'rotterdam.inkomen');
    await page.getByLabel('Werken onder doel').selectOption('participatiewet');
    await page.goto(`${kern.url}/residents/999993872`);
    await page.getByLabel('Werken onder doel').selectOption('participatiewet');
    await page.getByRole('heading', { level: 2, name: /doorbreekglas/i }).waitFor();
    // A reason that says nothing is refused next to its field (the policy's minimum of different words).
    await page.getByLabel('Reden').fill('aaaaaaaaaaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Doorbreekglas bevestigen' }).click();
    await page.getByText(/minstens 20 tekens en 3 verschillende woorden/).first().waitFor();
    await page.getByLabel('Reden').fill('Acute dreigende huisuitzetting, inwoner staat aan de balie.');
    await page.getByRole('button', { name: 'Doorbreekglas bevestigen' }).click();
    await page.getByText('Toegang via doorbreekglas — wordt beoordeeld door de auditor').waitFor();
    await page.close();
  });

  it('can be used with the keyboard alone: skip link first, login by typing and Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${kern.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Naar de inhoud');
    await page.getByLabel('Gebruikersnaam').focus();
    await page.keyboard.type('denhaag.wmo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kern-demo-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.close();
  });
});
