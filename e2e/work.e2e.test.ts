/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login, logout } from './journey';
import { startKernServer } from './kern-server';

const STRANGER = '999993653'; // a Rotterdam test person nobody in the demo works with
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

describe('work that fits the person in Chromium (issue 15)', () => {
  it('a generalist starts a first melding from search with the keyboard, without breaking the glass', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.generalist');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken', exact: true }).click();
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.getByRole('textbox', { name: 'BSN' }).fill(STRANGER);
    await page.keyboard.press('Enter');
    const results = page.getByRole('table', { name: 'Zoekresultaten' });
    await results.waitFor();

    // Keyboard only: focus the row's button and press Enter; the form takes the focus.
    const start = results.getByRole('button', { name: /^Zaak starten voor / });
    await start.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: /^Zaak starten voor / });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('start-case-heading');
    await page.getByLabel('Werkwijze', { exact: true }).selectOption('frontoffice-backoffice');
    await page.getByLabel('Zaaktype').selectOption('wmo-maatwerk');
    await expectAccessible(page, 'search with the start form');
    await page.getByRole('button', { name: 'Zaak starten', exact: true }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: /^Z-\d{4}-\d{6}$/ }).waitFor();
    await expectAccessible(page, 'the new case');
    // The case itself gives the team its relation: the resident page now opens, without the glass broken.
    await page.goto(`${kern.url}/residents/${STRANGER}`);
    await page.getByLabel('Werken onder doel').selectOption('wmo');
    await page.getByRole('heading', { level: 2, name: 'Persoonsgegevens' }).waitFor();
    expect(await page.getByText('Toegang via doorbreekglas', { exact: false }).count()).toBe(0);
    await page.close();
  });

  it('the analyst, the auditor and the administrator each land on their own start page', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    for (const [username, title] of [
      ['rotterdam.kwaliteit', 'Sturing en leren'],
      ['rotterdam.auditor', 'Logboek'],
      ['rotterdam.beheer', 'Werkwijzen'],
    ] as const) {
      await login(page, kern.url, username);
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      await expectAccessible(page, `start page of ${username}`);
      await logout(page);
    }
    await page.close();
  });
});
