// One XSD validation thread (see XsdPool in xsd.ts): receives { id, xsd, document } and answers
// { id, findings } (or { id, error } when something other than the document went wrong).
import { parentPort } from 'node:worker_threads';
import { validateDocument } from './xsd-core.mjs';

if (!parentPort) throw new Error('xsd-worker.mjs runs as a worker thread');
const port = parentPort;
port.on('message', (/** @type {{ id: number; xsd: string; document: Uint8Array }} */ m) => {
  try {
    port.postMessage({ id: m.id, findings: validateDocument(m.xsd, m.document) });
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
