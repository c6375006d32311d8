/**
 * Headless Chromium for the page tests, through playwright-core (no browser download): Debian's
 * `chromium`, or CHROMIUM_PATH. Fails with how to get one; SPLITSCAN_SKIP_BROWSER=1 is the only way
 * to skip (see docs/review.md, "Tests in a browser").
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** True when the browser tests were turned off on purpose. */
export const SKIP_BROWSER = process.env['SPLITSCAN_SKIP_BROWSER'] === '1';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser binary: CHROMIUM_PATH, else the first of the usual places. @throws when there is none. */
export function chromiumPath(): string {
  const env = process.env['CHROMIUM_PATH'];
  if (env) {
    if (!existsSync(env)) throw new Error(`CHROMIUM_PATH=${env} does not exist. Point it at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium.`);
    return env;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found === undefined) {
    throw new Error(
      'No Chromium found for the browser tests (looked for ' +
        CANDIDATES.join(', ') +
        '). Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`; .ci/run does this), or set CHROMIUM_PATH=/path/to/chrome. ' +
        'SPLITSCAN_SKIP_BROWSER=1 skips these tests on purpose.',
    );
  }
  return found;
}

/** The flags the browser runs with: headless, no sandbox (root in CI), and nothing that phones home. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser with a fresh profile; `close()` removes the profile too. */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'splitscan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
