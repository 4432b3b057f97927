import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  NONCE_BYTES,
  formatToken,
  normalizeVerificationCode,
  parseToken,
  toBase64Url,
  verificationCodeFrom,
} from '#domain/ratings/rating-token.ts';
import { DomainError } from '#domain/errors.ts';
import { findDossier } from '#db/repositories/dossier.repository.ts';
import type { AppDeps, Db } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { inTransaction } from '../transaction.ts';
import { recordRating, type RatingInput, type RatingResult } from './record-rating.ts';
import { publishRatingRecorded } from '../realtime/rating-events.ts';
import { tokenMac, type TokenKeyring } from './token-keys.ts';

/** How long a slip's token stays valid after it was issued. */
export const TOKEN_VALID_DAYS = 180;

export interface IssuedToken {
  token: string;
  verificationCode: string;
  dossierCode: string;
}

function keyring(deps: AppDeps): TokenKeyring {
  if (!deps.tokenKeys) throw new Error('rating token keys are not configured');
  return deps.tokenKeys;
}

function tokenOf(
  keys: TokenKeyring,
  keyId: number,
  nonceText: string,
): { token: string; verificationCode: string } {
  const nonce = Buffer.from(nonceText, 'base64url');
  const mac = tokenMac(keys, keyId, nonce, 'token');
  const verification = tokenMac(keys, keyId, nonce, 'verification');
  if (mac === null || verification === null)
    throw new Error(`rating token key ${keyId} is missing from the keyring`);
  return { token: formatToken({ keyId, nonce, mac }), verificationCode: verificationCodeFrom(verification) };
}

/**
 * The dossier's rating token, printed as a QR code to `/r/<token>` with the verification code
 * (issue 4): made on first request with a fresh 128-bit nonce signed by the current key, and
 * the same one afterwards, so every channel and reprint identifies the dossier alike. Making it
 * appends `rating.token_issued` on the dossier's agency chain with the digest of the new
 * rating_token row (never the token: a digest of a row with a 128-bit random nonce reveals
 * nothing); returning the existing one writes nothing and logs nothing.
 */
