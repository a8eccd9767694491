import { messageTypeByNamespace, type MessageType } from './messages';
import { MessageRefusal } from './refusal';

export interface SplitLimits {
  /** Largest header part (everything before the first Client), in bytes. */
  maxPreludeChars: number;
  /** Largest single Client element, in bytes. */
  maxClientChars: number;
  /** Clients per batch (one small document to validate, one transaction to book). */
  batchClients: number;
  /** A batch is also closed once its clients reach this many bytes (default 4 MB): memory per batch stays bounded whatever the clients' size. */
  maxBatchBytes?: number;
  /**
   * Most bytes between two Client elements (whitespace, comments, processing instructions;
   * default 64 KB, real files have a line break and some tabs). Past it the message is refused at
   * once: 64 MB of whitespace between two clients used to be copied into the batch chunk by chunk.
   */
  maxGapBytes?: number;
}
export const defaultLimits: SplitLimits = { maxPreludeChars: 1 << 20, maxClientChars: 8 << 20, batchClients: 2000, maxBatchBytes: 4 << 20, maxGapBytes: 64 << 10 };

export interface InvoiceBatch {
  type: MessageType;
  /** Everything before the first Client, verbatim. */
  prelude: string;
  /** The closing tags that make prelude + clients + closing a whole document. */
  closing: string;
  /**
   * The batch as one document of its own, UTF-8: the prelude, this batch's Client elements
   * verbatim with the whitespace between them, and the closing tags. Its buffer belongs to the
   * batch alone (it may be handed to another thread).
   */
  document: Uint8Array;
  /** The batch's Client elements as text (the middle of `document`): `open` ... `close`, `count` times, whitespace between. */
  clients: string;
  /** The Client start tag and end tag exactly as the message writes them (e.g. `<wmo323:Client>`). */
  open: string;
  close: string;
  /** Number of Client elements in the batch. */
  count: number;
  /** Index of the first client of this batch in the message (0-based). */
  firstClient: number;
}

/** Where the next Client start tag is, from `at`, stepping over comments and processing instructions (which may spell a tag). */
function nextClient(text: string, open: string, at: number): number {
  for (;;) {
    const start = text.indexOf(open, at);
    const lt = text.indexOf('<', at);
    if (lt < 0 || lt === start) return start;
    const end = text.startsWith('<!--', lt) ? text.indexOf('-->', lt + 4) + 3 : text.startsWith('<?', lt) ? text.indexOf('?>', lt + 2) + 2 : -1;
    if (end < lt) return start;
    at = end;
  }
}

/** Each Client element of a batch's `clients` text, in order. */
export function* clientTexts(batch: Pick<InvoiceBatch, 'clients' | 'open' | 'close' | 'count'>): Generator<string> {
  let at = 0;
  for (let i = 0; i < batch.count; i++) {
    const start = nextClient(batch.clients, batch.open, at);
    const end = batch.clients.indexOf(batch.close, start + batch.open.length);
    if (start < 0 || end < 0) throw new Error(`batch holds fewer than ${batch.count} clients`);
    at = end + batch.close.length;
    yield batch.clients.slice(start, at);
  }
}

function isSpace(b: number | undefined): boolean {
  return b === 32 || b === 10 || b === 13 || b === 9;
}

/**
 * Cuts a 323 stream into its header and batches of Client elements without ever holding more
 * than one batch: memory stays flat whatever the file size. The stream is cut as bytes; each
 * batch plus the header is a small well-formed document of its own that libxml2 validates
 * against the XSD; anything between the clients other than whitespace, comments and processing
 * instructions (bounded by maxGapBytes), a DOCTYPE, or an oversized part refuses the message.
 */
