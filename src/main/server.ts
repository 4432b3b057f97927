import { fileURLToPath } from 'node:url';
import type { AppConfig } from '#config/config.ts';
import { createLocalEventBus } from '#app/realtime/event-bus.ts';
import { createPostgresEventBus } from '#db/pg-event-bus.ts';
import { buildApp } from '#http/app.ts';
import { closeOnSignals, type Runtime } from './runtime.ts';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Serves the API and the web until SIGINT/SIGTERM, then closes the database cleanly. */
export async function startServer(
  runtime: Runtime,
  config: AppConfig,
  log: (message: string) => void,
): Promise<void> {
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
  });
  closeOnSignals(async () => {
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
