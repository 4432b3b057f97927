import type { TargetedSubmitEvent } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  SIGNAL_KIND_VALUES,
  type IntegritySignalsView,
  type IntegritySignalView,
  type SignalKindView,
} from '#shared/integrity.view.ts';
import { useAgencies } from '../../agencies.ts';
import { isTransient, useApi } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDate, formatDateTime, isIsoDate } from '../../format.ts';
import { formatCount, formatPercent, isKeyOf, type Messages } from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { Link, navigate } from '../../router.tsx';

export const INTEGRITY_PATH = '/tin-hieu-toan-ven';

interface IntegrityQuery {
  from: string;
  to: string;
  agencyId: string | null;
}

/** The calendar day in Vietnam (UTC+7) of an instant, as YYYY-MM-DD. */
function vietnamDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The query from the URL; the default is the 30 days up to today. */
export function parseIntegrityQuery(search: string, nowMs: number): IntegrityQuery {
  const params = new URLSearchParams(search);
  const to = params.get('to') ?? '';
  const from = params.get('from') ?? '';
  const validTo = isIsoDate(to) ? to : vietnamDay(nowMs);
  const validFrom = isIsoDate(from) ? from : vietnamDay(Date.parse(`${validTo}T00:00:00Z`) - 29 * 86_400_000);
  return { from: validFrom, to: validTo, agencyId: params.get('agencyId') || null };
}

function searchOf(query: IntegrityQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.agencyId) params.set('agencyId', query.agencyId);
  return params.toString();
}

/** Dấu hiệu bất thường: the integrity signals of a period (issue 4, point 9). */
export function IntegritySignalsPage({ search }: { search: string }) {
  const { t } = useI18n();
  const s = t.integrity;
  const query = useMemo(() => parseIntegrityQuery(search, Date.now()), [search]);
  const { state, retry } = useApi<IntegritySignalsView>(`/api/v1/integrity-signals?${searchOf(query)}`);
  const agencies = useAgencies();
  useDocumentTitle(s.title);

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const next = { from: field('from'), to: field('to'), agencyId: field('agencyId') || null };
    const href = `${INTEGRITY_PATH}?${searchOf(next)}`;
    if (href === `${window.location.pathname}${window.location.search}`) retry();
    else navigate(href);
  };

  const view = state.status === 'ready' ? state.data : null;
  const from = formatDate(query.from);
  const to = formatDate(query.to);
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {s.title}
      </h1>
      <p class="field__hint">{s.intro}</p>
      <form
        class="filters"
        role="search"
        aria-label={s.filters}
        onSubmit={submit}
        data-testid="integrity-form"
        key={searchOf(query)}
      >
        <div class="filters__grid">
          <div class="field">
            <label for="integrity-from">{s.from}</label>
            <input id="integrity-from" name="from" type="date" required defaultValue={query.from} />
          </div>
          <div class="field">
            <label for="integrity-to">{s.to}</label>
            <input id="integrity-to" name="to" type="date" required defaultValue={query.to} />
          </div>
          <div class="field field--wide">
            <label for="integrity-agency">{t.list.agency}</label>
            <select id="integrity-agency" name="agencyId" defaultValue={query.agencyId ?? ''}>
              <option value="">{t.list.allAgencies}</option>
              {agencies.status === 'ready' &&
                agencies.data.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {'\u00a0\u00a0\u00a0'.repeat(agency.depth)}
                    {agency.name}
                  </option>
                ))}
            </select>
          </div>
        </div>
        <div class="filters__actions">
          <button type="submit" class="button button--primary">
            {s.show}
          </button>
        </div>
      </form>
      <section
        class="results"
        data-testid="integrity"
        data-state={state.status}
        aria-labelledby="summary-title"
      >
        <p class="results__summary" role="status" data-testid="integrity-status">
          {state.status === 'loading' && <span class="spinner" aria-hidden="true" />}
          {state.status === 'loading' ? t.loading : ''}
          {view !== null ? s.periodSummary(from, to, view.signals.length) : ''}
        </p>
        {state.status === 'error' && (
          <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
        )}
        {view !== null && <Summary view={view} from={from} to={to} />}
        {view !== null && view.signals.length === 0 && (
          <p class="empty" data-testid="integrity-empty">
            {s.none}
          </p>
        )}
        {view !== null &&
          SIGNAL_KIND_VALUES.map((kind) => {
            const signals = view.signals.filter((signal) => signal.kind === kind);
            return signals.length === 0 ? null : <KindTable key={kind} kind={kind} signals={signals} />;
          })}
      </section>
    </>
  );
}

