import { authorize, recordAccess, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput } from '@kern/kit';
import type { z } from 'zod';
import type { BrpClient } from './brp-client';
import type { searchResidentsOutputSchema, ResidentSummary, SearchResidentsInput } from './contract';

type Query =
  | { kind: 'bsn'; bsn: string }
  | { kind: 'name'; surname: string; birthDate: string }
  | { kind: 'address'; postcode: string; houseNumber: number };

export function toQuery(input: SearchResidentsInput): Query {
  if (input.bsn && !input.surname && !input.postcode) return { kind: 'bsn', bsn: input.bsn };
  if (input.surname && input.birthDate && !input.bsn && !input.postcode) return { kind: 'name', surname: input.surname, birthDate: input.birthDate };
  if (input.postcode && input.houseNumber !== undefined && !input.bsn && !input.surname) {
    return { kind: 'address', postcode: input.postcode.replace(/\s/g, '').toUpperCase(), houseNumber: input.houseNumber };
  }
  throw invalidInput(
    {
      nl: 'Zoek op BSN, op achternaam met geboortedatum, of op postcode met huisnummer (één van de drie).',
      en: 'Search by BSN, by surname with birth date, or by postcode with house number (one of the three).',
    },
    [{ name: 'query', reason: 'one of: bsn | surname+birthDate | postcode+houseNumber' }],
  );
}

export async function searchResidents(
  services: AccessServices & { brp: BrpClient },
  tx: Tx,
  ctx: AccessContext,
  input: SearchResidentsInput,
): Promise<z.infer<typeof searchResidentsOutputSchema>> {
  requirePurpose(ctx);
  const query = toQuery(input);
  const scope = { municipalityCode: ctx.actor.municipalityCode };
  const grant = await authorize(services, tx, ctx, {
    resource: 'resident-search',
    action: 'search',
    subjectBsn: query.kind === 'bsn' ? query.bsn : undefined,
    detail: query.kind === 'bsn' ? 'search by BSN' : query.kind === 'name' ? 'search by surname + birth date' : `search by address ${query.postcode} ${query.houseNumber}`,
  });
  let residents: ResidentSummary[];
  switch (query.kind) {
    case 'bsn': {
      const found = await services.brp.getPersonByBsn(query.bsn, scope);
      residents = found ? [{ bsn: found.bsn, name: found.name, birthDate: found.birthDate, ...(found.address ? { address: found.address } : {}) }] : [];
      break;
    }
    case 'name':
      residents = await services.brp.searchBySurnameAndBirthDate({ ...scope, surname: query.surname, birthDate: query.birthDate });
      break;
    case 'address':
      residents = await services.brp.searchByPostcodeAndHouseNumber({ ...scope, postcode: query.postcode, houseNumber: query.houseNumber });
      break;
  }
  // Each resident shown in a result list has been looked at: one audit record per hit.
  const hits = residents.filter((r) => query.kind !== 'bsn' || r.bsn !== query.bsn);
  await recordAccess(services, tx, ctx, grant, hits.map((r) => ({ resource: 'resident-search', action: 'search', subjectBsn: r.bsn, detail: 'search hit' })));
  return { residents };
}
