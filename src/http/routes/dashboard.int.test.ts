import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRating } from '#app/ratings/record-rating.ts';
import type { DashboardView } from '#shared/dashboard.view.ts';
import type { AgencyScoresView, SatisfactionView } from '#shared/score.view.ts';
import { eventReader } from '#test/support/device.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp, type TestSession } from '#test/support/http.ts';

const c = TEST_CATALOG;
const PERIOD = '2025-Q3';

describe('back-office dashboard (issue 6, point 3)', () => {
  let t: TestApp;
  let base: string;
  let department: TestDossier[];
  let department2: TestDossier[];
  let agencyIds: { department: string; department2: string };

  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-10-15T10:00:00+07:00') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // Sở Tư pháp: received Mon 07/07 (due Mon 14/07): early, on time, late; one more in August, early.
    department = [];
    for (const finishedAt of [
      '2025-07-09T09:00:00+07:00',
      '2025-07-14T16:00:00+07:00',
      '2025-07-16T10:00:00+07:00',
    ]) {
      department.push(await finishedTestDossier(t.deps, { finishedAt, finishedBy: c.handlingOfficial }));
    }
    department.push(
      await finishedTestDossier(t.deps, {
        receivedAt: '2025-08-04T09:00:00+07:00',
        finishedAt: '2025-08-05T09:00:00+07:00',
        finishedBy: c.handlingOfficial,
      }),
    );
    // Sở Xây dựng: one early in July, one late in September.
    department2 = [
      await finishedTestDossier(t.deps, {
        agencyCode: c.department2,
        finishedAt: '2025-07-08T09:00:00+07:00',
        finishedBy: 'CB003',
      }),
      await finishedTestDossier(t.deps, {
        agencyCode: c.department2,
        receivedAt: '2025-09-01T09:00:00+07:00',
        finishedAt: '2025-09-30T09:00:00+07:00',
        finishedBy: 'CB003',
      }),
    ];
    agencyIds = { department: department[0]!.agencyId, department2: department2[0]!.agencyId };
    // Ratings: three that count at Sở Tư pháp (one of them rated twice: a logged duplicate), one at Sở Xây dựng.
    const rate = (dossier: TestDossier, satisfaction: 1 | 2 | 3 | 4 | 5, day: string) =>
      recordRating(t.deps, {
        dossierId: dossier.id,
        channel: 'qr',
        satisfaction,
        submittedAt: `2025-${day}T10:00:00+07:00`,
      });
    await rate(department[0]!, 5, '07-10');
    await rate(department[0]!, 1, '07-11');
    await rate(department[1]!, 4, '07-15');
    await rate(department[2]!, 2, '07-17');
    await rate(department2[0]!, 3, '07-09');
  });
  afterAll(async () => {
    await t.close();
  });

  const dashboard = async (session?: TestSession, query = `period=${PERIOD}`): Promise<DashboardView> => {
    const request = { method: 'GET' as const, url: `/api/v1/dashboard?${query}` };
    const response = session
      ? await t.app.inject({ ...request, headers: session.headers })
      : await t.inject(request);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DashboardView>();
  };

  /** Finished dossiers of the period by month and timeliness, straight from the dossier table. */
  const timelinessFromTable = async (agencyIdsIn: readonly string[]) => {
    const rows = await sql<{ month: string; timeliness: string; n: number }>`
      SELECT to_char(finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, timeliness,
             count(*)::int AS n
      FROM dossier
      WHERE timeliness IS NOT NULL AND agency_id IN (${sql.join(agencyIdsIn)})
        AND finished_at >= '2025-07-01T00:00:00+07:00' AND finished_at < '2025-10-01T00:00:00+07:00'
      GROUP BY 1, 2`.execute(t.deps.db);
    return ['2025-07', '2025-08', '2025-09'].map((month) => {
      const n = (timeliness: string) =>
        rows.rows.find((row) => row.month === month && row.timeliness === timeliness)?.n ?? 0;
      return { month, early: n('early'), onTime: n('on_time'), late: n('late') };
    });
  };

  /** Ratings of the period, straight from the rating table. */
  const ratingsFromTable = async (agencyIdsIn: readonly string[]) => {
    const rows = await t.deps.db
      .selectFrom('rating')
      .select(['satisfaction', 'is_duplicate', 'recorded_at'])
      .where('agency_id', 'in', agencyIdsIn)
      .where('submitted_at', '>=', new Date('2025-07-01T00:00:00+07:00'))
      .where('submitted_at', '<', new Date('2025-10-01T00:00:00+07:00'))
      .execute();
    const counting = rows.filter((row) => !row.is_duplicate);
    const latest = Math.max(...rows.map((row) => new Date(row.recorded_at).getTime()));
    return {
      received: rows.length,
      counting: counting.length,
      latestAt: rows.length === 0 ? null : new Date(latest).toISOString(),
      levels: [1, 2, 3, 4, 5].map((level) => counting.filter((row) => row.satisfaction === level).length),
    };
  };

  it('gives the numbers of the underlying tables for the whole province', async () => {
    const view = await dashboard();
    const all = [agencyIds.department, agencyIds.department2];
    expect(view.period).toBe(PERIOD);
    expect(view.months).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(view.timeliness).toEqual(await timelinessFromTable(all));
    // By hand: July 1 + 1 early, 1 on time, 1 late; August 1 early; September 1 late.
    expect(view.timeliness).toEqual([
      { month: '2025-07', early: 2, onTime: 1, late: 1 },
      { month: '2025-08', early: 1, onTime: 0, late: 0 },
      { month: '2025-09', early: 0, onTime: 0, late: 1 },
    ]);
    const ratings = await ratingsFromTable(all);
    expect(view.ratings).toEqual({
      received: ratings.received,
      counting: ratings.counting,
      latestAt: ratings.latestAt,
    });
    expect(view.ratings).toMatchObject({ received: 5, counting: 4 });
    expect([1, 2, 3, 4, 5].map((level) => view.satisfaction.counts[`${level}` as '1'])).toEqual(
      ratings.levels,
    );
    const satisfaction = (
      await t.inject({ method: 'GET', url: `/api/v1/scores/satisfaction?period=${PERIOD}` })
    ).json<SatisfactionView>();
    expect(view.satisfaction).toEqual(satisfaction.overall);

    // Ranking and heatmap: the agency table's rank, total, grade and indicator scores.
    const table = (
      await t.inject({ method: 'GET', url: `/api/v1/scores/agencies?period=${PERIOD}` })
    ).json<AgencyScoresView>();
    expect(view.agencies.map((row) => row.agency.code)).toEqual(table.rows.map((row) => row.agency.code));
    for (const row of table.rows) {
      const shown = view.agencies.find((candidate) => candidate.agency.id === row.agency.id)!;
      expect(shown).toMatchObject({ rank: row.rank, total: row.total, scored: row.scored, grade: row.grade });
      for (const indicator of ['cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cs7', 'cs8', 'cs9'] as const)
        expect(shown.indicators[indicator], `${row.agency.code} ${indicator}`).toBe(
          row.indicators[indicator].score,
        );
    }
    // CS1 of Sở Tư pháp from its dossiers: (2 + 1 + 0 + 2) / 4 = 1.25 → 1.3 (half up).
    expect(view.agencies.find((row) => row.agency.code === c.department)?.indicators.cs1).toBe(1.3);
    // A system administrator reads the integrity signals: one count per kind.
    expect(view.integrity?.summary.map((entry) => entry.kind)).toHaveLength(7);
    expect(view.integrity).toMatchObject({ from: '2025-07-01', to: '2025-09-30' });
  });

  it('keeps an agency-scoped role to its subtree, and leaves out what it may not read', async () => {
    const leader = await t.signInWithRole('agency_leader', c.department2);
    const view = await dashboard(leader);
    expect(view.agencies.map((row) => row.agency.code)).toEqual([c.department2]);
    const province = await dashboard();
    // The rank stays the province-wide one.
    expect(view.agencies[0]!.rank).toBe(
      province.agencies.find((row) => row.agency.code === c.department2)!.rank,
    );
    expect(view.timeliness).toEqual(await timelinessFromTable([agencyIds.department2]));
    const ratings = await ratingsFromTable([agencyIds.department2]);
    expect(view.ratings).toEqual({
      received: ratings.received,
      counting: ratings.counting,
      latestAt: ratings.latestAt,
    });
    expect(view.satisfaction.total).toBe(1);
    expect(view.satisfaction.counts['3']).toBe(1);
    expect(view.integrity).not.toBeNull();

    // A counter official reads scores but not integrity signals: none are given.
    const counter = await t.signInWithRole('counter_official', c.department);
    const counterView = await dashboard(counter);
    expect(counterView.agencies.map((row) => row.agency.code)).toEqual([c.department]);
    expect(counterView.ratings).toMatchObject({ received: 4, counting: 3 });
    expect(counterView.integrity).toBeNull();

    // Asking for another subtree gives nothing of it.
    const elsewhere = await dashboard(leader, `period=${PERIOD}&agencyId=${agencyIds.department}`);
    expect(elsewhere.agencies).toEqual([]);
    expect(elsewhere.ratings).toEqual({ received: 0, counting: 0, latestAt: null });
    expect(elsewhere.timeliness.every((month) => month.early + month.onTime + month.late === 0)).toBe(true);

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/dashboard?period=${PERIOD}` });
    expect(anonymous.statusCode).toBe(401);
    const bad = await t.inject({ method: 'GET', url: '/api/v1/dashboard?period=2025-Q5' });
    expect(bad.json()).toMatchObject({ error: { code: 'PERIOD_INVALID' } });
  });

  it('streams a rating recorded through the API to the dashboards that can see its agency only', async () => {
    const open = async (session: TestSession | null) =>
      fetch(`${base}/api/v1/dashboard/events`, {
        headers: { accept: 'text/event-stream', ...(session ? { cookie: session.cookie } : {}) },
      });
    expect((await open(null)).status).toBe(401);
    const notAStream = await t.inject({ method: 'GET', url: '/api/v1/dashboard/events' });
    expect(notAStream.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });

    const inScope = await t.signInWithRole('focal_official', c.department);
    const outOfScope = await t.signInWithRole('focal_official', c.department2);
    const province = await t.signInWithRole('provincial_office', null);
    const streams = await Promise.all([open(inScope), open(outOfScope), open(province)]);
    for (const stream of streams) {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
    }
    const [inEvents, outEvents, provinceEvents] = streams.map(eventReader) as [
      ReturnType<typeof eventReader>,
      ReturnType<typeof eventReader>,
      ReturnType<typeof eventReader>,
    ];
    for (const events of [inEvents, outEvents, provinceEvents])
      expect((await events.next('ready')).data).toEqual({ live: true });

    // A paper slip keyed at Sở Tư pháp (the dossier has no rating yet).
    const keyed = await t.inject({
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: { scanned: department[3]!.code, satisfaction: 5, submittedAt: '2025-08-06T09:00:00+07:00' },
    });
    expect(keyed.statusCode, keyed.body).toBe(201);
    const startedAt = Date.now();
    const heard = await inEvents.next('rating.recorded', 2000);
    expect(heard.data).toEqual({ agencyId: agencyIds.department });
    expect(heard.receivedAt - startedAt).toBeLessThan(2000);
    expect((await provinceEvents.next('rating.recorded', 2000)).data).toEqual({
      agencyId: agencyIds.department,
    });
    // The new rating is on the dashboard at once.
    expect((await dashboard(inScope)).ratings.received).toBe(5);

    // Then one at Sở Xây dựng: the first (and only) event the other department's stream hears is
    // this one — it never heard of Sở Tư pháp's.
    const other = await t.inject({
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: { scanned: department2[1]!.code, satisfaction: 2, submittedAt: '2025-09-30T15:00:00+07:00' },
    });
    expect(other.statusCode, other.body).toBe(201);
    expect((await outEvents.next('rating.recorded', 2000)).data).toEqual({ agencyId: agencyIds.department2 });
    expect((await provinceEvents.next('rating.recorded', 2000)).data).toEqual({
      agencyId: agencyIds.department2,
    });
    // Keying the same slip again changes nothing and announces nothing.
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: { scanned: department2[1]!.code, satisfaction: 2, submittedAt: '2025-09-30T15:00:00+07:00' },
    });
    expect(again.statusCode).toBe(200);
    await expect(inEvents.next('rating.recorded', 300)).rejects.toThrow(/no "rating.recorded" event/);
    await Promise.all([inEvents.cancel(), outEvents.cancel(), provinceEvents.cancel()]);
  });
});
