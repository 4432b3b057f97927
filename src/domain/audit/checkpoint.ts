import { canonicalJson } from './canonical.ts';

/**
 * A checkpoint (issue 5 point 3): the head (seq, hash) of every chain at a moment, signed with
 * the server's Ed25519 key and published, so that cutting the newest entries off a chain (which
 * no MAC can reveal by itself) is detected against it.
 */
export interface AuditCheckpoint {
  id: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  heads: Record<string, { seq: number; hash: string }>;
}

/** The exact text that is signed and verified. */
export function checkpointPayload(checkpoint: AuditCheckpoint): string {
  return canonicalJson({
    v: 1,
    id: checkpoint.id,
    createdAt: new Date(checkpoint.createdAt),
    heads: checkpoint.heads,
  });
}
