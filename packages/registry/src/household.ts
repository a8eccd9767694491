/**
 * A household as the social domain sees it: everyone registered at the subject's address, each
 * marked with their relation to the subject, plus the partner, children and parents who live
 * elsewhere (a child at the other parent's address still belongs in "one household, one plan").
 * `deriveHousehold` is pure; `loadHousehold` does the BRP calls for it.
 */
import { isValidBsn, notFound } from '@kern/kit';
import type { BrpClient } from './brp-client';
import type { Address, Household, HouseholdMember, HouseholdRelation, RelatedPerson, Resident } from './contract';

const norm = (s: string | undefined): string => (s ?? '').replace(/\s+/g, '').toUpperCase();

/** Same BAG object when both know it; otherwise the same postcode, number, letter and addition. */
export function sameAddress(a: Address | undefined, b: Address | undefined): boolean {
  if (!a || !b) return false;
  if (a.addressableObjectId && b.addressableObjectId) return a.addressableObjectId === b.addressableObjectId;
  return (
    norm(a.postcode) === norm(b.postcode) &&
    a.houseNumber === b.houseNumber &&
    norm(a.houseLetter) === norm(b.houseLetter) &&
    norm(a.houseNumberAddition) === norm(b.houseNumberAddition)
  );
}

const has = (list: readonly RelatedPerson[], bsn: string | undefined): boolean =>
  bsn !== undefined && list.some((r) => r.bsn === bsn);
const currentPartners = (r: Resident): RelatedPerson[] => r.partners.filter((p) => p.dissolvedOn === undefined);

/** Either side's record may carry the relation (e.g. a parent's record lists a child the child's own record does not). */
function relationOf(subject: Resident, other: Resident): HouseholdRelation {
  if (has(currentPartners(subject), other.bsn) || has(currentPartners(other), subject.bsn)) return 'partner';
  if (has(subject.children, other.bsn) || has(other.parents, subject.bsn)) return 'child';
  if (has(subject.parents, other.bsn) || has(other.children, subject.bsn)) return 'parent';
  return 'housemate';
}

const ORDER: Record<HouseholdRelation, number> = { self: 0, partner: 1, child: 2, parent: 3, housemate: 4 };

function byRelationThenAge(a: HouseholdMember, b: HouseholdMember): number {
  return ORDER[a.relation] - ORDER[b.relation] || (a.birthDate ?? '').localeCompare(b.birthDate ?? '');
}

function member(relation: HouseholdRelation, livesElsewhere: boolean, r: Resident): HouseholdMember {
  return { relation, livesElsewhere, bsn: r.bsn, name: r.name, birthDate: r.birthDate, resident: r };
}

/**
 * @param others every resident the caller could see that might belong: people at the address and
 *   the subject's relatives. Deceased people are left out; relatives this municipality cannot see
 *   appear from the subject's own record, without `resident`.
 */
export function deriveHousehold(subject: Resident, others: readonly Resident[]): Household {
  const visible = new Map(others.filter((o) => o.bsn !== subject.bsn).map((o) => [o.bsn, o]));

  const atHome = [...visible.values()]
    .filter((o) => !o.deceased && sameAddress(subject.address, o.address))
    .map((o) => member(relationOf(subject, o), false, o))
    .sort(byRelationThenAge);
  const home = new Set(atHome.map((m) => m.bsn));

  const relatives: [HouseholdRelation, RelatedPerson][] = [
    ...currentPartners(subject).map((p): [HouseholdRelation, RelatedPerson] => ['partner', p]),
    ...subject.children.map((c): [HouseholdRelation, RelatedPerson] => ['child', c]),
    ...subject.parents.map((p): [HouseholdRelation, RelatedPerson] => ['parent', p]),
  ];
  const seen = new Set<string>();
  const elsewhere: HouseholdMember[] = [];
  for (const [relation, rel] of relatives) {
    if (rel.bsn !== undefined) {
      if (home.has(rel.bsn) || seen.has(rel.bsn) || rel.bsn === subject.bsn) continue;
      seen.add(rel.bsn);
    }
    const resident = rel.bsn === undefined ? undefined : visible.get(rel.bsn);
    if (resident?.deceased) continue;
    elsewhere.push(
      resident
        ? member(relation, true, resident)
        : { relation, livesElsewhere: true, ...(rel.bsn ? { bsn: rel.bsn } : {}), name: rel.name, birthDate: rel.birthDate },
    );
  }
  elsewhere.sort(byRelationThenAge);

  return {
    subjectBsn: subject.bsn,
    ...(subject.address ? { address: subject.address } : {}),
    members: [member('self', false, subject), ...atHome, ...elsewhere],
  };
}

/** Three BRP calls at most: the subject, who else is registered at the address, and their records. */
export async function loadHousehold(client: BrpClient, bsn: string, municipalityCode: string): Promise<Household> {
  const scope = { municipalityCode };
  const subject = await client.getPersonByBsn(bsn, scope);
  if (!subject) {
    throw notFound({
      nl: 'Deze persoon staat niet ingeschreven in deze gemeente.',
      en: 'This person is not registered in this municipality.',
    });
  }
  const address = subject.address;
  const coResidents = address
    ? await client.searchByPostcodeAndHouseNumber({
        ...scope,
        postcode: address.postcode,
        houseNumber: address.houseNumber,
        ...(address.houseLetter ? { houseLetter: address.houseLetter } : {}),
        ...(address.houseNumberAddition ? { houseNumberAddition: address.houseNumberAddition } : {}),
      })
    : [];
  const relatives = [...subject.partners, ...subject.children, ...subject.parents].flatMap((r) => (r.bsn ? [r.bsn] : []));
  const wanted = [...new Set([...coResidents.map((r) => r.bsn), ...relatives])].filter(
    // A relative's BSN the 11-test rejects cannot be consulted; it still shows from the subject's record.
    (b) => b !== subject.bsn && isValidBsn(b),
  );
  const others = await client.getPersonsByBsn(wanted, scope);
  return deriveHousehold(subject, others);
}
