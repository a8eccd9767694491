import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSink, openTempFile } from './temp-file';

describe('files written in pieces have an error path', () => {
  it('a write stream that fails (no such directory) rejects the write or close, it does not end the process', async () => {
    const sink = openFileSink(join(tmpdir(), `kern-missing-${Date.now()}`, 'x', 'answer.xml'));
    const attempt = (async () => {
      await sink.write('<a/>');
      await new Promise((r) => setTimeout(r, 20));
      await sink.write('<b/>');
      await sink.close();
    })();
    await expect(attempt).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a file destroyed while being written refuses the next write instead of an unhandled ERR_STREAM_DESTROYED', async () => {
    const file = await openTempFile('kern-test-', 'clients.xml');
    await file.write('<Client/>');
    await file.dispose();
    await expect(file.write('<Client/>')).rejects.toThrow(/closed|destroyed/);
    expect(existsSync(file.path)).toBe(false);
  });

  it('reads back what was written', async () => {
    const file = await openTempFile('kern-test-', 'clients.xml');
    for (let i = 0; i < 1000; i++) await file.write(`<Client>${i}</Client>`);
    await file.close();
    let text = '';
    for await (const piece of file.readBack()) text += piece;
    expect(text.length).toBe(Array.from({ length: 1000 }, (_, i) => `<Client>${i}</Client>`).join('').length);
    await file.dispose();
  });
});
