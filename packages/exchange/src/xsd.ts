import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MessageType } from './messages';
import { validateDocument, type XsdFinding } from './xsd-core.mjs';

export type { XsdFinding } from './xsd-core.mjs';

/** The schemas Kern validates against: the reference xsd-normalized copies plus the derived iWmo return messages. */
export const xsdDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'xsd');

export function xsdPath(type: MessageType): string {
  return join(xsdDir, type.standard, `${type.name}.xsd`);
}

/**
 * Validates one (small) document against the message's XSD with libxml2 (libxml2-wasm). A
 * DOCTYPE is refused before parsing: no iStandaarden message has one, and refusing it closes
 * external entities (XXE) and entity expansion at the door.
 */
export function validateAgainstXsd(type: MessageType, xml: string | Uint8Array): XsdFinding[] {
  return validateDocument(xsdPath(type), xml);
}

interface Job {
  resolve: (f: XsdFinding[]) => void;
  reject: (e: Error) => void;
  slot: Slot;
}
interface Slot {
  worker: Worker;
  busy: number;
}
type Reply = { id: number; findings: XsdFinding[] } | { id: number; error: string };

/**
 * XSD validation on other threads: the same libxml2 code as `validateAgainstXsd` (xsd-core.mjs),
 * each thread with its own compiled schema. A batch's bytes are handed over, not copied. The
 * threads are started on first use and do not keep the process alive while idle.
 */
export class XsdPool {
  private readonly slots: Slot[] = [];
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

  constructor(private size: number) {}

  /** At least `size` threads from now on. */
  grow(size: number): void {
    this.size = Math.max(this.size, size);
  }

  validate(type: MessageType, document: Uint8Array): Promise<XsdFinding[]> {
    const slot = this.pick();
    const id = ++this.nextId;
    return new Promise<XsdFinding[]>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, slot });
      if (slot.busy++ === 0) slot.worker.ref();
      const transfer = document.byteOffset === 0 && document.byteLength === document.buffer.byteLength && document.buffer instanceof ArrayBuffer ? [document.buffer] : [];
      slot.worker.postMessage({ id, xsd: xsdPath(type), document }, transfer);
    });
  }

  /** Stops the threads (pending validations fail). */
  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private pick(): Slot {
    const idle = this.slots.find((s) => s.busy === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) return this.spawn();
    return this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./xsd-worker.mjs', import.meta.url));
    const slot: Slot = { worker, busy: 0 };
    worker.unref();
    worker.on('message', (r: Reply) => {
      const job = this.jobs.get(r.id);
      if (!job) return;
      this.jobs.delete(r.id);
      if (--slot.busy === 0) worker.unref();
      if ('error' in r) job.reject(new Error(`XSD validation thread: ${r.error}`));
      else job.resolve(r.findings);
    });
    const fail = (e: Error): void => {
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      for (const [id, job] of this.jobs) {
        if (job.slot !== slot) continue;
        this.jobs.delete(id);
        job.reject(e);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`XSD validation thread stopped (exit ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

let shared: XsdPool | undefined;
/** The process's validation threads (at least `size`). */
export function xsdPool(size: number): XsdPool {
  shared ??= new XsdPool(size);
  shared.grow(size);
  return shared;
}

/** Default number of XSD validation threads for a large 323: one per core beyond the first, at least one, at most two. */
export function defaultXsdThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}
