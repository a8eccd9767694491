import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditRecord, ResidentSummary } from '../api';
import { renderInApp } from '../test/render';
import { AuditTable } from './AuditTable';
import { ResidentTable } from './ResidentTable';

const residents: ResidentSummary[] = [
  { bsn: '999993653', name: { givenNames: 'Jan', prefix: null, surname: 'Jansen', fullName: 'Jan Jansen' }, birthDate: '1970-05-01', address: { street: 'Coolsingel', houseNumber: 40, postcode: '3011AD', city: 'Rotterdam' } },
  { bsn: '999990019', name: { givenNames: 'Els', prefix: 'de', surname: 'Vries', fullName: 'Els de Vries' }, birthDate: '1981-12-24' },
];

const records: AuditRecord[] = [
  { seq: 7, at: '2026-03-02T09:15:00Z', actorId: 'acc-1', actorName: 'Demo Medewerker', actorKind: 'staff', actorRoles: ['wmo-consultant'], actorTeams: [], purpose: 'wmo', action: 'read', resource: 'resident', subjectBsn: '999993653', outcome: 'allowed', reason: 'policy', legalBasis: 'Wmo 2015 art. 5.1.1', breakGlass: false },
  { seq: 8, at: '2026-03-02T09:16:00Z', actorId: 'acc-2', actorKind: 'staff', actorRoles: ['youth-consultant'], actorTeams: [], action: 'read', resource: 'case', outcome: 'denied', reason: 'no relation', breakGlass: true },
];

describe('ResidentTable', () => {
  it('is named by its heading, has column headers with scope=col and one row header per resident', () => {
    renderInApp(
      <>
        <h2 id="results">Zoekresultaten</h2>
        <ResidentTable residents={residents} labelledBy="results" />
      </>,
    );
    const table = screen.getByRole('table', { name: 'Zoekresultaten' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Naam', 'BSN', 'Geboortedatum', 'Adres']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(rowHeaders.map((h) => [h.textContent, h.getAttribute('scope')])).toEqual([['Jan Jansen', 'row'], ['Els de Vries', 'row']]);
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['999993653', '1 mei 1970', 'Coolsingel 40, 3011 AD Rotterdam']);
    expect(within(second!).getAllByRole('cell').map((c) => c.textContent)).toContain('Geen adres bekend');
  });

  it("each name is a link to the resident page that Tab reaches and Enter follows", async () => {
    const { user } = renderInApp(<ResidentTable residents={residents} labelledBy="x" />);
    await user.tab();
    const link = screen.getByRole('link', { name: 'Jan Jansen' });
    expect(document.activeElement).toBe(link);
    expect(link.getAttribute('href')).toBe('/residents/999993653');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Els de Vries' }));
    await user.keyboard('{Enter}');
    expect(window.location.pathname).toBe('/residents/999990019');
  });

  it('in English the headers and dates are English', () => {
    renderInApp(<ResidentTable residents={residents} labelledBy="x" />, { lang: 'en' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'BSN', 'Date of birth', 'Address']);
    expect(screen.getByText('1 May 1970')).toBeTruthy();
  });
});

describe('AuditTable', () => {
  it('has the eleven column headers with scope=col, the record number as row header, and the facts of each record', () => {
    renderInApp(
      <>
        <h2 id="cap">Logboekrecords</h2>
        <AuditTable records={records} captionId="cap" />
      </>,
    );
    const table = screen.getByRole('table', { name: 'Logboekrecords' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers).toHaveLength(11);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(headers[0]?.textContent).toBe('Nr.');
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['7', '8']);
    const [, allowed, denied] = within(table).getAllByRole('row');
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(allowed!)).toEqual(expect.arrayContaining(['Demo Medewerker (acc-1)', 'Wmo 2015', '999993653', 'Toegestaan', 'policy — Wmo 2015 art. 5.1.1', 'Nee']));
    expect(cells(denied!)).toEqual(expect.arrayContaining(['acc-2', '—', 'Geweigerd', 'Ja']));
    expect(within(allowed!).getByText(/2026/).closest('time')?.getAttribute('dateTime')).toBe('2026-03-02T09:15:00Z');
  });

  it('the wide table sits in a named region that keyboard users can focus to scroll it', async () => {
    const { user } = renderInApp(
      <>
        <h2 id="cap">Logboekrecords</h2>
        <AuditTable records={records} captionId="cap" />
      </>,
    );
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Logboekrecords' }));
  });
});
