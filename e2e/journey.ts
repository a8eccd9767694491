/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { wcagViolations } from './axe';

export const DEMO_PASSWORD = 'kern-demo-2026';

/** Logs in through the login form and waits until the app shows the logged-in header. */
export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor();
}

/** No serious or critical WCAG 2.x A/AA violations on the page as it stands. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const serious = (await wcagViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${where}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}
