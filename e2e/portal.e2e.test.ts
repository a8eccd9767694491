/// <reference lib="dom" />
import { recordConsent, runAsTenant } from '@kern/access';
import { staffActorOf } from '@kern/identity';
import { openHouseholdPlan } from '@kern/plans';
import type { KernServices } from '@kern/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from './axe';
import { launchChromium } from './browser';
import { startKernServer } from './kern-server';

// Rotterdam: Barbara Goulouse, partner of Patrick Braveheart, mother of Victoria.
const CITIZEN = '999990512';
const PARTNER = '999991838';
const CHILD = '999990342';
const PHONE = { width: 390, height: 844 };

let kern: { url: string; services: KernServices; close(): Promise<void> };
let browser: Browser;

/** The coordinator opens the household plan and records the citizen's consent, as staff would before the citizen logs in. */
async function prepare(services: KernServices): Promise<void> {
  const actor = await staffActorOf(services.db, 'rotterdam.generalist');
  if (!actor) throw new Error('demo generalist missing');
  const login = await fetch(`${kern.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rotterdam.generalist', password: 'kern-demo-2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { session } = (await login.json()) as { session: { csrfToken: string } };
  const started = await fetch(`${kern.url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken, 'kern-purpose': 'integraal' },
    body: JSON.stringify({ werkwijzeId: 'een-loket', caseTypeId: 'integrale-intake', subjectBsn: CITIZEN, householdBsns: [PARTNER, CHILD], fields: { vraag: 'Alle hulp op een rij' } }),
  });
  if (started.status !== 201) throw new Error(`case: ${started.status} ${await started.text()}`);
  const ctx = { actor, purpose: 'integraal' as const };
  await runAsTenant(services, ctx, async (tx) => {
    await openHouseholdPlan(services, tx, ctx, { anchorBsn: CITIZEN, members: [{ bsn: CITIZEN, name: 'Barbara' }, { bsn: PARTNER, name: 'Patrick' }, { bsn: CHILD, name: 'Victoria' }] });
    await recordConsent(services, tx, ctx, CITIZEN, { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['wgs'] });
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  kern = await startKernServer();
  await prepare(kern.services);
});
afterAll(async () => {
  await browser?.close();
  await kern?.close();
});

/** The issue asks for no violations at all, not only no serious ones. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await wcagViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function nav(page: Page, name: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('the citizen portal on a phone-sized screen', () => {
  it('logs in by keyboard, submits an urgent request, agrees to the plan, withdraws a consent and downloads the data, without accessibility violations', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    // Script typed into a text field must stay text: any dialog it opened would be caught here.
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${kern.url}/portaal/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectNoViolations(page, 'login');

    // Keyboard only: choose the test person and log in.
    await page.getByLabel('Testpersoon').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.getByText('Er is een nieuwe versie van uw plan').waitFor();
    await expectNoViolations(page, 'home');
    // No sideways scrolling on a phone (WCAG 1.4.10 reflow).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // One front door: an urgent debt request.
    await nav(page, 'Vraag stellen', 'Vraag stellen');
    await page.getByLabel('Geldzorgen en schulden').check();
    await page.getByLabel('Ik moet mijn huis uit (huisuitzetting)').check();
    await page.getByText('U heeft aangegeven dat het dringend is').first().waitFor();
    await page.getByLabel('Wat is uw vraag?').fill('Brief van de verhuurder: <img src=x onerror=alert(1)> ontruiming volgende week.');
    await page.getByRole('status').getByText('Uw vraag is bewaard als concept.').waitFor();
    await expectNoViolations(page, 'request form');
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw vraag is verstuurd.' }).waitFor();
    await page.getByText(/Uw zaaknummer: Z-\d{4}-\d{6} \(Hulp bij schulden\)/).waitFor();
    await expectNoViolations(page, 'request sent');

    // My plan: agree to version 1.
    await nav(page, 'Mijn plan', 'Mijn plan');
    // Two steps: first the question, then the confirmation (which gets the focus).
    await page.getByRole('button', { name: 'Ik wil akkoord gaan met versie 1' }).click();
    await page.getByRole('heading', { name: 'Weet u het zeker?' }).waitFor();
    await expectNoViolations(page, 'plan confirmation');
    await page.getByRole('button', { name: 'Ja, ik ga akkoord met versie 1' }).click();
    await page.getByRole('status').getByText('U bent akkoord gegaan met deze versie.').waitFor();
    await expectNoViolations(page, 'plan');
    // Add an own action: it makes version 2, a draft.
    await page.getByLabel('Wat gaat u doen?').fill('Budgetcursus volgen');
    await page.getByLabel('Wanneer wilt u dit gedaan hebben?').fill('2026-12-01');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').getByText('Toegevoegd. Er is een nieuwe versie van uw plan.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Versie 2: nog niet afgesproken' }).waitFor();
    // Before agreeing to version 2 the citizen sees what changed since version 1.
    await page.getByRole('region', { name: 'Wat is er veranderd?' }).getByText('Nieuwe actie: Budgetcursus volgen').waitFor();
    await expectNoViolations(page, 'plan changes');

    // My data: withdraw the consent, download the data.
    await nav(page, 'Mijn gegevens', 'Mijn gegevens');
    await page.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await page.getByRole('status').getByText('Uw toestemming is ingetrokken.').waitFor();
    await page.getByText(/^Ingetrokken:/).waitFor();
    await page.getByRole('table').getByText('medewerker wijkteam').first().waitFor();
    await expectNoViolations(page, 'my data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download mijn gegevens (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('mijn-gegevens.pdf');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download mijn gegevens (JSON)' }).click()]);
    expect(json.suggestedFilename()).toBe('mijn-gegevens.json');

    // Messages: script in a message shows as text.
    await nav(page, 'Berichten', 'Berichten');
    await page.getByRole('group', { name: 'Waar gaat uw bericht over?' }).getByLabel('Zorg en ondersteuning, bijvoorbeeld hulp in huis').check();
    await page.getByLabel('Nieuw bericht').fill('<img src=x onerror=alert(2)>Wanneer belt u?');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('<img src=x onerror=alert(2)>Wanneer belt u?').waitFor();
    await expectNoViolations(page, 'messages');

    await nav(page, 'Overzicht', /^Welkom/);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
