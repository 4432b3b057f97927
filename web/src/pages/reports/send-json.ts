import { ApiError, csrfHeaders } from '../../api.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PUTs or POSTs JSON to our API with the session's CSRF header; failures become an ApiError. */
export async function sendJson(method: 'PUT' | 'POST', path: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeaders() },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(data) ? data.error : undefined;
    if (isRecord(error) && typeof error.code === 'string')
      throw new ApiError(
        response.status,
        error.code,
        typeof error.message === 'string' ? error.message : error.code,
      );
    throw new ApiError(response.status, 'INTERNAL', `${response.status} ${response.statusText}`.trim());
  }
  return data;
}
