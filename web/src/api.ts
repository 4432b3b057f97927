import { useEffect, useState } from 'preact/hooks';

/** One field the server found at fault (`{field, message}`, as in every API error body). */
export interface FieldProblem {
  field: string;
  message: string;
}

const UNAUTHENTICATED_EVENT = 'hailong:unauthenticated';

/**
 * Calls `listener` whenever one of our API requests is refused for want of a session (it expired,
 * or was ended elsewhere); returns the unsubscribe function. The session provider asks the server
 * again then, so the back office goes to the sign-in page instead of showing the error.
 */
export function onUnauthenticated(listener: () => void): () => void {
  window.addEventListener(UNAUTHENTICATED_EVENT, listener);
  return () => window.removeEventListener(UNAUTHENTICATED_EVENT, listener);
}

/** An API failure: the server's error code and Vietnamese message, or NETWORK when it was not reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: readonly FieldProblem[];
  /** The error's `details` (e.g. lockedUntil of a locked account). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
    message: string,
    problems: readonly FieldProblem[] = [],
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
    this.details = details;
    // Every answer of our API becomes an ApiError here, whoever made the request (GET helper,
    // POST helper, a page's own fetch): the one place that sees them all announces a lost session.
    if (code === 'UNAUTHENTICATED' && typeof window !== 'undefined') {
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
  }
}

// The signed-in session's CSRF token (GET /api/v1/auth/session): sent back with every
// state-changing request, which another site cannot do (it cannot read this token).
let csrfToken: string | null = null;

/** Remembers the session's CSRF token (null after signing out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The `x-csrf-token` header of a POST/PUT/DELETE made with the session cookie. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { 'x-csrf-token': csrfToken };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

/** Reads the `{error: {code, message, problems}}` body; falls back to the HTTP status text. */
function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(status, error.code, message, toProblems(error.problems));
  }
  return new ApiError(status, status === 404 ? 'NOT_FOUND' : 'INTERNAL', `${status} ${statusText}`.trim());
}

/**
 * GETs a JSON document of our own API. The body is typed by the caller from the src/shared
 * contract (the server validates its responses against the same zod schemas).
 */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, response.statusText, body);
  return body as T;
}

/** True when trying the same request again may succeed (network down, server or database busy). */
export function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

/** State of a request made by `useApi`, for the URL it was made for. */
export type ApiState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

interface Settled<T> {
  path: string;
  attempt: number;
  state: ApiState<T>;
}

/**
 * Fetches `path` whenever it changes (the previous request is aborted) and reports loading
 * until the answer *for this path* arrives, so a page never shows the previous page's data
 * as if it were current. `retry` fetches the same path again.
 */
export function useApi<T>(path: string | null): { state: ApiState<T>; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => setSettled({ path, attempt, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error));
        setSettled({ path, attempt, state: { status: 'error', error: apiError } });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);
  const state: ApiState<T> =
    settled !== null && settled.path === path && settled.attempt === attempt
      ? settled.state
      : { status: 'loading' };
  return { state, retry: () => setAttempt((n) => n + 1) };
}
