import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '#app/deps.ts';
import { recordRating } from '#app/ratings/record-rating.ts';
import { runAs } from '#app/request-context.ts';
import { sealEntry } from '#domain/audit/audit-entry.ts';
import { formatFinding } from '#domain/audit/findings.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { buildDeps, seedTestCatalog } from '#test/support/factories.ts';
import { auditEntryFromRow } from './audit-entry-rows.ts';
import { nodeAuditCrypto } from './audit-keys.ts';
import { createCheckpoint } from './create-checkpoint.ts';
import { getCheckpoint } from './list-checkpoints.ts';
import { getLastVerification, verifyAudit } from './verify-audit.ts';

let database: TestDatabase;
let deps: AppDeps;
let agencyId: string;
let ratingIds: string[];

beforeEach(async () => {
  database = await createTestDatabase();
  deps = buildDeps(database.db);
  await seedTestCatalog(deps);
  ratingIds = [];
  for (let i = 0; i < 3; i += 1) {
    const dossier = await finishedTestDossier(deps);
    agencyId = dossier.agencyId;
    const rating = await runAs({ kind: 'anonymous' }, () =>
      recordRating(deps, {
        dossierId: dossier.id,
        channel: 'qr',
        satisfaction: 5,
        answers: { cs4: 1 },
        comment: 'Cán bộ hướng dẫn tận tình.',
        submittedAt: '2025-07-10T08:00:00+07:00',
      }),
    );
    ratingIds.push(rating.id);
  }
});

afterEach(async () => {
  await database.close();
});

const described = async (options: Parameters<typeof verifyAudit>[1] = {}) =>
  (await verifyAudit(deps, options)).findings.map(formatFinding);

const chainSeqs = async (): Promise<number[]> =>
  (
    await database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('agency_id', '=', agencyId)
      .orderBy('seq')
      .execute()
  ).map((row) => row.seq);

