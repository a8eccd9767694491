import { DomainError } from '@kern/kit';
import { describe, expect, it } from 'vitest';
import { pseudonymousId } from './citizen-session';
import { objectionTermEnd } from './portal-cases';
import { MAX_UPLOAD_BYTES } from './contract';
import { decodeUpload, sniffMediaType } from './requests';
import { lawsForRequest } from './submit-request';

describe('upload checks', () => {
  it('knows PDF, JPEG and PNG by their first bytes, and nothing else', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('%PD'))).toBeUndefined();
  });

  it('refuses what is not base64, an empty file and a file over the limit, with a code per case', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'none';
      } catch (e) {
        return e instanceof DomainError ? e.code : 'other';
      }
    };
    expect(code(() => decodeUpload('not base64!'))).toBe('invalid-input');
    expect(code(() => decodeUpload(''))).toBe('invalid-input');
    expect(code(() => decodeUpload(Buffer.alloc(MAX_UPLOAD_BYTES + 1).toString('base64')))).toBe('payload-too-large');
    expect(decodeUpload(Buffer.alloc(MAX_UPLOAD_BYTES).toString('base64')).length).toBe(MAX_UPLOAD_BYTES);
  });
});

describe('the front door routes a request to the laws it concerns', () => {
  it('sends each topic to its law, housing and other questions to an integral intake', () => {
    expect(lawsForRequest('care', [])).toEqual(['wmo']);
    expect(lawsForRequest('youth', [])).toEqual(['jeugdwet']);
    expect(lawsForRequest('work-income', [])).toEqual(['participatiewet']);
    expect(lawsForRequest('debts', [])).toEqual(['wgs']);
    expect(lawsForRequest('housing', [])).toEqual(['integraal']);
  });

  it('adds debt help for the Wgs art. 4(2) situations, but not for an unsafe home', () => {
    expect(lawsForRequest('housing', ['eviction'])).toEqual(['integraal', 'wgs']);
    expect(lawsForRequest('care', ['cut-off'])).toEqual(['wmo', 'wgs']);
    expect(lawsForRequest('debts', ['insurance-ended'])).toEqual(['wgs']);
    expect(lawsForRequest('care', ['unsafe-home'])).toEqual(['wmo']);
  });
});

describe('objection term', () => {
  it('is six weeks after the decision (Awb 6:7), moved past a weekend or holiday (Atw)', () => {
    expect(objectionTermEnd('2026-03-02')).toBe('2026-04-13');
    // Six weeks after 24 March 2026 is 5 May, Liberation Day: the next day.
    expect(objectionTermEnd('2026-03-24')).toBe('2026-05-06');
  });
});

describe('pseudonymous ids', () => {
  it('are stable, differ per input and are valid version-4 uuids', () => {
    const a = pseudonymousId('0599:999991838');
    expect(pseudonymousId('0599:999991838')).toBe(a);
    expect(pseudonymousId('0518:999991838')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
