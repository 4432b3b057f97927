import { useMemo } from 'preact/hooks';
import type { AgencyScoresView } from '#shared/score.view.ts';
import { isTransient, useApi, type ApiState } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import {
  DOSSIER_INDICATORS,
  formatCount,
  formatScore,
  INDICATOR_ORDER,
  type DossierIndicator,
  type Lang,
  type Messages,
  type ScoreIndicator,
} from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { Link, navigate } from '../../router.tsx';
import {
  ClassBadge,
  IndicatorHeader,
  indicatorLabel,
  IndicatorLegend,
  NotScored,
  periodName,
  PeriodForm,
  ScoreLink,
  useCanonicalHref,
  useRememberTable,
} from './score-parts.tsx';
import {
  cellDrillHref,
  parseScoreTableQuery,
  scoreTableApiPath,
  scoreTableHref,
  type ScoreTableQuery,
} from './score-params.ts';
import { ExportLinks, periodExportSearch } from './export-links.tsx';

type AgencyRow = AgencyScoresView['rows'][number];
type AgencyIndicator = AgencyRow['indicators'][ScoreIndicator];

/** Indicators that can only come from the dossiers (always a drill-down); cs6 may also be agency-level. */
const DOSSIER_ONLY: ReadonlySet<ScoreIndicator> = new Set(['cs1', 'cs2', 'cs3', 'cs4', 'cs7']);

function isDossierIndicator(indicator: ScoreIndicator): indicator is DossierIndicator {
  return DOSSIER_INDICATORS.some((candidate) => candidate === indicator);
}

/** Xếp hạng cơ quan, đơn vị: the Thông tư 01/2018 agency table of a period, ranked. */
export function AgencyScoresPage({ search }: { search: string }) {
  const { t } = useI18n();
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  const href = scoreTableHref('agencies', query);
  useCanonicalHref(href);
  useRememberTable('agencies', href);
  const { state, retry } = useApi<AgencyScoresView>(scoreTableApiPath('agencies', query));
  useDocumentTitle(t.scores.agencies.title);

  const apply = (next: ScoreTableQuery) => {
    const href = scoreTableHref('agencies', next);
    if (href === `${window.location.pathname}${window.location.search}`) retry();
    else navigate(href);
  };

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.scores.agencies.title}
      </h1>
      <PeriodForm query={query} onSubmit={apply} />
      <ExportLinks report="agencies" search={periodExportSearch(query)} />
      <AgencyResults query={query} state={state} retry={retry} />
    </>
  );
}

function AgencyResults({
  query,
  state,
  retry,
}: {
  query: ScoreTableQuery;
  state: ApiState<AgencyScoresView>;
  retry: () => void;
}) {
  const { t } = useI18n();
  const view = state.status === 'ready' ? state.data : null;
  const period = periodName(t, query.period);
  let summary = t.loading;
  if (state.status === 'error') summary = '';
  if (view !== null) summary = `${period} · ${t.scores.agencies.count(view.rows.length)}`;
  return (
    <section
      class="results"
      aria-labelledby="results-title"
      data-testid="agency-scores"
      data-state={state.status}
    >
      <h2 id="results-title" class="visually-hidden" tabIndex={-1}>
        {t.scores.agencies.caption(period)}
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
      {view !== null && view.rows.length === 0 && <p class="empty">{t.scores.agencies.empty}</p>}
      {view !== null && view.rows.length > 0 && (
        <AgencyTable view={view} caption={t.scores.agencies.caption(period)} />
      )}
      {state.status === 'loading' && <div class="results__placeholder" aria-hidden="true" />}
      <IndicatorLegend indicators={INDICATOR_ORDER}>
        <p>{t.scores.legend.average}</p>
        <p>{t.scores.legend.sources}</p>
      </IndicatorLegend>
    </section>
  );
}

