import { useI18n } from '../lang.tsx';
import type { DossierStatus, TimelinessFilter } from '../i18n.ts';

/** Statuses in which the agency still has to act on the dossier. */
const OPEN_STATUSES: ReadonlySet<DossierStatus> = new Set(['received', 'processing', 'awaiting_supplement']);

/**
 * Early / on time / late (finished) or within time / overdue (open), as a coloured badge.
 * The word is always written: colour is never the only signal.
 */
export function TimelinessBadge({ value }: { value: TimelinessFilter | null }) {
  const { t } = useI18n();
  if (value === null) return <span class="muted">{t.none}</span>;
  return (
    <span class={`badge badge--${value}`} data-testid="timeliness-badge" data-value={value}>
      {t.timeliness[value]}
    </span>
  );
}

/** A dossier status as a pill: outlined while open, filled grey once closed. */
export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useI18n();
  return (
    <span class={`status status--${OPEN_STATUSES.has(status) ? 'open' : 'closed'}`} data-value={status}>
      {t.status[status]}
    </span>
  );
}
