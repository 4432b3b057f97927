import type { PublicApiError } from './api.ts';
import type { PublicText } from './text.ts';

/** "Loading…", announced politely. */
export function Loading({ t }: { t: PublicText }) {
  return (
    <p class="p-status" role="status">
      {t.loading}
    </p>
  );
}

/** A failed read: the message in the visitor's language (the server's Vietnamese one otherwise) and a retry. */
export function LoadError({ t, error, retry }: { t: PublicText; error: PublicApiError; retry: () => void }) {
  const message =
    error.code === 'NETWORK' ? t.networkError : (t.errors[error.code] ?? (error.message || t.error));
  return (
    <div class="p-card p-error" role="alert" data-code={error.code}>
      <h2>{t.error}</h2>
      <p>{message}</p>
      <button type="button" class="p-button" onClick={retry}>
        {t.retry}
      </button>
    </div>
  );
}
