import { useMemo } from 'preact/hooks';
import type { OfficialScoresView } from '#shared/score.view.ts';
import { isTransient, useApi, type ApiState } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatScore, OFFICIAL_INDICATORS } from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { Link, navigate } from '../../router.tsx';
import {
  ClassBadge,
  IndicatorHeader,
  IndicatorLegend,
  periodName,
  PeriodForm,
  ScoreLink,
  useCanonicalHref,
  useRememberTable,
} from './score-parts.tsx';
import {
  cellDrillHref,
  drillHref,
  DRILL_PAGE_SIZE,
  parseScoreTableQuery,
  scoreTableApiPath,
  scoreTableHref,
  type ScoreTableQuery,
} from './score-params.ts';
import { ExportLinks, periodExportSearch } from './export-links.tsx';

/** Kết quả đánh giá cán bộ, công chức: indicators 1, 2, 3, 4, 7 of each official, total /10, class. */
export function OfficialScoresPage({ search }: { search: string }) {
  const { t } = useI18n();
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  const href = scoreTableHref('officials', query);
  useCanonicalHref(href);
  useRememberTable('officials', href);
  const { state, retry } = useApi<OfficialScoresView>(scoreTableApiPath('officials', query));
  useDocumentTitle(t.scores.officials.title);

  const apply = (next: ScoreTableQuery) => {
    const href = scoreTableHref('officials', next);
    if (href === `${window.location.pathname}${window.location.search}`) retry();
    else navigate(href);
  };

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.scores.officials.title}
      </h1>
      <PeriodForm query={query} onSubmit={apply} />
      <ExportLinks report="officials" search={periodExportSearch(query)} />
      <OfficialResults query={query} state={state} retry={retry} />
    </>
  );
}

function OfficialResults({
  query,
  state,
  retry,
}: {
  query: ScoreTableQuery;
  state: ApiState<OfficialScoresView>;
  retry: () => void;
}) {
  const { t } = useI18n();
  const view = state.status === 'ready' ? state.data : null;
  const period = periodName(t, query.period);
  let summary = t.loading;
  if (state.status === 'error') summary = '';
  if (view !== null) summary = `${period} · ${t.scores.officials.count(view.rows.length)}`;
  return (
    <section
      class="results"
      aria-labelledby="results-title"
      data-testid="official-scores"
      data-state={state.status}
    >
      <h2 id="results-title" class="visually-hidden" tabIndex={-1}>
        {t.scores.officials.caption(period)}
      </h2>
      <p class="results__summary" role="status" data-testid="score-summary">
        {state.status === 'loading' && <span class="spinner" aria-hidden="true" />}
        {summary}
      </p>
      {view !== null && (
        <p class="field__hint" data-testid="score-scheme">
          {t.scores.scheme(view.scheme.name, view.scheme.version)}
        </p>
      )}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {view !== null && view.rows.length === 0 && <p class="empty">{t.scores.officials.empty}</p>}
      {view !== null && view.rows.length > 0 && (
        <OfficialTable view={view} caption={t.scores.officials.caption(period)} />
      )}
      {state.status === 'loading' && <div class="results__placeholder" aria-hidden="true" />}
      <IndicatorLegend indicators={OFFICIAL_INDICATORS}>
        <p>{t.scores.officials.legend}</p>
        <p>{t.scores.legend.average}</p>
      </IndicatorLegend>
    </section>
  );
}

function OfficialTable({ view, caption }: { view: OfficialScoresView; caption: string }) {
  const { t, lang } = useI18n();
  const c = t.scores.officials.columns;
  return (
    <div class="table-wrap">
      <table class="table table--scores table--officials" data-testid="official-score-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.official}</th>
            <th scope="col">{c.agency}</th>
            {OFFICIAL_INDICATORS.map((indicator) => (
              <IndicatorHeader key={indicator} indicator={indicator} />
            ))}
            <th scope="col" class="num">
              {c.total} <span class="th__sub">{c.totalOf}</span>
            </th>
            <th scope="col" class="num">
              {c.scored}
            </th>
            <th scope="col">{c.class}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.official.id} data-testid="official-score-row" data-official-code={row.official.code}>
              <th scope="row" class="cell--subject" data-label={c.official}>
                {/* Drill-down: every scored dossier of the official in the period. */}
                <Link
                  href={drillHref({
                    period: view.period,
                    subjectKind: 'official',
                    subjectId: row.official.id,
                    indicator: '',
                    points: null,
                    page: 1,
                    pageSize: DRILL_PAGE_SIZE,
                  })}
                  title={t.scores.officials.dossiersOf(row.official.name)}
                  data-testid="official-dossiers-link"
                >
                  {row.official.name}
                </Link>
                <span class="cell__sub code">{row.official.code}</span>
              </th>
              <td class="cell--agency" data-label={c.agency}>
                {row.agency.name}
              </td>
              {OFFICIAL_INDICATORS.map((indicator) => (
                <td
                  key={indicator}
                  class="num cell--indicator"
                  data-label={t.scores.indicatorCode(indicator)}
                  data-testid={`indicator-${indicator}`}
                  data-indicator={indicator}
                >
                  <ScoreLink
                    value={row.indicators[indicator]}
                    href={cellDrillHref(view.period, 'official', row.official.id, indicator)}
                    label={t.scores.drillLink(t.scores.indicatorCode(indicator), row.official.name)}
                  />
                </td>
              ))}
              <td class="num cell--total" data-label={`${c.total} ${c.totalOf}`} data-testid="total">
                <span class="score score--total">{formatScore(lang, row.total)}</span>
              </td>
              <td class="num" data-label={c.scored} data-testid="scored">
                {row.scored}/{OFFICIAL_INDICATORS.length}
              </td>
              <td class="cell--grade" data-label={c.class}>
                <ClassBadge kind="class" code={row.class.code} label={row.class.label} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
