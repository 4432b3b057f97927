import { ApiError, csrfHeaders, type FieldProblem } from '../../api.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemsOf(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

/**
 * POSTs JSON to our own API and returns the JSON answer (typed by the caller from the route's schema) with its status; failures become an
 * ApiError from the `{error: {code, message, problems}}` body (NETWORK when unreachable).
 */
export async function postJson(path: string, body?: unknown): Promise<{ status: number; data: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...csrfHeaders(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(data) ? data.error : undefined;
    if (isRecord(error) && typeof error.code === 'string') {
      const message = typeof error.message === 'string' ? error.message : error.code;
      const details = isRecord(error.details) ? error.details : {};
      throw new ApiError(response.status, error.code, message, problemsOf(error.problems), details);
    }
    throw new ApiError(response.status, 'INTERNAL', `${response.status} ${response.statusText}`.trim());
  }
  return { status: response.status, data };
}

/** Any thrown value as an ApiError. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error));
}
