import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ScoredDossiersView } from '#shared/score.view.ts';
import { useAgencies } from '../../agencies.ts';
import { isTransient, useApi, type ApiState } from '../../api.ts';
import { TimelinessBadge } from '../../components/badges.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDate, formatDateTime, isIsoDate } from '../../format.ts';
import { DOSSIER_INDICATORS, TIMELINESS_ORDER, type DossierIndicator } from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { useOfficials } from '../../officials.ts';
import { Link, navigate } from '../../router.tsx';
import { indicatorLabel, lastTableHref, Pager, periodName, useCanonicalHref } from './score-parts.tsx';
import { drillApiPath, drillHref, parseDrillQuery, type DrillQuery } from './score-params.ts';
import { drillExportSearch, ExportLinks } from './export-links.tsx';

type ScoredItem = ScoredDossiersView['items'][number];

/** A finished date-time in Vietnam time ('dd/mm/yyyy HH:mm'); a bare date as dd/mm/yyyy. */
function finished(value: string): string {
  return isIsoDate(value) ? formatDate(value) : formatDateTime(value);
}

/** Hồ sơ được chấm điểm: the dossiers behind one number of the agency or official table. */
export function ScoredDossiersPage({ search }: { search: string }) {
  const { t } = useI18n();
  const query = useMemo(() => parseDrillQuery(search, Date.now()), [search]);
  const apiPath = drillApiPath(query);
  useCanonicalHref(drillHref(query));
  const { state, retry } = useApi<ScoredDossiersView>(apiPath);
  useDocumentTitle(t.scores.drill.title);
  const d = t.scores.drill;
  const table = query.subjectKind === 'official' ? 'officials' : 'agencies';

  return (
    <>
      <p class="back">
        <Link href={lastTableHref(table, query.period)}>
          ‹ {query.subjectKind === 'official' ? d.backOfficial : d.backAgency}
        </Link>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {d.title}
      </h1>
      {apiPath === null ? (
        <div class="alert alert--info" role="alert" data-testid="drill-invalid">
          <p>{d.invalid}</p>
        </div>
      ) : (
        <>
          <Subject query={query} />
          <DrillFilters query={query} />
          <ExportLinks report="dossiers" search={drillExportSearch(query)} />
          <DrillResults query={query} state={state} retry={retry} />
        </>
      )}
    </>
  );
}

/** Which number this is: the agency or official, the period and the indicator. */
function Subject({ query }: { query: DrillQuery }) {
  const { t } = useI18n();
  const d = t.scores.drill;
  const agencies = useAgencies();
  const officials = useOfficials(query.subjectKind === 'official');
  let name: string = t.loading;
  if (query.subjectKind === 'agency' && agencies.status === 'ready') {
    name = agencies.data.find((agency) => agency.id === query.subjectId)?.name ?? query.subjectId;
  }
  if (query.subjectKind === 'agency' && agencies.status === 'error') name = query.subjectId;
  if (query.subjectKind === 'official' && officials !== null) {
    const official = officials.get(query.subjectId);
    name = official ? `${official.fullName} (${official.code})` : query.subjectId;
  }
  return (
    <dl class="facts facts--inline card" data-testid="drill-subject">
      <div class="fact">
        <dt>{query.subjectKind === 'official' ? d.subjectOfficial : d.subjectAgency}</dt>
        <dd data-testid="drill-subject-name">{name}</dd>
      </div>
      <div class="fact">
        <dt>{d.period}</dt>
        <dd data-testid="drill-period">{periodName(t, query.period)}</dd>
      </div>
      <div class="fact">
        <dt>{d.indicator}</dt>
        <dd data-testid="drill-indicator">
          {query.indicator === '' ? d.allIndicators : indicatorLabel(t, query.indicator)}
        </dd>
      </div>
    </dl>
  );
}

