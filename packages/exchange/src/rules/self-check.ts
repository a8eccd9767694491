import { Readable } from 'node:stream';
import { returnCodes } from '../contract/return-codes';
import { MemoryBackend } from '../memory-backend';
import { messageTypeByNamespace, type MessageType } from '../messages';
import { processInvoiceStream } from '../process-invoice';
import { validateAgainstXsd } from '../xsd';
import { checkMessage, statefulRules } from './check-message';

/** Largest file the provider self-check reads (a 323 of many thousand lines still fits). */
export const selfCheckMaxBytes = 5 * 1024 * 1024;

/** One finding of the self-check: the rule (TR/IV code, or XML/XSD/SIZE/DOCTYPE/NAMESPACE), its WJ001 code, what it means, and the line where known. */
export interface SelfCheckFinding {
  rule: string;
  code: string;
  message: string;
  line: number | null;
}

export interface SelfCheckResult {
  /** The message type read from the root namespace (e.g. WMO305), or null when not an iWmo/iJw 3.2 message. */
  messageType: string | null;
  valid: boolean;
  findings: SelfCheckFinding[];
  /** The rules of this kind of message that need the municipality's data: never checked here. */
  notChecked: string[];
}

const meaning = new Map(returnCodes.map((c) => [c.code, c.nl]));
const describe = (code: string, detail?: string): string => [meaning.get(code), detail].filter(Boolean).join(' — ');

/** The root element's namespace from the first bytes, as the CLI and receive read it. */
function typeOf(text: string): MessageType | undefined {
  const body = text.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  const root = /^<(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*((?:\s[^>]*)?)\/?>/.exec(body);
  if (!root) return undefined;
  const ns = new RegExp(`xmlns${root[1] ? ':' + root[1] : ''}\\s*=\\s*["']([^"']*)["']`).exec(root[2] ?? '')?.[1];
  return ns ? messageTypeByNamespace(ns) : undefined;
}

/** The line of a "... at line N: ..." refusal message. */
const lineIn = (message: string): number | null => {
  const m = /at line (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
};

/**
 * The provider self-check: one iWmo/iJw 3.2 message checked with the very rule engine that
 * `validate`, `receive` and `process` run, on the message alone. It reads no database, stores
 * nothing and books nothing, so it cannot tell whether a resident, an allocation or a contract
 * exists; the rules that need them are listed in `notChecked`. Every input, however hostile,
 * gets findings, never an exception.
 */
export async function selfCheckMessage(input: string | Buffer, o: { today: string }): Promise<SelfCheckResult> {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (bytes > selfCheckMaxBytes) {
    return { messageType: null, valid: false, notChecked: [], findings: [{ rule: 'SIZE', code: '0001', line: null, message: `Het bestand is groter dan ${selfCheckMaxBytes / 1024 / 1024} MB; de controle leest het niet.` }] };
  }
  const text = typeof input === 'string' ? input : input.toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return { messageType: null, valid: false, notChecked: [], findings: [{ rule: 'DOCTYPE', code: '0001', line: lineOf(text, /<!DOCTYPE|<!ENTITY/i), message: 'Een DOCTYPE- of ENTITY-declaratie hoort niet in een iStandaarden-bericht.' }] };
  }
  const type = typeOf(text);
  if (!type) {
    const other = /istandaarden\.nl\/(iwmo|ijw)\/(\d+_\d+)\//.exec(text.slice(0, 8192));
    const message = other ? `${other[1] ?? ''} release ${(other[2] ?? '').replace('_', '.')} wordt niet aangenomen: alleen release 3.2.` : 'Geen iWmo- of iJw 3.2-bericht: geen hoofdelement met een bekende namespace.';
    return { messageType: null, valid: false, notChecked: [], findings: [{ rule: other ? 'NAMESPACE' : 'XML', code: '0001', line: other ? 1 : null, message }] };
  }
  const notChecked = [...(statefulRules[type.number] ?? [])];
  const xsd = validateAgainstXsd(type, text);
  if (xsd.length > 0) {
    const findings = xsd.map((f) => ({ rule: f.kind === 'invalid' ? 'XSD' : 'XML', code: '0001', line: f.line, message: f.message.trim().slice(0, 500) }));
    return { messageType: type.name, valid: false, notChecked, findings };
  }
  if (type.number === '323') {
    // Only the message and header rules: no prestatie is judged against data, nothing is booked.
    const outcome = await processInvoiceStream(Readable.from([text]), new MemoryBackend({ allocations: [], tariffs: [], residents: [] }), {
      today: o.today, verify: false, xsdThreads: 0,
      answerIdentity: { identificatie: 'CONTROLE', dagtekening: o.today },
      answer: () => undefined,
    });
    const r = outcome.refusal;
    const findings = r ? [{ rule: r.rule, code: r.code, line: lineIn(r.message), message: describe(r.code, r.message.slice(0, 300)) }] : [];
    return { messageType: type.name, valid: findings.length === 0, notChecked, findings };
  }
  const check = checkMessage(text, o);
  const findings = check.findings.map((f) => ({ rule: f.rule, code: f.code, line: null, message: describe(f.code) || f.rule }));
  return { messageType: type.name, valid: findings.length === 0, notChecked: [...check.notChecked], findings };
}

function lineOf(text: string, re: RegExp): number | null {
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : null;
}
