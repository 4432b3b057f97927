import { useMemo } from 'preact/hooks';
import type { SatisfactionView } from '#shared/score.view.ts';
import { isTransient, useApi, type ApiState } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import {
  formatCount,
  formatPercent,
  SATISFACTION_LEVELS,
  THREE_LEVELS,
  type Lang,
  type Messages,
  type SatisfactionLevel,
} from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { navigate } from '../../router.tsx';
import { periodPageApiPath, periodPageHref } from './period-pages.ts';
import { periodName, PeriodForm, useCanonicalHref } from './score-parts.tsx';
import { parseScoreTableQuery, type ScoreTableQuery } from './score-params.ts';
import { ExportLinks, periodExportSearch } from './export-links.tsx';

type Stats = SatisfactionView['overall'];

/** Mức độ hài lòng: the ratings of a period on 5 levels and on the 3 levels of Thông tư 32/2017. */
export function SatisfactionPage({ search }: { search: string }) {
  const { t } = useI18n();
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  const href = periodPageHref('satisfaction', query);
  useCanonicalHref(href);
  const { state, retry } = useApi<SatisfactionView>(periodPageApiPath('satisfaction', query));
  useDocumentTitle(t.scores.satisfaction.title);

  const apply = (next: ScoreTableQuery) => {
    const href = periodPageHref('satisfaction', next);
    if (href === `${window.location.pathname}${window.location.search}`) retry();
    else navigate(href);
  };

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.scores.satisfaction.title}
      </h1>
      <PeriodForm query={query} onSubmit={apply} />
      <ExportLinks report="satisfaction" search={periodExportSearch(query)} />
      <SatisfactionResults query={query} state={state} retry={retry} />
    </>
  );
}

function SatisfactionResults({
  query,
  state,
  retry,
}: {
  query: ScoreTableQuery;
  state: ApiState<SatisfactionView>;
  retry: () => void;
}) {
  const { t } = useI18n();
  const s = t.scores.satisfaction;
  const view = state.status === 'ready' ? state.data : null;
  const period = periodName(t, query.period);
  let summary = t.loading;
  if (state.status === 'error') summary = '';
  if (view !== null) summary = `${period} · ${s.count(view.overall.total)}`;
  return (
    <section
      class="results"
      aria-labelledby="results-title"
      data-testid="satisfaction"
      data-state={state.status}
    >
      <h2 id="results-title" class="visually-hidden" tabIndex={-1}>
        {s.overallTitle(period)}
      </h2>
      <p class="results__summary" role="status" data-testid="score-summary">
        {state.status === 'loading' && <span class="spinner" aria-hidden="true" />}
        {summary}
      </p>
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {view !== null && view.overall.total === 0 && (
        <p class="empty" data-testid="satisfaction-empty">
          {s.noRatings}
        </p>
      )}
      {view !== null && view.overall.total > 0 && (
        <>
          <Overall stats={view.overall} period={period} />
          {view.agencies.length > 0 && <AgencyTable view={view} period={period} />}
          {view.officials.length > 0 && <OfficialTable view={view} period={period} />}
        </>
      )}
      {state.status === 'loading' && <div class="results__placeholder" aria-hidden="true" />}
      <section class="legend" aria-labelledby="legend-title" data-testid="score-legend">
        <h2 id="legend-title">{t.scores.legend.title}</h2>
        <p>{s.legend.threeLevels}</p>
        <p>{s.legend.counted}</p>
        <p>{s.officialsNote}</p>
        <p>{s.legend.shares}</p>
      </section>
    </section>
  );
}

const MOUTHS: Readonly<Record<SatisfactionLevel, string>> = {
  '5': 'M7 13.5 Q12 19.5 17 13.5',
  '4': 'M8 14.5 Q12 17.5 16 14.5',
  '3': 'M8 15.5 L16 15.5',
  '2': 'M8 16.5 Q12 13.5 16 16.5',
  '1': 'M7 17.5 Q12 11.5 17 17.5',
};

