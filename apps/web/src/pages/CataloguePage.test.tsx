import { catalogueContract, type Category, type LocalProduct, type MappingReport } from '@kern/catalogue/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../api';
import { fakeApi, renderInApp, session } from '../test/render';
import { CataloguePage } from './CataloguePage';

const categories: Category[] = [
  { standard: 'iwmo', code: '01', name: 'Hulp bij het huishouden', validFrom: '2015-01-01', validTo: null, productCount: 0 },
  { standard: 'ijw', code: '45', name: 'Jeugdhulp ambulant', validFrom: '2015-01-01', validTo: null, productCount: 60 },
];
const unmapped: LocalProduct = {
  id: '6f1c0d7e-0000-4000-8000-000000000002', standard: 'ijw', localCode: 'JA002', name: 'Gezinscoaching (nog te koppelen)', category: '45',
  nationalCode: null, unit: '04', validFrom: '2026-01-01', validTo: null,
};
const report: MappingReport = { on: '2026-04-01', unmapped: [unmapped], mappedTwice: [], expired: [] };
const manager = { ...session, account: { ...session.account, roles: ['contract-manager' as const] } };

/** The page calls the API through the catalogue contract: the fake answers by route and records what is sent. */
function fakeServer() {
  const sent: { route: string; input: unknown }[] = [];
  const call = vi.fn((route: unknown, input?: unknown) => {
    if (route === catalogueContract.listCategories) return Promise.resolve(categories);
    if (route === catalogueContract.listLocalProducts) return Promise.resolve([unmapped]);
    if (route === catalogueContract.readMappingReport) return Promise.resolve(report);
    const name = Object.entries(catalogueContract).find(([, r]) => r === route)?.[0] ?? 'unknown';
    sent.push({ route: name, input });
    if (route === catalogueContract.createLocalProduct) return Promise.resolve({ ...unmapped, id: '6f1c0d7e-0000-4000-8000-000000000003', localCode: 'JA003' });
    return Promise.reject(new Error(`unexpected route ${name}`));
  });
  return { sent, api: fakeApi({ call: call as unknown as Api['call'] }) };
}

describe('CataloguePage, through the catalogue contract', () => {
  it('shows the mapping report and the local products the contract routes answer', async () => {
    const { api } = fakeServer();
    renderInApp(<CataloguePage />, { api, session: manager, purpose: null });
    const unmappedList = (await screen.findByRole('heading', { name: 'Niet gekoppeld (1)' })).nextElementSibling?.nextElementSibling;
    expect(unmappedList?.textContent).toContain('JA002 — Gezinscoaching (nog te koppelen) (45)');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'JA002' })).toBeTruthy();
    expect(within(table).getByText('niet gekoppeld')).toBeTruthy();
  });

  it('refuses a local code that is too long on its field, in Dutch, before any call', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<CataloguePage />, { api, session: manager, purpose: null });
    const code = await screen.findByLabelText('Lokale code');
    await user.type(code, 'TOOLONG');
    await user.type(screen.getByLabelText('Naam'), 'Te lang');
    await user.type(screen.getByLabelText('Geldig vanaf'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Lokaal product toevoegen' }));
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const described = (code.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(described).toContain('Vul een lokale code van 1 tot 5 letters of cijfers in.');
    expect(document.activeElement).toBe(code);
    expect(sent).toEqual([]);
  });

  it('adds a local product by keyboard with a body the contract accepts', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<CataloguePage />, { api, session: manager, purpose: null });
    await user.type(await screen.findByLabelText('Lokale code'), 'JA003');
    await user.type(screen.getByLabelText('Naam'), ' Ouderbegeleiding groep ');
    await user.type(screen.getByLabelText('Landelijke productcode (optioneel)'), '45a04');
    await user.selectOptions(screen.getByLabelText('Eenheid (WJ756)'), '04');
    await user.type(screen.getByLabelText('Geldig vanaf'), '2026-01-01{Enter}');
    await waitFor(() => expect(sent.map((s) => s.route)).toEqual(['createLocalProduct']));
    const body = { standard: 'ijw', localCode: 'JA003', name: 'Ouderbegeleiding groep', category: '45', nationalCode: '45A04', unit: '04', validFrom: '2026-01-01', validTo: null };
    expect(sent[0]?.input).toEqual({ body });
    expect(catalogueContract.createLocalProduct.body.safeParse(body).success).toBe(true);
    expect(await screen.findByText('Het lokale product JA003 is toegevoegd.')).toBeTruthy();
  });
});
