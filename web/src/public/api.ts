import { useEffect, useState } from 'preact/hooks';

/**
 * Reads of the public API (no session, no cookie, no CSRF token: nothing here is personal).
 * A failure keeps the server's error code, so the page can say it in the visitor's language.
 */
export class PublicApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function getPublicJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', headers: { accept: 'application/json' } });
  } catch {
    throw new PublicApiError('NETWORK', '', 0);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : null;
    const code =
      typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
        ? error.code
        : 'INTERNAL';
    const message =
      typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
        ? error.message
        : response.statusText;
    throw new PublicApiError(code, message, response.status);
  }
  return (await response.json()) as T;
}

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: PublicApiError };

/** Fetches `path` (null: nothing to fetch yet) and refetches when it changes or on `reload()`. */
export function usePublicJson<T>(path: string | null): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let stale = false;
    setResult({ state: 'loading' });
    getPublicJson<T>(path).then(
      (data) => {
        if (!stale) setResult({ state: 'ready', data });
      },
      (error: unknown) => {
        if (stale) return;
        setResult({
          state: 'error',
          error: error instanceof PublicApiError ? error : new PublicApiError('INTERNAL', String(error), 0),
        });
      },
    );
    return () => {
      stale = true;
    };
  }, [path, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}
