import { describe, expect, it } from 'vitest';
import { holdsParentalAuthority } from './parental-authority';

const child = (indication: string | null) => ({ bsn: '999990001', indication, parents: [{ bsn: 'A', aanduiding: '1' }, { bsn: 'B', aanduiding: '2' }] });

describe('parental authority as the BRP records it', () => {
  it('follows the law for both listed parents when no court decided', () => {
    expect([holdsParentalAuthority('A', child(null)), holdsParentalAuthority('B', child(null))]).toEqual([true, true]);
  });
  it('gives it only to the parent a court named, and to nobody for a guardian alone', () => {
    expect(['1', '2', '12', '1D', '2D', 'D'].map((i) => [holdsParentalAuthority('A', child(i)), holdsParentalAuthority('B', child(i))])).toEqual([
      [true, false], [false, true], [true, true], [true, false], [false, true], [false, false],
    ]);
  });
  it('proves nothing with an indication it cannot read, nor for someone who is not a listed parent', () => {
    expect([holdsParentalAuthority('A', child('1C')), holdsParentalAuthority('B', child('3D')), holdsParentalAuthority('C', child(null))]).toEqual([false, false, false]);
  });
});
