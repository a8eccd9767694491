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

describe('a relation is asked for, and someone else decides (issue 22)', () => {
  it('offers "Toegang aanvragen" by keyboard; the request gives nothing until the team lead approves it', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.inkomen');
    await page.goto(`${kern.url}/residents/${STRANGER}`);
    await page.getByLabel('Werken onder doel').selectOption('participatiewet');
    await page.getByRole('heading', { level: 2, name: 'Toegang aanvragen' }).waitFor();
    await expectAccessible(page, 'resident page without a relation');
    // Keyboard only: the reason field, then Enter on the button.
    await page.getByLabel('Waarom heeft u toegang nodig?').focus();
    await page.keyboard.type('Aanvraag bijstand aan de balie, gegevens controleren');
    await page.getByRole('button', { name: 'Toegang aanvragen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Uw aanvraag is verstuurd.', { exact: false }).waitFor();
    // Still no access on reload: a pending request is no relation.
    await page.reload();
    await page.getByLabel('Werken onder doel').selectOption('participatiewet');
    await page.getByRole('heading', { level: 2, name: 'Toegang aanvragen' }).waitFor();
    await logout(page);

    await login(page, kern.url, 'rotterdam.teamleider');
    await page.getByRole('heading', { level: 1, name: 'Toegangsaanvragen' }).waitFor();
    await page.getByRole('heading', { level: 3, name: new RegExp(STRANGER) }).waitFor();
    await expectAccessible(page, 'access requests');
    await page.getByLabel('Goedkeuren').check();
    await page.getByLabel('Toelichting').fill('Hoort bij het team Werk en Inkomen');
    await page.getByRole('button', { name: 'Beslissing opslaan' }).click();
    await page.getByText('Beslissing opgeslagen.').waitFor();
    await logout(page);

    await login(page, kern.url, 'rotterdam.inkomen');
    await page.goto(`${kern.url}/residents/${STRANGER}`);
    await page.getByLabel('Werken onder doel').selectOption('participatiewet');
    await page.getByRole('heading', { level: 2, name: 'Persoonsgegevens' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Toegang aanvragen' }).count()).toBe(0);
    await page.close();
  });
});
