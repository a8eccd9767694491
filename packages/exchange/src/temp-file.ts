import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A temporary file written in pieces and read back once, with an error path on every handle: a
 * failed or destroyed write stream records its error (a stream without an 'error' listener ends
 * the process, ERR_STREAM_DESTROYED when destroyed mid-write) and the next write, `close` or
 * `readBack` throws it, so it fails the one message or request, never the server.
 */
export interface TempFile {
  readonly path: string;
  /** Writes with backpressure: waits for 'drain' when the stream asks for it. */
  write(piece: string): Promise<void>;
  /** Ends the file and waits until it is on disk. */
  close(): Promise<void>;
  /** The file's text, piece by piece (after `close`). */
  readBack(): AsyncIterable<string>;
  /** Destroys the stream and removes the file and its directory; never throws. */
  dispose(): Promise<void>;
}

export async function openTempFile(prefix: string, name: string): Promise<TempFile> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const file = openFileSink(join(dir, name));
  return {
    ...file,
    async dispose() {
      file.destroy();
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** A file written in pieces (e.g. the CLI's 325), with the same error path as a temporary file. */
export interface FileSink extends Omit<TempFile, 'dispose'> {
  /** Destroys the stream (after an error); never throws. */
  destroy(): void;
}

export function openFileSink(path: string): FileSink {
  const name = basename(path);
  const out = createWriteStream(path);
  let failed: Error | undefined;
  out.on('error', (e) => {
    failed ??= e;
  });
  const check = (): void => {
    if (failed) throw failed;
  };
  const waitFor = async (event: 'drain' | 'close'): Promise<void> => {
    // once() rejects on 'error', which the listener above has recorded as well.
    await once(out, event).catch((e: unknown) => {
      failed ??= e instanceof Error ? e : new Error(String(e));
    });
    check();
  };
  return {
    path,
    async write(piece) {
      check();
      if (out.destroyed) throw new Error(`temporary file ${name} is closed`);
      if (!out.write(piece)) await waitFor('drain');
      check();
    },
    async close() {
      check();
      if (out.closed) return;
      out.end();
      await waitFor('close');
    },
    async *readBack() {
      check();
      const input = createReadStream(path, { encoding: 'utf8' });
      // A read error rejects the iteration: the caller's try/catch handles it like any other.
      for await (const piece of input) yield piece as string;
    },
    destroy() {
      out.destroy();
    },
  };
}
