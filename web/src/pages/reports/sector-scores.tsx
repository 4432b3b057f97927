import { useMemo } from 'preact/hooks';
import type { SectorFiguresView, SectorScoresView, TimelinessView } from '#shared/report.view.ts';
import { isTransient, useApi, type ApiState } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatCount, formatScore, OFFICIAL_INDICATORS, type Lang } from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { navigate } from '../../router.tsx';
import {
  IndicatorHeader,
  periodName,
  PeriodForm,
  ScoreValue,
  useCanonicalHref,
} from '../scores/score-parts.tsx';
import { parseScoreTableQuery, type ScoreTableQuery } from '../scores/score-params.ts';
import { REPORTS_TEXT } from './reports-text.ts';

export const SECTORS_PATH = '/diem/linh-vuc';

function sectorsHref(query: ScoreTableQuery): string {
  return `${SECTORS_PATH}?${new URLSearchParams({ period: query.period }).toString()}`;
}

/** A percentage with one decimal ("66,7%"), or a dash when nothing finished. */
export function formatRate(lang: Lang, value: number | null): string {
  if (value === null) return '—';
  return `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value)}%`;
}

/** Kết quả theo lĩnh vực, and the early / on-time / late rates of the same period. */
export function SectorScoresPage({ search }: { search: string }) {
  const { t, lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  const href = sectorsHref(query);
  useCanonicalHref(href);
  const sectors = useApi<SectorScoresView>(
    `/api/v1/scores/sectors?period=${encodeURIComponent(query.period)}`,
  );
  const timeliness = useApi<TimelinessView>(
    `/api/v1/reports/timeliness?period=${encodeURIComponent(query.period)}`,
  );
  useDocumentTitle(r.sectorsTitle);
  const apply = (next: ScoreTableQuery) => {
    const target = sectorsHref(next);
    if (target === `${window.location.pathname}${window.location.search}`) {
      sectors.retry();
      timeliness.retry();
    } else navigate(target);
  };
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {r.sectorsTitle}
      </h1>
      <p class="field__hint">{r.sectorsIntro}</p>
      <PeriodForm query={query} onSubmit={apply} withAgency={false} />
      <SectorResults period={periodName(t, query.period)} state={sectors.state} retry={sectors.retry} />
      <TimelinessSection state={timeliness.state} retry={timeliness.retry} />
    </>
  );
}

