import {
  GENESIS_HASH,
  SYSTEM_CHAIN,
  digestValue,
  sealEntry,
  type AuditActor,
} from '#domain/audit/audit-entry.ts';
import type { Actor } from '#domain/auth/actor.ts';
import type { AppDeps, Db } from '../deps.ts';
import { currentRequestContext } from '../request-context.ts';
import { nodeAuditCrypto } from './audit-keys.ts';

export interface AuditChange {
  /** The agency whose chain records it; null for things outside any agency (the system chain). */
  agencyId: string | null;
  /** What happened, `<thing>.<verb>` (e.g. `rating.recorded`, `catalog.agency.saved`). */
  action: string;
  /** The row changed: its table and key (for a bulk batch, the key range, see batchKey). */
  target: { table: string; key: string };
  /** The value before and after; only their digests are stored. Omitted: nothing (a creation, a removal). */
  before?: unknown;
  after?: unknown;
  /** A digest made by the caller instead of `after` (bulk loads: the digest of the batch). */
  afterDigest?: string;
}

/**
 * Appends an audit entry in the caller's transaction (issue 5 point 3: the entry commits with
 * the change or not at all). The chain head is taken with SELECT … FOR UPDATE on its audit_head
 * row, so appends to one chain are serialised and seq has no gaps (architecture.md: no
 * advisory locks). Actor and request id come from the request context. Call it last in the
 * transaction: the head row stays locked until commit.
 */
export async function appendAudit(trx: Db, deps: AppDeps, change: AuditChange): Promise<void> {
  const keys = deps.auditKeys;
  // Composition roots always load the keys (runtime.ts, test factories); a bare AppDeps (a few
  // unit-level callers) records nothing rather than writing an entry nobody can verify.
  if (keys === undefined) return;
  const agencyId = change.agencyId ?? SYSTEM_CHAIN;
  let head = await selectHead(trx, agencyId);
  if (head === undefined) {
    await trx
      .insertInto('audit_head')
      .values({ agency_id: agencyId, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('agency_id').doNothing())
      .execute();
    head = await selectHead(trx, agencyId);
    if (head === undefined) throw new Error(`audit head of ${agencyId} could not be created`);
  }
  const context = currentRequestContext();
  const entry = sealEntry(
    nodeAuditCrypto,
    keys.mac,
    {
      agencyId,
      seq: head.seq + 1,
      at: new Date(deps.now()).toISOString(),
      actor: auditActor(context.actor),
      action: change.action,
      target: change.target,
      beforeDigest: change.before === undefined ? null : digestValue(nodeAuditCrypto, change.before),
      afterDigest:
        change.afterDigest ??
        (change.after === undefined ? null : digestValue(nodeAuditCrypto, change.after)),
      requestId: context.requestId,
    },
    head.hash,
  );
  await trx
    .insertInto('audit_entry')
    .values({
      agency_id: entry.agencyId,
      seq: entry.seq,
      at: entry.at,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      target_table: entry.target.table,
      target_key: entry.target.key,
      before_digest: entry.beforeDigest,
      after_digest: entry.afterDigest,
      request_id: entry.requestId,
      previous_hash: entry.previousHash,
      hash: entry.hash,
      mac: entry.mac,
      key_id: entry.keyId,
    })
    .execute();
  await trx
    .updateTable('audit_head')
    .set({ seq: entry.seq, hash: entry.hash })
    .where('agency_id', '=', agencyId)
    .execute();
}

function selectHead(trx: Db, agencyId: string): Promise<{ seq: number; hash: string } | undefined> {
  return trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('agency_id', '=', agencyId)
    .forUpdate()
    .executeTakeFirst();
}

/** Who acted, as the log records it: kind, id and a name, never a secret. */
export function auditActor(actor: Actor): AuditActor {
  switch (actor.kind) {
    case 'staff':
      return { kind: 'staff', id: actor.userId, name: actor.username };
    case 'integration':
      return { kind: 'integration', id: actor.integrationId, name: null };
    case 'device':
      return { kind: 'device', id: actor.deviceId, name: null };
    case 'anonymous':
      return { kind: 'anonymous', id: null, name: null };
    case 'system':
      return { kind: 'system', id: null, name: actor.name };
  }
}
