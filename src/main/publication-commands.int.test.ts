import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRating } from '#app/ratings/record-rating.ts';
import type { OpenDataDocument } from '#domain/publication/open-data.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '#test/support/db.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

const BIN = join(import.meta.dirname, '../../bin/hailong.js');

function hailong(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hailong recompute --open-data (issue 6 acceptance: recompute from open data equals the published ranking)', () => {
  let t: TestApp;
  let dir: string;
  let openData: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hailong-open-data-'));
    t = await createTestApp();
    for (const [agencyCode, finishedAt] of [
      [TEST_CATALOG.department, '2025-07-08T10:00:00+07:00'],
      [TEST_CATALOG.department, '2025-07-16T10:00:00+07:00'],
      [TEST_CATALOG.department2, '2025-07-09T10:00:00+07:00'],
      [TEST_CATALOG.commune, '2025-07-14T16:00:00+07:00'],
    ] as const) {
      const dossier = await finishedTestDossier(t.deps, { agencyCode, finishedAt });
      await recordRating(t.deps, {
        dossierId: dossier.id,
        channel: 'qr',
        satisfaction: 4,
        answers: { cs1: 1 },
        submittedAt: '2025-07-20T10:00:00+07:00',
      });
    }
    const published = await t.inject({
      method: 'POST',
      url: '/api/v1/results/publications',
      payload: { period: '2025-Q3' },
    });
    expect(published.statusCode, published.body).toBe(201);
    // Downloaded as anyone would, without signing in.
    const file = await t.app.inject({ method: 'GET', url: '/api/v1/public/results/2025-Q3/open-data.json' });
    expect(file.statusCode).toBe(200);
    openData = file.body;
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reproduces the published ranking from the downloaded file: exit 0', () => {
    const path = join(dir, 'open-data.json');
    writeFileSync(path, openData);
    const result = hailong(['recompute', '--open-data', path]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Khớp với bảng xếp hạng đã công bố');
    expect(result.stdout).toContain('Kỳ 2025-Q3, phiên bản 1');
    expect(result.stdout).toContain('Sở Tư pháp');
  });

  it('names the agency when one per-dossier point is edited: exit 1', () => {
    const doc = JSON.parse(openData) as OpenDataDocument;
    const row = doc.dossiers.find((r) => r[1] === TEST_CATALOG.department2)!;
    // Indicator 1 of Sở Xây dựng's only dossier: 1 → 0 (the citizen's answer as published was 1).
    row[3] = row[3][0] === 0 ? [2] : [0];
    const path = join(dir, 'edited.json');
    writeFileSync(path, JSON.stringify(doc));
    const result = hailong(['recompute', '--open-data', path]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('KHÔNG khớp');
    expect(result.stdout).toMatch(
      new RegExp(`${TEST_CATALOG.department2.replace('.', '\\.')} Sở Xây dựng: cs1`),
    );
  });

  it('refuses a malformed file with a clear Vietnamese message', () => {
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, openData.slice(0, 100));
    const broken = hailong(['recompute', '--open-data', notJson]);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain('OPEN_DATA_INVALID');
    expect(broken.stderr).toContain('không phải JSON hợp lệ');
    const wrongShape = join(dir, 'wrong.json');
    writeFileSync(wrongShape, JSON.stringify({ ...(JSON.parse(openData) as object), dossiers: 'không' }));
    const wrong = hailong(['recompute', '--open-data', wrongShape]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('dossiers');
  });
});

describe('hailong results publish', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hailong-publish-'));
    if (testDatabaseKind() === 'postgres') {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url!, HAILONG_DATA_DIR: dataDir };
    } else env = { HAILONG_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes version 1, then refuses a re-publication without a reason', () => {
    const first = hailong(['results', 'publish', '--period', '2026-Q3'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ period: '2026-Q3', version: 1 });
    const again = hailong(['results', 'publish', '--period', '2026-Q3'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('PUBLICATION_REASON_REQUIRED');
    const second = hailong(['results', 'publish', '--period', '2026-Q3', '--reason', 'Sửa dữ liệu'], env);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ version: 2, reason: 'Sửa dữ liệu' });
  }, 180_000);
});
