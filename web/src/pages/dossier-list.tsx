import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DossierPage, DossierSummary } from '#shared/dossier.view.ts';
import { LIMITS } from '#shared/limits.ts';
import { useAgencies } from '../agencies.ts';
import { isTransient, useApi, type ApiState } from '../api.ts';
import { StatusBadge, TimelinessBadge } from '../components/badges.tsx';
import { ErrorAlert } from '../components/feedback.tsx';
import { formatDate, formatDateTime, parseDisplayDate } from '../format.ts';
import { STATUS_ORDER, TIMELINESS_ORDER } from '../i18n.ts';
import { useDocumentTitle, useI18n } from '../lang.tsx';
import { Link, navigate } from '../router.tsx';
import {
  dossierApiPath,
  dossierListHref,
  isPeriodReversed,
  PAGE_SIZES,
  parseDossierFilters,
  type DossierFilters,
} from './dossier-filters.ts';

/** What the form holds while the user types: dates as typed (dd/mm/yyyy), the rest as in the URL. */
interface Draft extends Omit<DossierFilters, 'page' | 'from' | 'to'> {
  fromText: string;
  toText: string;
}

type DateField = 'from' | 'to';
type DateErrors = Partial<Record<DateField, 'invalid' | 'order'>>;

function toDraft(filters: DossierFilters): Draft {
  const { page: _page, from, to, ...rest } = filters;
  return { ...rest, fromText: formatDate(from), toText: formatDate(to) };
}

let lastListHref = '/ho-so';

/** The list URL the user last looked at, for the detail page's way back. */
export function lastDossierListHref(): string {
  return lastListHref;
}

/** Danh sách hồ sơ: search by code, filters kept in the URL, paginated results. */
export function DossierListPage({ search }: { search: string }) {
  const { t } = useI18n();
  const filters = useMemo(() => parseDossierFilters(search), [search]);
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const [dateErrors, setDateErrors] = useState<DateErrors>({});
  const { state, retry } = useApi<DossierPage>(dossierApiPath(filters));
  useDocumentTitle(t.list.title);

  useEffect(() => {
    // Back/forward or a link changed the URL: the form shows what is applied.
    setDraft(toDraft(filters));
    setDateErrors(isPeriodReversed(filters) ? { to: 'order' } : {});
    lastListHref = dossierListHref(filters);
  }, [filters]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const from = parseDisplayDate(draft.fromText);
    const to = parseDisplayDate(draft.toText);
    const errors: DateErrors = {};
    if (from === null) errors.from = 'invalid';
    if (to === null) errors.to = 'invalid';
    if (from !== null && to !== null && isPeriodReversed({ from, to })) errors.to = 'order';
    setDateErrors(errors);
    if (from === null || to === null || errors.to !== undefined) {
      document.getElementById(errors.from ? 'filter-from' : 'filter-to')?.focus();
      return;
    }
    const { fromText: _fromText, toText: _toText, ...rest } = draft;
    const href = dossierListHref({ ...rest, from, to, page: 1 });
    // Searching again with the same filters refreshes the list (new dossiers may have arrived).
    if (href === `${window.location.pathname}${window.location.search}`) retry();
    else navigate(href);
  };

  const reset = () => {
    setDateErrors({});
    navigate('/ho-so');
  };

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.list.title}
      </h1>
      <FilterForm draft={draft} dateErrors={dateErrors} set={set} onSubmit={submit} onReset={reset} />
      <Results filters={filters} state={state} retry={retry} />
    </>
  );
}

/** The offered page sizes, plus the current one when a link asked for another. */
function pageSizeOptions(current: number): number[] {
  const sizes: number[] = [...PAGE_SIZES];
  return sizes.includes(current) ? sizes : [...sizes, current].sort((a, b) => a - b);
}

interface FilterFormProps {
  draft: Draft;
  dateErrors: DateErrors;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  onSubmit: (event: TargetedSubmitEvent<HTMLFormElement>) => void;
  onReset: () => void;
}

