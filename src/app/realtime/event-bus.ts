import { EventEmitter } from 'node:events';

/** A message on a topic, e.g. `device:<id>` for a counter device's "Mời đánh giá". */
export type BusHandler = (payload: unknown) => void;

/**
 * Notifications between API processes (issue 4: the official and the counter device may be
 * connected to different processes). On PostgreSQL it is LISTEN/NOTIFY; on the embedded
 * database, which one process holds alone, it stays in the process.
 */
export interface EventBus {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(topic: string, handler: BusHandler): () => void;
  close(): Promise<void>;
}

/** The in-process bus (PGlite, single process). */
export function createLocalEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (topic, payload) => {
      // Delivered after the publisher's own work, like a NOTIFY after its commit.
      setImmediate(() => emitter.emit(topic, payload));
      return Promise.resolve();
    },
    subscribe: (topic, handler) => {
      emitter.on(topic, handler);
      return () => emitter.off(topic, handler);
    },
    close: () => {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}
