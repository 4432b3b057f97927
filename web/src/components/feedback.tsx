import type { ApiError } from '../api.ts';
import { useI18n } from '../lang.tsx';

/** An API error in a visible alert (announced at once by screen readers), with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error.code === 'NETWORK' ? t.errors.network : (t.errors.codes[error.code] ?? error.message);
  return (
    <div class="alert alert--error" role="alert" data-code={error.code}>
      <p class="alert__title">{t.errors.title}</p>
      <p>{message}</p>
      {error.problems.length > 0 && (
        <ul class="alert__problems" aria-label={t.errors.problems}>
          {error.problems.map((problem) => (
            <li key={`${problem.field}:${problem.message}`}>
              <code>{problem.field}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {t.errors.retry}
        </button>
      )}
    </div>
  );
}

/** A polite loading message for the area being fetched. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t.loading}
    </p>
  );
}
