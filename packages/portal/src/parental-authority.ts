import type { ParentalAuthority } from '@kern/registry';

/**
 * Whether the BRP shows `parentBsn` holding authority (gezag) over the minor. The BRP records an
 * indication (GBA 11.32.10) only where a court decided: 1 or 2 names that parent (by the child's
 * parent number), 12 both, D a third party (a guardian), 1D and 2D that parent with a third party.
 * Without an indication authority follows from the law and the parents the child's record lists
 * stand for it (the BRP gezag answer that derives this is not served by Haal Centraal 2.x, see
 * docs/portal.md). Any other indication cannot be read with certainty here, so it proves nothing:
 * staff record the court order instead, checked by a second person.
 */
export function holdsParentalAuthority(parentBsn: string, authority: ParentalAuthority): boolean {
  const parent = authority.parents.find((p) => p.bsn === parentBsn);
  if (!parent) return false;
  switch (authority.indication) {
    case null:
      return true;
    case '12':
      return parent.aanduiding === '1' || parent.aanduiding === '2';
    case '1':
    case '1D':
      return parent.aanduiding === '1';
    case '2':
    case '2D':
      return parent.aanduiding === '2';
    default:
      return false;
  }
}
