import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** The built back office (`npm run build:web`), which the app serves at /. */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Fails with the command to run when the web bundle has not been built. */
export function requireWebBuild(): void {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `The web bundle is missing (${join(WEB_ROOT, 'index.html')}): run \`npm run build:web\` first ` +
        '(`npm test` builds it before running the tests).',
    );
  }
}

/** The Debian Chromium, headless, with nothing that calls home (no downloads: playwright-core only drives it). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
