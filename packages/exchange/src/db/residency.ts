import { isValidBsn } from '@kern/kit';
import type { BrpClient } from '@kern/registry';

/** How long a client lived in the municipality, as far as the source knows (`to` null: still). */
export interface Residence {
  /** null: registered, but since when is not known to the source. */
  from: string | null;
  to: string | null;
}

/** Where invoice verification learns whether a client was a resident: the BRP, or a fixture in tests. */
export interface ResidencySource {
  /** Only BSNs registered in the municipality are in the answer. One call per batch of clients. */
  residence(municipalityCode: string, bsns: readonly string[]): Promise<Map<string, Residence>>;
}

/**
 * Residency from Haal Centraal BRP bevragen (`@kern/registry`'s client). The person answer carries
 * the current registration (gemeenteVanInschrijving) with its date (datumInschrijvingInGemeente)
 * and a date of death: a client registered in the municipality counts as resident from that date
 * (open when the BRP knows only part of it) until death. Earlier registrations in the same
 * municipality are not in this answer (that needs the BRP's verblijfplaatshistorie), so a client
 * who moved away since is not a resident for any period. Kern keeps no BRP data in its tables.
 */
export function brpResidency(brp: BrpClient): ResidencySource {
  return {
    async residence(municipalityCode, bsns) {
      // A BSN failing the 11-test cannot be registered: not asked, so not resident (8187).
      const unique = [...new Set(bsns)].filter((b) => isValidBsn(b));
      if (unique.length === 0) return new Map();
      // 200 BSNs at a time: the client asks 20 per request, so at most 10 requests are in flight.
      const found = new Map<string, Residence>();
      for (let i = 0; i < unique.length; i += 200) {
        for (const r of await brp.getPersonsByBsn(unique.slice(i, i + 200), { municipalityCode })) {
          if (r.municipalityCode === municipalityCode) found.set(r.bsn, { from: r.registeredSince ?? null, to: r.diedOn ?? null });
        }
      }
      return found;
    },
  };
}

/** Residents with their periods, for tests and the `--facts` style demo. */
export function fixedResidency(residents: readonly { municipalityCode: string; bsn: string; from: string | null; to: string | null }[]): ResidencySource {
  return {
    residence(municipalityCode, bsns) {
      const wanted = new Set(bsns);
      return Promise.resolve(new Map(residents.filter((r) => r.municipalityCode === municipalityCode && wanted.has(r.bsn)).map((r) => [r.bsn, { from: r.from, to: r.to }])));
    },
  };
}
