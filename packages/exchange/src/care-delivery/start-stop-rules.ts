import type { Standard } from '../messages';
import { child, childText, children, req, type XNode } from '../xml-lite';
import { tr002, tr101, tr135, type Finding } from '../inbound/header-rules';
import type { InboundMessage } from '../inbound/read-message';

/** One StartProduct (305) or StopProduct (307), as the rules need it. */
export interface StartStopLine {
  node: XNode;
  toewijzingNummer: string;
  categorie: string | null;
  code: string | null;
  toewijzingIngangsdatum: string;
  begindatum: string;
  /** COD467: 1 eerste aanlevering, 3 aanlevering verwijderen (2 is not allowed, OP033x2). */
  statusAanlevering: string;
  redenBeeindiging: string | null;
  einddatum: string | null;
}

export interface StartStopMessage {
  kind: '305' | '307';
  standard: Standard;
  provider: string;
  bsn: string;
  client: XNode;
  lines: StartStopLine[];
}

export function parseStartStop(msg: InboundMessage): StartStopMessage {
  const kind = msg.type.number === '305' ? '305' : '307';
  const client = child(msg.root, 'Client');
  if (!client) throw new Error('a validated 305/307 has a Client');
  const container = child(client, kind === '305' ? 'StartProducten' : 'StopProducten');
  const nodes = container ? children(container, kind === '305' ? 'StartProduct' : 'StopProduct') : [];
  return {
    kind,
    standard: msg.type.standard,
    provider: msg.header.afzender,
    bsn: req(client, 'Bsn'),
    client,
    lines: nodes.map((n) => {
      const product = child(n, 'Product');
      return {
        node: n,
        toewijzingNummer: req(n, 'ToewijzingNummer'),
        categorie: product ? (childText(product, 'Categorie') ?? null) : null,
        code: product ? (childText(product, 'Code') ?? null) : null,
        toewijzingIngangsdatum: req(n, 'ToewijzingIngangsdatum'),
        begindatum: req(n, 'Begindatum'),
        statusAanlevering: req(n, 'StatusAanlevering'),
        redenBeeindiging: childText(n, 'RedenBeeindiging') ?? null,
        einddatum: childText(n, 'Einddatum') ?? null,
      };
    }),
  };
}

/**
 * Findings about the message as a whole. TR135 (8848) is a header code; the others are content
 * rules of the XSLT level (TR002, TR018, TR101, TR134) and OP033x2, which refuse the whole message
 * with 0001.
 */
export function startStopMessageFindings(m: StartStopMessage, dagtekening: string, today: string): { header: Finding[]; content: Finding[] } {
  const content: Finding[] = [...tr002(m.client, dagtekening), ...tr101(m.lines.map((l) => l.node))];
  for (const l of m.lines) {
    // TR134: Begindatum (and a stop's Einddatum) is an existing date not after the Dagtekening: care is reported once it started or stopped.
    if (l.begindatum > dagtekening || (l.einddatum !== null && l.einddatum > dagtekening)) content.push({ rule: 'TR134', code: '0001' });
    // TR018: a stop's Einddatum is on or after its Begindatum.
    if (l.einddatum !== null && l.einddatum < l.begindatum) content.push({ rule: 'TR018', code: '0001' });
    // OP033x2: StatusAanlevering 2 (gewijzigde aanlevering) is not used in release 3.2: remove (3) and send anew (1).
    if (l.statusAanlevering === '2') content.push({ rule: 'OP033x2', code: '0001' });
  }
  return { header: tr135(dagtekening, today), content: dedupe(content) };
}

function dedupe(f: Finding[]): Finding[] {
  const seen = new Set<string>();
  return f.filter((x) => (seen.has(x.rule) ? false : (seen.add(x.rule), true)));
}

/** The allocation a line names, as far as the rules need it. */
export interface AllocationFact {
  id: string;
  toewijzingNummer: string;
  subjectBsn: string;
  providerAgb: string;
  standard: Standard;
  status: 'active' | 'ended' | 'withdrawn';
}

/** A recorded start (not removed) for the line's ToewijzingNummer, with its current stop. */
export interface DeliveryFact {
  id: string;
  begindatum: string;
  einddatum: string | null;
  redenBeeindiging: string | null;
}

/**
 * TR019 (9019): the start or stop relates to an allocation by ToewijzingNummer: one of this
 * municipality, for this client, at this provider, of this standard, and not removed (RedenWijziging
 * 13: "to be regarded as never sent").
 */
export function tr019(m: StartStopMessage, allocation: AllocationFact | undefined): Finding[] {
  const ok = allocation && allocation.subjectBsn === m.bsn && allocation.providerAgb === m.provider && allocation.standard === m.standard && allocation.status !== 'withdrawn';
  return ok ? [] : [{ rule: 'TR019', code: '9019' }];
}

/** The rules on one StartProduct, given the allocation it names and the starts recorded for it. */
export function judgeStart(m: StartStopMessage, l: StartStopLine, allocation: AllocationFact | undefined, deliveries: readonly DeliveryFact[]): Finding[] {
  const linked = tr019(m, allocation);
  if (linked.length > 0) return linked;
  const sameKey = deliveries.find((d) => d.begindatum === l.begindatum);
  if (l.statusAanlevering === '3') {
    // TR063: removing needs an earlier delivery with the same key; TR071: not once it was stopped.
    if (!sameKey) return [{ rule: 'TR063', code: '9063' }];
    if (sameKey.einddatum !== null) return [{ rule: 'TR071', code: '9071' }];
    return [];
  }
  // TR074: the key (Bsn, ToewijzingNummer, Begindatum) of a first delivery is new.
  if (sameKey) return [{ rule: 'TR074', code: '9074' }];
  // TR326: no start while an earlier start for the allocation is not stopped.
  if (deliveries.some((d) => d.einddatum === null)) return [{ rule: 'TR326', code: '9326' }];
  return [];
}

/** The rules on one StopProduct. */
export function judgeStop(m: StartStopMessage, l: StartStopLine, allocation: AllocationFact | undefined, deliveries: readonly DeliveryFact[]): Finding[] {
  const linked = tr019(m, allocation);
  if (linked.length > 0) return linked;
  const start = deliveries.find((d) => d.begindatum === l.begindatum);
  if (l.statusAanlevering === '3') {
    // TR063: removing a stop needs that stop.
    return start?.einddatum ? [] : [{ rule: 'TR063', code: '9063' }];
  }
  // TR069 (with TR382): a stop carries the key of a current start.
  if (!start) return [{ rule: 'TR069', code: '9069' }];
  if (start.einddatum !== null) {
    // TR415: after a definitive stop (RedenBeeindiging other than 20) no further stop.
    if (start.redenBeeindiging !== '20') return [{ rule: 'TR415', code: '9415' }];
    // TR413: after a temporary stop (20) the next stop is not temporary again.
    if (l.redenBeeindiging === '20') return [{ rule: 'TR413', code: '9413' }];
    // TR414: and it does not end before the temporary stop did.
    if (l.einddatum !== null && l.einddatum < start.einddatum) return [{ rule: 'TR414', code: '9414' }];
  }
  return [];
}
