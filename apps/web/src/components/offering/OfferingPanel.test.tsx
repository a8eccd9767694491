import { offeringsContract, type Enrolment, type Offering } from '@kern/offerings/contract';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api';
import { fakeApi, renderInApp } from '../../test/render';
import { OfferingPanel } from './OfferingPanel';

const offering: Offering = { id: '6f1c0d7e-0000-4000-8000-000000000001', name: 'Taalcafé', description: 'Nederlands oefenen', kind: 'general', lifeDomain: null, location: null, capacity: null, enrolled: 3, placesLeft: null, startsOn: '2026-01-01', endsOn: null, status: 'open' };
const enrolment: Enrolment = { id: '6f1c0d7e-0000-4000-8000-00000000000e', offeringId: offering.id, offeringName: 'Taalcafé', kind: 'general', subjectBsn: '999993653', planId: null, planActionId: null, enrolledOn: '2026-02-01', status: 'enrolled', endedOn: null, attendance: [] };

/** The web calls the API through the offerings contract: the fake answers by route, and records the rest. */
function fakeServer() {
  const sent: { route: string; input: unknown }[] = [];
  const call = vi.fn((route: unknown, input?: unknown) => {
    if (route === offeringsContract.listOfferings) return Promise.resolve({ offerings: [offering] });
    if (route === offeringsContract.residentEnrolments) return Promise.resolve({ enrolments: [enrolment] });
    const name = Object.entries(offeringsContract).find(([, r]) => r === route)?.[0] ?? 'unknown';
    sent.push({ route: name, input });
    return Promise.resolve({});
  });
  return { sent, api: fakeApi({ call: call as unknown as Api['call'] }) };
}

describe('OfferingPanel attendance, validated with the contract body schema', () => {
  it('an empty session date is refused on its field in Dutch before any call', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<OfferingPanel bsn="999993653" />, { api });
    const date = await screen.findByLabelText('Datum van de bijeenkomst');
    await user.clear(date);
    await user.click(screen.getByRole('button', { name: 'Aanwezigheid opslaan' }));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Vul dit veld in.');
    expect(document.activeElement).toBe(date);
    expect(sent).toEqual([]);
  });

  it('records attendance for the chosen offering and date, by keyboard', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<OfferingPanel bsn="999993653" />, { api });
    await user.selectOptions(await screen.findByLabelText('Aanwezig'), 'no');
    const date = screen.getByLabelText('Datum van de bijeenkomst');
    await user.clear(date);
    await user.type(date, '2026-03-05{Enter}');
    await waitFor(() => expect(sent.map((s) => s.route)).toContain('recordAttendance'));
    expect(sent[0]).toEqual({ route: 'recordAttendance', input: { params: { offeringId: offering.id }, body: { sessionOn: '2026-03-05', attendance: [{ subjectBsn: '999993653', present: false }] } } });
  });

  it('enrols in the chosen offering through the enrol route', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<OfferingPanel bsn="999993653" />, { api });
    await user.click(await screen.findByRole('button', { name: 'Aanmelden' }));
    await waitFor(() => expect(sent).toContainEqual({ route: 'enrol', input: { params: { offeringId: offering.id }, body: { subjectBsn: '999993653' } } }));
  });
});