export async function* splitInvoice(source: AsyncIterable<Buffer | string>, limits: SplitLimits = defaultLimits): AsyncGenerator<InvoiceBatch> {
  const maxBatchBytes = limits.maxBatchBytes ?? defaultLimits.maxBatchBytes ?? 4 << 20;
  const iterator = source[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  let pos = 0;
  let done = false;

  /** Reads the next piece; keeps `buf` from `keep` on (offsets before it are dropped: callers subtract the returned shift). */
  const more = async (keep: number): Promise<number> => {
    if (done) return -1;
    const r = await iterator.next();
    if (r.done) {
      done = true;
      return -1;
    }
    const piece = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    buf = keep >= buf.length ? piece : Buffer.concat([buf.subarray(keep), piece]);
    return keep;
  };

  // Header: up to the first Client start tag.
  let type: MessageType | undefined;
  let open = '';
  let close = '';
  let endClienten = '';
  let closing = '';
  let preludeBytes: Buffer | undefined;
  for (;;) {
    const head = buf.toString('utf8');
    if (type === undefined) {
      if (/<!DOCTYPE|<!ENTITY/i.test(head)) throw new MessageRefusal('0001', 'XML', 'DOCTYPE/ENTITY declarations are not allowed (external entities, entity expansion)');
      const rootMatch = /<([A-Za-z_][\w.-]*:)?Bericht\b([^>]*)>/.exec(head);
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
        if (/<!DOCTYPE|<!ENTITY/i.test(buf.toString('utf8', 0, at))) throw new MessageRefusal('0001', 'XML', 'DOCTYPE/ENTITY declarations are not allowed (external entities, entity expansion)');
        preludeBytes = Buffer.from(buf.subarray(0, at));
        pos = at;
        break;
      }
    }
    if (buf.length > limits.maxPreludeChars) throw new MessageRefusal('0001', 'XML', `no Client within the first ${limits.maxPreludeChars} characters`);
    if ((await more(0)) < 0) throw new MessageRefusal('0001', 'XML', type ? 'the message has no Client' : 'not an iStandaarden message (no Bericht root element)');
  }
  if (!type || !preludeBytes) throw new MessageRefusal('0001', 'XML', 'no header');
  const msgType = type;
  const pre = preludeBytes;
  const prelude = pre.toString('utf8');
  const openBytes = Buffer.from(open);
  const closeBytes = Buffer.from(close);
  const endClientenBytes = Buffer.from(endClienten);
  const closingBytes = Buffer.from(closing);
  const commentOpen = Buffer.from('<!--');
  const commentClose = Buffer.from('-->');
  const piOpen = Buffer.from('<?');
  const piClose = Buffer.from('?>');
  const startsWith = (what: Buffer, at: number): boolean => buf.length - at >= what.length && buf.compare(what, 0, what.length, at, at + what.length) === 0;

  // Enough bytes to tell a Client start tag from the end of Clienten.
  const shortest = Math.max(openBytes.length, endClientenBytes.length);
  let index = 0;
  let batchStart = -1;
  let scanFrom = -1;
  let count = 0;
  const batch = (end: number): InvoiceBatch => {
    const region = buf.subarray(batchStart, end);
    const document = new Uint8Array(pre.length + region.length + closingBytes.length);
    document.set(pre, 0);
    document.set(region, pre.length);
    document.set(closingBytes, pre.length + region.length);
    const b: InvoiceBatch = { type: msgType, prelude, closing, document, clients: region.toString('utf8'), open, close, count, firstClient: index - count };
    batchStart = -1;
    count = 0;
    return b;
  };
  const refill = async (): Promise<boolean> => {
    const keep = batchStart >= 0 ? batchStart : pos;
    const shift = await more(keep);
    if (shift < 0) return false;
    pos -= shift;
    if (batchStart >= 0) batchStart -= shift;
    if (scanFrom >= 0) scanFrom -= shift;
    return true;
  };

  const maxGap = limits.maxGapBytes ?? defaultLimits.maxGapBytes ?? 64 << 10;
  // Bytes between the end of the last Client (or the prelude) and the position read: bounded by maxGap.
  let gap = 0;
  const gapRefusal = (): MessageRefusal => new MessageRefusal('0001', 'XML', `more than ${maxGap} bytes of whitespace or comments after Client ${index}`);
  for (;;) {
    while (pos < buf.length && isSpace(buf[pos])) {
      pos++;
      gap++;
    }
    if (gap > maxGap) throw gapRefusal();
    if (buf.length - pos < shortest) {
      if (await refill()) continue;
      throw new MessageRefusal('0001', 'XML', 'the message ends inside Clienten');
    }
    // A comment or processing instruction between clients is XML the XSD allows: stepped over.
    const markup = startsWith(commentOpen, pos) ? commentClose : startsWith(piOpen, pos) ? piClose : undefined;
    if (markup) {
      const end = buf.indexOf(markup, pos + 2);
      if (end < 0) {
        if (gap + buf.length - pos > maxGap) throw gapRefusal();
        if (await refill()) continue;
        throw new MessageRefusal('0001', 'XML', 'the message ends inside a comment');
      }
      gap += end + markup.length - pos;
      pos = end + markup.length;
      continue;
    }
    if (startsWith(openBytes, pos)) {
      // Searched on from where the last look stopped: a large Client is scanned once, not once per chunk.
      const from = Math.max(pos + openBytes.length, scanFrom);
      const end = buf.indexOf(closeBytes, from);
      if (end < 0) {
        scanFrom = Math.max(from, buf.length - closeBytes.length + 1);
        if (buf.length - pos > limits.maxClientChars) throw new MessageRefusal('0001', 'XML', `Client ${index + 1} is larger than ${limits.maxClientChars} characters`);
        if (await refill()) continue;
        throw new MessageRefusal('0001', 'XML', `the message ends inside Client ${index + 1}`);
      }
      if (batchStart < 0) batchStart = pos;
      pos = end + closeBytes.length;
      scanFrom = -1;
      gap = 0;
      index++;
      count++;
      if (count >= limits.batchClients || pos - batchStart >= maxBatchBytes) yield batch(pos);
      continue;
    }
    if (startsWith(endClientenBytes, pos)) break;
    throw new MessageRefusal('0001', 'XML', `unexpected content after Client ${index}: ${JSON.stringify(buf.toString('utf8', pos, pos + 40))}`);
  }
  const last = count > 0 ? batch(pos) : undefined;
  // The tail must close exactly what the prelude opened.
  let tail = buf.subarray(pos);
  while ((await more(pos)) >= 0) {
    pos = 0;
    tail = buf;
    if (tail.length > 65536) throw new MessageRefusal('0001', 'XML', 'unexpected content after Clienten');
  }
  const prefix = open.slice(1, -'Client>'.length);
  const tailRe = new RegExp(`^</${prefix}Clienten>\\s*</${prefix}Declaratie>\\s*</${prefix}Bericht>\\s*$`);
  if (!tailRe.test(tail.toString('utf8'))) throw new MessageRefusal('0001', 'XML', 'the message does not end with </Clienten></Declaratie></Bericht>');
  if (last) yield last;
}
