import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppDeps } from '#app/deps.ts';
import { parseStaffNetworks } from '#app/ratings/rating-origin.ts';
import { loadTokenKeyring } from '#app/ratings/token-keys.ts';
import { loadAuditKeys } from '#app/audit/audit-keys.ts';
import type { AppConfig } from '#config/config.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '#db/client.ts';

export interface Runtime {
  handle: DatabaseHandle;
  deps: AppDeps;
  version: string;
}

/** The package version, shown by the CLI and the health endpoint. */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : '0.0.0';
}

/** Opens the database named by the configuration, applies pending migrations, and wires the use-case deps. */
export async function openRuntime(config: AppConfig, log: (message: string) => void): Promise<Runtime> {
  // Keys first: a production start without proper keys stops before anything is written (issue 5 point 5).
  const keyOptions = { production: config.production };
  const tokenKeys = loadTokenKeyring(config.dataDir, keyOptions);
  const auditKeys = loadAuditKeys(config.dataDir, keyOptions);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const deps: AppDeps = {
    db: handle.db,
    now: () => Date.now(),
    newId: () => randomUUID(),
    tokenKeys,
    auditKeys,
    staffNetworks: parseStaffNetworks(config.staffNetworks),
  };
  return { handle, deps, version: packageVersion() };
}

/** Closes the database cleanly on Ctrl-C / SIGTERM (PGlite must be closed or it may lose data). */
export function closeOnSignals(close: () => Promise<void>, log: (message: string) => void): void {
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing…`);
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log(`error while closing: ${String(error)}`);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
