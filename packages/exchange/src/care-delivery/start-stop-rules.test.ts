import { describe, expect, it } from 'vitest';
import { readInboundMessage } from '../inbound/read-message';
import { sample305, sample307, type SampleClient, type SampleHeader, type SampleStartStop } from '../inbound/sample-messages';
import { judgeStart, judgeStop, parseStartStop, startStopMessageFindings, type AllocationFact, type DeliveryFact } from './start-stop-rules';

const h: SampleHeader = { standard: 'iwmo', provider: '12345678', municipality: '0599', identificatie: 'S1', dagtekening: '2026-11-02' };
const client = { bsn: '999991838' };
const line: SampleStartStop = { toewijzingNummer: '1001', toewijzingIngangsdatum: '2026-10-01', begindatum: '2026-10-05' };
const allocation: AllocationFact = { id: 'a1', toewijzingNummer: '1001', subjectBsn: '999991838', providerAgb: '12345678', standard: 'iwmo', status: 'active' };

const start = (l: Partial<SampleStartStop> = {}, c: SampleClient = client, header = h) => parseStartStop(readInboundMessage(sample305(header, c, [{ ...line, ...l }])));
const stop = (l: Partial<SampleStartStop> = {}) => parseStartStop(readInboundMessage(sample307(h, client, [{ ...line, einddatum: '2026-10-31', ...l }])));
const codesOfStart = (l: Partial<SampleStartStop>, a: AllocationFact | undefined, d: DeliveryFact[]) => {
  const m = start(l);
  return judgeStart(m, m.lines[0] as (typeof m.lines)[number], a, d).map((f) => f.code);
};
const codesOfStop = (l: Partial<SampleStartStop>, a: AllocationFact | undefined, d: DeliveryFact[]) => {
  const m = stop(l);
  return judgeStop(m, m.lines[0] as (typeof m.lines)[number], a, d).map((f) => f.code);
};
const started: DeliveryFact = { id: 'd1', begindatum: '2026-10-05', einddatum: null, redenBeeindiging: null };

describe('start (305) and stop (307) of care delivery: technical rules', () => {
  it('a start on a known allocation of this client and provider passes', () => {
    expect(codesOfStart({}, allocation, [])).toEqual([]);
    expect(codesOfStop({}, allocation, [started])).toEqual([]);
  });

  it('TR019: a start or stop that cannot be related to an allocation yields 9019', () => {
    expect(codesOfStart({}, undefined, [])).toEqual(['9019']);
    expect(codesOfStart({}, { ...allocation, subjectBsn: '999990512' }, [])).toEqual(['9019']);
    expect(codesOfStart({}, { ...allocation, providerAgb: '87654321' }, [])).toEqual(['9019']);
    expect(codesOfStart({}, { ...allocation, standard: 'ijw' }, [])).toEqual(['9019']);
    expect(codesOfStart({}, { ...allocation, status: 'withdrawn' }, [])).toEqual(['9019']);
    expect(codesOfStop({}, undefined, [started])).toEqual(['9019']);
  });

  it('TR074: a first delivery (StatusAanlevering 1) with a key received before yields 9074', () => {
    expect(codesOfStart({}, allocation, [started])).toEqual(['9074']);
  });

  it('TR326: a start while an earlier start for the allocation is not stopped yields 9326', () => {
    expect(codesOfStart({ begindatum: '2026-10-20' }, allocation, [started])).toEqual(['9326']);
    // After a (temporary) stop a new start is fine.
    expect(codesOfStart({ begindatum: '2026-10-20' }, allocation, [{ ...started, einddatum: '2026-10-10', redenBeeindiging: '20' }])).toEqual([]);
  });

  it('TR063: removing (StatusAanlevering 3) a start or stop that was never received yields 9063', () => {
    expect(codesOfStart({ statusAanlevering: '3' }, allocation, [])).toEqual(['9063']);
    expect(codesOfStop({ statusAanlevering: '3' }, allocation, [started])).toEqual(['9063']);
    expect(codesOfStart({ statusAanlevering: '3' }, allocation, [started])).toEqual([]);
  });

  it('TR071: removing a start that was already stopped yields 9071', () => {
    expect(codesOfStart({ statusAanlevering: '3' }, allocation, [{ ...started, einddatum: '2026-10-31', redenBeeindiging: '31' }])).toEqual(['9071']);
  });

  it('TR069: a stop without a current start with the same key yields 9069', () => {
    expect(codesOfStop({}, allocation, [])).toEqual(['9069']);
    expect(codesOfStop({ begindatum: '2026-10-06' }, allocation, [started])).toEqual(['9069']);
  });

  it('TR415: a further stop after a definitive stop (RedenBeeindiging other than 20) yields 9415', () => {
    expect(codesOfStop({ einddatum: '2026-11-01' }, allocation, [{ ...started, einddatum: '2026-10-31', redenBeeindiging: '31' }])).toEqual(['9415']);
  });

  it('TR413: a temporary stop (20) after a temporary stop yields 9413', () => {
    expect(codesOfStop({ redenBeeindiging: '20', einddatum: '2026-11-01' }, allocation, [{ ...started, einddatum: '2026-10-20', redenBeeindiging: '20' }])).toEqual(['9413']);
  });

  it('TR414: a stop ending before the temporary stop it follows yields 9414', () => {
    const temporary = { ...started, einddatum: '2026-10-20', redenBeeindiging: '20' };
    expect(codesOfStop({ redenBeeindiging: '31', einddatum: '2026-10-19' }, allocation, [temporary])).toEqual(['9414']);
    expect(codesOfStop({ redenBeeindiging: '31', einddatum: '2026-10-25' }, allocation, [temporary])).toEqual([]);
  });

  it('TR135: a Dagtekening after the system date yields 8848 on the header', () => {
    expect(startStopMessageFindings(start(), '2026-11-02', '2026-11-01').header).toEqual([{ rule: 'TR135', code: '8848' }]);
    expect(startStopMessageFindings(start(), '2026-11-02', '2026-11-02').header).toEqual([]);
  });

  it('TR134: a Begindatum after the Dagtekening refuses the message with 0001', () => {
    expect(startStopMessageFindings(start({ begindatum: '2026-11-03' }), '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR134', code: '0001' }]);
  });

  it('TR018: a stop whose Einddatum lies before its Begindatum refuses the message with 0001', () => {
    expect(startStopMessageFindings(stop({ einddatum: '2026-10-04' }), '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR018', code: '0001' }]);
  });

  it('TR002: a Geboortedatum more than 120 years before the Dagtekening refuses the message with 0001', () => {
    expect(startStopMessageFindings(start({}, { bsn: '999991838', geboortedatum: '1906-11-01' }), '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR002', code: '0001' }]);
    expect(startStopMessageFindings(start({}, { bsn: '999991838', geboortedatum: '1906-11-02' }), '2026-11-02', '2026-11-02').content).toEqual([]);
  });

  it('TR101: the same StartProduct twice in one message refuses it with 0001', () => {
    const m = parseStartStop(readInboundMessage(sample305(h, client, [line, line])));
    expect(startStopMessageFindings(m, '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR101', code: '0001' }]);
  });

  it('OP033x2: StatusAanlevering 2 (not used in 3.2) refuses the message with 0001', () => {
    expect(startStopMessageFindings(start({ statusAanlevering: '2' }), '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'OP033x2', code: '0001' }]);
  });
});
