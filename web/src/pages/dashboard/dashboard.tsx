import { useMemo } from 'preact/hooks';
import type { DashboardView } from '#shared/dashboard.view.ts';
import { isTransient } from '../../api.ts';
import { Chart, type ChartClick } from '../../components/chart.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { formatCount, formatScore, INDICATOR_ORDER, SATISFACTION_LEVELS } from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { Link, navigate } from '../../router.tsx';
import { INTEGRITY_PATH } from '../integrity/integrity-signals.tsx';
import { ClassBadge, periodName, PeriodForm, ScoreValue, useCanonicalHref } from '../scores/score-parts.tsx';
import { parseScoreTableQuery, scoreTableHref, type ScoreTableQuery } from '../scores/score-params.ts';
import {
  heatmapOption,
  integrityOption,
  rankingOption,
  rowsHeight,
  satisfactionOption,
  trendOption,
} from './dashboard-charts.ts';
import { DASHBOARD_TEXT } from './dashboard-text.ts';
import { useLiveDashboard, type LiveStatus } from './use-live-dashboard.ts';

/** The dashboard's address (the landing page of the score section). */
export const DASHBOARD_PATH = '/tong-quan';

function querySearch(query: ScoreTableQuery): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.agencyId) params.set('agencyId', query.agencyId);
  return params.toString();
}

/** The page URL of a dashboard (the period is always written, so a shared link keeps it). */
export function dashboardHref(query: ScoreTableQuery): string {
  return `${DASHBOARD_PATH}?${querySearch(query)}`;
}

/** Drill-down, step 2: an agency's officials (the official table limited to its subtree). */
function officialsHref(period: string, agencyId: string): string {
  return scoreTableHref('officials', { period, agencyId });
}

/** An agency's indicators with their sources and the dossiers behind them (the agency table, its subtree). */
function agencyHref(period: string, agencyId: string): string {
  return scoreTableHref('agencies', { period, agencyId });
}

function integrityHref(view: DashboardView, agencyId: string): string {
  const params = new URLSearchParams({ from: view.integrity?.from ?? '', to: view.integrity?.to ?? '' });
  if (agencyId) params.set('agencyId', agencyId);
  return `${INTEGRITY_PATH}?${params.toString()}`;
}

/** Tổng quan: one period at a glance, live, with every chart leading to the tables behind it. */
export function DashboardPage({ search }: { search: string }) {
  const { lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  const href = dashboardHref(query);
  useCanonicalHref(href);
  useDocumentTitle(d.title);
  const dashboard = useLiveDashboard(`/api/v1/dashboard?${querySearch(query)}`);

  const apply = (next: ScoreTableQuery) => {
    const target = dashboardHref(next);
    if (target === `${window.location.pathname}${window.location.search}`) dashboard.retry();
    else navigate(target);
  };

  const { data, error } = dashboard;
  const state = data !== null ? 'ready' : error !== null ? 'error' : 'loading';
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {d.title}
      </h1>
      <p class="field__hint">{d.intro}</p>
      <PeriodForm query={query} onSubmit={apply} />
      <section
        class="results dashboard"
        aria-labelledby="results-title"
        data-testid="dashboard"
        data-state={state}
        data-fetching={String(dashboard.fetching)}
      >
        <h2 id="results-title" class="visually-hidden" tabIndex={-1}>
          {d.title}
        </h2>
        <Summary view={data} period={query.period} fetching={dashboard.fetching} live={dashboard.live} />
        {error !== null && (
          <ErrorAlert error={error} onRetry={isTransient(error) ? dashboard.retry : undefined} />
        )}
        {data !== null && <Charts view={data} query={query} />}
        {data === null && error === null && <div class="results__placeholder" aria-hidden="true" />}
      </section>
    </>
  );
}

