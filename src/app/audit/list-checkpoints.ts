import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import type { SignedCheckpoint } from './create-checkpoint.ts';

export interface CheckpointSummary {
  id: string;
  createdAt: string;
  chains: number;
  entries: number;
  publicKeyId: string;
}

/** The published checkpoints, newest first (public: anyone may keep a copy). */
export async function listCheckpoints(
  deps: AppDeps,
  options: { limit?: number } = {},
): Promise<CheckpointSummary[]> {
  const rows = await deps.db
    .selectFrom('audit_checkpoint')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    chains: Object.keys(row.heads).length,
    entries: Object.values(row.heads).reduce((sum, head) => sum + head.seq, 0),
    publicKeyId: row.public_key_id,
  }));
}

/** One checkpoint with its signature and the public key that checks it (the signed download). */
export async function getCheckpoint(deps: AppDeps, id: string): Promise<SignedCheckpoint> {
  const row = await deps.db
    .selectFrom('audit_checkpoint')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { message: 'Không tìm thấy mốc kiểm toán.' });
  const signing = deps.auditKeys?.signing;
  return {
    checkpoint: { id: row.id, createdAt: row.created_at.toISOString(), heads: row.heads },
    signature: row.signature,
    publicKeyId: row.public_key_id,
    publicKey: signing?.publicKeyId === row.public_key_id ? signing.publicKeyPem : null,
  };
}

/** All stored checkpoints with their signatures (for the verifier). */
export async function loadAllCheckpoints(deps: AppDeps): Promise<
  {
    id: string;
    createdAt: string;
    heads: Record<string, { seq: number; hash: string }>;
    signature: string;
    publicKeyId: string;
  }[]
> {
  const rows = await deps.db.selectFrom('audit_checkpoint').selectAll().orderBy('created_at').execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    heads: row.heads,
    signature: row.signature,
    publicKeyId: row.public_key_id,
  }));
}