describe('audit verification on a real database', () => {
  it('an untouched database verifies clean, and the result is stored', async () => {
    const result = await verifyAudit(deps, { store: true });
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    // Catalog rows, 3 × (received + finished) dossier events and 3 ratings, on several chains.
    expect(result.entries).toBeGreaterThan(9);
    // The 3 ratings and the 6 dossier events are compared with their entries.
    expect(result.rowsChecked).toBe(9);
    expect((await getLastVerification(deps))?.id).toBe(result.id);
    const entries = await database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('target_table', '=', 'rating')
      .execute();
    expect(entries.map((entry) => [entry.action, entry.actor_kind])).toEqual([
      ['rating.recorded', 'anonymous'],
      ['rating.recorded', 'anonymous'],
      ['rating.recorded', 'anonymous'],
    ]);
  });

  it('a rating row changed with SQL fails verification, naming the row', async () => {
    await sql`UPDATE rating SET satisfaction = 1 WHERE id = ${ratingIds[1]}`.execute(database.db);
    const findings = await verifyAudit(deps);
    expect(findings.ok).toBe(false);
    expect(findings.findings).toEqual([
      expect.objectContaining({ kind: 'row_modified', table: 'rating', key: ratingIds[1] }),
    ]);
  });

  it('a dossier event whose time or type was changed with SQL fails verification, naming the event', async () => {
    const events = await database.db
      .selectFrom('dossier_event')
      .select(['id', 'type'])
      .where('agency_id', '=', agencyId)
      .orderBy('recorded_at')
      .orderBy('seq')
      .execute();
    const finished = events.filter((event) => event.type === 'finished');
    const [late, other] = [finished[0]!, finished[1]!];
    // Backdating a result makes a late dossier on time (Thông tư 01/2018 scores timeliness).
    await sql`UPDATE dossier_event SET occurred_at = occurred_at - interval '1 day' WHERE id = ${late.id}`.execute(
      database.db,
    );
    await sql`UPDATE dossier_event SET type = 'result_returned' WHERE id = ${other.id}`.execute(database.db);
    const findings = (await verifyAudit(deps)).findings;
    expect(findings.map((finding) => [finding.kind, finding.table, finding.agencyId, finding.key])).toEqual(
      expect.arrayContaining([
        ['row_modified', 'dossier_event', agencyId, late.id],
        ['row_modified', 'dossier_event', agencyId, other.id],
      ]),
    );
    expect(findings).toHaveLength(2);
    expect(findings.every((finding) => finding.seq !== null)).toBe(true);
  });

  it('a dossier event inserted or deleted with SQL is named (a "seed" source does not excuse it without a demo load)', async () => {
    const victim = await database.db
      .selectFrom('dossier_event')
      .select(['id', 'dossier_id'])
      .where('agency_id', '=', agencyId)
      .where('type', '=', 'finished')
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM dossier_event WHERE id = ${victim.id}`.execute(database.db);
    const forged = (
      await sql<{
        id: string;
      }>`INSERT INTO dossier_event (agency_id, id, dossier_id, seq, type, occurred_at, payload, source)
        VALUES (${agencyId}, gen_random_uuid(), ${victim.dossier_id}, 2, 'finished', now(), '{}', 'seed')
        RETURNING id`.execute(database.db)
    ).rows[0]!.id;
    const findings = (await verifyAudit(deps)).findings;
    expect(findings.map((finding) => [finding.kind, finding.table, finding.key])).toEqual(
      expect.arrayContaining([
        ['row_unaudited', 'dossier_event', forged],
        ['row_missing', 'dossier_event', victim.id],
      ]),
    );
    expect(findings).toHaveLength(2);
  });

  it('a rating inserted with SQL is named as written around the application', async () => {
    await sql`INSERT INTO rating (agency_id, id, dossier_id, channel, satisfaction, submitted_at, is_duplicate)
      SELECT agency_id, gen_random_uuid(), dossier_id, 'qr', 1, now(), true FROM rating WHERE id = ${ratingIds[0]}`.execute(
      database.db,
    );
    expect((await verifyAudit(deps)).findings.map((finding) => finding.kind)).toEqual(['row_unaudited']);
  });

  it('deleting the newest entries is detected against the last checkpoint', async () => {
    await createCheckpoint(deps);
    const seqs = await chainSeqs();
    const last = seqs.at(-1)!;
    // A careful forger also rewinds the head row: only the signed checkpoint still knows.
    await sql`DELETE FROM audit_entry WHERE agency_id = ${agencyId} AND seq > ${last - 2}`.execute(
      database.db,
    );
    await sql`UPDATE audit_head SET seq = h.seq, hash = h.hash FROM (SELECT seq, hash FROM audit_entry WHERE agency_id = ${agencyId} ORDER BY seq DESC LIMIT 1) h WHERE audit_head.agency_id = ${agencyId}`.execute(
      database.db,
    );
    const findings = await described();
    expect(findings).toContainEqual(
      expect.stringMatching(new RegExp(`^truncated: chain ${agencyId} seq ${last}:`)),
    );
    // The deleted rating rows' entries are gone too: their rows are now unaudited.
    expect(findings.some((line) => line.startsWith('row_'))).toBe(true);
  });

  it('a checkpoint file from outside still detects truncation after the stored checkpoints are deleted', async () => {
    const published = await getCheckpoint(deps, (await createCheckpoint(deps)).checkpoint.id);
    const last = (await chainSeqs()).at(-1)!;
    await sql`DELETE FROM audit_entry WHERE agency_id = ${agencyId} AND seq = ${last}`.execute(database.db);
    await sql`UPDATE audit_head SET seq = seq - 1 WHERE agency_id = ${agencyId}`.execute(database.db);
    await sql`DELETE FROM audit_checkpoint`.execute(database.db);
    const findings = await verifyAudit(deps, { checkpointFile: published });
    expect(findings.findings).toContainEqual(
      expect.objectContaining({ kind: 'truncated', agencyId, seq: last }),
    );
    const forged = { ...published, checkpoint: { ...published.checkpoint, heads: {} } };
    expect((await verifyAudit(deps, { checkpointFile: forged })).findings).toContainEqual(
      expect.objectContaining({ kind: 'checkpoint_invalid' }),
    );
  });

  it('two entries whose seq were swapped are named as reordered', async () => {
    const seqs = await chainSeqs();
    const [a, b] = [seqs[1]!, seqs[3]!];
    await sql`UPDATE audit_entry SET seq = 1000000 WHERE agency_id = ${agencyId} AND seq = ${a}`.execute(
      database.db,
    );
    await sql`UPDATE audit_entry SET seq = ${a} WHERE agency_id = ${agencyId} AND seq = ${b}`.execute(
      database.db,
    );
    await sql`UPDATE audit_entry SET seq = ${b} WHERE agency_id = ${agencyId} AND seq = 1000000`.execute(
      database.db,
    );
    const findings = (await verifyAudit(deps)).findings;
    expect(findings.map((finding) => `${finding.kind}@${finding.seq}`)).toEqual([
      `reordered@${a}`,
      `reordered@${b}`,
    ]);
  });

  it('a forged entry (made without the audit key) is named as inserted', async () => {
    const newest = await database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    // The forger knows the format and computes a correct SHA-256 chain link, but has no audit key.
    const forgerKeys = { currentKeyId: 1, keys: new Map([[1, new Uint8Array(32).fill(42)]]) };
    const head = auditEntryFromRow(newest);
    const forged = sealEntry(
      nodeAuditCrypto,
      forgerKeys,
      {
        ...head,
        seq: head.seq + 1,
        target: { table: 'rating', key: ratingIds[0]! },
        afterDigest: 'f'.repeat(64),
      },
      head.hash,
    );
    await database.db
      .insertInto('audit_entry')
      .values({
        ...newest,
        seq: forged.seq,
        target_key: forged.target.key,
        after_digest: forged.afterDigest,
        previous_hash: forged.previousHash,
        hash: forged.hash,
        mac: forged.mac,
      })
      .execute();
    await sql`UPDATE audit_head SET seq = ${forged.seq}, hash = ${forged.hash} WHERE agency_id = ${agencyId}`.execute(
      database.db,
    );
    const findings = (await verifyAudit(deps)).findings;
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'inserted', agencyId, seq: forged.seq }));
  });

  it('a modified entry is named with its chain and seq', async () => {
    const seqs = await chainSeqs();
    await sql`UPDATE audit_entry SET actor_name = 'someone else' WHERE agency_id = ${agencyId} AND seq = ${seqs[0]}`.execute(
      database.db,
    );
    expect(await described()).toEqual([
      expect.stringMatching(new RegExp(`^modified: chain ${agencyId} seq ${seqs[0]}:`)),
    ]);
  });
});
