import { StringDecoder } from 'node:string_decoder';
import { messageTypeByNamespace, type MessageType } from './messages';
import { MessageRefusal } from './refusal';

export interface SplitLimits {
  /** Largest header part (everything before the first Client). */
  maxPreludeChars: number;
  /** Largest single Client element. */
  maxClientChars: number;
  /** Clients per batch (one small document to validate, one transaction to book). */
  batchClients: number;
}
export const defaultLimits: SplitLimits = { maxPreludeChars: 1 << 20, maxClientChars: 8 << 20, batchClients: 2000 };

export interface InvoiceBatch {
  type: MessageType;
  /** Everything before the first Client, verbatim. */
  prelude: string;
  /** The closing tags that make prelude + clients + closing a whole document. */
  closing: string;
  /** Each Client element, verbatim. */
  clients: string[];
  /** Index of the first client of this batch in the message (0-based). */
  firstClient: number;
}

/**
 * Cuts a 323 stream into its header and batches of Client elements without ever holding more
 * than one batch: memory stays flat whatever the file size. Each batch plus the header is a small
 * well-formed document of its own that libxml2 validates against the XSD; anything between the
 * clients other than whitespace, a DOCTYPE, or an oversized part refuses the message.
 */
export async function* splitInvoice(source: AsyncIterable<Buffer | string>, limits: SplitLimits = defaultLimits): AsyncGenerator<InvoiceBatch> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let pos = 0;
  let prelude: string | undefined;
  let type: MessageType | undefined;
  let open = '';
  let close = '';
  let endClienten = '';
  let closing = '';
  let clients: string[] = [];
  let index = 0;
  let done = false;
  const iterator = source[Symbol.asyncIterator]();

  const more = async (): Promise<boolean> => {
    if (done) return false;
    const r = await iterator.next();
    if (r.done) {
      buf = buf.slice(pos) + decoder.end();
      pos = 0;
      done = true;
      return false;
    }
    buf = buf.slice(pos) + (typeof r.value === 'string' ? r.value : decoder.write(r.value));
    pos = 0;
    return true;
  };

  // Header: up to the first Client start tag.
  for (;;) {
    if (type === undefined) {
      const rootMatch = /<([A-Za-z_][\w.-]*:)?Bericht\b([^>]*)>/.exec(buf);
      if (/<!DOCTYPE|<!ENTITY/i.test(buf)) throw new MessageRefusal('0001', 'XML', 'DOCTYPE/ENTITY declarations are not allowed (external entities, entity expansion)');
      if (rootMatch) {
        const prefix = rootMatch[1] ?? '';
        const declared = new RegExp(`xmlns${prefix ? ':' + prefix.slice(0, -1) : ''}\\s*=\\s*["']([^"']*)["']`).exec(rootMatch[2] ?? '');
        const found = declared?.[1] ? messageTypeByNamespace(declared[1]) : undefined;
        if (!found) throw new MessageRefusal('0001', 'XSD', `not an iWmo/iJw 3.2 message: root namespace ${declared?.[1] ?? '(none)'}`);
        if (found.number !== '323') throw new MessageRefusal('0001', 'XSD', `${found.name} is not a declaration (323)`);
        type = found;
        open = `<${prefix}Client>`;
        close = `</${prefix}Client>`;
        endClienten = `</${prefix}Clienten>`;
        closing = `</${prefix}Clienten></${prefix}Declaratie></${prefix}Bericht>`;
      }
    }
    if (type !== undefined) {
      const at = buf.indexOf(open);
      if (at >= 0) {
        prelude = buf.slice(0, at);
        pos = at;
        break;
      }
    }
    if (buf.length > limits.maxPreludeChars) throw new MessageRefusal('0001', 'XML', `no Client within the first ${limits.maxPreludeChars} characters`);
    if (!(await more())) throw new MessageRefusal('0001', 'XML', type ? 'the message has no Client' : 'not an iStandaarden message (no Bericht root element)');
  }
  if (!type || prelude === undefined) throw new MessageRefusal('0001', 'XML', 'no header');

  for (;;) {
    while (pos < buf.length && (buf.charCodeAt(pos) === 32 || buf.charCodeAt(pos) === 10 || buf.charCodeAt(pos) === 13 || buf.charCodeAt(pos) === 9)) pos++;
    if (buf.length - pos < close.length + 1) {
      if (await more()) continue;
      throw new MessageRefusal('0001', 'XML', 'the message ends inside Clienten');
    }
    if (buf.startsWith(open, pos)) {
      const end = buf.indexOf(close, pos + open.length);
      if (end < 0) {
        if (buf.length - pos > limits.maxClientChars) throw new MessageRefusal('0001', 'XML', `Client ${index + 1} is larger than ${limits.maxClientChars} characters`);
        if (await more()) continue;
        throw new MessageRefusal('0001', 'XML', `the message ends inside Client ${index + 1}`);
      }
      clients.push(buf.slice(pos, end + close.length));
      pos = end + close.length;
      index++;
      if (clients.length >= limits.batchClients) {
        yield { type, prelude, closing, clients, firstClient: index - clients.length };
        clients = [];
      }
      continue;
    }
    if (buf.startsWith(endClienten, pos)) break;
    throw new MessageRefusal('0001', 'XML', `unexpected content after Client ${index}: ${JSON.stringify(buf.slice(pos, pos + 40))}`);
  }
  // The tail must close exactly what the prelude opened.
  while (await more()) {
    if (buf.length - pos > 65536) throw new MessageRefusal('0001', 'XML', 'unexpected content after Clienten');
  }
  const prefix = open.slice(1, -'Client>'.length);
  const tail = new RegExp(`^</${prefix}Clienten>\\s*</${prefix}Declaratie>\\s*</${prefix}Bericht>\\s*$`);
  if (!tail.test(buf.slice(pos))) throw new MessageRefusal('0001', 'XML', 'the message does not end with </Clienten></Declaratie></Bericht>');
  if (clients.length > 0) yield { type, prelude, closing, clients, firstClient: index - clients.length };
}