function AgencyTable({ view, caption }: { view: AgencyScoresView; caption: string }) {
  const { t, lang } = useI18n();
  const c = t.scores.agencies.columns;
  return (
    <div class="table-wrap">
      <table class="table table--scores" data-testid="agency-score-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {c.rank}
            </th>
            <th scope="col">{c.agency}</th>
            <th scope="col" class="num">
              {c.dossiers}
            </th>
            {INDICATOR_ORDER.map((indicator) => (
              <IndicatorHeader key={indicator} indicator={indicator} />
            ))}
            <th scope="col" class="num">
              {c.total} <span class="th__sub">{c.totalOf}</span>
            </th>
            <th scope="col" class="num">
              {c.scored}
            </th>
            <th scope="col">{c.grade}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr
              key={row.agency.id}
              data-testid="agency-score-row"
              data-agency-code={row.agency.code}
              data-rank={row.rank}
            >
              <td class="num cell--rank" data-label={c.rank} data-testid="rank">
                {formatCount(lang, row.rank)}
              </td>
              <th scope="row" class="cell--subject" data-label={c.agency}>
                {/* Drill-down: the agency's officials (the official table of its subtree). */}
                <Link
                  href={scoreTableHref('officials', { period: view.period, agencyId: row.agency.id })}
                  title={t.scores.agencies.officialsOf(row.agency.name)}
                  data-testid="agency-officials-link"
                >
                  {row.agency.name}
                </Link>
                <span class="cell__sub code">{row.agency.code}</span>
              </th>
              <td class="num" data-label={c.dossiers} data-testid="dossiers">
                {formatCount(lang, row.dossiers)}
              </td>
              {INDICATOR_ORDER.map((indicator) => (
                <td
                  key={indicator}
                  class="num cell--indicator"
                  data-label={t.scores.indicatorCode(indicator)}
                  data-testid={`indicator-${indicator}`}
                  data-indicator={indicator}
                >
                  <AgencyIndicatorCell
                    indicator={indicator}
                    value={row.indicators[indicator]}
                    period={view.period}
                    agency={row.agency}
                  />
                </td>
              ))}
              <td class="num cell--total" data-label={`${c.total} ${c.totalOf}`} data-testid="total">
                <span class="score score--total">{formatScore(lang, row.total)}</span>
                {row.rescaledTotal !== null && (
                  <span class="cell__sub">
                    {t.scores.agencies.rescaled(formatScore(lang, row.rescaledTotal))}
                  </span>
                )}
              </td>
              <td class="num" data-label={c.scored} data-testid="scored">
                {row.scored}/9
              </td>
              <td class="cell--grade" data-label={c.grade}>
                <ClassBadge kind="grade" code={row.grade.code} label={row.grade.label} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The points of a candidate: an integer for an agency-level value, one decimal for a dossier average. */
function candidatePoints(t: Messages, lang: Lang, points: number): string {
  return t.scores.candidatePoints(Number.isInteger(points) ? String(points) : formatScore(lang, points));
}

interface CellProps {
  indicator: ScoreIndicator;
  value: AgencyIndicator;
  period: string;
  agency: AgencyRow['agency'];
}

/**
 * One indicator of one agency. Per-dossier averages link to the dossiers behind them;
 * agency-level values (5, 8, 9, and 6 when not from dossiers) name their source and open the
 * candidates (data, self-assessment, appraisal) side by side.
 */
function AgencyIndicatorCell({ indicator, value, period, agency }: CellProps) {
  const { t, lang } = useI18n();
  const fromDossiers = DOSSIER_ONLY.has(indicator) || value.source === 'dossiers';
  const others = value.candidates.filter((candidate) => candidate.source !== 'dossiers');
  const code = t.scores.indicatorCode(indicator);
  const main =
    fromDossiers && isDossierIndicator(indicator) ? (
      <ScoreLink
        value={value.score}
        href={cellDrillHref(period, 'agency', agency.id, indicator)}
        label={t.scores.drillLink(code, agency.name)}
      />
    ) : null;
  const tag =
    value.source !== null && value.source !== 'dossiers' ? (
      <span class="source-tag" data-testid="source">
        {t.scores.source[value.source]}
      </span>
    ) : null;
  if (main !== null && others.length === 0) return main;
  if (others.length === 0) {
    return value.score === null ? (
      <NotScored />
    ) : (
      <>
        <span class="score">{formatScore(lang, value.score)}</span>
        {tag}
      </>
    );
  }
  const id = `sources-${agency.id}-${indicator}`;
  const panel = (
    <div
      id={id}
      popover="auto"
      role="dialog"
      class="sources__panel"
      aria-labelledby={`${id}-title`}
      data-testid="sources-panel"
    >
      <p class="sources__title" id={`${id}-title`}>
        {t.scores.candidates}: {agency.name} — {indicatorLabel(t, indicator)}
      </p>
      <ul>
        {others.map((candidate) => (
          <li key={candidate.source} data-testid="candidate" data-source={candidate.source}>
            <strong>{t.scores.source[candidate.source]}</strong>: {candidatePoints(t, lang, candidate.points)}
            {candidate.source === value.source && <span class="flag flag--ok">{t.scores.used}</span>}
            {candidate.note !== '' && (
              <span class="cell__sub" lang="vi">
                {candidate.note}
              </span>
            )}
            {candidate.facts.length > 0 && (
              <ul class="sources__facts" lang="vi">
                {candidate.facts.map((fact, index) => (
                  <li key={index}>{fact}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="button button--secondary" popovertarget={id} popovertargetaction="hide">
        {t.scores.close}
      </button>
    </div>
  );
  // The candidates open in a popover (top layer): a wide panel never stretches the table.
  return (
    <>
      {main}
      <button type="button" class="sources__toggle" popovertarget={id} data-testid="sources-toggle">
        {main === null &&
          (value.score === null ? (
            <NotScored />
          ) : (
            <span class="score">{formatScore(lang, value.score)}</span>
          ))}
        <span class="source-tag" data-testid="source">
          {value.source !== null && value.source !== 'dossiers' && main === null
            ? t.scores.source[value.source]
            : t.scores.sourcesShort}
        </span>
      </button>
      {panel}
    </>
  );
}
