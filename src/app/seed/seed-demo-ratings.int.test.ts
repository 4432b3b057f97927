import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { buildDeps } from '#test/support/factories.ts';
import type { AppDeps } from '../deps.ts';
import { recomputeAllScores } from '../scoring/recompute-all-scores.ts';
import { seedDemo } from './seed-demo.ts';
import { seedDemoRatings } from './seed-demo-ratings.ts';

const AS_OF = Date.parse('2026-11-23T12:00:00+07:00');

describe('demo ratings', () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let written: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    deps = buildDeps(database.db, () => AS_OF);
    await seedDemo(deps, { seed: 3, dossiers: 1000, asOf: AS_OF });
    written = await seedDemoRatings(deps, { seed: 3, asOf: AS_OF });
    await recomputeAllScores(deps);
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('rates about 45% of the finished dossiers, one counting rating each, after the result and not after asOf', async () => {
    const finished = await deps.db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('finished_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const counting = await deps.db
      .selectFrom('rating')
      .select(['dossier_id', 'submitted_at'])
      .where('is_duplicate', '=', false)
      .execute();
    expect(written).toBeGreaterThanOrEqual(counting.length);
    expect(counting.length / finished.n).toBeGreaterThan(0.35);
    expect(counting.length / finished.n).toBeLessThan(0.55);
    expect(new Set(counting.map((row) => row.dossier_id)).size).toBe(counting.length);
    expect(counting.every((row) => row.submitted_at.getTime() <= AS_OF)).toBe(true);
  });

  it('feeds the citizen answers into the scores, with some disagreements reported', async () => {
    const disagreeing = await deps.db
      .selectFrom('dossier_score')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<boolean>`cardinality(disagreements) > 0`)
      .executeTakeFirstOrThrow();
    expect(disagreeing.n).toBeGreaterThan(0);
  });
});
