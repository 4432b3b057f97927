import { spawnSync } from 'node:child_process';
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
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hailong score', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hailong-score-'));
    if (testDatabaseKind() === 'postgres') {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url! };
    } else env = { HAILONG_DATA_DIR: dataDir };
    const seeded = hailong(['seed', '--demo', '--dossiers', '1200', '--as-of', '2026-11-23'], env);
    expect(seeded.status, seeded.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the agency and official tables of a quarter, as a table and as JSON', () => {
    const table = hailong(['score', '--period', '2026-Q3'], env);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain('Kỳ 2026-Q3');
    expect(table.stdout).toMatch(/Xuất sắc|Tốt|Khá|Trung bình|Yếu/);
    expect(table.stdout).toContain('Cán bộ, công chức');
    const json = hailong(['score', '--period', '2026-Q3', '--format', 'json'], env);
    const parsed = JSON.parse(json.stdout) as {
      agencies: { rows: { rank: number }[] };
      officials: { rows: unknown[] };
    };
    expect(parsed.agencies.rows.length).toBeGreaterThan(5);
    expect(parsed.agencies.rows[0]?.rank).toBe(1);
    expect(parsed.officials.rows.length).toBeGreaterThan(5);
  });

  it('recomputes a period and finds it identical to the incremental rollups', () => {
    const result = hailong(['score', 'recompute', '--period', '2026-Q3'], env);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('identical to the incremental rollups');
  });

  it('refuses a bad period with a clear message', () => {
    const result = hailong(['score', '--period', '2026-Q9'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PERIOD_INVALID');
  });
});
