import { describe, expect, it } from 'vitest';
import { isValidBsn } from './bsn';

describe('isValidBsn (11-test)', () => {
  it('accepts BSNs from the official GBA-V test set', () => {
    for (const bsn of ['999991838', '999990512', '999990342', '999993653']) expect(isValidBsn(bsn)).toBe(true);
  });
  it('rejects a BSN whose check digit is off by one', () => {
    expect(isValidBsn('999991839')).toBe(false);
  });
  it('rejects wrong lengths, letters, padding and all zeros', () => {
    for (const bad of ['', '99999183', '9999918380', '99999183a', ' 999991838', '000000000', "1' or '1'='1"]) expect(isValidBsn(bad)).toBe(false);
  });
});
