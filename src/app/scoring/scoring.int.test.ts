import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDossierEvent } from '#app/dossiers/append-dossier-event.ts';
import { recordRating } from '#app/ratings/record-rating.ts';
import { seedDemo } from '#app/seed/seed-demo.ts';
import { parsePeriod, quarterOf } from '#domain/periods/period.ts';
import { toLocalDate } from '#domain/calendar/time.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { buildDeps } from '#test/support/factories.ts';
import type { AppDeps } from '../deps.ts';
import { getAgencyScores } from './get-agency-scores.ts';
import { getDossierScore } from './get-dossier-score.ts';
import { getOfficialScores } from './get-official-scores.ts';
import { recomputeAllScores } from './recompute-all-scores.ts';

const AS_OF = Date.parse('2026-11-23T12:00:00+07:00');

async function snapshot(deps: AppDeps): Promise<Record<string, string>> {
  const rows = await deps.db.selectFrom('score_rollup').selectAll().where('dossier_count', '>', 0).execute();
  return Object.fromEntries(
    rows.map((row) => [
      [
        row.agency_id,
        row.scheme_id,
        row.period,
        row.subject_kind,
        row.subject_id,
        row.sector,
        row.indicator,
      ].join('|'),
      `${row.points_sum}/${row.dossier_count}`,
    ]),
  );
}

describe('scoring on the demo data (Thông tư 01/2018 Điều 13–15)', () => {
  let database: TestDatabase;
  let deps: AppDeps;
  beforeAll(async () => {
    database = await createTestDatabase();
    deps = buildDeps(database.db, () => AS_OF);
    await seedDemo(deps, { seed: 7, dossiers: 1500, asOf: AS_OF });
    await recomputeAllScores(deps);
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('scores every finished dossier once, in the quarter of its finish date', async () => {
    const finished = await deps.db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('finished_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const scored = await deps.db
      .selectFrom('dossier_score')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(scored.n).toBe(finished.n);
    const sample = await deps.db
      .selectFrom('dossier_score')
      .innerJoin('dossier', 'dossier.id', 'dossier_score.dossier_id')
      .select(['dossier_score.period', 'dossier.finished_at', 'dossier_score.cs1', 'dossier.timeliness'])
      .limit(200)
      .execute();
    for (const row of sample) {
      expect(row.period).toBe(quarterOf(toLocalDate(row.finished_at!.getTime())));
      expect(row.cs1).toBe({ early: 2, on_time: 1, late: 0 }[row.timeliness as 'early' | 'on_time' | 'late']);
    }
  });

  it('keeps the rollups incrementally as events arrive, equal to a full recompute', async () => {
    const open = await deps.db
      .selectFrom('dossier')
      .select(['id', 'code', 'last_occurred_at', 'due_legal_date'])
      .where('status', 'in', ['received', 'processing'])
      .where('step_count', '=', 0)
      .orderBy('code')
      .limit(30)
      .execute();
    expect(open.length).toBeGreaterThan(10);
    for (const [index, dossier] of open.entries()) {
      // Alternate early, on-time and late finishes (relative to the legal due date).
      const offsetDays = [-1, 0, 3][index % 3]!;
      const due = Date.parse(`${dossier.due_legal_date}T09:00:00+07:00`) + offsetDays * 86_400_000;
      const at = Math.max(due, dossier.last_occurred_at.getTime() + 60_000);
      const occurredAt = new Date(at).toISOString();
      await appendDossierEvent(deps, { id: dossier.id }, { type: 'finished', occurredAt }, 'api');
      if (index % 2 === 0) {
        await appendDossierEvent(
          deps,
          { id: dossier.id },
          { type: 'result_returned', occurredAt: new Date(at + 3_600_000).toISOString() },
          'api',
        );
      }
    }
    // Ratings rescore their dossiers incrementally too (the citizen's answers enter indicators 3, 4, 7).
    const rated = await deps.db
      .selectFrom('dossier')
      .select('id')
      .where('finished_at', 'is not', null)
      .orderBy('code')
      .limit(12)
      .execute();
    for (const [index, dossier] of rated.entries()) {
      await recordRating(deps, {
        dossierId: dossier.id,
        channel: 'qr',
        satisfaction: ([5, 4, 2] as const)[index % 3]!,
        answers: { cs3: ([2, 1, 0] as const)[index % 3], cs7: ([2, 1, 0] as const)[(index + 1) % 3] },
        submittedAt: new Date(AS_OF - 86_400_000).toISOString(),
      });
    }
    const incremental = await snapshot(deps);
    await recomputeAllScores(deps);
    expect(await snapshot(deps)).toEqual(incremental);
  });

  it('serves agency scores equal to the half-up average of the stored dossier points', async () => {
    const quarter = await sql<{
      period: string;
    }>`SELECT period FROM dossier_score GROUP BY period ORDER BY count(*) DESC LIMIT 1`.execute(deps.db);
    const period = parsePeriod(quarter.rows[0]!.period);
    const table = await getAgencyScores(deps, period);
    expect(table.rows.length).toBeGreaterThanOrEqual(10);
    const top = table.rows.find((row) => row.result.indicators.cs1.score !== null)!;
    const raw = await deps.db
      .selectFrom('dossier_score')
      .select(['cs1'])
      .where('agency_id', '=', top.id)
      .where('period', 'in', period.quarters)
      .where('cs1', 'is not', null)
      .execute();
    const sum = raw.reduce((total, row) => total + (row.cs1 ?? 0), 0);
    // Điều 15 khoản 2: sum of points / number of dossiers, rounded half up to one decimal.
    expect(top.result.indicators.cs1.score).toBe(Math.floor((sum * 10 * 2 + raw.length) / (2 * raw.length)));
    const ranks = table.rows.map((row) => row.rank);
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < table.rows.length; i += 1)
      expect(table.rows[i]!.total).toBeLessThanOrEqual(table.rows[i - 1]!.total);
    const officials = await getOfficialScores(deps, period);
    expect(officials.rows.length).toBeGreaterThan(10);
    for (const row of officials.rows) expect(row.result.total).toBeLessThanOrEqual(100);
  });

  it('explains a dossier score with the facts, rule and article', async () => {
    const row = await deps.db
      .selectFrom('dossier_score')
      .innerJoin('dossier', 'dossier.id', 'dossier_score.dossier_id')
      .select('dossier.code')
      .limit(1)
      .executeTakeFirstOrThrow();
    const result = await getDossierScore(deps, { code: row.code });
    expect(result.scored).not.toBeNull();
    const cs1 = result.scored!.score.indicators.find((outcome) => outcome.indicator === 'cs1')!;
    expect(cs1.rule).toContain('Điều 13');
    expect(cs1.facts.length).toBeGreaterThan(0);
    expect(result.stored?.scheme_id).toBe('tt01-2018');
  });
});
