import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { selfCheckMaxBytes, selfCheckMessage, type SelfCheckResult } from '@kern/exchange';

/** Reads at most the self-check's limit plus one byte: a larger file is a SIZE finding, never read whole. */
function readBounded(file: string): Buffer {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, selfCheckMaxBytes + 1));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * `kern exchange check <files...>`: the provider self-check, the same engine and findings as
 * POST /api/v1/istandaarden/check, for a provider's own CI. Exit code 1 when any file has a finding.
 */
export async function runExchangeCheck(files: string[], o: { json?: boolean; today?: string }): Promise<void> {
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const results: (SelfCheckResult & { file: string })[] = [];
  for (const file of files) {
    let result: SelfCheckResult;
    try {
      result = await selfCheckMessage(readBounded(file), { today });
    } catch (e) {
      result = { messageType: null, valid: false, notChecked: [], findings: [{ rule: 'FILE', code: '0001', line: null, message: e instanceof Error ? e.message : String(e) }] };
    }
    results.push({ file, ...result });
    if (o.json) continue;
    for (const f of result.findings) console.log(`${file}${f.line !== null ? `:${f.line}` : ''}: ${f.rule} ${f.code} ${f.message}`);
    console.log(`${file}: ${result.messageType ?? 'message'} ${result.valid ? 'valid' : `refused (${result.findings.length} finding${result.findings.length === 1 ? '' : 's'})`}`);
    if (result.notChecked.length > 0) console.log(`${file}: not checked without the municipality's data: ${result.notChecked.join(', ')}`);
  }
  if (o.json) console.log(JSON.stringify(results, null, 2));
  if (results.some((r) => !r.valid)) process.exitCode = 1;
}
