/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { expectAccessible, login, logout } from './journey';
import { startKernServer } from './kern-server';

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

describe('four eyes on the access policy in Chromium', () => {
  it('one administrator proposes a version, cannot approve it, and the second approves it; a grab for the audit log is refused', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await login(page, kern.url, 'rotterdam.beheer');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toegangsbeleid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toegangsbeleid' }).waitFor();
    await page.getByText(/Het standaardbeleid van Kern \(versie 0\)/).waitFor();
    await expectAccessible(page, 'access policy page');

    const field = page.getByLabel('Beleid (JSON)');
    const current = JSON.parse(await field.inputValue()) as { rules: { id: string }[]; breakGlass: Record<string, unknown> };
    // Refused: taking the log away from the auditor.
    await field.fill(JSON.stringify({ ...current, rules: current.rules.filter((r) => r.id !== 'auditor-log') }));
    await page.getByLabel('Waarom verandert het beleid?').fill('Auditor heeft het log niet nodig');
    await page.getByRole('button', { name: 'Voorstel indienen' }).click();
    await page.getByRole('alert').getByText(/de auditor moet het auditlog/).waitFor();

    await field.fill(JSON.stringify({ ...current, breakGlass: { ...current.breakGlass, minutes: 30 } }));
    await page.getByLabel('Waarom verandert het beleid?').fill('Doorbreekglas korter geldig, besproken met de FG');
    await page.getByRole('button', { name: 'Voorstel indienen' }).click();
    await page.getByRole('status').getByText(/Het geldt pas na goedkeuring/).waitFor();
    await page.getByText('Dit is uw eigen voorstel: een andere functioneel beheerder beoordeelt het.').waitFor();
    expect(await page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
    await page.getByText(/Doorbreekglas gewijzigd: minutes: 60 → 30/).waitFor();
    await logout(page);

    await login(page, kern.url, 'rotterdam.beheer2');
    await page.goto(`${kern.url}/toegangsbeleid`);
    await page.getByRole('heading', { level: 2, name: 'Voorstellen die wachten op een tweede beoordelaar' }).waitFor();
    await page.getByText(/Voorgesteld door Ingrid Mulder/).waitFor();
    await expectAccessible(page, 'access policy proposal to review');
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByRole('status').getByText('Goedgekeurd: versie 1 geldt nu.').waitFor();
    await page.getByText(/Versie 1: /).waitFor();
    await page.getByText('Er wachten geen voorstellen.').waitFor();
  });
});
