import { fileURLToPath } from 'node:url';
import type { AppConfig } from '#config/config.ts';
import { createLocalEventBus } from '#app/realtime/event-bus.ts';
import { createCheckpoint } from '#app/audit/create-checkpoint.ts';
import { createPostgresEventBus } from '#db/pg-event-bus.ts';
import { buildApp } from '#http/app.ts';
import { countDemoAccounts } from '#app/auth/count-demo-accounts.ts';
import { closeOnSignals, type Runtime } from './runtime.ts';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Serves the API and the web until SIGINT/SIGTERM, then closes the database cleanly. */
export async function startServer(
  runtime: Runtime,
  config: AppConfig,
  log: (message: string) => void,
): Promise<void> {
  // Production refuses the demo accounts (their passwords were printed): issue 5, point 5.
  if (config.production) {
    const demoAccounts = await countDemoAccounts(runtime.deps.db);
    if (demoAccounts > 0) {
      await runtime.handle.close();
      throw new Error(
        `chế độ production: có ${demoAccounts} tài khoản demo đang hoạt động; hãy vô hiệu hóa chúng trước / production mode refuses to start with demo accounts`,
      );
    }
  }
  // Kiosk invitations reach the device through whichever API process holds its stream.
  const bus =
    runtime.handle.kind === 'postgres' && config.databaseUrl !== undefined
      ? createPostgresEventBus(config.databaseUrl, log)
      : createLocalEventBus();
  const app = await buildApp({
    context: { deps: { ...runtime.deps, bus }, databaseKind: runtime.handle.kind, version: runtime.version },
    webRoot: WEB_ROOT,
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    publicRateLimit: { max: config.publicRateLimitPerMinute, timeWindowMs: 60_000 },
    secureCookies: config.secureCookies,
  });
  // Daily checkpoint of the audit chain heads (issue 5 point 3); a pg-boss job later.
  const checkpointTimer = setInterval(() => {
    createCheckpoint(runtime.deps).catch((error: unknown) =>
      log(`audit checkpoint failed: ${String(error)}`),
    );
  }, 24 * 3_600_000);
  checkpointTimer.unref();
  closeOnSignals(async () => {
    clearInterval(checkpointTimer);
    await app.close();
    await bus.close();
    await runtime.handle.close();
  }, log);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  log(
    `HàiLòng is running at http://localhost:${port} (API: /api/v1, docs: /api/docs, database: ${runtime.handle.kind})`,
  );
}