/** Indicator and points, applied with a button (the subject and period stay). */
function DrillFilters({ query }: { query: DrillQuery }) {
  const { t } = useI18n();
  const d = t.scores.drill;
  const [indicator, setIndicator] = useState<DossierIndicator | ''>(query.indicator);
  const [points, setPoints] = useState(query.points === null ? '' : String(query.points));
  useEffect(() => {
    setIndicator(query.indicator);
    setPoints(query.points === null ? '' : String(query.points));
  }, [query]);
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(drillHref({ ...query, indicator, points: points === '' ? null : Number(points), page: 1 }));
  };
  return (
    <form class="filters" role="search" aria-label={d.title} onSubmit={submit} noValidate>
      <div class="filters__grid">
        <div class="field">
          <label for="drill-indicator">{d.indicator}</label>
          <select
            id="drill-indicator"
            name="indicator"
            value={indicator}
            onChange={(event) =>
              setIndicator(DOSSIER_INDICATORS.find((value) => value === event.currentTarget.value) ?? '')
            }
          >
            <option value="">{d.allIndicators}</option>
            {DOSSIER_INDICATORS.map((value) => (
              <option key={value} value={value}>
                {indicatorLabel(t, value)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="drill-points">{d.points}</label>
          <select
            id="drill-points"
            name="points"
            value={points}
            onChange={(event) => setPoints(event.currentTarget.value)}
          >
            <option value="">{d.allPoints}</option>
            {[2, 1, 0].map((n) => (
              <option key={n} value={String(n)}>
                {d.pointsOption(n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="filters__actions">
        <button type="submit" class="button button--primary">
          {t.scores.show}
        </button>
      </div>
    </form>
  );
}

function DrillResults({
  query,
  state,
  retry,
}: {
  query: DrillQuery;
  state: ApiState<ScoredDossiersView>;
  retry: () => void;
}) {
  const { t } = useI18n();
  const view = state.status === 'ready' ? state.data : null;
  let summary = t.loading;
  if (state.status === 'error') summary = '';
  if (view !== null) {
    summary = t.scores.drill.total(view.total);
    if (view.items.length > 0) {
      const first = (view.page - 1) * view.pageSize + 1;
      summary += ` · ${t.list.range(first, first + view.items.length - 1, view.total)}`;
    }
  }
  return (
    <section
      class="results"
      aria-labelledby="results-title"
      data-testid="drill-results"
      data-state={state.status}
    >
      <h2 id="results-title" class="visually-hidden" tabIndex={-1}>
        {t.list.results}
      </h2>
      <p class="results__summary" role="status" data-testid="drill-total">
        {state.status === 'loading' && <span class="spinner" aria-hidden="true" />}
        {summary}
      </p>
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {view !== null && view.items.length === 0 && view.total === 0 && (
        <p class="empty">{t.scores.drill.empty}</p>
      )}
      {view !== null && view.items.length === 0 && view.total > 0 && (
        <p class="empty">
          {t.list.pageOutOfRange} <Link href={drillHref({ ...query, page: 1 })}>{t.list.firstPage}</Link>
        </p>
      )}
      {view !== null && view.items.length > 0 && (
        <>
          <DrillTable items={view.items} selected={query.indicator} />
          <Pager
            page={query.page}
            total={view.total}
            pageSize={query.pageSize}
            hrefOf={(page) => drillHref({ ...query, page })}
          />
        </>
      )}
      {state.status === 'loading' && <div class="results__placeholder" aria-hidden="true" />}
    </section>
  );
}

function DrillTable({ items, selected }: { items: readonly ScoredItem[]; selected: DossierIndicator | '' }) {
  const { t } = useI18n();
  const c = t.scores.drill.columns;
  return (
    <div class="table-wrap">
      <table class="table table--cards table--drill" data-testid="drill-table">
        <caption class="visually-hidden">{t.scores.drill.title}</caption>
        <thead>
          <tr>
            <th scope="col">{c.code}</th>
            <th scope="col">{c.finished}</th>
            <th scope="col">{c.timeliness}</th>
            {DOSSIER_INDICATORS.map((indicator) => (
              <th key={indicator} scope="col" class={`num${indicator === selected ? ' is-selected' : ''}`}>
                <abbr title={t.scores.indicatorTitle(indicator, t.scores.indicators[indicator])}>
                  {t.scores.indicatorCode(indicator)}
                </abbr>
                {indicator === selected && <span class="visually-hidden"> ({t.scores.drill.selected})</span>}
              </th>
            ))}
            <th scope="col">{c.scheme}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="drill-row" data-code={item.code}>
              <th scope="row" data-label={c.code}>
                <Link href={`/ho-so/${encodeURIComponent(item.id)}`} class="code">
                  {item.code}
                </Link>
              </th>
              <td data-label={c.finished}>
                {item.finishedAt === null ? (
                  <span class="muted">{t.none}</span>
                ) : (
                  <time dateTime={item.finishedAt}>{finished(item.finishedAt)}</time>
                )}
              </td>
              <td data-label={c.timeliness}>
                <TimelinessBadge
                  value={TIMELINESS_ORDER.find((value) => value === item.timeliness) ?? null}
                />
              </td>
              {DOSSIER_INDICATORS.map((indicator) => (
                <td
                  key={indicator}
                  class={`num${indicator === selected ? ' is-selected' : ''}`}
                  data-label={indicatorLabel(t, indicator)}
                  data-testid={`points-${indicator}`}
                >
                  {item.points[indicator] === null ? (
                    <span class="muted">{t.none}</span>
                  ) : (
                    <span class="points" data-points={item.points[indicator]}>
                      {item.points[indicator]}
                    </span>
                  )}
                </td>
              ))}
              <td data-label={c.scheme} class="cell__version">
                <span class="code">{item.scheme.version}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
