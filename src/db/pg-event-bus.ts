import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { EventBus } from '#app/realtime/event-bus.ts';

const CHANNEL = 'hailong_events';

/**
 * The event bus across API processes on PostgreSQL: NOTIFY on one channel, each process
 * LISTENs on one dedicated connection and reconnects by itself when it drops (server
 * restart), so a device attached to any process hears an invitation made on any other.
 */
export function createPostgresEventBus(
  connectionString: string,
  log: (message: string) => void = () => undefined,
): EventBus {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const publisher = new pg.Pool({ connectionString, max: 2 });
  publisher.on('error', (error) => log(`event bus: ${error.message}`));
  let listener: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = (): void => {
    if (closed || listener !== null) return;
    const client = new pg.Client({ connectionString });
    listener = client;
    const reconnect = (error?: Error): void => {
      if (listener !== client) return;
      listener = null;
      if (error) log(`event bus connection lost: ${error.message}`);
      client.end().catch(() => undefined);
      if (!closed) retry = setTimeout(connect, 1000);
    };
    client.on('error', reconnect);
    client.on('end', () => reconnect());
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || message.payload === undefined) return;
      try {
        const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
        local.emit(topic, payload);
      } catch {
        log('event bus: unreadable notification ignored');
      }
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .catch((error: unknown) => reconnect(error instanceof Error ? error : new Error(String(error))));
  };
  connect();

  return {
    publish: async (topic, payload) => {
      await publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic, payload })]);
    },
    subscribe: (topic, handler) => {
      local.on(topic, handler);
      return () => local.off(topic, handler);
    },
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = listener;
      listener = null;
      local.removeAllListeners();
      await Promise.allSettled([client?.end(), publisher.end()]);
    },
  };
}
