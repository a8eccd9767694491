import { portalContract, type InboxItem } from '@kern/portal/contract';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../api';
import { fakeApi, renderInApp } from '../test/render';
import { PortalInboxPage } from './PortalInboxPage';

const item: InboxItem = { id: '6f1c0d7e-0000-4000-8000-000000000001', bsn: '999991838', clientName: 'P. Braveheart', topic: 'care', purpose: 'wmo', excerpt: 'Wanneer komt de hulp?', sentAt: '2026-03-24T09:00:00Z' };
const question = { id: item.id, from: 'me' as const, role: null, team: null, body: item.excerpt, sentAt: item.sentAt, read: true, topic: 'care' as const, answeredBy: null, handled: false };

function fakeServer() {
  const sent: { route: unknown; input: unknown }[] = [];
  const call = vi.fn((route: unknown, input?: unknown) => {
    if (route === portalContract.staffInbox) return Promise.resolve({ items: sent.length ? [] : [item], total: sent.length ? 0 : 1 });
    if (route === portalContract.staffThread) return Promise.resolve({ messages: [question] });
    sent.push({ route, input });
    if (route === portalContract.staffAnswer) {
      return Promise.resolve({ messages: [{ ...question, handled: true }, { ...question, id: '6f1c0d7e-0000-4000-8000-000000000002', from: 'municipality', body: 'Dinsdag.', answeredBy: 'Wijkteam Noord' }] });
    }
    return Promise.reject(new Error('unexpected route'));
  });
  return { sent, api: fakeApi({ call: call as unknown as Api['call'] }) };
}

describe('PortalInboxPage', () => {
  it('lists an unanswered message with client and topic, refuses an empty answer on its field, and sends an answer by keyboard', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<PortalInboxPage />, { api });
    const open = await screen.findByRole('button', { name: 'Gesprek met P. Braveheart openen' });
    expect(screen.getByText('Zorg en ondersteuning')).toBeTruthy();
    open.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Gesprek met P. Braveheart' });
    await user.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    const field = screen.getByLabelText('Uw antwoord');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Schrijf een antwoord.')).toBeTruthy();
    expect(sent).toEqual([]);
    await user.type(field, 'Dinsdag.');
    await user.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    expect(await screen.findByText('Uw antwoord is verstuurd.')).toBeTruthy();
    expect(sent).toEqual([{ route: portalContract.staffAnswer, input: { params: { bsn: item.bsn }, body: { body: 'Dinsdag.' } } }]);
    expect(screen.getByText('Wijkteam Noord')).toBeTruthy();
  });
});
