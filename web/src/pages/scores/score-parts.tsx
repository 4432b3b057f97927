import type { ComponentChildren, TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useAgencies } from '../../agencies.ts';
import { formatScore, isKeyOf, type Messages, type ScoreIndicator } from '../../i18n.ts';
import { useI18n } from '../../lang.tsx';
import { Link, navigate } from '../../router.tsx';
import {
  parsePeriod,
  periodKey,
  periodYears,
  scoreTableHref,
  type ScoreTable,
  type ScoreTableQuery,
} from './score-params.ts';

/** "Quý III/2025" / "Q3 2025" for a period key; an unreadable key shows as is. */
export function periodName(t: Messages, period: string): string {
  const parts = parsePeriod(period);
  return parts ? t.scores.periodName(parts.year, parts.quarter) : period;
}

/** A table header "CS1" with the indicator's legal name as its tooltip (and in the legend). */
export function IndicatorHeader({ indicator }: { indicator: ScoreIndicator }) {
  const { t } = useI18n();
  const name = t.scores.indicators[indicator];
  return (
    <th scope="col" class="num">
      <abbr title={t.scores.indicatorTitle(indicator, name)}>{t.scores.indicatorCode(indicator)}</abbr>
    </th>
  );
}

/** The card label of an indicator cell on small screens: "CS1 · Thời gian giải quyết". */
export function indicatorLabel(t: Messages, indicator: ScoreIndicator): string {
  return `${t.scores.indicatorCode(indicator)} · ${t.scores.indicators[indicator]}`;
}

/** "–" for an indicator that was not scored: left out of the total (Điều 15 khoản 4). */
export function NotScored() {
  const { t } = useI18n();
  return (
    <abbr class="score score--none" title={t.scores.notScoredTitle} data-testid="score-none">
      {t.scores.notScored}
      <span class="visually-hidden"> {t.scores.notScoredTitle}</span>
    </abbr>
  );
}

/** A score with one decimal, or "–" when not scored. */
export function ScoreValue({ value }: { value: number | null }) {
  const { lang } = useI18n();
  if (value === null) return <NotScored />;
  return <span class="score">{formatScore(lang, value)}</span>;
}

/** A score linked to the dossiers behind it; "–" (no link) when not scored. */
export function ScoreLink({ value, href, label }: { value: number | null; href: string; label: string }) {
  const { lang } = useI18n();
  if (value === null) return <NotScored />;
  return (
    <Link href={href} class="score score--link" title={label} data-testid="score-link">
      {formatScore(lang, value)}
    </Link>
  );
}

/** A grade (agencies) or class (officials) as a coloured pill; the label is always written. */
export function ClassBadge({ kind, code, label }: { kind: 'grade' | 'class'; code: string; label: string }) {
  const { t } = useI18n();
  const labels = kind === 'grade' ? t.scores.grades : t.scores.classes;
  return (
    <span class={`grade grade--${code}`} data-testid={kind} data-code={code}>
      {(isKeyOf(labels, code) ? labels[code] : undefined) ?? label}
    </span>
  );
}

/** The legend under a table: the indicators' names and what "–" means. */
export function IndicatorLegend({
  indicators,
  children,
}: {
  indicators: readonly ScoreIndicator[];
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <section class="legend" aria-labelledby="legend-title" data-testid="score-legend">
      <h2 id="legend-title">{t.scores.legend.title}</h2>
      <p class="legend__subtitle">{t.scores.legend.indicators}</p>
      <dl class="legend__list">
        {indicators.map((indicator) => (
          <div key={indicator}>
            <dt>{t.scores.indicatorCode(indicator)}</dt>
            <dd>{t.scores.indicators[indicator]}</dd>
          </div>
        ))}
      </dl>
      <p>
        <span class="score score--none" aria-hidden="true">
          {t.scores.notScored}
        </span>{' '}
        <span class="visually-hidden">{t.scores.notScored}: </span>
        {t.scores.legend.notScored}
      </p>
      {children}
    </section>
  );
}

interface PeriodFormProps {
  query: ScoreTableQuery;
  onSubmit: (query: ScoreTableQuery) => void;
  /** The agency select is offered on the tables; the drill-down names its subject instead. */
  withAgency?: boolean;
}

