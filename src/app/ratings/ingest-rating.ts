import { createPublicKey, verify } from 'node:crypto';
import { DomainError } from '#domain/errors.ts';
import type { Points } from '#domain/scoring/types.ts';
import type { AppDeps } from '../deps.ts';
import { uuidFromKey } from '../ids.ts';
import { recordRating, type RatingResult } from './record-rating.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { inTransaction } from '../transaction.ts';

/** How far a request's timestamp may be from the server clock (replays outside it are refused). */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

export interface IntegrationInput {
  name: string;
  /** Ed25519 public key, PEM (SPKI). */
  publicKey: string;
  channel: 'hotline' | 'other' | 'device' | 'online';
}

/** Registers an integration by its public key (operators, `hailong integration add`). */
export async function registerIntegration(deps: AppDeps, input: IntegrationInput): Promise<string> {
  let key;
  try {
    key = createPublicKey(input.publicKey);
  } catch {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'publicKey', message: 'không phải khóa công khai PEM' }],
    });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'publicKey', message: 'phải là khóa Ed25519' }],
    });
  }
  const id = deps.newId();
  await inTransaction(deps.db, async (trx) => {
    const row = await trx
      .insertInto('integration')
      .values({
        id,
        name: input.name,
        public_key: key.export({ type: 'spki', format: 'pem' }).toString(),
        channel: input.channel,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = { table: 'integration', key: id };
    await appendAudit(trx, deps, { agencyId: null, action: 'integration.registered', target, after: row });
  });
  return id;
}

export interface SignedRequest {
  integrationId: string;
  timestamp: string;
  signature: string;
  rawBody: string;
}

/**
 * Checks a signed request: the integration exists and is not revoked, the timestamp is within
 * the window, and the Ed25519 signature of "<timestamp>.<raw body>" verifies with its key.
 */
export async function authenticateIntegration(deps: AppDeps, request: SignedRequest) {
  const refuse = (): never => {
    throw new DomainError('INTEGRATION_UNAUTHORIZED');
  };
  if (!/^[0-9a-f-]{36}$/i.test(request.integrationId)) refuse();
  const integration = await deps.db
    .selectFrom('integration')
    .selectAll()
    .where('id', '=', request.integrationId.toLowerCase())
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  const timestamp = Number(request.timestamp);
  if (!integration || !Number.isFinite(timestamp) || Math.abs(deps.now() - timestamp) > SIGNATURE_WINDOW_MS)
    return refuse();
  const ok = verify(
    null,
    Buffer.from(`${request.timestamp}.${request.rawBody}`),
    createPublicKey(integration.public_key),
    Buffer.from(request.signature, 'base64'),
  );
  if (!ok) refuse();
  return integration;
}

export interface IngestInput {
  dossierCode: string;
  satisfaction: 1 | 2 | 3 | 4 | 5;
  answers?: { cs1?: Points; cs3?: Points; cs4?: Points; cs7?: Points };
  comment?: string;
  submittedAt: string;
}

/**
 * A rating from another channel (hotline, comment box, camera or third-party device, social
 * network). Idempotent on the integration's idempotency key; recorded under the integration's
 * channel through the one append-only path (the first valid rating of a dossier counts).
 */
export async function ingestRating(
  deps: AppDeps,
  integration: { id: string; channel: 'hotline' | 'other' | 'device' | 'online' },
  idempotencyKey: string,
  input: IngestInput,
): Promise<RatingResult> {
  const dossier = await deps.db
    .selectFrom('dossier')
    .select('id')
    .where('code', '=', input.dossierCode)
    .executeTakeFirst();
  if (!dossier)
    throw new DomainError('DOSSIER_NOT_FOUND', {
      problems: [{ field: 'dossierCode', message: 'không có hồ sơ này' }],
    });
  return recordRating(deps, {
    id: uuidFromKey(`ingest:${integration.id}:${idempotencyKey}`),
    dossierId: dossier.id,
    channel: integration.channel,
    satisfaction: input.satisfaction,
    ...(input.answers ? { answers: input.answers } : {}),
    ...(input.comment ? { comment: input.comment } : {}),
    submittedAt: input.submittedAt,
  });
}
