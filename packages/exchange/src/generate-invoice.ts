import type { MemoryFacts } from './memory-backend';
import { messageType, type Standard } from './messages';

export interface GeneratedInvoice {
  standard: Standard;
  clients: number;
  prestatiesPerClient: number;
  /** Declaration month, YYYY-MM. */
  month: string;
  provider: string;
  municipality: string;
}

/** A valid 11-proof BSN from a sequence number (test data only). */
export function testBsn(i: number): string {
  const base = String(100_000_00 + (i % 89_999_999)).padStart(8, '0');
  for (let last = 0; last <= 9; last++) {
    const digits = (base + String(last)).split('').map(Number);
    const sum = digits.slice(0, 8).reduce((s, d, k) => s + d * (9 - k), 0) - (digits[8] ?? 0);
    if (sum % 11 === 0) return base + String(last);
  }
  return testBsn(i + 90_000_000);
}

function lastDay(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

/**
 * Streams a 323 with `clients x prestatiesPerClient` prestaties, each against a matching allocation
 * (see `generatedFacts`): for tests and the bench, never stored unless the caller writes it.
 */
export async function* generateInvoice(g: GeneratedInvoice): AsyncGenerator<string> {
  await Promise.resolve();
  const t = messageType(g.standard, '323');
  const p = t.prefix;
  const b = t.basePrefix;
  const begin = `${g.month}-01`;
  const end = lastDay(g.month);
  const total = g.clients * g.prestatiesPerClient * 4 * 1250;
  yield `<?xml version="1.0" encoding="UTF-8"?>
<${p}:Bericht xmlns:${b}="${t.baseNamespace}" xmlns:${p}="${t.namespace}">
\t<${p}:Header>
\t\t<${p}:BerichtCode>${t.berichtCode}</${p}:BerichtCode>
\t\t<${p}:BerichtVersie>3</${p}:BerichtVersie>
\t\t<${p}:BerichtSubversie>2</${p}:BerichtSubversie>
\t\t<${p}:Afzender>${g.provider}</${p}:Afzender>
\t\t<${p}:Ontvanger>${g.municipality}</${p}:Ontvanger>
\t\t<${p}:BerichtIdentificatie>
\t\t\t<${b}:Identificatie>GEN${g.month.replace('-', '')}</${b}:Identificatie>
\t\t\t<${b}:Dagtekening>${end}</${b}:Dagtekening>
\t\t</${p}:BerichtIdentificatie>
\t\t<${p}:XsdVersie>
\t\t\t<${b}:BasisschemaXsdVersie>1.0.0</${b}:BasisschemaXsdVersie>
\t\t\t<${b}:BerichtXsdVersie>1.0.0</${b}:BerichtXsdVersie>
\t\t</${p}:XsdVersie>
\t</${p}:Header>
\t<${p}:Declaratie>
\t\t<${p}:DeclaratieNummer>D${g.month.replace('-', '')}</${p}:DeclaratieNummer>
\t\t<${p}:DeclaratiePeriode>
\t\t\t<${b}:Begindatum>${begin}</${b}:Begindatum>
\t\t\t<${b}:Einddatum>${end}</${b}:Einddatum>
\t\t</${p}:DeclaratiePeriode>
\t\t<${p}:DeclaratieDagtekening>${end}</${p}:DeclaratieDagtekening>
\t\t<${p}:TotaalIngediendBedrag>
\t\t\t<${b}:TotaalBedrag>${total}</${b}:TotaalBedrag>
\t\t\t<${b}:DebetCredit>D</${b}:DebetCredit>
\t\t</${p}:TotaalIngediendBedrag>
\t\t<${p}:Clienten>
`;
  const cat = g.standard === 'iwmo' ? '02' : '45';
  let chunk = '';
  for (let c = 0; c < g.clients; c++) {
    chunk += `\t\t\t<${p}:Client>\n\t\t\t\t<${p}:Bsn>${testBsn(c)}</${p}:Bsn>\n\t\t\t\t<${p}:Prestaties>\n`;
    for (let k = 0; k < g.prestatiesPerClient; k++) {
      const n = c * g.prestatiesPerClient + k;
      chunk += `\t\t\t\t\t<${p}:Prestatie>
\t\t\t\t\t\t<${p}:ProductReferentie>
\t\t\t\t\t\t\t<${b}:ReferentieNummer>R${g.month.replace('-', '')}N${n}</${b}:ReferentieNummer>
\t\t\t\t\t\t</${p}:ProductReferentie>
\t\t\t\t\t\t<${p}:ToewijzingNummer>${100000 + n}</${p}:ToewijzingNummer>
\t\t\t\t\t\t<${p}:ProductCategorie>${cat}</${p}:ProductCategorie>
\t\t\t\t\t\t<${p}:ProductCode>${cat}A01</${p}:ProductCode>
\t\t\t\t\t\t<${p}:ProductPeriode>
\t\t\t\t\t\t\t<${b}:Begindatum>${begin}</${b}:Begindatum>
\t\t\t\t\t\t\t<${b}:Einddatum>${end}</${b}:Einddatum>
\t\t\t\t\t\t</${p}:ProductPeriode>
\t\t\t\t\t\t<${p}:GeleverdVolume>4</${p}:GeleverdVolume>
\t\t\t\t\t\t<${p}:Eenheid>04</${p}:Eenheid>
\t\t\t\t\t\t<${p}:ProductTarief>1250</${p}:ProductTarief>
\t\t\t\t\t\t<${p}:IngediendBedrag>
\t\t\t\t\t\t\t<${b}:Bedrag>5000</${b}:Bedrag>
\t\t\t\t\t\t\t<${b}:DebetCredit>D</${b}:DebetCredit>
\t\t\t\t\t\t</${p}:IngediendBedrag>
\t\t\t\t\t</${p}:Prestatie>
`;
    }
    chunk += `\t\t\t\t</${p}:Prestaties>\n\t\t\t</${p}:Client>\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\t\t</${p}:Clienten>\n\t</${p}:Declaratie>\n</${p}:Bericht>\n`;
}

/** The allocations, tariff and residents that make every generated prestatie acceptable. */
export function generatedFacts(g: GeneratedInvoice): MemoryFacts {
  const cat = g.standard === 'iwmo' ? '02' : '45';
  const allocations: MemoryFacts['allocations'] = [];
  const residents: MemoryFacts['residents'] = [];
  for (let c = 0; c < g.clients; c++) {
    const bsn = testBsn(c);
    residents.push({ bsn, from: '2000-01-01', to: null });
    for (let k = 0; k < g.prestatiesPerClient; k++) {
      const n = c * g.prestatiesPerClient + k;
      allocations.push({ toewijzingNummer: String(100000 + n), bsn, providerAgb: g.provider, productCategorie: cat, productCode: `${cat}A01`, ingangsdatum: '2020-01-01', einddatum: null, eenheid: '04', volume: 5, frequentie: '4', budget: null, removed: false });
    }
  }
  return { allocations, residents, tariffs: [{ productCategorie: cat, productCode: `${cat}A01`, from: '2020-01-01', to: null, cents: 1250 }] };
}
