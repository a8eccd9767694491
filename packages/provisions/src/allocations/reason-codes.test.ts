import { describe, expect, it } from 'vitest';
import { changeReasons, checkChangeReason, endingReasons, resolveEndingReasons } from './reason-codes';

describe('RedenWijziging (WMO002 / JZ002) for a change', () => {
  it.each([['04'], ['05'], ['12'], ['14']])('accepts %s', (code) => expect(checkChangeReason(code).ok).toBe(true));
  it('refuses 01, withdrawn since release 3.1', () => expect(checkChangeReason('01')).toMatchObject({ ok: false, message: { en: expect.stringMatching(/withdrawn/) } }));
  it('refuses 13, which withdraws rather than changes', () => expect(checkChangeReason('13').ok).toBe(false));
  it('refuses an unknown code', () => expect(checkChangeReason('99').ok).toBe(false));
});

describe('RedenBeeindiging (WMO588 / JZ588) for an ending', () => {
  it('derives the ending reason from the change reason where the code lists name one', () => {
    expect(resolveEndingReasons('ijw', { changeReason: '09' })).toEqual({ ok: true, changeReason: '09', endingReason: '38' });
    expect(resolveEndingReasons('iwmo', { changeReason: '02' })).toEqual({ ok: true, changeReason: '02', endingReason: '02' });
  });

  it('follows the standard where iWmo and iJw differ: moving away is 31 in the Wmo and 35 in the Jeugdwet', () => {
    expect(resolveEndingReasons('iwmo', { changeReason: '07' })).toMatchObject({ endingReason: '31' });
    expect(resolveEndingReasons('ijw', { changeReason: '07' })).toMatchObject({ endingReason: '35' });
  });

  it('derives the change reason from an ending reason linked to exactly one', () => {
    expect(resolveEndingReasons('ijw', { endingReason: '39' })).toEqual({ ok: true, changeReason: '06', endingReason: '39' });
  });

  it('accepts an ending reason the code list links to no change reason (as planned)', () => {
    expect(resolveEndingReasons('iwmo', { endingReason: '19' })).toEqual({ ok: true, changeReason: null, endingReason: '19' });
  });

  it('refuses a pair the code lists do not link', () => {
    expect(resolveEndingReasons('ijw', { changeReason: '09', endingReason: '36' })).toMatchObject({ ok: false, field: 'changeReason' });
  });

  it('refuses an ending reason of the other standard: 19 exists in WMO588 only, 32 in JZ588 only', () => {
    expect(resolveEndingReasons('ijw', { endingReason: '19' })).toMatchObject({ ok: false, field: 'endingReason' });
    expect(resolveEndingReasons('iwmo', { endingReason: '32' })).toMatchObject({ ok: false, field: 'endingReason' });
  });

  it('asks for the ending reason when the change reason does not end anything by itself', () => {
    expect(resolveEndingReasons('iwmo', { changeReason: '04' })).toMatchObject({ ok: false, field: 'endingReason' });
    expect(resolveEndingReasons('iwmo', {})).toMatchObject({ ok: false, field: 'endingReason' });
  });

  it('maps every change reason to an ending reason that exists in its standard', () => {
    for (const [code, r] of Object.entries(changeReasons)) {
      for (const s of ['iwmo', 'ijw'] as const) {
        const e = r.ending[s];
        if (e !== null) expect(endingReasons[s][e], `${code} -> ${e} in ${s}`).toBeDefined();
      }
    }
  });
});