function Summary({ view, from, to }: { view: IntegritySignalsView; from: string; to: string }) {
  const { t, lang } = useI18n();
  const s = t.integrity;
  return (
    <>
      <h2 id="summary-title">{s.summary}</h2>
      <div class="table-wrap">
        <table class="table" data-testid="integrity-summary">
          <caption class="visually-hidden">{s.summaryCaption(from, to)}</caption>
          <thead>
            <tr>
              <th scope="col">{s.columns.kind}</th>
              <th scope="col" class="num">
                {s.columns.signals}
              </th>
              <th scope="col" class="num">
                {s.columns.ratings}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.summary.map((row) => (
              <tr key={row.kind} data-testid="integrity-summary-row" data-kind={row.kind}>
                <th scope="row" data-label={s.columns.kind}>
                  {row.signals > 0 ? (
                    <a href={`#signals-${row.kind}`}>{s.kinds[row.kind]}</a>
                  ) : (
                    s.kinds[row.kind]
                  )}
                </th>
                <td class="num" data-label={s.columns.signals} data-testid="summary-signals">
                  {formatCount(lang, row.signals)}
                </td>
                <td class="num" data-label={s.columns.ratings} data-testid="summary-ratings">
                  {formatCount(lang, row.ratings)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** "Máy: …", "Quầy: …", "Mạng: …", "Ngày …" and the reasons of a signal, one per line. */
function whereLines(t: Messages, signal: IntegritySignalView): string[] {
  const s = t.integrity;
  const lines: string[] = [];
  if (signal.device) lines.push(s.device(signal.device.name));
  if (signal.counter) lines.push(s.counter(signal.counter.name, signal.counter.deskName));
  if (signal.official) lines.push(s.official(signal.official.name));
  if (signal.network) lines.push(s.network(signal.network));
  if (signal.day) lines.push(s.day(formatDate(signal.day)));
  const reasons = Object.entries(signal.breakdown).map(([key, n]) => {
    const label = isKeyOf(s.breakdown, key) ? s.breakdown[key] : key.toUpperCase();
    return `${label}: ${n}`;
  });
  if (reasons.length > 0) lines.push(reasons.join(', '));
  return lines;
}

/** The existing badge colours: red for high, amber for medium, teal for low. */
const SEVERITY_BADGES: Readonly<Record<IntegritySignalView['severity'], string>> = {
  high: 'badge--late',
  medium: 'badge--overdue',
  low: 'badge--within_time',
};

function levelName(levels: Messages['scores']['satisfaction']['levels'], value: number): string {
  const key = String(value);
  return isKeyOf(levels, key) ? levels[key] : key;
}

function KindTable({ kind, signals }: { kind: SignalKindView; signals: IntegritySignalView[] }) {
  const { t, lang } = useI18n();
  const s = t.integrity;
  const levels = t.scores.satisfaction.levels;
  return (
    <section aria-labelledby={`signals-${kind}`} data-testid="integrity-kind" data-kind={kind}>
      <h2 id={`signals-${kind}`} tabIndex={-1}>
        {s.kinds[kind]}
      </h2>
      <p class="field__hint">{s.explain[kind]}</p>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{s.columns.agency}</th>
              <th scope="col">{s.columns.where}</th>
              <th scope="col" class="num">
                {s.columns.count}
              </th>
              <th scope="col">{s.columns.severity}</th>
              <th scope="col">{s.columns.dossiers}</th>
            </tr>
          </thead>
          <tbody>
            {signals.map((signal, index) => (
              <tr key={index} data-testid="integrity-signal" data-severity={signal.severity}>
                <th scope="row" data-label={s.columns.agency}>
                  {signal.agency.name}
                  <span class="cell__sub code">{signal.agency.code}</span>
                </th>
                <td data-label={s.columns.where}>
                  {whereLines(t, signal).length === 0
                    ? t.none
                    : whereLines(t, signal).map((line) => <div key={line}>{line}</div>)}
                </td>
                <td class="num" data-label={s.columns.count} data-testid="signal-count">
                  {formatCount(lang, signal.count)}
                  {signal.total !== null && signal.sharePercent !== null && (
                    <span class="cell__sub">
                      {s.share(formatPercent(lang, signal.sharePercent), signal.total)}
                    </span>
                  )}
                </td>
                <td data-label={s.columns.severity}>
                  <span class={`badge ${SEVERITY_BADGES[signal.severity]}`} data-testid="signal-severity">
                    {s.severity[signal.severity]}
                  </span>
                </td>
                <td data-label={s.columns.dossiers}>
                  <details>
                    <summary>{s.showDossiers(new Set(signal.ratings.map((r) => r.dossierId)).size)}</summary>
                    <ul>
                      {signal.ratings.map((rating) => (
                        <li key={rating.id}>
                          <Link
                            href={`/ho-so/${encodeURIComponent(rating.dossierId)}`}
                            class="code"
                            data-testid="signal-dossier"
                          >
                            {rating.dossierCode}
                          </Link>{' '}
                          <span class="muted">
                            {levelName(levels, rating.satisfaction)}
                            {' · '}
                            {formatDateTime(rating.submittedAt)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
