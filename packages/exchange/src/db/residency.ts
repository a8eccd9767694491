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
 * Residency from Haal Centraal BRP bevragen (`@kern/registry`'s client): it answers with the
 * current registration only (gemeenteVanInschrijving), not an address history, so a client who
 * is registered in the municipality now counts as resident throughout any period, and one who
 * moved away since does not. Kern does not keep BRP residents or addresses in its own tables.
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
          if (r.municipalityCode === municipalityCode) found.set(r.bsn, { from: null, to: null });
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