/** A face for a level (decoration: the level's word is always written next to it). */
function Face({ level }: { level: SatisfactionLevel }) {
  return (
    <svg class={`face face--${level}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" />
      <circle class="face__eye" cx="8.5" cy="9.5" r="1.5" />
      <circle class="face__eye" cx="15.5" cy="9.5" r="1.5" />
      <path class="face__mouth" d={MOUTHS[level]} />
    </svg>
  );
}

/** "Rất hài lòng: 50,00% (2 lượt), Hài lòng: …" — what a bar shows, for screen readers. */
function barText(t: Messages, lang: Lang, stats: Stats): string {
  const s = t.scores.satisfaction;
  return s.barLabel(
    SATISFACTION_LEVELS.map((level) =>
      s.levelShare(s.levels[level], formatPercent(lang, stats.sharesPercent[level]), stats.counts[level]),
    ).join('; '),
  );
}

/**
 * A horizontal stacked bar of the 5 levels, each part as wide as its count. Drawn with plain
 * CSS; it is one image to assistive technology, named by its text equivalent.
 */
function SatisfactionBar({ stats, compact = false }: { stats: Stats; compact?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <div
      class={compact ? 'stack-bar stack-bar--compact' : 'stack-bar'}
      role="img"
      aria-label={barText(t, lang, stats)}
      data-testid="satisfaction-bar"
    >
      {SATISFACTION_LEVELS.filter((level) => stats.counts[level] > 0).map((level) => (
        <span
          key={level}
          class={`stack-bar__part stack-bar__part--${level}`}
          style={{ flexGrow: stats.counts[level] }}
          data-level={level}
        />
      ))}
    </div>
  );
}

function Overall({ stats, period }: { stats: Stats; period: string }) {
  const { t, lang } = useI18n();
  const s = t.scores.satisfaction;
  return (
    <section
      class="card satisfaction-overall"
      aria-labelledby="overall-title"
      data-testid="satisfaction-overall"
    >
      <h2 id="overall-title">{s.overallTitle(period)}</h2>
      <p class="satisfaction-overall__total">
        <span class="satisfaction-overall__number" data-testid="overall-total">
          {formatCount(lang, stats.total)}
        </span>{' '}
        <span class="muted">{s.countUnit(stats.total)}</span>
      </p>
      <h3>{s.fiveLevels}</h3>
      <SatisfactionBar stats={stats} />
      <ul class="level-list">
        {SATISFACTION_LEVELS.map((level) => (
          <li key={level} class="level-list__item" data-testid="overall-level" data-level={level}>
            <Face level={level} />
            <span class="level-list__name">{s.levels[level]}</span>
            <span class="level-list__count" data-testid="level-count">
              {s.ratings(stats.counts[level])}
            </span>
            <span class="level-list__share" data-testid="level-share">
              {formatPercent(lang, stats.sharesPercent[level])}
            </span>
          </li>
        ))}
      </ul>
      <h3>{s.threeLevels}</h3>
      <ul class="three-levels">
        {THREE_LEVELS.map((level) => (
          <li
            key={level}
            class={`three-levels__item three-levels__item--${level}`}
            data-testid="overall-three-level"
            data-level={level}
          >
            <span class="three-levels__name">{s.threeLevelNames[level]}</span>
            <span class="three-levels__share" data-testid="three-level-share">
              {formatPercent(lang, stats.threeLevel.sharesPercent[level])}
            </span>
            <span class="three-levels__count">{s.ratings(stats.threeLevel.counts[level])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The header rows shared by both tables: the subject columns, then 3-level shares and 5-level counts. */
function StatsHeader({ subjects }: { subjects: readonly string[] }) {
  const { t } = useI18n();
  const s = t.scores.satisfaction;
  return (
    <thead>
      <tr>
        {subjects.map((subject) => (
          <th key={subject} scope="col" rowSpan={2}>
            {subject}
          </th>
        ))}
        <th scope="col" rowSpan={2} class="num">
          {s.columns.total}
        </th>
        <th scope="col" rowSpan={2}>
          {s.columns.distribution}
        </th>
        <th scope="colgroup" colSpan={THREE_LEVELS.length} class="th--group">
          {s.columns.threeLevels}
        </th>
        <th scope="colgroup" colSpan={SATISFACTION_LEVELS.length} class="th--group">
          {s.columns.fiveLevels}
        </th>
      </tr>
      <tr>
        {THREE_LEVELS.map((level) => (
          <th key={level} scope="col" class="num th--level">
            {s.threeLevelNames[level]}
          </th>
        ))}
        {SATISFACTION_LEVELS.map((level) => (
          <th key={level} scope="col" class="num th--level">
            <Face level={level} />
            <span>{s.levels[level]}</span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

function StatsColGroups({ subjects }: { subjects: number }) {
  return (
    <>
      <colgroup span={subjects + 2} />
      <colgroup span={THREE_LEVELS.length} class="col--three" />
      <colgroup span={SATISFACTION_LEVELS.length} class="col--five" />
    </>
  );
}

function StatsCells({ stats }: { stats: Stats }) {
  const { t, lang } = useI18n();
  const s = t.scores.satisfaction;
  return (
    <>
      <td class="num cell--total" data-label={s.columns.total} data-testid="total">
        <span class="score score--total">{formatCount(lang, stats.total)}</span>
      </td>
      <td class="cell--bar" data-label={s.columns.distribution}>
        <SatisfactionBar stats={stats} compact />
      </td>
      {THREE_LEVELS.map((level) => (
        <td
          key={level}
          class="num cell--share"
          data-label={s.levelShareHeader(s.threeLevelNames[level])}
          data-testid={`share-${level}`}
        >
          <span class="score">{formatPercent(lang, stats.threeLevel.sharesPercent[level])}</span>
        </td>
      ))}
      {SATISFACTION_LEVELS.map((level) => (
        <td
          key={level}
          class="num cell--count"
          data-label={s.levelCount(s.levels[level])}
          data-testid={`count-${level}`}
        >
          <span class="score">{formatCount(lang, stats.counts[level])}</span>
        </td>
      ))}
    </>
  );
}

function AgencyTable({ view, period }: { view: SatisfactionView; period: string }) {
  const { t } = useI18n();
  const s = t.scores.satisfaction;
  return (
    <section class="satisfaction-section" aria-labelledby="satisfaction-agencies-title">
      <h2 id="satisfaction-agencies-title">{s.agencies}</h2>
      <div class="table-wrap">
        <table class="table table--scores table--satisfaction" data-testid="satisfaction-agency-table">
          <caption class="visually-hidden">{s.agenciesCaption(period)}</caption>
          <StatsColGroups subjects={1} />
          <StatsHeader subjects={[s.columns.agency]} />
          <tbody>
            {view.agencies.map((row) => (
              <tr
                key={row.agency.id}
                data-testid="satisfaction-agency-row"
                data-agency-code={row.agency.code}
              >
                <th scope="row" class="cell--subject" data-label={s.columns.agency}>
                  {row.agency.name}
                  <span class="cell__sub code">{row.agency.code}</span>
                </th>
                <StatsCells stats={row.stats} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OfficialTable({ view, period }: { view: SatisfactionView; period: string }) {
  const { t } = useI18n();
  const s = t.scores.satisfaction;
  return (
    <section class="satisfaction-section" aria-labelledby="satisfaction-officials-title">
      <h2 id="satisfaction-officials-title">{s.officials}</h2>
      <p class="field__hint">{s.officialsNote}</p>
      <div class="table-wrap">
        <table class="table table--scores table--satisfaction" data-testid="satisfaction-official-table">
          <caption class="visually-hidden">{s.officialsCaption(period)}</caption>
          <StatsColGroups subjects={2} />
          <StatsHeader subjects={[s.columns.official, s.columns.agency]} />
          <tbody>
            {view.officials.map((row) => (
              <tr
                key={row.official.id}
                data-testid="satisfaction-official-row"
                data-official-code={row.official.code}
              >
                <th scope="row" class="cell--subject" data-label={s.columns.official}>
                  {row.official.name}
                  <span class="cell__sub code">{row.official.code}</span>
                </th>
                <td class="cell--agency" data-label={s.columns.agency}>
                  {row.agency.name}
                </td>
                <StatsCells stats={row.stats} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
