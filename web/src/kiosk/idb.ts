/**
 * A small promise wrapper over IndexedDB for the counter device: its identity and key, and the
 * outbox of signed ratings waiting for the server. IndexedDB survives reloads and restarts of
 * the browser, so nothing the citizen was thanked for is lost.
 */
const DB_NAME = 'hailong-kiosk';
const VERSION = 1;
export const STORES = { device: 'device', outbox: 'outbox', refused: 'refused' } as const;
type StoreName = (typeof STORES)[keyof typeof STORES];

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(STORES.device);
      db.createObjectStore(STORES.outbox, { keyPath: 'id' });
      db.createObjectStore(STORES.refused, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
  return opening;
}

function run<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  action: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(store, mode);
        const request = action(transaction.objectStore(store));
        // Resolve on commit, not on request success: the data is durable only then.
        transaction.oncomplete = () => resolve(request.result as T);
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
      }),
  );
}

export const idb = {
  get: <T>(store: StoreName, key: IDBValidKey) => run<T | undefined>(store, 'readonly', (s) => s.get(key)),
  all: <T>(store: StoreName) => run<T[]>(store, 'readonly', (s) => s.getAll()),
  count: (store: StoreName) => run<number>(store, 'readonly', (s) => s.count()),
  put: (store: StoreName, value: unknown, key?: IDBValidKey) =>
    run<IDBValidKey>(store, 'readwrite', (s) => (key === undefined ? s.put(value) : s.put(value, key))),
  delete: (store: StoreName, key: IDBValidKey) => run<undefined>(store, 'readwrite', (s) => s.delete(key)),
  clear: (store: StoreName) => run<undefined>(store, 'readwrite', (s) => s.clear()),
};
