import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '#app/deps.ts';
import { appendDossierEvent } from '#app/dossiers/append-dossier-event.ts';
import { issueRatingToken } from '#app/ratings/rating-tokens.ts';
import { seedDemo } from '#app/seed/seed-demo.ts';
import { seedDemoRatings } from '#app/seed/seed-demo-ratings.ts';
import { digestValue } from '#domain/audit/audit-entry.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { receivedTestDossier } from '#test/support/dossiers.ts';
import { buildDeps, seedTestCatalog } from '#test/support/factories.ts';
import { nodeAuditCrypto } from './audit-keys.ts';
import { verifyAudit } from './verify-audit.ts';

describe('rating tokens are logged when made, not when handed out again (issue 5 point 3)', () => {
  let database: TestDatabase;
  let deps: AppDeps;

  beforeEach(async () => {
    database = await createTestDatabase();
    deps = buildDeps(database.db);
    await seedTestCatalog(deps);
  });

  afterEach(async () => {
    await database.close();
  });

  it('the first issue appends rating.token_issued on the agency chain with the digest of the row, never the token', async () => {
    const dossier = await receivedTestDossier(deps);
    const tokenEntries = () =>
      database.db.selectFrom('audit_entry').selectAll().where('action', '=', 'rating.token_issued').execute();

    const first = await issueRatingToken(deps, { id: dossier.id });
    const again = await issueRatingToken(deps, { code: dossier.code });
    expect(again.token).toBe(first.token);

    const entries = await tokenEntries();
    const row = await database.db
      .selectFrom('rating_token')
      .selectAll()
      .where('dossier_id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(
      entries.map((entry) => [
        entry.agency_id,
        entry.target_table,
        entry.target_key,
        entry.before_digest,
        entry.after_digest,
        entry.actor_kind,
      ]),
    ).toEqual([
      [dossier.agencyId, 'rating_token', dossier.id, null, digestValue(nodeAuditCrypto, row), 'system'],
    ]);
    const log = JSON.stringify(await database.db.selectFrom('audit_entry').selectAll().execute());
    expect(log).not.toContain(first.token);
    expect(log).not.toContain(row.nonce);
    expect((await verifyAudit(deps)).findings).toEqual([]);
  });
});

describe('the demo seed verifies clean; its bulk-loaded dossier events are exempt, later ones are not', () => {
  const AS_OF = Date.parse('2026-11-23T12:00:00+07:00');
  let database: TestDatabase;
  let deps: AppDeps;

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = buildDeps(database.db, () => AS_OF);
    await seedDemo(deps, { seed: 5, dossiers: 300, asOf: AS_OF });
    await seedDemoRatings(deps, { seed: 5, asOf: AS_OF });
  }, 180_000);

  afterAll(async () => {
    await database.close();
  });

  it('a freshly seeded demo has no findings, and its ratings are still checked (by batch)', async () => {
    const seedEvents = await database.db
      .selectFrom('dossier_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('source', '=', 'seed')
      .executeTakeFirstOrThrow();
    expect(Number(seedEvents.n)).toBeGreaterThan(300);
    const ratings = await database.db
      .selectFrom('rating')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await verifyAudit(deps);
    expect(result.findings).toEqual([]);
    // The exempt demo events are not counted as checked; the demo ratings are.
    expect(result.rowsChecked).toBe(Number(ratings.n));
  });

  it('an event appended to a demo dossier through the application is checked like any other', async () => {
    const open = await database.db
      .selectFrom('dossier')
      .select(['id', 'agency_id'])
      .where('status', '=', 'processing')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const appended = await appendDossierEvent(
      deps,
      { id: open.id },
      { type: 'paid_online', amount: 50_000, occurredAt: new Date(AS_OF).toISOString() },
      'api',
    );
    expect((await verifyAudit(deps)).findings).toEqual([]);
    // Relabelling it as seed data does not hide a change: it has its own entry.
    await sql`UPDATE dossier_event SET source = 'seed', occurred_at = occurred_at - interval '3 days'
      WHERE id = ${appended.eventId}`.execute(database.db);
    expect(
      (await verifyAudit(deps)).findings.map((finding) => [finding.kind, finding.agencyId, finding.key]),
    ).toEqual([['row_modified', open.agency_id, appended.eventId]]);
  });
});