/** The period picker (year, then a quarter or the whole year) and the agency subtree, applied with a button. */
export function PeriodForm({ query, onSubmit, withAgency = true }: PeriodFormProps) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const current = parsePeriod(query.period);
  const [year, setYear] = useState(current?.year ?? 0);
  const [quarter, setQuarter] = useState(current?.quarter === null ? '' : String(current?.quarter ?? ''));
  const [agencyId, setAgencyId] = useState(query.agencyId);

  useEffect(() => {
    // Back/forward or a link changed the URL: the form shows what is applied.
    const parts = parsePeriod(query.period);
    setYear(parts?.year ?? 0);
    setQuarter(parts?.quarter == null ? '' : String(parts.quarter));
    setAgencyId(query.agencyId);
  }, [query]);

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = quarter === '' ? null : Number(quarter);
    onSubmit({ period: periodKey({ year, quarter: q }), agencyId });
  };

  return (
    <form class="filters" role="search" aria-label={t.scores.filters} onSubmit={submit} noValidate>
      <div class="filters__grid">
        <div class="field">
          <label for="score-year">{t.scores.year}</label>
          <select
            id="score-year"
            name="year"
            value={String(year)}
            onChange={(event) => setYear(Number(event.currentTarget.value))}
          >
            {periodYears(Date.now(), current?.year ?? null).map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="score-quarter">{t.scores.quarter}</label>
          <select
            id="score-quarter"
            name="quarter"
            value={quarter}
            aria-describedby="score-period-hint"
            onChange={(event) => setQuarter(event.currentTarget.value)}
          >
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={String(q)}>
                {t.scores.quarterOption(q)}
              </option>
            ))}
            <option value="">{t.scores.wholeYear}</option>
          </select>
          <p class="field__hint" id="score-period-hint">
            {t.scores.periodHint}
          </p>
        </div>
        {withAgency && (
          <div class="field field--wide">
            <label for="score-agency">{t.list.agency}</label>
            <select
              id="score-agency"
              name="agencyId"
              value={agencyId}
              aria-describedby="score-agency-hint"
              onChange={(event) => setAgencyId(event.currentTarget.value)}
            >
              <option value="">{t.list.allAgencies}</option>
              {agencies.status === 'ready' &&
                agencies.data.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {'\u00a0\u00a0\u00a0'.repeat(agency.depth)}
                    {agency.name}
                  </option>
                ))}
            </select>
            <p class="field__hint" id="score-agency-hint">
              {agencies.status === 'error' ? t.list.agenciesFailed : t.list.agencyHint}
            </p>
          </div>
        )}
      </div>
      <div class="filters__actions">
        <button type="submit" class="button button--primary">
          {t.scores.show}
        </button>
      </div>
    </form>
  );
}

/** Previous / next page links (the same pager as the dossier list). */
export function Pager({
  page,
  total,
  pageSize,
  hrefOf,
}: {
  page: number;
  total: number;
  pageSize: number;
  hrefOf: (page: number) => string;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  if (pages === 1) return null;
  const showResults = () => {
    requestAnimationFrame(() => document.getElementById('results-title')?.focus());
  };
  return (
    <nav class="pagination" aria-label={t.list.pagination}>
      {current > 1 ? (
        <Link href={hrefOf(current - 1)} rel="prev" class="button button--secondary" onClick={showResults}>
          ‹ {t.list.previous}
        </Link>
      ) : (
        <span class="button button--secondary is-disabled" aria-disabled="true">
          ‹ {t.list.previous}
        </span>
      )}
      <span class="pagination__current" aria-current="page">
        {t.list.page(current, pages)}
      </span>
      {current < pages ? (
        <Link href={hrefOf(current + 1)} rel="next" class="button button--secondary" onClick={showResults}>
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

/**
 * Writes the applied query into the address bar (replacing the entry) when the URL left it
 * out or mangled it, so the period shown is always the one a bookmark or a shared link keeps.
 */
export function useCanonicalHref(href: string): void {
  useEffect(() => {
    if (`${window.location.pathname}${window.location.search}` !== href) navigate(href, { replace: true });
  }, [href]);
}

const lastTables: Record<ScoreTable, string | null> = { agencies: null, officials: null };

/** Remembers the table URL the user last looked at (with its period and agency), for the drill-down's way back. */
export function useRememberTable(table: ScoreTable, href: string): void {
  useEffect(() => {
    lastTables[table] = href;
  }, [table, href]);
}

/** The table the user came from, else the table of `period` for every agency. */
export function lastTableHref(table: ScoreTable, period: string): string {
  return lastTables[table] ?? scoreTableHref(table, { period, agencyId: '' });
}