function Summary({
  view,
  period,
  fetching,
  live,
}: {
  view: DashboardView | null;
  period: string;
  fetching: boolean;
  live: LiveStatus;
}) {
  const { t, lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  const parts: string[] = [periodName(t, period)];
  if (view !== null) {
    parts.push(d.received(view.ratings.received), d.counting(view.ratings.counting));
    parts.push(view.ratings.latestAt === null ? d.noneYet : d.latest(formatDateTime(view.ratings.latestAt)));
  }
  return (
    <div class="dashboard__summary">
      <p
        class="results__summary"
        role="status"
        data-testid="ratings-received"
        data-count={view === null ? undefined : String(view.ratings.received)}
      >
        {fetching && <span class="spinner" aria-hidden="true" />}
        {view === null ? t.loading : parts.join(' · ')}
      </p>
      <p
        class={`live-badge live-badge--${live}`}
        data-testid="live-status"
        data-live={live}
        title={d.liveTitle}
      >
        {live === 'offline' ? d.offline : d.live}
      </p>
    </div>
  );
}

function Charts({ view, query }: { view: DashboardView; query: ScoreTableQuery }) {
  const { t, lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  const period = periodName(t, view.period);
  const score = (value: number) => formatScore(lang, value);
  // Options are rebuilt only when the figures or the language change (a live refresh brings new figures).
  const options = useMemo(
    () => ({
      trend: trendOption(view, {
        month: d.trend.monthName,
        early: t.timeliness.early,
        onTime: t.timeliness.on_time,
        late: t.timeliness.late,
      }),
      satisfaction: satisfactionOption(view, {
        level: (level) => t.scores.satisfaction.levels[level],
        count: d.satisfaction.count,
      }),
      ranking: rankingOption(view, { total: d.ranking.total, format: score }),
      heatmap: heatmapOption(view, { indicator: t.scores.indicatorCode, format: score }),
      integrity:
        view.integrity === null
          ? null
          : integrityOption(view.integrity.summary, {
              kind: (kind) => t.integrity.kinds[kind],
              signals: d.integrity.signals,
            }),
    }),
    [view, lang],
  );
  const agencyAt = (event: ChartClick, pick: (event: ChartClick) => number | null) => {
    const index = pick(event);
    return index === null ? undefined : view.agencies[index];
  };
  const common = { tableSummary: d.showData, failedText: d.chartFailed };
  return (
    <div class="dashboard__grid">
      <section class="card dashboard__card" aria-labelledby="trend-title">
        <h3 id="trend-title">{d.trend.title}</h3>
        <Chart {...common} option={options.trend} label={d.trend.label(period)} testId="trend-chart">
          <TrendTable view={view} />
        </Chart>
        <p class="field__hint">{d.trend.note}</p>
      </section>

      <section class="card dashboard__card" aria-labelledby="satisfaction-title">
        <h3 id="satisfaction-title">{d.satisfaction.title}</h3>
        <Chart
          {...common}
          option={options.satisfaction}
          label={d.satisfaction.label(period, view.satisfaction.total)}
          testId="satisfaction-chart"
        >
          <SatisfactionTable view={view} />
        </Chart>
        <p class="field__hint">{t.scores.satisfaction.legend.threeLevels}</p>
      </section>

      <section class="card dashboard__card dashboard__card--wide" aria-labelledby="ranking-title">
        <h3 id="ranking-title">{d.ranking.title}</h3>
        <p class="field__hint">{d.ranking.hint}</p>
        {view.agencies.length === 0 ? (
          <p class="empty">{d.empty}</p>
        ) : (
          <Chart
            {...common}
            option={options.ranking}
            label={d.ranking.label(period)}
            height={rowsHeight(view.agencies.length)}
            testId="ranking-chart"
            onClick={(event) => {
              const row = agencyAt(event, (e) => e.dataIndex);
              if (row) navigate(officialsHref(view.period, row.agency.id));
            }}
          >
            <RankingTable view={view} />
          </Chart>
        )}
      </section>

      <section class="card dashboard__card dashboard__card--wide" aria-labelledby="heatmap-title">
        <h3 id="heatmap-title">{d.heatmap.title}</h3>
        <p class="field__hint">{d.heatmap.hint}</p>
        {view.agencies.length === 0 ? (
          <p class="empty">{d.empty}</p>
        ) : (
          <Chart
            {...common}
            option={options.heatmap}
            label={d.heatmap.label(period)}
            height={rowsHeight(view.agencies.length) + 64}
            testId="heatmap-chart"
            onClick={(event) => {
              const row = agencyAt(event, (e) =>
                Array.isArray(e.value) && typeof e.value[1] === 'number' ? e.value[1] : null,
              );
              if (row) navigate(agencyHref(view.period, row.agency.id));
            }}
          >
            <HeatmapTable view={view} />
          </Chart>
        )}
      </section>

      {view.integrity !== null && options.integrity !== null && (
        <section class="card dashboard__card dashboard__card--wide" aria-labelledby="integrity-title">
          <h3 id="integrity-title">{d.integrity.title}</h3>
          <p class="field__hint">{d.integrity.hint}</p>
          <Chart
            {...common}
            option={options.integrity}
            label={d.integrity.label(formatDate(view.integrity.from), formatDate(view.integrity.to))}
            height={rowsHeight(view.integrity.summary.length)}
            testId="integrity-chart"
            onClick={() => navigate(integrityHref(view, query.agencyId))}
          >
            <IntegrityTable view={view} summary={view.integrity.summary} agencyId={query.agencyId} />
          </Chart>
        </section>
      )}
    </div>
  );
}

function TrendTable({ view }: { view: DashboardView }) {
  const { t, lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  return (
    <div class="table-wrap">
      <table class="table" data-testid="trend-table">
        <caption class="visually-hidden">{d.trend.title}</caption>
        <thead>
          <tr>
            <th scope="col">{d.trend.month}</th>
            <th scope="col" class="num">
              {t.timeliness.early}
            </th>
            <th scope="col" class="num">
              {t.timeliness.on_time}
            </th>
            <th scope="col" class="num">
              {t.timeliness.late}
            </th>
            <th scope="col" class="num">
              {d.trend.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.timeliness.map((month) => (
            <tr key={month.month} data-month={month.month}>
              <th scope="row">{d.trend.monthName(month.month)}</th>
              <td class="num">{formatCount(lang, month.early)}</td>
              <td class="num">{formatCount(lang, month.onTime)}</td>
              <td class="num">{formatCount(lang, month.late)}</td>
              <td class="num">{formatCount(lang, month.early + month.onTime + month.late)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SatisfactionTable({ view }: { view: DashboardView }) {
  const { t, lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  const share = (value: number) =>
    `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value)}%`;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="satisfaction-table">
        <caption class="visually-hidden">{d.satisfaction.title}</caption>
        <thead>
          <tr>
            <th scope="col">{d.satisfaction.level}</th>
            <th scope="col" class="num">
              {d.satisfaction.count}
            </th>
            <th scope="col" class="num">
              {d.satisfaction.share}
            </th>
          </tr>
        </thead>
        <tbody>
          {SATISFACTION_LEVELS.map((level) => (
            <tr key={level} data-level={level}>
              <th scope="row">{t.scores.satisfaction.levels[level]}</th>
              <td class="num">{formatCount(lang, view.satisfaction.counts[level])}</td>
              <td class="num">{share(view.satisfaction.sharesPercent[level])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RankingTable({ view }: { view: DashboardView }) {
  const { lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  return (
    <div class="table-wrap">
      <table class="table" data-testid="ranking-table">
        <caption class="visually-hidden">{d.ranking.title}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {d.ranking.rank}
            </th>
            <th scope="col">{d.ranking.agency}</th>
            <th scope="col" class="num">
              {d.ranking.total}
            </th>
            <th scope="col">{d.ranking.grade}</th>
          </tr>
        </thead>
        <tbody>
          {view.agencies.map((row) => (
            <tr key={row.agency.id} data-agency-code={row.agency.code}>
              <td class="num">{formatCount(lang, row.rank)}</td>
              <th scope="row">
                <Link
                  href={officialsHref(view.period, row.agency.id)}
                  title={d.ranking.officials(row.agency.name)}
                >
                  {row.agency.name}
                </Link>
              </th>
              <td class="num">{formatScore(lang, row.total)}</td>
              <td>
                <ClassBadge kind="grade" code={row.grade.code} label={row.grade.label} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeatmapTable({ view }: { view: DashboardView }) {
  const { t, lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  return (
    <div class="table-wrap">
      <table class="table table--scores" data-testid="heatmap-table">
        <caption class="visually-hidden">{d.heatmap.title}</caption>
        <thead>
          <tr>
            <th scope="col">{d.ranking.agency}</th>
            {INDICATOR_ORDER.map((indicator) => (
              <th key={indicator} scope="col" class="num">
                <abbr title={t.scores.indicators[indicator]}>{t.scores.indicatorCode(indicator)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.agencies.map((row) => (
            <tr key={row.agency.id} data-agency-code={row.agency.code}>
              <th scope="row">
                <Link href={agencyHref(view.period, row.agency.id)} title={d.heatmap.detail(row.agency.name)}>
                  {row.agency.name}
                </Link>
              </th>
              {INDICATOR_ORDER.map((indicator) => (
                <td key={indicator} class="num" data-indicator={indicator}>
                  <ScoreValue value={row.indicators[indicator]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IntegrityTable({
  view,
  summary,
  agencyId,
}: {
  view: DashboardView;
  summary: NonNullable<DashboardView['integrity']>['summary'];
  agencyId: string;
}) {
  const { t, lang } = useI18n();
  const d = DASHBOARD_TEXT[lang];
  return (
    <>
      <div class="table-wrap">
        <table class="table" data-testid="integrity-table">
          <caption class="visually-hidden">{d.integrity.title}</caption>
          <thead>
            <tr>
              <th scope="col">{d.integrity.kind}</th>
              <th scope="col" class="num">
                {d.integrity.signals}
              </th>
              <th scope="col" class="num">
                {d.integrity.ratings}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.map((entry) => (
              <tr key={entry.kind} data-kind={entry.kind}>
                <th scope="row">{t.integrity.kinds[entry.kind]}</th>
                <td class="num">{formatCount(lang, entry.signals)}</td>
                <td class="num">{formatCount(lang, entry.ratings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link href={integrityHref(view, agencyId)}>{d.integrity.open}</Link>
      </p>
    </>
  );
}
