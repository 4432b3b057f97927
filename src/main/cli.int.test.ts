import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '#test/support/db.ts';

const BIN = join(import.meta.dirname, '../../bin/hailong.js');

function hailong(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hailong CLI', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hailong-cli-'));
    if (testDatabaseKind() === 'postgres') {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url! };
    } else env = { HAILONG_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([[], ['start'], ['serve'], ['migrate'], ['seed'], ['import'], ['catalog', 'import'], ['calendar']])(
    'prints help for %j',
    (...command) => {
      const result = hailong([...command, '--help'], env);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage: hailong');
    },
  );

  it('migrates, and the calendar command shows the announced days', () => {
    const migrate = hailong(['migrate'], env);
    expect(migrate.status, migrate.stderr).toBe(0);
    const calendar = hailong(['calendar', '2026'], env);
    expect(calendar.status, calendar.stderr).toBe(0);
    expect(calendar.stdout).toContain('2026-04-27'); // nghỉ bù Giỗ Tổ (Bộ luật Lao động 2019 Điều 111)
    expect(calendar.stdout).toContain('2026-02-17');
  });

  it('refuses bad arguments with a clear message', () => {
    const result = hailong(['catalog', 'import', 'planets', 'x.csv'], env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('planets');
  });

  it.runIf(testDatabaseKind() === 'pglite')(
    'logs "initialising database…" on first start and refuses a second process on the same data folder',
    async () => {
      const fresh = mkdtempSync(join(tmpdir(), 'hailong-lock-'));
      const holder = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
        env: { ...process.env, HAILONG_DATA_DIR: fresh, HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      holder.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000);
          holder.stderr.on('data', () => {
            if (stderr.includes('HàiLòng is running')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        expect(stderr).toContain('initialising database…');
        const second = hailong(['migrate'], { HAILONG_DATA_DIR: fresh });
        expect(second.status).toBe(1);
        expect(second.stderr).toContain('DATABASE_LOCKED');
        expect(second.stderr).toContain(`pid ${holder.pid}`);
      } finally {
        const exited = new Promise((resolve) => holder.once('exit', resolve));
        holder.kill('SIGTERM');
        await exited;
      }
      // Closed cleanly: the lock is released and the data opens again, without re-initialising.
      const after = hailong(['migrate'], { HAILONG_DATA_DIR: fresh });
      expect(after.status, after.stderr).toBe(0);
      expect(after.stderr).not.toContain('initialising database…');
      rmSync(fresh, { recursive: true, force: true });
    },
    120_000,
  );
});
