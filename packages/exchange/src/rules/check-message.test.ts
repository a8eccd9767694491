import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build301, type Toewijzing301 } from '../allocation-messages/build-301';
import { build319 } from '../build-319';
import { sample305 } from '../inbound/sample-messages';
import { checkMessage } from './check-message';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const today = '2026-12-31';

const allocation: Toewijzing301 = {
  standard: 'iwmo', afzender: '0599', ontvanger: '12345678', identificatie: 'A1', dagtekening: '2026-04-01',
  client: { bsn: '999991838', geboortedatum: '1980-05-01', datumGebruik: null, geslacht: '2', achternaam: 'Jansen', voorvoegsel: null, voornamen: 'Anna', voorletters: 'A', adres: { huisnummer: 1, huisletter: null, toevoeging: null, postcode: '3011AA', straatnaam: 'Coolsingel', plaatsnaam: 'Rotterdam' } },
  products: [{ toewijzingNummer: '100001', referentieAanbieder: null, categorie: '02', code: '02A01', toewijzingsdatum: '2026-04-01', toewijzingstijd: '10:00:00', ingangsdatum: '2026-04-01', einddatum: '2026-12-31', redenWijziging: null, omvang: { volume: 3, eenheid: '04', frequentie: '2' }, budget: null }],
};
const answer = { standard: 'ijw' as const, afzender: '0599', ontvanger: '12345678', identificatie: 'V1', dagtekening: '2026-04-01', referentieAanbieder: 'REF-1', verzoekAntwoord: '1', redenAfwijzingVerzoek: '8', woonplaatsbeginselGemeente: '0518' };

describe('one rule check for every direction (checkMessage)', () => {
  it.each(['iwmo-3.2', 'ijw-3.2'].flatMap((d) => readdirSync(`${examples}/${d}/berichten`).filter((f) => !/32[35]/.test(f)).map((f) => `${d}/berichten/${f}`)))('the reference example %s keeps every rule', (file) => {
    expect(checkMessage(readFileSync(`${examples}/${file}`, 'utf8'), { today }).findings).toEqual([]);
  });

  it('a clean 301 and a clean JW319 built by Kern keep every rule', () => {
    expect(checkMessage(build301(allocation), { today }).findings).toEqual([]);
    expect(checkMessage(build319(answer), { today }).findings).toEqual([]);
  });

  it('TR006: a Contact without Telefoon and without Huis with Postcode is refused with 0001', () => {
    const xml = build301({ ...allocation, client: { ...allocation.client, adres: { ...(allocation.client.adres as NonNullable<Toewijzing301['client']['adres']>), postcode: null } } });
    expect(checkMessage(xml, { today }).findings).toContainEqual({ rule: 'TR006', code: '0001' });
  });

  it('TR061: a 301 whose client has no BRP, correspondence or residence address is refused with 0001', () => {
    const xml = build301({ ...allocation, client: { ...allocation.client, adres: null } });
    expect(checkMessage(xml, { today }).findings).toContainEqual({ rule: 'TR061', code: '0001' });
  });

  it('TR302: the same product twice with overlapping periods in one 301 is refused with 0001; without overlap it passes', () => {
    const p = allocation.products[0] as Toewijzing301['products'][number];
    const overlapping = build301({ ...allocation, products: [p, { ...p, toewijzingNummer: '100002', ingangsdatum: '2026-06-01' }] });
    expect(checkMessage(overlapping, { today }).findings).toEqual([{ rule: 'TR302', code: '0001' }]);
    const apart = build301({ ...allocation, products: [{ ...p, einddatum: '2026-05-31' }, { ...p, toewijzingNummer: '100002', ingangsdatum: '2026-06-01' }] });
    expect(checkMessage(apart, { today }).findings).toEqual([]);
  });

  it('TR377: a JW319 refused for the woonplaatsbeginsel (reason 8) without Woonplaatsbeginsel is refused with 0001', () => {
    expect(checkMessage(build319({ ...answer, woonplaatsbeginselGemeente: null }), { today }).findings).toEqual([{ rule: 'TR377', code: '0001' }]);
  });

  it('TR409: Kern writes no Woonplaatsbeginsel unless the reason is 8; a JW319 that carries one with another reason is refused with 0001', () => {
    const built = build319({ ...answer, redenAfwijzingVerzoek: '1' });
    expect(built).not.toContain('Woonplaatsbeginsel');
    const withWpb = build319(answer).replace('<jw319:RedenAfwijzingVerzoek>8<', '<jw319:RedenAfwijzingVerzoek>1<');
    expect(checkMessage(withWpb, { today }).findings).toEqual([{ rule: 'TR409', code: '0001' }]);
  });

  it('a received 305 is checked with the same rules receive runs (TR018), and names what needs the database', () => {
    const xml = sample305({ standard: 'iwmo', provider: '12345678', municipality: '0599', identificatie: 'S1', dagtekening: '2026-03-31' }, { bsn: '999991838' }, [{ toewijzingNummer: '100001', categorie: '02', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]);
    const ok = checkMessage(xml, { today });
    expect(ok.findings).toEqual([]);
    expect(ok.notChecked).toContain('TR056');
    expect(checkMessage(xml, { today: '2026-03-01' }).findings).toEqual([{ rule: 'TR135', code: '8848' }]);
  });

  it('hostile or broken input is a finding, never an exception', () => {
    expect(checkMessage('<!DOCTYPE x [<!ENTITY a "b">]><x/>', { today }).findings).toEqual([{ rule: 'DOCTYPE', code: '0001' }]);
    expect(checkMessage('not xml', { today }).findings[0]?.code).toBe('0001');
  });
});
