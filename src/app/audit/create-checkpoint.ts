import { checkpointPayload, type AuditCheckpoint } from '#domain/audit/checkpoint.ts';
import type { AppDeps } from '../deps.ts';
import { inTransaction } from '../transaction.ts';
import { signCheckpoint, type AuditKeys } from './audit-keys.ts';

/** A checkpoint as published: the heads, the Ed25519 signature and the public key that checks it. */
export interface SignedCheckpoint {
  checkpoint: AuditCheckpoint;
  signature: string;
  publicKeyId: string;
  /** PEM (SPKI): anyone can check the signature with it (`hailong audit verify --checkpoint FILE`). */
  publicKey: string | null;
}

export function requireAuditKeys(deps: AppDeps): AuditKeys {
  if (deps.auditKeys === undefined) throw new Error('audit keys are not loaded (runtime.ts loads them)');
  return deps.auditKeys;
}

/**
 * Signs the head of every audit chain (issue 5 point 3: "the chain head is checkpointed daily and
 * on demand; checkpoints are published"). Once published, cutting entries off the end of a
 * chain is detected against it, which no MAC alone can show.
 */
export async function createCheckpoint(deps: AppDeps): Promise<SignedCheckpoint> {
  const keys = requireAuditKeys(deps);
  return inTransaction(deps.db, async (trx) => {
    const heads = await trx
      .selectFrom('audit_head')
      .select(['agency_id', 'seq', 'hash'])
      .where('seq', '>', 0)
      .orderBy('agency_id')
      .execute();
    const checkpoint: AuditCheckpoint = {
      id: deps.newId(),
      createdAt: new Date(deps.now()).toISOString(),
      heads: Object.fromEntries(heads.map((head) => [head.agency_id, { seq: head.seq, hash: head.hash }])),
    };
    const signature = signCheckpoint(keys.signing, checkpointPayload(checkpoint));
    await trx
      .insertInto('audit_checkpoint')
      .values({
        id: checkpoint.id,
        created_at: checkpoint.createdAt,
        heads: JSON.stringify(checkpoint.heads),
        signature,
        public_key_id: keys.signing.publicKeyId,
      })
      .execute();
    return {
      checkpoint,
      signature,
      publicKeyId: keys.signing.publicKeyId,
      publicKey: keys.signing.publicKeyPem,
    };
  });
}
