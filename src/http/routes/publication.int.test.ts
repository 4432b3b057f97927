import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '#app/audit/verify-audit.ts';
import { publishPeriod } from '#app/publication/publish-period.ts';
import { recordRating } from '#app/ratings/record-rating.ts';
import { parseOpenData } from '#domain/publication/open-data.ts';
import { recomputeFromOpenData } from '#domain/publication/recompute.ts';
import type { PublishedSnapshot } from '#domain/publication/snapshot.ts';
import type {
  AgencyResultsView,
  PublicationListView,
  PublishedResultView,
} from '#shared/public-results.view.ts';
import type { AgencyScoresView } from '#shared/score.view.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp, type TestSession } from '#test/support/http.ts';

const PERIOD = '2025-Q3';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
/** Names and codes of people in the test catalog and ratings, which nothing public may hold. */
const PERSONAL = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'CB001',
  'CB002',
  'CB003',
  'chị Hoa',
  '0912345678',
];

describe('publishing a period (issue 6 points 4–5)', () => {
  let t: TestApp;
  let office: TestSession;
  const dossiers: TestDossier[] = [];

  const publicGet = (url: string) => t.app.inject({ method: 'GET', url });
  const publish = (payload: Record<string, unknown>, session: TestSession = office) =>
    t.app.inject({ method: 'POST', url: '/api/v1/results/publications', headers: session.headers, payload });
  const live = async (): Promise<AgencyScoresView> =>
    (
      await t.inject({ method: 'GET', url: `/api/v1/scores/agencies?period=${PERIOD}` })
    ).json<AgencyScoresView>();

  beforeAll(async () => {
    t = await createTestApp();
    // Sở Tư pháp: early, on time and late dossiers; Sở Xây dựng: one early online dossier.
    for (const finishedAt of [
      '2025-07-08T10:00:00+07:00',
      '2025-07-14T16:00:00+07:00',
      '2025-07-16T10:00:00+07:00',
    ]) {
      dossiers.push(
        await finishedTestDossier(t.deps, {
          officialCode: TEST_CATALOG.counterOfficial,
          finishedAt,
          finishedBy: TEST_CATALOG.handlingOfficial,
        }),
      );
    }
    dossiers.push(
      await finishedTestDossier(t.deps, {
        agencyCode: TEST_CATALOG.department2,
        channel: 'online',
        finishedAt: '2025-07-08T10:00:00+07:00',
        finishedBy: 'CB003',
      }),
    );
    await recordRating(t.deps, {
      dossierId: dossiers[0]!.id,
      channel: 'qr',
      satisfaction: 5,
      answers: { cs3: 2 },
      comment: 'Cảm ơn chị Hoa, số 0912345678',
      submittedAt: '2025-07-20T10:00:00+07:00',
    });
    office = await t.signInWithRole('provincial_office', null);
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the public routes without sign-in, with stable not-found codes before anything is published', async () => {
    const list = await publicGet('/api/v1/public/results');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<PublicationListView>().publications).toEqual([]);
    const none = await publicGet(`/api/v1/public/results/${PERIOD}`);
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ error: { code: 'PUBLICATION_NOT_FOUND' } });
    const file = await publicGet(`/api/v1/public/results/${PERIOD}/open-data.json`);
    expect(file.json()).toMatchObject({ error: { code: 'PUBLICATION_NOT_FOUND' } });
    const agency = await publicGet(`/api/v1/public/agencies/${TEST_CATALOG.department}/results`);
    expect(agency.statusCode).toBe(404);
    expect(agency.json()).toMatchObject({ error: { code: 'PUBLICATION_AGENCY_NOT_FOUND' } });
    expect((await publicGet('/api/v1/public/results/2025-Q9')).statusCode).toBe(400);
  });

  it('lets only a province-wide result.publish grant publish', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/results/publications',
      payload: { period: PERIOD },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const [role, agency] of [
      ['agency_leader', TEST_CATALOG.department],
      ['auditor', null],
      ['provincial_office', TEST_CATALOG.province],
    ] as const) {
      const session = await t.signInWithRole(role, agency);
      const refused = await publish({ period: PERIOD }, session);
      expect(refused.statusCode, `${role} ${agency}`).toBe(403);
    }
    // Results are published per quarter or year, never for a custom range.
    expect((await publish({ period: '2025-07-01..2025-08-15' })).statusCode).toBe(400);
    await expect(publishPeriod(t.deps, { period: '2025-07-01..2025-08-15' })).rejects.toMatchObject({
      code: 'PERIOD_INVALID',
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/results' })).json()).toEqual({
      publications: [],
    });
  });

  let first: PublishedResultView;
  let firstOpenData: string;

  it('publishes version 1: the frozen ranking equals the live table, with scheme and checkpoint', async () => {
    const published = await publish({ period: PERIOD });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ period: PERIOD, version: 1, reason: null });
    const response = await publicGet(`/api/v1/public/results/${PERIOD}`);
    expect(response.statusCode, response.body).toBe(200);
    first = response.json<PublishedResultView>();
    expect(first).toMatchObject({
      version: 1,
      latestVersion: 1,
      hasNewerVersion: false,
      period: { key: PERIOD, kind: 'quarter', from: '2025-07-01', to: '2025-09-30' },
      scheme: { id: 'tt01-2018' },
    });
    expect(first.scheme.sha256).toMatch(/^[0-9a-f]{64}$/);
    const table = await live();
    expect(
      first.rows.map((row) => [row.agency.code, row.rank, row.total, row.scored, row.grade.code]),
    ).toEqual(table.rows.map((row) => [row.agency.code, row.rank, row.total, row.scored, row.grade.code]));
    const justice = first.rows.find((row) => row.agency.code === TEST_CATALOG.department)!;
    expect(justice.agency).toMatchObject({
      name: 'Sở Tư pháp',
      level: 'department',
      parentCode: TEST_CATALOG.province,
    });
    expect(justice.indicators.cs1).toMatchObject({ source: 'dossiers', dossiers: 3 });
    expect(justice.dossiers).toEqual({ received: 3, scored: 3 });
    expect(justice.satisfaction).toEqual({ total: 1, ratHaiLong: 1, haiLong: 0, chuaHaiLong: 0 });
    // The checkpoint it was taken at is published and signed.
    const checkpoint = await publicGet(first.checkpoint.url);
    expect(checkpoint.statusCode).toBe(200);
    expect(checkpoint.json()).toMatchObject({ checkpoint: { id: first.checkpoint.id } });
  });

  it('serves the open data byte for byte: it recomputes to the ranking and its sums are the snapshot’s', async () => {
    const file = await publicGet(first.downloads.json);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="hailong-ket-qua-2025-Q3-v1\.json"$/,
    );
    firstOpenData = file.body;
    expect(sha256(file.body)).toBe(first.openDataSha256);
    const doc = parseOpenData(JSON.parse(file.body));
    expect(
      recomputeFromOpenData(doc, { sha256: (data) => createHash('sha256').update(data).digest() })
        .differences,
    ).toEqual([]);
    // The per-dossier rows add up to exactly what the frozen averages were made of.
    const stored = await t.deps.db
      .selectFrom('published_result')
      .select('snapshot')
      .where('period', '=', PERIOD)
      .executeTakeFirstOrThrow();
    const snapshot: PublishedSnapshot = stored.snapshot;
    const indicators = ['cs1', 'cs2', 'cs3', 'cs4', 'cs6', 'cs7'] as const;
    for (const row of snapshot.rows) {
      indicators.forEach((indicator, index) => {
        const values = doc.dossiers
          .filter((d) => d[1] === row.agency.code)
          .flatMap((d) => d[3 + index] as number[]);
        const basis = row.indicators[indicator].dossierBasis;
        expect(basis, `${row.agency.code} ${indicator}`).toEqual(
          values.length === 0 ? null : { sum: values.reduce((a, b) => a + b, 0), count: values.length },
        );
      });
    }
    expect(doc.dossiers.filter((d) => d[1] === TEST_CATALOG.department)).toHaveLength(3);
    expect(doc.agencyIndicators.some((v) => v.indicator === 'cs5' && v.source === 'data')).toBe(true);
  });

  it('holds no personal data in anything public', async () => {
    const csv = (await publicGet(first.downloads.csv)).body;
    const page = (await publicGet(`/api/v1/public/results/${PERIOD}`)).body;
    const history = (await publicGet(`/api/v1/public/agencies/${TEST_CATALOG.department}/results`)).body;
    const officials = await t.deps.db.selectFrom('official').select(['id', 'code', 'full_name']).execute();
    const forbidden = [
      ...PERSONAL,
      ...officials.flatMap((o) => [o.id, o.code, o.full_name]),
      ...dossiers.flatMap((d) => [d.id, d.code]),
    ];
    for (const [name, text] of [
      ['open data', firstOpenData],
      ['csv', csv],
      ['page', page],
      ['history', history],
    ] as const) {
      for (const value of forbidden) expect(text, `${name} holds ${value}`).not.toContain(value);
    }
  });

  it('serves the ranking CSV in UTF-8 with a BOM, one row per agency', async () => {
    const response = await publicGet(`/api/v1/public/results/${PERIOD}/open-data.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toContain('rank,agency_code,agency_name');
    expect(lines[0]).toContain('scheme_id');
    expect(lines[0]).toContain('checkpoint_hash');
    expect(lines).toHaveLength(first.rows.length + 1);
    expect(response.body).toContain('Sở Tư pháp');
  });

  it('keeps version 1 as it was while the live table moves', async () => {
    const before = await live();
    // A new rating changes indicator 1 of the first dossier (the citizen disagrees), and a new dossier is finished.
    await recordRating(t.deps, {
      dossierId: dossiers[1]!.id,
      channel: 'qr',
      satisfaction: 1,
      answers: { cs1: 0, cs3: 0, cs4: 0, cs7: 0 },
      submittedAt: '2025-07-21T10:00:00+07:00',
    });
    await finishedTestDossier(t.deps, { finishedAt: '2025-07-20T10:00:00+07:00' });
    const after = await live();
    expect(after).not.toEqual(before);
    const again = (await publicGet(`/api/v1/public/results/${PERIOD}`)).json<PublishedResultView>();
    expect(again).toEqual(first);
    expect((await publicGet(first.downloads.json)).body).toBe(firstOpenData);
  });

  let second: PublishedResultView;

  it('refuses a re-publication without a reason, and makes version 2 with one; both stay visible', async () => {
    const refused = await publish({ period: PERIOD });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'PUBLICATION_REASON_REQUIRED' } });
    expect((await publish({ period: PERIOD, reason: '   ' })).statusCode).toBe(422);
    const republished = await publish({ period: PERIOD, reason: 'Bổ sung đánh giá nhận muộn' });
    expect(republished.statusCode, republished.body).toBe(201);
    expect(republished.json()).toMatchObject({ version: 2, reason: 'Bổ sung đánh giá nhận muộn' });

    second = (await publicGet(`/api/v1/public/results/${PERIOD}`)).json<PublishedResultView>();
    expect(second).toMatchObject({ version: 2, latestVersion: 2, hasNewerVersion: false });
    expect(second.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, 'Bổ sung đánh giá nhận muộn'],
    ]);
    const table = await live();
    expect(second.rows.map((row) => [row.agency.code, row.total])).toEqual(
      table.rows.map((row) => [row.agency.code, row.total]),
    );
    const old = (await publicGet(`/api/v1/public/results/${PERIOD}?version=1`)).json<PublishedResultView>();
    expect(old).toMatchObject({ version: 1, latestVersion: 2, hasNewerVersion: true });
    expect(old.rows).toEqual(first.rows);
    expect((await publicGet(`/api/v1/public/results/${PERIOD}/open-data.json?version=1`)).body).toBe(
      firstOpenData,
    );
    const missing = await publicGet(`/api/v1/public/results/${PERIOD}?version=9`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'PUBLICATION_NOT_FOUND' } });

    const list = (await publicGet('/api/v1/public/results')).json<PublicationListView>();
    expect(list.publications.map((p) => [p.period, p.version, p.isLatest])).toEqual([
      [PERIOD, 2, true],
      [PERIOD, 1, false],
    ]);
  });

  it("serves an agency's results over time (newest version of each period)", async () => {
    expect((await publish({ period: '2025' })).statusCode).toBe(201);
    const response = await publicGet(`/api/v1/public/agencies/${TEST_CATALOG.department}/results`);
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json<AgencyResultsView>();
    expect(history.agency).toMatchObject({ code: TEST_CATALOG.department, name: 'Sở Tư pháp' });
    expect(history.results.map((r) => [r.period.key, r.version])).toEqual([
      [PERIOD, 2],
      ['2025', 1],
    ]);
    const q3 = second.rows.find((row) => row.agency.code === TEST_CATALOG.department)!;
    expect(history.results[0]).toMatchObject({ rank: q3.rank, total: q3.total, of: second.rows.length });
  });

  it('logs every publication, and the verifier names a published result changed with SQL', async () => {
    const entries = await t.deps.db
      .selectFrom('audit_entry')
      .select(['action', 'target_key'])
      .where('action', '=', 'result.published')
      .execute();
    expect(entries).toHaveLength(3);
    expect((await verifyAudit(t.deps)).findings).toEqual([]);
    const row = await t.deps.db
      .selectFrom('published_result')
      .select(['id'])
      .where('period', '=', PERIOD)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    // Someone "corrects" a published rank with SQL.
    await sql`UPDATE published_result SET snapshot = jsonb_set(snapshot, '{rows,0,rank}', '99')
              WHERE id = ${row.id}`.execute(t.deps.db);
    const findings = (await verifyAudit(t.deps)).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: 'row_modified', table: 'published_result', key: row.id }),
    );
  });
});
