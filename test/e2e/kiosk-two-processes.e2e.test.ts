import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '#app/deps.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '#test/support/db.ts';
import { createTestCounter } from '#test/support/device.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import {
  buildDeps,
  createStaffUser,
  seedTestCatalog,
  TEST_CATALOG,
  TEST_PASSWORD,
} from '#test/support/factories.ts';
import { launchChromium, requireWebBuild } from './support/browser.ts';
import { pairKiosk, registeredDevice } from './support/kiosk.ts';

const BIN = join(import.meta.dirname, '../../bin/hailong.js');
const KEYS = `1:${Buffer.alloc(32, 1).toString('base64')},2:${Buffer.alloc(32, 2).toString('base64')}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `hailong serve` as a separate process on the shared PostgreSQL database. */
async function startProcess(url: string, dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      HAILONG_DATA_DIR: dataDir,
      HAILONG_TOKEN_KEYS: KEYS,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`hailong serve did not start on ${base}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Signs in through the real route of a running process, as the sign-in page does: the session
 * cookie's value and the CSRF token that state-changing requests must send with it.
 */
async function signIn(base: string, username: string): Promise<{ session: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('hl_session='));
  if (cookie === undefined) throw new Error('sign-in set no hl_session cookie');
  const session = cookie.slice('hl_session='.length, cookie.includes(';') ? cookie.indexOf(';') : undefined);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { session, csrfToken };
}

// Several API processes share one database only on PostgreSQL (the embedded one is single-process by design).
describe.skipIf(testDatabaseKind() !== 'postgres')(
  'kiosk across two API processes (issue 4): the official on one, the device on the other',
  () => {
    let database: TestDatabase;
    let deps: AppDeps;
    let browser: Browser;
    let dataDir: string;
    const processes: ChildProcess[] = [];
    let officialBase: string;
    let deviceBase: string;

    beforeAll(async () => {
      requireWebBuild();
      database = await createTestDatabase();
      deps = buildDeps(database.db, () => Date.now());
      await seedTestCatalog(deps);
      dataDir = mkdtempSync(join(tmpdir(), 'hailong-two-processes-'));
      const [a, b] = await Promise.all([
        startProcess(database.url!, join(dataDir, 'a')),
        startProcess(database.url!, join(dataDir, 'b')),
      ]);
      processes.push(a.child, b.child);
      officialBase = a.base;
      deviceBase = b.base;
      browser = await launchChromium();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await Promise.all(
        processes.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await database?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('"Mời đánh giá" pressed on process A shows the rating screen on the device attached to process B (the 1 s bar is measured by bench/kiosk-push.js)', async () => {
      // A system administrator of the shared database, signed in on process A (sessions live in
      // the database, so either process would know them).
      await createStaffUser(deps, { username: 'quantri', role: 'system_admin', agencyId: null });
      const { session, csrfToken } = await signIn(officialBase, 'quantri');
      const counterId = await createTestCounter(
        {
          inject: async (options) => {
            const response = await fetch(`${officialBase}${options.url}`, {
              method: options.method,
              headers: {
                'content-type': 'application/json',
                cookie: `hl_session=${session}`,
                'x-csrf-token': csrfToken,
              },
              body: JSON.stringify(options.payload),
            });
            const body: unknown = await response.json();
            return { statusCode: response.status, json: () => body };
          },
        },
        TEST_CATALOG.department,
      );
      const dossiers = [await finishedTestDossier(deps), await finishedTestDossier(deps)];
      const { deviceId, pairingCode } = await registeredDevice(deps, counterId);
      const kiosk = await (await browser.newContext()).newPage();
      await pairKiosk(kiosk, deviceBase, pairingCode);

      for (const dossier of dossiers) {
        // Through the back office of process A, as the counter official does.
        const officialContext = await browser.newContext();
        await officialContext.addCookies([{ name: 'hl_session', value: session, url: officialBase }]);
        const official = await officialContext.newPage();
        await official.goto(`${officialBase}/ho-so/${dossier.code}`);
        const invite = official.getByTestId('invite-rating');
        await invite.locator('select').selectOption(deviceId);
        await invite.getByRole('button', { name: 'Mời đánh giá' }).click();
        await kiosk
          .locator('[data-dossier-code]')
          .filter({ hasText: dossier.code })
          .waitFor({ timeout: 5000 });
        await officialContext.close();
      }

      // The rating made on B's device is stored once, for the last invited dossier.
      await kiosk.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await kiosk.locator('[data-screen="thanks"]').waitFor();
      const deadline = Date.now() + 10_000;
      let rows: { channel: string }[] = [];
      while (rows.length === 0 && Date.now() < deadline) {
        rows = await deps.db
          .selectFrom('rating')
          .select('channel')
          .where('dossier_id', '=', dossiers[1]!.id)
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(rows).toEqual([{ channel: 'device' }]);
    });
  },
);
