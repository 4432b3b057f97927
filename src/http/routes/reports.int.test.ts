import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTimelinessRates } from '#app/reports/get-timeliness-rates.ts';
import { getAgencyScores, readRollups, tt01SchemeIds } from '#app/scoring/get-agency-scores.ts';
import { getOfficialScores } from '#app/scoring/get-official-scores.ts';
import { verifyAudit } from '#app/audit/verify-audit.ts';
import { parsePeriod, type Period } from '#domain/periods/period.ts';
import type { AgencyScoresView } from '#shared/score.view.ts';
import type {
  SectorScoresView,
  TimelinessView,
  UnitReportListView,
  UnitReportView,
} from '#shared/report.view.ts';
import { finishedTestDossier, receivedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp, type TestSession } from '#test/support/http.ts';

const c = TEST_CATALOG;

/** The same period forced through the per-dossier path (what a custom range uses). */
function perDossier(period: Period): Period {
  return { ...period, isWholeQuarters: false };
}

describe('period reports (issue 6 point 1)', () => {
  let t: TestApp;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-10-05T10:00:00+07:00') });
    // Sở Tư pháp, 5-working-day procedure received Mon 2025-07-07 09:00: due Mon 2025-07-14.
    const official = { officialCode: c.counterOfficial, finishedBy: c.handlingOfficial };
    await finishedTestDossier(t.deps, { ...official, finishedAt: '2025-07-09T10:00:00+07:00' }); // early
    await finishedTestDossier(t.deps, { ...official, finishedAt: '2025-07-10T10:00:00+07:00' }); // early
    await finishedTestDossier(t.deps, { ...official, finishedAt: '2025-07-14T16:00:00+07:00' }); // on time
    await finishedTestDossier(t.deps, { ...official, finishedAt: '2025-07-16T10:00:00+07:00' }); // late
    // Another sector (Chứng thực, 4 hours): finished within the hour of receipt, early.
    await finishedTestDossier(t.deps, {
      ...official,
      procedureCode: c.procedure3Hours,
      finishedAt: '2025-07-07T10:00:00+07:00',
    });
    await receivedTestDossier(t.deps, { officialCode: c.counterOfficial }); // open, overdue at the quarter's end
    await receivedTestDossier(t.deps, { receivedAt: '2025-09-29T09:00:00+07:00' }); // open, due 2025-10-06
    // Sở Xây dựng: one early dossier (received Mon 2025-08-18, due 2025-08-25).
    await finishedTestDossier(t.deps, {
      agencyCode: c.department2,
      officialCode: 'CB003',
      finishedBy: 'CB003',
      receivedAt: '2025-08-18T09:00:00+07:00',
      finishedAt: '2025-08-20T10:00:00+07:00',
    });
    departmentId = (
      await t.deps.db
        .selectFrom('agency')
        .select('id')
        .where('code', '=', c.department)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('a quarter gives identical agency and official tables from the rollups and from the per-dossier scores', async () => {
    for (const key of ['2025-Q3', '2025']) {
      const period = parsePeriod(key);
      expect((await getAgencyScores(t.deps, perDossier(period))).rows).toEqual(
        (await getAgencyScores(t.deps, period)).rows,
      );
      const officials = await getOfficialScores(t.deps, period);
      expect(officials.rows.length).toBeGreaterThan(0);
      expect((await getOfficialScores(t.deps, perDossier(period))).rows).toEqual(officials.rows);
    }
  });

  it('a custom range counts the dossiers finished in it, by the date that puts a dossier in its quarter', async () => {
    const response = await t.inject({
      method: 'GET',
      url: '/api/v1/scores/agencies?period=2025-07-01..2025-07-13',
    });
    expect(response.statusCode, response.body).toBe(200);
    const table = response.json<AgencyScoresView>();
    expect(table.period).toBe('2025-07-01..2025-07-13');
    const row = table.rows.find((r) => r.agency.code === c.department)!;
    // Three early dossiers (07-07, 07-09, 07-10): cs1 = 2.0; the on-time and late ones finished later.
    expect(row.indicators.cs1.score).toBe(2);
    expect(row.indicators.cs1.candidates[0]?.facts.join(' ')).toContain('3');
    const officials = await t.inject({
      method: 'GET',
      url: '/api/v1/scores/officials?period=2025-07-01..2025-07-13',
    });
    expect(officials.statusCode, officials.body).toBe(200);
    const bad = await t.inject({
      method: 'GET',
      url: '/api/v1/scores/agencies?period=2025-08-15..2025-07-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('PERIOD_INVALID');
  });

  it('the sector table adds up to the agency table (sums and counts per indicator)', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/scores/sectors?period=2025-Q3' });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<SectorScoresView>();
    expect(view.sectors.map((s) => s.sector)).toEqual(['Chứng thực', 'Tư pháp']);
    const tuPhap = view.sectors.find((s) => s.sector === 'Tư pháp')!;
    // cs1 over both departments' Tư pháp dossiers: (2+2+1+0+2)/5 = 1.4.
    expect(tuPhap.figures.indicators.cs1).toEqual({ score: 1.4, sum: 7, count: 5 });
    expect(tuPhap.figures.dossiers).toBe(5);
    expect(tuPhap.agencies.map((a) => a.agency.code).sort()).toEqual([c.department, c.department2]);
    const agencyCells = await readRollups(t.deps.db, tt01SchemeIds(t.deps), parsePeriod('2025-Q3'), 'agency');
    for (const cell of agencyCells) {
      if (!['cs1', 'cs2', 'cs3', 'cs4', 'cs7'].includes(cell.indicator)) continue;
      const indicator = cell.indicator as 'cs1' | 'cs2' | 'cs3' | 'cs4' | 'cs7';
      const sectors = view.sectors.flatMap((s) => s.agencies.filter((a) => a.agency.id === cell.subject_id));
      expect(sectors.reduce((sum, a) => sum + a.figures.indicators[indicator].sum, 0)).toBe(cell.sum);
      expect(sectors.reduce((sum, a) => sum + a.figures.indicators[indicator].count, 0)).toBe(cell.count);
    }
    const scoped = (
      await t.inject({ method: 'GET', url: `/api/v1/scores/sectors?period=2025-Q3&agency=${c.department2}` })
    ).json<SectorScoresView>();
    expect(scoped.sectors.map((s) => [s.sector, s.figures.dossiers])).toEqual([['Tư pháp', 1]]);
    // A custom range reads the per-dossier scores: the same cells for the same dossiers.
    const range = (
      await t.inject({ method: 'GET', url: '/api/v1/scores/sectors?period=2025-07-01..2025-09-30' })
    ).json<SectorScoresView>();
    expect(range.sectors).toEqual(view.sectors);
  });

  it('early / on-time / late rates on known dossiers, in integers, per agency and month', async () => {
    const report = await getTimelinessRates(
      t.deps,
      { from: '2025-07-01', to: '2025-09-30' },
      { byMonth: true },
    );
    const department = report.agencies.find((row) => row.agency.code === c.department)!;
    expect(department.counts).toEqual({
      finished: 5,
      early: 3,
      onTime: 1,
      late: 1,
      openOverdue: 1,
      openWithinTime: 1,
    });
    expect(department.rates).toEqual({
      earlyPerMille: 600,
      onTimePerMille: 200,
      latePerMille: 200,
      earlyOrOnTimePerMille: 800,
    });
    expect(department.months?.map((m) => [m.month, m.counts.finished, m.counts.openOverdue])).toEqual([
      ['2025-07', 5, 1],
      ['2025-08', 0, 1],
      ['2025-09', 0, 1],
    ]);
    // 4 early of 6: 666.67 per mille, half up → 667.
    expect(report.total.counts.finished).toBe(6);
    expect(report.total.rates.earlyPerMille).toBe(667);
    expect(report.total.months?.[1]?.counts.finished).toBe(1);

    const early = await getTimelinessRates(
      t.deps,
      { from: '2025-07-01', to: '2025-07-13' },
      { agencyIds: [departmentId] },
    );
    expect(early.agencies.map((row) => [row.agency.code, row.counts])).toEqual([
      [c.department, { finished: 3, early: 3, onTime: 0, late: 0, openOverdue: 0, openWithinTime: 3 }],
    ]);

    const response = await t.inject({ method: 'GET', url: '/api/v1/reports/timeliness?period=2025-Q3' });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<TimelinessView>();
    expect(view.total.rates).toEqual({
      earlyPercent: 66.7,
      onTimePercent: 16.7,
      latePercent: 16.7,
      earlyOrOnTimePercent: 83.3,
    });
    expect(view.agencies[0]?.months).toBeNull();
  });
});

describe('the unit report to the level above (Thông tư 01/2018 Điều 15 khoản 4)', () => {
  let t: TestApp;
  let focal: TestSession;
  let parentLeader: TestSession;
  let sibling: TestSession;
  let provincial: TestSession;
  const url = `/api/v1/reports/units/${c.department}`;

  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-10-05T10:00:00+07:00') });
    await finishedTestDossier(t.deps, { officialCode: c.counterOfficial, finishedBy: c.handlingOfficial });
    focal = await t.signInWithRole('focal_official', c.department);
    parentLeader = await t.signInWithRole('agency_leader', c.province);
    sibling = await t.signInWithRole('focal_official', c.department2);
    provincial = await t.signInWithRole('provincial_office', null);
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (session: TestSession, method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
    t.app.inject({ method, url: path, headers: session.headers, ...(payload ? { payload } : {}) });

  it('draft → submit → frozen; a correction is a new revision with its reason; every change audited', async () => {
    expect((await send(focal, 'PUT', url, { period: '2025-Q3', remedies: 'Tăng cường' })).statusCode).toBe(
      200,
    );
    const saved = await send(focal, 'PUT', url, {
      period: '2025-Q3',
      remedies: 'Tăng cường tập huấn cán bộ tiếp nhận.',
      notes: 'Quý III',
    });
    expect(saved.json()).toEqual({ revision: 1, status: 'draft' });

    const submitted = await send(focal, 'POST', `${url}/submit`, { period: '2025-Q3' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ revision: 1, status: 'submitted' });

    const frozen = await send(focal, 'PUT', url, { period: '2025-Q3', remedies: 'Sửa lại' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json<{ error: { code: string } }>().error.code).toBe('UNIT_REPORT_SUBMITTED');
    const again = await send(focal, 'POST', `${url}/submit`, { period: '2025-Q3' });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('UNIT_REPORT_NOT_DRAFT');

    const correction = await send(focal, 'PUT', url, {
      period: '2025-Q3',
      remedies: 'Tăng cường tập huấn; bố trí thêm một quầy.',
      correctionReason: 'Bổ sung biện pháp theo ý kiến lãnh đạo.',
    });
    expect(correction.json()).toEqual({ revision: 2, status: 'draft' });
    expect((await send(focal, 'POST', `${url}/submit`, { period: '2025-Q3' })).statusCode).toBe(200);

    const view = (await send(focal, 'GET', `${url}?period=2025-Q3`)).json<UnitReportView>();
    expect(view.status).toBe('submitted');
    expect(
      view.revisions.map((r) => [
        r.revision,
        r.status,
        r.remedies,
        r.correctionReason,
        r.submittedBy !== null,
      ]),
    ).toEqual([
      [
        2,
        'submitted',
        'Tăng cường tập huấn; bố trí thêm một quầy.',
        'Bổ sung biện pháp theo ý kiến lãnh đạo.',
        true,
      ],
      [1, 'submitted', 'Tăng cường tập huấn cán bộ tiếp nhận.', null, true],
    ]);
    expect(view.agencies.rows.map((row) => row.agency.code)).toEqual([c.department]);
    expect(view.timeliness.total.counts.finished).toBe(1);
    expect(view.satisfaction.overall.total).toBe(0);

    const entries = await t.deps.db
      .selectFrom('audit_entry')
      .select(['action', 'target_key', 'actor_kind'])
      .where('target_table', '=', 'unit_report')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.action, e.target_key, e.actor_kind])).toEqual([
      ['unit_report.draft_saved', '2025-Q3/1', 'staff'],
      ['unit_report.draft_saved', '2025-Q3/1', 'staff'],
      ['unit_report.submitted', '2025-Q3/1', 'staff'],
      ['unit_report.correction_opened', '2025-Q3/2', 'staff'],
      ['unit_report.submitted', '2025-Q3/2', 'staff'],
    ]);
    expect((await verifyAudit(t.deps)).findings).toEqual([]);
  });

  it('the parent and the provincial office read it; a sibling agency cannot see it exists', async () => {
    const parent = await send(parentLeader, 'GET', `${url}?period=2025-Q3`);
    expect(parent.statusCode, parent.body).toBe(200);
    expect(parent.json<UnitReportView>().status).toBe('submitted');

    const list = (
      await send(provincial, 'GET', '/api/v1/reports/units?period=2025-Q3')
    ).json<UnitReportListView>();
    expect(list.rows.find((row) => row.agency.code === c.department)).toMatchObject({
      status: 'submitted',
      revision: 2,
      agency: { parentCode: c.province },
    });
    expect(list.rows.find((row) => row.agency.code === c.department2)?.status).toBe('none');

    // Out of scope answers exactly as an unknown agency does (same status, same code).
    const unknown = await send(sibling, 'GET', '/api/v1/reports/units/KHONG-CO?period=2025-Q3');
    for (const [method, path, payload] of [
      ['GET', `${url}?period=2025-Q3`, undefined],
      ['PUT', url, { period: '2025-Q3', remedies: 'x', correctionReason: 'y' }],
      ['POST', `${url}/submit`, { period: '2025-Q3' }],
    ] as const) {
      const refused = await send(sibling, method, path, payload);
      expect(refused.statusCode, `${method} ${path}`).toBe(unknown.statusCode);
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('AGENCY_NOT_FOUND');
    }
    const siblingList = (
      await send(sibling, 'GET', '/api/v1/reports/units?period=2025-Q3')
    ).json<UnitReportListView>();
    expect(siblingList.rows.map((row) => row.agency.code)).toEqual([c.department2]);
  });

  it('refuses a custom range, a correction of a report never sent, and over-long remedies', async () => {
    const range = await send(focal, 'PUT', url, { period: '2025-07-01..2025-08-15', remedies: 'x' });
    expect(range.statusCode).toBe(400);
    const year = `/api/v1/reports/units/${c.department}`;
    const noCorrection = await send(focal, 'PUT', year, {
      period: '2025',
      remedies: 'x',
      correctionReason: 'y',
    });
    expect(noCorrection.json<{ error: { code: string } }>().error.code).toBe('UNIT_REPORT_NO_CORRECTION');
    const long = await send(focal, 'PUT', year, { period: '2025', remedies: 'a'.repeat(8001) });
    expect(long.statusCode).toBe(400);
    const nothing = await send(focal, 'POST', `${year}/submit`, { period: '2025' });
    expect(nothing.json<{ error: { code: string } }>().error.code).toBe('UNIT_REPORT_NOT_FOUND');
  });

  it('a sent report keeps the figures it was sent with; a draft shows them as they stand', async () => {
    const dossiersOf = (view: UnitReportView) =>
      view.agencies.rows.find((row) => row.agency.code === c.department)?.dossiers;
    const sent = (await send(parentLeader, 'GET', `${url}?period=2025-Q3`)).json<UnitReportView>();
    expect(sent.status).toBe('submitted');
    expect(sent.figuresAsOf).toBe(sent.revisions.find((r) => r.status === 'submitted')?.submittedAt);
    const before = dossiersOf(sent);

    // A dossier of the quarter finished (and scored) after the report was sent.
    await finishedTestDossier(t.deps, { officialCode: c.counterOfficial, finishedBy: c.handlingOfficial });
    const live = (
      await send(provincial, 'GET', `/api/v1/scores/agencies?period=2025-Q3`)
    ).json<AgencyScoresView>();
    expect(live.rows.find((row) => row.agency.code === c.department)?.dossiers).toBe((before ?? 0) + 1);

    const later = (await send(parentLeader, 'GET', `${url}?period=2025-Q3`)).json<UnitReportView>();
    expect(dossiersOf(later)).toBe(before);
    expect(later).toEqual(sent);

    // A year report still being drafted shows the live figures.
    await send(focal, 'PUT', url, { period: '2025', remedies: 'Dự thảo' });
    const draft = (await send(focal, 'GET', `${url}?period=2025`)).json<UnitReportView>();
    expect(draft.figuresAsOf).toBeNull();
    expect(dossiersOf(draft)).toBe((before ?? 0) + 1);
  });
});
