import type { Readable } from 'node:stream';
import { moduleRoutes } from '@kern/access';
import { DomainError, RetryLater, type Clock } from '@kern/kit';
import { selfCheckContract, selfCheckLimitBytes } from './contract/self-check.contract';
import { selfCheckMessage } from './rules/self-check';

export interface SelfCheckRouteServices {
  clock: Clock;
  /** Checks one address may ask for per minute (default 20). */
  perMinute?: number;
}

const tooLarge = (): DomainError =>
  new DomainError('payload-too-large', {
    nl: `Het bestand is groter dan ${selfCheckLimitBytes / 1024 / 1024} MB (SIZE 0001); de controle leest het niet.`,
    en: `The file is larger than ${selfCheckLimitBytes / 1024 / 1024} MB (SIZE 0001); it is not checked.`,
  });

/**
 * Per address, in memory only: a fixed window of one minute. Nothing about the caller is stored
 * beyond the count for the current minute, and no log line names the address or the message.
 */
export function rateLimiter(clock: Clock, perMinute: number) {
  const windows = new Map<string, { start: number; n: number }>();
  return (address: string): void => {
    const now = clock.now().getTime();
    const w = windows.get(address);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(address, { start: now, n: 1 });
      return;
    }
    w.n++;
    if (w.n > perMinute) {
      const seconds = Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000));
      throw new RetryLater(seconds, { nl: `U heeft te veel berichten achter elkaar laten controleren; probeer het over ${seconds} seconden opnieuw.`, en: `Too many checks in a row; try again in ${seconds} seconds.` });
    }
  };
}

async function readBounded(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  let seen = 0;
  for await (const chunk of body.iterator({ destroyOnReturn: false })) {
    const b = chunk as Buffer;
    seen += b.length;
    if (seen > selfCheckLimitBytes) throw tooLarge();
    parts.push(b);
  }
  return Buffer.concat(parts);
}

/** HTTP for the provider self-check (`POST /api/v1/istandaarden/check`). */
export function selfCheckRoutes(services: SelfCheckRouteServices) {
  const limit = rateLimiter(services.clock, services.perMinute ?? 20);
  return moduleRoutes(selfCheckContract, {
    checkMessage: async (request) => {
      limit(request.ip);
      if (Number(request.headers['content-length'] ?? 0) > selfCheckLimitBytes) throw tooLarge();
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
        throw new DomainError('invalid-input', { nl: 'Stuur het bericht als application/xml.', en: 'Send the message as application/xml.' }, [{ name: 'content-type', reason: 'application/xml' }]);
      }
      const xml = await readBounded(body);
      return selfCheckMessage(xml, { today: services.clock.now().toISOString().slice(0, 10) });
    },
  });
}