export async function issueRatingToken(
  deps: AppDeps,
  ref: { id?: string; code?: string },
): Promise<IssuedToken> {
  const keys = keyring(deps);
  return inTransaction(deps.db, async (trx) => {
    const dossier = await findDossier(trx, ref, true);
    if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
    let row = await trx
      .selectFrom('rating_token')
      .select(['nonce', 'key_id'])
      .where('agency_id', '=', dossier.agency_id)
      .where('dossier_id', '=', dossier.id)
      .executeTakeFirst();
    if (!row) {
      const written = await trx
        .insertInto('rating_token')
        .values({
          agency_id: dossier.agency_id,
          dossier_id: dossier.id,
          nonce: toBase64Url(randomBytes(NONCE_BYTES)),
          key_id: keys.currentKeyId,
          issued_at: new Date(deps.now()),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, deps, {
        agencyId: dossier.agency_id,
        action: 'rating.token_issued',
        target: { table: 'rating_token', key: dossier.id },
        after: written,
      });
      row = { nonce: written.nonce, key_id: written.key_id };
    }
    return { ...tokenOf(keys, row.key_id, row.nonce), dossierCode: dossier.code };
  });
}

export interface ResolvedToken {
  agencyId: string;
  dossierId: string;
  dossierCode: string;
  status: string;
  usedAt: Date | null;
}

/**
 * Checks a token: its shape and signature first (a forged token never reaches the database),
 * then that it was issued and has not expired. Refusals carry a stable code.
 */
export async function resolveRatingToken(
  deps: AppDeps,
  token: string,
  db: Db = deps.db,
): Promise<ResolvedToken> {
  const keys = keyring(deps);
  const parts = parseToken(token);
  const expected = parts === null ? null : tokenMac(keys, parts.keyId, parts.nonce, 'token');
  if (
    parts === null ||
    expected === null ||
    !timingSafeEqual(Buffer.from(expected), Buffer.from(parts.mac))
  ) {
    throw new DomainError('RATING_TOKEN_INVALID');
  }
  const row = await db
    .selectFrom('rating_token')
    .innerJoin('dossier', (join) =>
      join
        .onRef('dossier.agency_id', '=', 'rating_token.agency_id')
        .onRef('dossier.id', '=', 'rating_token.dossier_id'),
    )
    .select([
      'rating_token.agency_id',
      'rating_token.dossier_id',
      'rating_token.issued_at',
      'rating_token.used_at',
      'dossier.code',
      'dossier.status',
    ])
    .where('rating_token.nonce', '=', toBase64Url(parts.nonce))
    .executeTakeFirst();
  if (!row) throw new DomainError('RATING_TOKEN_INVALID');
  if (row.issued_at.getTime() + TOKEN_VALID_DAYS * 86_400_000 < deps.now())
    throw new DomainError('RATING_TOKEN_EXPIRED');
  return {
    agencyId: row.agency_id,
    dossierId: row.dossier_id,
    dossierCode: row.code,
    status: row.status,
    usedAt: row.used_at,
  };
}

/** `/danh-gia` without the QR: the dossier code and the verification code printed on the slip give the token. */
export async function findTokenByCodes(
  deps: AppDeps,
  dossierCode: string,
  verificationCode: string,
): Promise<string> {
  const keys = keyring(deps);
  const row = await deps.db
    .selectFrom('rating_token')
    .innerJoin('dossier', (join) =>
      join
        .onRef('dossier.agency_id', '=', 'rating_token.agency_id')
        .onRef('dossier.id', '=', 'rating_token.dossier_id'),
    )
    .select(['rating_token.nonce', 'rating_token.key_id'])
    .where('dossier.code', '=', dossierCode.trim().toUpperCase())
    .executeTakeFirst();
  const issued = row ? tokenOf(keys, row.key_id, row.nonce) : null;
  const typed = normalizeVerificationCode(verificationCode);
  if (
    issued === null ||
    typed.length !== issued.verificationCode.length ||
    !timingSafeEqual(Buffer.from(typed), Buffer.from(issued.verificationCode))
  ) {
    throw new DomainError('RATING_TOKEN_INVALID');
  }
  return issued.token;
}

/** A dossier can be rated once its result (or refusal) is out. */
export const RATEABLE_STATUSES: ReadonlySet<string> = new Set(['finished', 'returned', 'refused']);

/**
 * A citizen's rating through the token (QR or `/danh-gia`): the token is used once; the rating
 * goes through the one append-only path (the first valid rating of a dossier counts).
 */
export async function submitTokenRating(
  deps: AppDeps,
  token: string,
  input: Omit<RatingInput, 'dossierId' | 'submittedAt' | 'id'>,
  /** `db`: run inside the caller's transaction (e.g. with the opt-in contact details). */
  options: { db?: Db } = {},
): Promise<RatingResult & { dossierCode: string }> {
  const run = async (trx: Db): Promise<RatingResult & { dossierCode: string }> => {
    const resolved = await resolveRatingToken(deps, token, trx);
    if (!RATEABLE_STATUSES.has(resolved.status)) throw new DomainError('RATING_NOT_READY');
    const claimed = await trx
      .updateTable('rating_token')
      .set({ used_at: new Date(deps.now()) })
      .where('agency_id', '=', resolved.agencyId)
      .where('dossier_id', '=', resolved.dossierId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) throw new DomainError('RATING_TOKEN_USED');
    const result = await recordRating(
      deps,
      { ...input, dossierId: resolved.dossierId, submittedAt: new Date(deps.now()).toISOString() },
      { db: trx },
    );
    return { ...result, dossierCode: resolved.dossierCode };
  };
  if (options.db) return run(options.db);
  const result = await inTransaction(deps.db, run);
  if (!result.replayed) await publishRatingRecorded(deps, result.agencyId);
  return result;
}
