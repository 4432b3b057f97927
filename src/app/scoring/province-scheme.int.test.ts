import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '#domain/errors.ts';
import { parsePeriod } from '#domain/periods/period.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { buildDeps, seedTestCatalog, TEST_CATALOG } from '#test/support/factories.ts';
import type { AppDeps } from '../deps.ts';
import { getAgencyScores } from './get-agency-scores.ts';
import { BUILTIN_SCHEMES_DIR, loadSchemeRegistry } from './scheme-registry.ts';

/** A province scheme from the docs: stricter agency grade bounds from 2026 (docs/scoring.md §9). */
const PROVINCE_SCHEME = {
  id: 'tt01-2018-tinh-x',
  kind: 'tt01',
  version: '1.0.0',
  name: 'Thông tư 01/2018 — ngưỡng xếp loại cơ quan của tỉnh X',
  validFrom: '2026-01-01',
  validTo: null,
  source: 'Thông tư 01/2018/TT-VPCP Điều 13–15; Quyết định của UBND tỉnh X',
  supersedes: ['tt01-2018'],
  agencyGrades: [
    { min: 175, code: 'xuat_sac', label: 'Xuất sắc' },
    { min: 130, code: 'tot', label: 'Tốt' },
    { min: 100, code: 'kha', label: 'Khá' },
    { min: 70, code: 'trung_binh', label: 'Trung bình' },
    { min: 0, code: 'yeu', label: 'Yếu' },
  ],
};

describe('a province adds its own scheme file, without code', () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hailong-schemes-'));
    writeFileSync(join(dir, 'tinh-x.json'), JSON.stringify(PROVINCE_SCHEME));
    database = await createTestDatabase();
    deps = { ...buildDeps(database.db), schemes: loadSchemeRegistry([BUILTIN_SCHEMES_DIR, dir]) };
    await seedTestCatalog(deps);
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores dossiers received from its start date under it, and earlier ones under the national scheme', async () => {
    for (const receivedAt of ['2025-12-29T09:00:00+07:00', '2026-01-05T09:00:00+07:00']) {
      await finishedTestDossier(deps, { receivedAt, finishedAt: '2026-01-06T09:00:00+07:00' });
    }
    const schemes = await deps.db
      .selectFrom('dossier_score')
      .select('scheme_id')
      .orderBy('scheme_id')
      .execute();
    expect(schemes.map((row) => row.scheme_id)).toEqual(['tt01-2018', 'tt01-2018-tinh-x']);
    const table = await getAgencyScores(deps, parsePeriod('2026-Q1'));
    expect(table.scheme.id).toBe('tt01-2018-tinh-x');
    const row = table.rows.find((candidate) => candidate.code === TEST_CATALOG.department)!;
    // Both dossiers count in the quarter, whatever scheme version scored them.
    expect(row.result.indicators.cs1.candidates[0]?.basis?.count).toBe(2);
  });

  it('refuses an invalid province file at load, naming the file and the field', () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        ...PROVINCE_SCHEME,
        id: 'bad',
        agencyGrades: [{ min: 'abc', code: 'x', label: 'x' }],
      }),
    );
    try {
      loadSchemeRegistry([BUILTIN_SCHEMES_DIR, dir]);
      expect.unreachable('the bad file must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('SCHEME_INVALID');
      expect((error as DomainError).message).toContain('bad.json');
      expect(JSON.stringify((error as DomainError).problems)).toContain('agencyGrades');
    }
  });
});
