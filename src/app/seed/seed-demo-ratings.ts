import type { Instant } from '#domain/calendar/types.ts';
import { batchKey, digestBatch, digestValue } from '#domain/audit/audit-entry.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { nodeAuditCrypto } from '../audit/audit-keys.ts';
import { ratingAuditRecord } from '../audit/audited-records.ts';
import { inTransaction } from '../transaction.ts';
import { insertRowsAsJson, type ColumnTypes } from './bulk-insert.ts';
import { createRandom } from './random.ts';

interface RatingRow {
  agency_id: string;
  id: string;
  dossier_id: string;
  channel: (typeof CHANNELS)[number];
  satisfaction: number;
  answers: string;
  comment: string | null;
  submitted_at: string;
  is_duplicate: boolean;
}

const RATING_COLUMNS = {
  agency_id: 'uuid',
  id: 'uuid',
  dossier_id: 'uuid',
  channel: 'text',
  satisfaction: 'integer',
  answers: 'jsonb',
  comment: 'text',
  submitted_at: 'timestamptz',
  is_duplicate: 'boolean',
} as const satisfies ColumnTypes<RatingRow>;

/** Ratings per audit entry of the demo load. */
const AUDIT_BATCH = 2_000;
const CHANNELS = ['qr', 'qr', 'qr', 'device', 'device', 'paper', 'online'] as const;
/** Satisfaction leans on timeliness: people rate a late result lower. */
const LEVELS = {
  early: [5, 5, 5, 4, 4, 3],
  on_time: [5, 4, 4, 4, 3, 3, 2],
  late: [4, 3, 2, 2, 1, 1],
} as const;
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình.',
  'Thủ tục nhanh gọn.',
  'Phải đi lại nhiều lần.',
  'Trả kết quả chậm.',
  null,
  null,
  null,
];

/**
 * Citizen ratings for the demo province, deterministic from the seed: about 45% of the finished
 * dossiers are rated (QR, device, paper slip, portal) a day or two after their result, with a
 * few logged duplicates and a few answers that disagree with the system data. Written directly
 * in bulk like the rest of the demo; `recomputeAllScores` then scores with them.
 */
export async function seedDemoRatings(
  deps: AppDeps,
  options: { seed: number; asOf: Instant },
): Promise<number> {
  const random = createRandom(options.seed, 77);
  const dossiers = await deps.db
    .selectFrom('dossier')
    .select(['agency_id', 'id', 'finished_at', 'timeliness', 'supplement_not_at_fault_count'])
    .where('finished_at', 'is not', null)
    .orderBy('agency_id')
    .orderBy('id')
    .execute();
  const rows: RatingRow[] = [];
  for (const dossier of dossiers) {
    if (!random.chance(0.45) || dossier.finished_at === null) continue;
    const at = Math.min(dossier.finished_at.getTime() + random.int(1, 48) * 3_600_000, options.asOf);
    const timeliness =
      dossier.timeliness === 'early' || dossier.timeliness === 'late' ? dossier.timeliness : 'on_time';
    const systemCs3 =
      dossier.supplement_not_at_fault_count === 0 ? 2 : dossier.supplement_not_at_fault_count === 1 ? 1 : 0;
    const answers = {
      cs3: random.chance(0.05) ? Math.max(0, systemCs3 - 1) : systemCs3,
      cs4: random.chance(0.9) ? 1 : 2,
      cs7: timeliness === 'early' ? 2 : timeliness === 'on_time' ? 1 : 0,
    };
    const rating = {
      agency_id: dossier.agency_id,
      dossier_id: dossier.id,
      channel: random.pick(CHANNELS),
      satisfaction: random.pick(LEVELS[timeliness]),
      answers: JSON.stringify(answers),
      comment: random.pick(COMMENTS),
    };
    rows.push({
      ...rating,
      id: random.uuid(),
      submitted_at: new Date(at).toISOString(),
      is_duplicate: false,
    });
    if (random.chance(0.02)) {
      rows.push({
        ...rating,
        id: random.uuid(),
        submitted_at: new Date(Math.min(at + 3_600_000, options.asOf)).toISOString(),
        is_duplicate: true,
      });
    }
  }
  // Rows and their audit entries commit together. One entry per batch of one agency's ratings in
  // key order (issue 5, bulk loads): its key is the id range, its digest that of the rows' digests,
  // so `hailong audit verify` still checks every demo rating (by batch).
  await inTransaction(deps.db, async (trx) => {
    await insertRowsAsJson<'rating', RatingRow>(trx, 'rating', RATING_COLUMNS, rows, 2000);
    const byAgency = new Map<string, RatingRow[]>();
    for (const row of rows) {
      const list = byAgency.get(row.agency_id);
      if (list) list.push(row);
      else byAgency.set(row.agency_id, [row]);
    }
    for (const [agencyId, agencyRows] of byAgency) {
      agencyRows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (let start = 0; start < agencyRows.length; start += AUDIT_BATCH) {
        const batch = agencyRows.slice(start, start + AUDIT_BATCH);
        const digests = batch.map((row) => digestValue(nodeAuditCrypto, ratingAuditRecord(row)));
        await appendAudit(trx, deps, {
          agencyId,
          action: 'rating.bulk_recorded',
          target: { table: 'rating', key: batchKey(batch[0]!.id, batch.at(-1)!.id) },
          afterDigest: digestBatch(nodeAuditCrypto, digests),
        });
      }
    }
  });
  return rows.length;
}
