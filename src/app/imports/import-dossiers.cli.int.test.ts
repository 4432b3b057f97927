import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '#db/client.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '#test/support/db.ts';
import { buildDeps, seedTestCatalog } from '#test/support/factories.ts';
import type { ImportReport } from './import-dossiers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/hailong.js');

function hailong(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hailong import', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hailong-import-cli-'));
    if (testDatabaseKind() === 'postgres') {
      database = await createTestDatabase();
      await seedTestCatalog(buildDeps(database.db));
      env = { DATABASE_URL: database.url! };
    } else {
      // The test catalog, written straight into the data folder the command will open.
      const handle = await openDatabase({ dataDir: join(dir, 'data') });
      await migrateToLatest(handle.db);
      await seedTestCatalog(buildDeps(handle.db));
      await handle.close();
      env = { HAILONG_DATA_DIR: join(dir, 'data') };
    }
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file, shows progress and each bad line, writes the report and exits 2 when lines failed', () => {
    const file = join(dir, 'export.ndjson');
    const example = readFileSync(join(ROOT, 'docs/examples/dossiers.ndjson'), 'utf8');
    const bad = JSON.stringify({
      agencyCode: 'H99.01',
      procedureCode: 'TT.KHONG-CO',
      channel: 'post',
      receivedAt: '2025-03-11T09:00:00+07:00',
    });
    writeFileSync(file, `${example}${bad}\n`);
    const reportFile = join(dir, 'errors.json');
    const run = hailong(['import', file, '--report', reportFile], env);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout.trim()).toBe('9 lines: 7 imported, 0 already present, 1 failed');
    expect(run.stderr).toMatch(/import \[#+\] 100%/);
    expect(run.stderr).toContain('line 9: procedureCode: ');
    expect(run.stderr).toContain('[PROCEDURE_NOT_FOUND]');
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport;
    expect(report).toMatchObject({
      lines: 9,
      imported: 7,
      failed: 1,
      errors: [{ line: 9, code: 'PROCEDURE_NOT_FOUND' }],
    });
  });

  it('reads CSV by its extension, and a re-import of the same dossiers exits 0 having changed nothing', () => {
    const run = hailong(['import', join(ROOT, 'docs/examples/dossiers.csv')], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('25 lines: 0 imported, 7 already present, 0 failed');
  });
});
