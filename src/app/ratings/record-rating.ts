import { DomainError } from '#domain/errors.ts';
import type { Points } from '#domain/scoring/types.ts';
import type { AppDeps, Db } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import type { RatingOrigin } from './rating-origin.ts';
import { loadDossierFacts } from '../scoring/load-dossier-facts.ts';
import { defaultSchemeRegistry } from '../scoring/scheme-registry.ts';
import { storeDossierScore } from '../scoring/store-dossier-scores.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { RATING_AUDITED_COLUMNS, ratingAuditRecord } from '../audit/audited-records.ts';
import { publishRatingRecorded } from '../realtime/rating-events.ts';

export const RATING_CHANNELS = ['online', 'qr', 'device', 'paper', 'hotline', 'other'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export interface RatingInput {
  /** Client-made id: resending the same rating is a no-op. */
  id?: string;
  dossierId: string;
  channel: RatingChannel;
  /** 5 Rất hài lòng … 1 Rất không hài lòng (stored on 5 levels, decision 7). */
  satisfaction: 1 | 2 | 3 | 4 | 5;
  /** The citizen's own answers for the indicators a citizen can judge (Thông tư 01/2018 Điều 14). */
  answers?: { cs1?: Points; cs3?: Points; cs4?: Points; cs7?: Points };
  comment?: string;
  submittedAt: string;
  /** Paper slips: who keyed the slip in (the staff account, its official if linked), and what was scanned. */
  keyedByOfficialId?: string;
  keyedByUserId?: string;
  slipReference?: string;
  /** Counter device ratings: the device that signed it and the invitation it answered. */
  deviceId?: string;
  invitationId?: string;
  /** Where it came from (no personal data), for the integrity signals. */
  origin?: RatingOrigin;
}

export interface RatingResult {
  id: string;
  /** False when an earlier rating already counts for this dossier: this one is kept as a logged duplicate. */
  counts: boolean;
  replayed: boolean;
  /** The dossier's agency (for the live dashboards' notice; not part of any API answer). */
  agencyId: string;
}

/**
 * Records a citizen's rating of a dossier. Ratings are append-only; the first valid rating of
 * a dossier counts and later ones are kept as duplicates (product spec §2.4). The citizen's
 * answers enter the dossier's score at once (Thông tư 01/2018 Điều 14: indicators 1, 3, 4, 7
 * from the citizen's form). The collecting channels (token, device, slip) call this use case.
 * Once committed, a new rating is announced on the bus (live dashboards, `rating.recorded`).
 */
export async function recordRating(
  deps: AppDeps,
  input: RatingInput,
  options: { db?: Db } = {},
): Promise<RatingResult> {
  const run = async (trx: Db): Promise<RatingResult> => {
    const dossier = await trx
      .selectFrom('dossier')
      .select(['agency_id', 'id', 'finished_at'])
      .where('id', '=', input.dossierId)
      .forUpdate()
      .executeTakeFirst();
    if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
    const id = input.id ?? deps.newId();
    const previous = await trx
      .selectFrom('rating')
      .select(['id', 'is_duplicate'])
      .where('agency_id', '=', dossier.agency_id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (previous) return { id, counts: !previous.is_duplicate, replayed: true, agencyId: dossier.agency_id };
    const earlier = await trx
      .selectFrom('rating')
      .select('id')
      .where('agency_id', '=', dossier.agency_id)
      .where('dossier_id', '=', dossier.id)
      .where('is_duplicate', '=', false)
      .executeTakeFirst();
    const row = await trx
      .insertInto('rating')
      .values({
        agency_id: dossier.agency_id,
        id,
        dossier_id: dossier.id,
        channel: input.channel,
        satisfaction: input.satisfaction,
        answers: JSON.stringify(input.answers ?? {}),
        comment: input.comment ?? null,
        submitted_at: new Date(input.submittedAt),
        is_duplicate: earlier !== undefined,
        keyed_by_official_id: input.keyedByOfficialId ?? null,
        keyed_by_user_id: input.keyedByUserId ?? null,
        slip_reference: input.slipReference ?? null,
        device_id: input.deviceId ?? null,
        invitation_id: input.invitationId ?? null,
        origin_network: input.origin?.network ?? null,
        from_staff_network: input.origin?.staffNetwork ?? false,
      })
      .returning(RATING_AUDITED_COLUMNS)
      .executeTakeFirstOrThrow();
    if (earlier === undefined && dossier.finished_at !== null) {
      const [facts] = await loadDossierFacts(trx, { dossierIds: [dossier.id] });
      if (facts) await storeDossierScore(trx, deps.schemes ?? defaultSchemeRegistry(), facts);
    }
    const target = { table: 'rating', key: id };
    await appendAudit(trx, deps, {
      agencyId: dossier.agency_id,
      action: 'rating.recorded',
      target,
      after: ratingAuditRecord(row),
    });
    return { id, counts: earlier === undefined, replayed: false, agencyId: dossier.agency_id };
  };
  // Inside a caller's transaction the caller tells the dashboards once it has committed.
  if (options.db) return run(options.db);
  const result = await inTransaction(deps.db, run);
  if (!result.replayed) await publishRatingRecorded(deps, result.agencyId);
  return result;
}