function FilterForm({ draft, dateErrors, set, onSubmit, onReset }: FilterFormProps) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const dateError = (field: DateField) => {
    const error = dateErrors[field];
    if (error === undefined) return null;
    return (
      <p class="field__error" id={`filter-${field}-error`}>
        {error === 'order' ? t.list.dateOrder : t.list.dateInvalid}
      </p>
    );
  };
  const dateInput = (field: DateField, label: string) => {
    const key = field === 'from' ? 'fromText' : 'toText';
    const invalid = dateErrors[field] !== undefined;
    return (
      <div class="field">
        <label for={`filter-${field}`}>{label}</label>
        <input
          id={`filter-${field}`}
          name={field}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t.list.datePlaceholder}
          value={draft[key]}
          aria-invalid={invalid}
          aria-describedby={`filter-date-hint${invalid ? ` filter-${field}-error` : ''}`}
          onInput={(event) => set(key, event.currentTarget.value)}
        />
        {dateError(field)}
      </div>
    );
  };

  return (
    <form class="filters" role="search" aria-label={t.list.filters} onSubmit={onSubmit} noValidate>
      <div class="filters__grid">
        <div class="field field--wide">
          <label for="filter-q">{t.list.code}</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            autoComplete="off"
            spellcheck={false}
            maxLength={LIMITS.codeMaxLength}
            value={draft.q}
            aria-describedby="filter-q-hint"
            onInput={(event) => set('q', event.currentTarget.value)}
          />
          <p class="field__hint" id="filter-q-hint">
            {t.list.codeHint}
          </p>
        </div>
        <div class="field field--wide">
          <label for="filter-agency">{t.list.agency}</label>
          <select
            id="filter-agency"
            name="agencyId"
            value={draft.agencyId}
            aria-describedby="filter-agency-hint"
            onChange={(event) => set('agencyId', event.currentTarget.value)}
          >
            <option value="">{t.list.allAgencies}</option>
            {agencies.status === 'ready' &&
              agencies.data.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {/* Options cannot be styled reliably: indent the subtree with no-break spaces. */}
                  {'\u00a0\u00a0\u00a0'.repeat(agency.depth)}
                  {agency.name}
                </option>
              ))}
          </select>
          <p class="field__hint" id="filter-agency-hint">
            {agencies.status === 'error' ? t.list.agenciesFailed : t.list.agencyHint}
          </p>
        </div>
        <div class="field">
          <label for="filter-status">{t.list.status}</label>
          <select
            id="filter-status"
            name="status"
            value={draft.status}
            onChange={(event) =>
              set('status', STATUS_ORDER.find((s) => s === event.currentTarget.value) ?? '')
            }
          >
            <option value="">{t.list.allStatuses}</option>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {t.status[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-timeliness">{t.list.timeliness}</label>
          <select
            id="filter-timeliness"
            name="timeliness"
            value={draft.timeliness}
            onChange={(event) =>
              set('timeliness', TIMELINESS_ORDER.find((v) => v === event.currentTarget.value) ?? '')
            }
          >
            <option value="">{t.list.allTimeliness}</option>
            <optgroup label={t.list.finishedGroup}>
              {TIMELINESS_ORDER.slice(0, 3).map((value) => (
                <option key={value} value={value}>
                  {t.timeliness[value]}
                </option>
              ))}
            </optgroup>
            <optgroup label={t.list.openGroup}>
              {TIMELINESS_ORDER.slice(3).map((value) => (
                <option key={value} value={value}>
                  {t.timeliness[value]}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        {dateInput('from', t.list.from)}
        {dateInput('to', t.list.to)}
        <div class="field">
          <label for="filter-page-size">{t.list.pageSize}</label>
          <select
            id="filter-page-size"
            name="pageSize"
            value={String(draft.pageSize)}
            onChange={(event) => set('pageSize', Number(event.currentTarget.value))}
          >
            {pageSizeOptions(draft.pageSize).map((size) => (
              <option key={size} value={String(size)}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="field__hint" id="filter-date-hint">
        {t.list.dateHint}
      </p>
      <div class="filters__actions">
        <button type="submit" class="button button--primary">
          {t.list.submit}
        </button>
        <button type="button" class="button button--secondary" onClick={onReset}>
          {t.list.reset}
        </button>
      </div>
    </form>
  );
}

interface ResultsProps {
  filters: DossierFilters;
  state: ApiState<DossierPage>;
  retry: () => void;
}

function Results({ filters, state, retry }: ResultsProps) {
  const { t } = useI18n();
  const page = state.status === 'ready' ? state.data : null;
  let summary = t.loading;
  if (state.status === 'error') summary = '';
  if (page !== null) {
    summary = t.list.total(page.total);
    if (page.items.length > 0) {
      const first = (page.page - 1) * page.pageSize + 1;
      summary += ` · ${t.list.range(first, first + page.items.length - 1, page.total)}`;
    }
  }
  return (
    <section
      class="results"
      aria-labelledby="results-title"
      data-testid="dossier-results"
      data-state={state.status}
    >
      <h2 id="results-title" class="visually-hidden" tabIndex={-1}>
        {t.list.results}
      </h2>
      <p class="results__summary" role="status" data-testid="dossier-total">
        {state.status === 'loading' && <span class="spinner" aria-hidden="true" />}
        {summary}
      </p>
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {page !== null && page.items.length === 0 && page.total === 0 && <p class="empty">{t.list.empty}</p>}
      {page !== null && page.items.length === 0 && page.total > 0 && (
        // A bookmark beyond the last page (the list has shrunk since).
        <p class="empty">
          {t.list.pageOutOfRange}{' '}
          <Link href={dossierListHref({ ...filters, page: 1 })}>{t.list.firstPage}</Link>
        </p>
      )}
      {page !== null && page.items.length > 0 && (
        <>
          <DossierTable items={page.items} />
          <Pagination filters={filters} total={page.total} />
        </>
      )}
      {/* Keep the previous layout height while loading so the page does not jump. */}
      {state.status === 'loading' && <div class="results__placeholder" aria-hidden="true" />}
    </section>
  );
}

function DossierTable({ items }: { items: readonly DossierSummary[] }) {
  const { t } = useI18n();
  const c = t.list.columns;
  return (
    <div class="table-wrap">
      <table class="table table--cards">
        <caption class="visually-hidden">{t.list.title}</caption>
        <thead>
          <tr>
            <th scope="col">{c.code}</th>
            <th scope="col">{c.procedure}</th>
            <th scope="col">{c.agency}</th>
            <th scope="col">{c.channel}</th>
            <th scope="col">{c.received}</th>
            <th scope="col">{c.due}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.timeliness}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((dossier) => (
            <tr key={dossier.id} data-testid="dossier-row" data-code={dossier.code}>
              <th scope="row" data-label={c.code}>
                <Link href={`/ho-so/${encodeURIComponent(dossier.id)}`} class="code">
                  {dossier.code}
                </Link>
              </th>
              <td data-label={c.procedure}>
                {dossier.procedure.name}
                <span class="cell__sub">{dossier.procedure.sector}</span>
              </td>
              <td data-label={c.agency}>{dossier.agency.name}</td>
              <td data-label={c.channel}>{t.channel[dossier.channel]}</td>
              <td data-label={c.received}>
                <time dateTime={dossier.receivedAt}>{formatDateTime(dossier.receivedAt)}</time>
              </td>
              <td data-label={c.due}>
                <time dateTime={dossier.dueDate}>{formatDate(dossier.dueDate)}</time>
                {dossier.dueRescheduledDate !== null && (
                  <span class="cell__sub">{t.list.rescheduled(formatDate(dossier.dueRescheduledDate))}</span>
                )}
              </td>
              <td data-label={c.status}>
                <StatusBadge status={dossier.status} />
              </td>
              <td data-label={c.timeliness}>
                <TimelinessBadge value={dossier.timeliness ?? dossier.openTimeliness} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pagination({ filters, total }: { filters: DossierFilters; total: number }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / filters.pageSize));
  const page = Math.min(filters.page, pages);
  const toPage = (n: number) => dossierListHref({ ...filters, page: n });
  const showResults = () => {
    // New rows replace the old ones above the pager: bring the reader back to their start.
    requestAnimationFrame(() => document.getElementById('results-title')?.focus());
  };
  if (pages === 1) return null;
  return (
    <nav class="pagination" aria-label={t.list.pagination}>
      {page > 1 ? (
        <Link href={toPage(page - 1)} rel="prev" class="button button--secondary" onClick={showResults}>
          ‹ {t.list.previous}
        </Link>
      ) : (
        <span class="button button--secondary is-disabled" aria-disabled="true">
          ‹ {t.list.previous}
        </span>
      )}
      <span class="pagination__current" aria-current="page">
        {t.list.page(page, pages)}
      </span>
      {page < pages ? (
        <Link href={toPage(page + 1)} rel="next" class="button button--secondary" onClick={showResults}>
          {t.list.next} ›
        </Link>
      ) : (
        <span class="button button--secondary is-disabled" aria-disabled="true">
          {t.list.next} ›
        </span>
      )}
    </nav>
  );
}
