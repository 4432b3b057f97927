import type { BlockList } from 'node:net';
import type { Kysely } from 'kysely';
import type { Instant } from '#domain/calendar/types.ts';
import type { Database } from '#db/schema.ts';
import type { SchemeRegistry } from './scoring/scheme-registry.ts';
import type { TokenKeyring } from './ratings/token-keys.ts';
import type { AuditKeys } from './audit/audit-keys.ts';
import type { EventBus } from './realtime/event-bus.ts';

/** What every use case gets from the composition root: the database, the clock and ids. */
export interface AppDeps {
  db: Kysely<Database>;
  now(): Instant;
  newId(): string;
  /** Scoring schemes; the built-in ones (plus HAILONG_SCHEMES_DIR) when not given. */
  schemes?: SchemeRegistry;
  /** Keys that sign rating tokens (kept outside the database). */
  tokenKeys?: TokenKeyring;
  /** Agency networks (HAILONG_STAFF_NETWORKS): a rating sent from one is an integrity signal. */
  staffNetworks?: BlockList;
  /** Cross-process notifications (kiosk invitations, live dashboards). */
  bus?: EventBus;
  /** Keys of the audit chain (HMAC) and its checkpoints (Ed25519), kept outside the database. */
  auditKeys?: AuditKeys;
}

/** A database handle or an open transaction: use cases inside a transaction use only the handle they get. */
export type Db = Kysely<Database>;