function SectorResults({
  period,
  state,
  retry,
}: {
  period: string;
  state: ApiState<SectorScoresView>;
  retry: () => void;
}) {
  const { t, lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const view = state.status === 'ready' ? state.data : null;
  return (
    <section
      class="results"
      aria-labelledby="sector-title"
      data-testid="sector-scores"
      data-state={state.status}
    >
      <h2 id="sector-title" class="visually-hidden">
        {r.sectorsTitle}
      </h2>
      <p class="results__summary" role="status">
        {state.status === 'loading' && <span class="spinner" aria-hidden="true" />}
        {state.status === 'loading'
          ? t.loading
          : view !== null
            ? `${period} · ${r.sectorCount(view.sectors.length)}`
            : ''}
      </p>
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {view !== null && view.sectors.length === 0 && <p class="empty">{r.noSectors}</p>}
      {view !== null && view.sectors.length > 0 && (
        <div class="table-wrap">
          <table class="table table--scores" data-testid="sector-table">
            <caption class="visually-hidden">{`${r.sectorsTitle} · ${period}`}</caption>
            <thead>
              <tr>
                <th scope="col">{r.sector}</th>
                {OFFICIAL_INDICATORS.map((indicator) => (
                  <IndicatorHeader key={indicator} indicator={indicator} />
                ))}
                <th scope="col" class="num">
                  {r.total} <span class="th__sub">{r.totalOf}</span>
                </th>
                <th scope="col" class="num">
                  {r.dossiers}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.sectors.flatMap((row) => [
                <FiguresRow
                  key={row.sector}
                  label={row.sector}
                  figures={row.figures}
                  strong
                  testid="sector-row"
                />,
                ...row.agencies.map((entry) => (
                  <FiguresRow
                    key={`${row.sector}/${entry.agency.id}`}
                    label={entry.agency.name}
                    figures={entry.figures}
                    strong={false}
                    testid="sector-agency-row"
                  />
                )),
              ])}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FiguresRow({
  label,
  figures,
  strong,
  testid,
}: {
  label: string;
  figures: SectorFiguresView;
  strong: boolean;
  testid: string;
}) {
  const { lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  return (
    <tr data-testid={testid} class={strong ? 'row--group' : undefined}>
      <th scope="row" class="cell--subject" data-label={r.sector}>
        {strong ? <strong>{label}</strong> : <span class="cell__indent">{label}</span>}
      </th>
      {OFFICIAL_INDICATORS.map((indicator) => (
        <td key={indicator} class="num" data-indicator={indicator}>
          <ScoreValue value={figures.indicators[indicator].score} />
        </td>
      ))}
      <td class="num cell--total" data-testid="total">
        {formatScore(lang, figures.total)}
      </td>
      <td class="num" data-testid="dossiers">
        {formatCount(lang, figures.dossiers)}
      </td>
    </tr>
  );
}

/** The early / on-time / late table of a period: one row per agency and the total. */
export function TimelinessSection({ state, retry }: { state: ApiState<TimelinessView>; retry: () => void }) {
  const { t, lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const view = state.status === 'ready' ? state.data : null;
  return (
    <section
      class="results"
      aria-labelledby="timeliness-title"
      data-testid="timeliness"
      data-state={state.status}
    >
      <h2 id="timeliness-title">{r.timelinessTitle}</h2>
      <p class="field__hint">{r.timelinessIntro}</p>
      {state.status === 'loading' && <p role="status">{t.loading}</p>}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {view !== null && <TimelinessTable view={view} />}
    </section>
  );
}

export function TimelinessTable({ view }: { view: TimelinessView }) {
  const { lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const rows = [
    ...view.agencies.map((row) => ({
      key: row.agency.id,
      label: row.agency.name,
      counts: row.counts,
      rates: row.rates,
    })),
    { key: 'total', label: r.allAgencies, counts: view.total.counts, rates: view.total.rates },
  ];
  return (
    <div class="table-wrap">
      <table class="table table--scores" data-testid="timeliness-table">
        <caption class="visually-hidden">{r.timelinessTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{r.agency}</th>
            <th scope="col" class="num">
              {r.finished}
            </th>
            <th scope="col" class="num">
              {r.early}
            </th>
            <th scope="col" class="num">
              {r.onTime}
            </th>
            <th scope="col" class="num">
              {r.late}
            </th>
            <th scope="col" class="num">
              {r.earlyOrOnTime}
            </th>
            <th scope="col" class="num">
              {r.openOverdue}
            </th>
            <th scope="col" class="num">
              {r.openWithinTime}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid="timeliness-row">
              <th scope="row" class="cell--subject">
                {row.key === 'total' ? <strong>{row.label}</strong> : row.label}
              </th>
              <td class="num">{formatCount(lang, row.counts.finished)}</td>
              <td class="num">
                {formatCount(lang, row.counts.early)}{' '}
                <span class="cell__sub">{formatRate(lang, row.rates.earlyPercent)}</span>
              </td>
              <td class="num">
                {formatCount(lang, row.counts.onTime)}{' '}
                <span class="cell__sub">{formatRate(lang, row.rates.onTimePercent)}</span>
              </td>
              <td class="num">
                {formatCount(lang, row.counts.late)}{' '}
                <span class="cell__sub">{formatRate(lang, row.rates.latePercent)}</span>
              </td>
              <td class="num">{formatRate(lang, row.rates.earlyOrOnTimePercent)}</td>
              <td class="num">{formatCount(lang, row.counts.openOverdue)}</td>
              <td class="num">{formatCount(lang, row.counts.openWithinTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
