/**
 * Process-level handlers: an error that escaped every request (a stream without an error
 * listener, a promise nobody awaited) is logged with its stack and the process keeps serving,
 * instead of Node ending it and every municipality's requests with it. They log, they do not
 * hide: each such error is a bug to fix, and the log says so at error level. Installed once by
 * `kern serve`; tests do not install them, so such a bug fails the test run instead.
 */
export interface ProcessLog {
  error(details: Record<string, unknown>, message: string): void;
}

let installed = false;

export function guardProcess(log: ProcessLog): void {
  if (installed) return;
  installed = true;
  const report = (kind: string) => (e: unknown): void => {
    log.error({ kind, err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack, code: (e as { code?: unknown }).code } : String(e) }, `${kind}: an error escaped its request; the process keeps serving (this is a bug: report it)`);
  };
  process.on('uncaughtException', report('uncaughtException'));
  process.on('unhandledRejection', report('unhandledRejection'));
}
