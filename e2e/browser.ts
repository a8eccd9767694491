import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (a test tool's own browser download does not
 * work on these machines). A missing browser fails the run with instructions; it never skips.
 */
export function chromiumPath(): string {
  const candidates = [process.env.KERN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. The browser tests need it: install Debian\'s package with `sudo apt-get install -y chromium` ' +
        '(or set KERN_CHROMIUM to a Chromium binary). .ci/run installs it on CI machines.',
    );
  }
  return found;
}

/** playwright-core gives every launch a fresh, throw-away profile of its own. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
