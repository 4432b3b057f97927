import { useEffect, useMemo } from 'preact/hooks';
import type { EChartsCoreOption } from 'echarts/core';
import type { AgencyResultsView } from '#shared/public-results.view.ts';
import { Chart } from '../components/chart.tsx';
import { Link, navigate } from '../router.tsx';
import { usePublicJson } from './api.ts';
import { LoadError, Loading } from './status.tsx';
import { formatScore, gradeColor, type PublicText } from './text.ts';

type ResultPoint = AgencyResultsView['results'][number];
const INDICATORS = ['cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cs7', 'cs8', 'cs9'] as const;

/**
 * One agency's page: its total in every published period (newest version of each) as a chart
 * coloured by grade, with the same figures and the 9 indicators per period as tables.
 */
export function AgencyPage({ t, code }: { t: PublicText; code: string }) {
  const [view, reload] = usePublicJson<AgencyResultsView>(
    `/api/v1/public/agencies/${encodeURIComponent(code)}/results`,
  );
  const name = view.state === 'ready' ? view.data.agency.name : null;
  useEffect(() => {
    document.title = `${name ?? t.agencyHeading} — ${t.title} — ${t.appName}`;
  }, [t, name]);

  return (
    <>
      <p>
        <Link href="/cong-khai/">{t.backHome}</Link>
      </p>
      {view.state === 'loading' && <Loading t={t} />}
      {view.state === 'error' && <LoadError t={t} error={view.error} retry={reload} />}
      {view.state === 'ready' && <AgencyResults t={t} view={view.data} />}
    </>
  );
}

function AgencyResults({ t, view }: { t: PublicText; view: AgencyResultsView }) {
  // Quarters and years are not the same kind of period: one chart each (quarters first).
  const kinds = (['quarter', 'year'] as const).filter((kind) =>
    view.results.some((point) => point.period.kind === kind),
  );
  const grades = [...new Map(view.results.map((point) => [point.grade.code, point.grade.label])).entries()];
  return (
    <>
      <h1 class="p-title" data-testid="public-agency-name">
        {view.agency.name}
      </h1>
      <section class="p-card" aria-labelledby="qua-cac-ky">
        <h2 id="qua-cac-ky">{t.agencyHeading}</h2>
        {kinds.map((kind) => (
          <TotalsChart
            key={kind}
            t={t}
            name={view.agency.name}
            points={view.results.filter((point) => point.period.kind === kind)}
          />
        ))}
        <p class="p-legend">
          {t.gradeLegend}:{' '}
          {grades.map(([gradeCode, label]) => (
            <span key={gradeCode} class="p-grade" style={{ backgroundColor: gradeColor(gradeCode) }}>
              {label}
            </span>
          ))}
        </p>
      </section>
      <section class="p-card" aria-labelledby="chi-so">
        <h2 id="chi-so">{t.indicatorsHeading}</h2>
        <div class="p-scroll">
          <table class="p-table" data-testid="public-agency-indicators">
            <thead>
              <tr>
                <th scope="col">{t.period}</th>
                {INDICATORS.map((_, index) => (
                  <th scope="col" key={index}>
                    <abbr title={t.indicator(index + 1)}>{`CS${index + 1}`}</abbr>
                  </th>
                ))}
                <th scope="col">{t.total}</th>
                <th scope="col">{t.scored}</th>
                <th scope="col">{t.grade}</th>
                <th scope="col">{t.rank}</th>
              </tr>
            </thead>
            <tbody>
              {[...view.results].reverse().map((point) => (
                <tr key={point.period.key} data-testid="public-agency-row" data-period={point.period.key}>
                  <th scope="row">
                    <Link href={`/cong-khai/${encodeURIComponent(point.period.key)}`}>
                      {t.periodLabel(point.period.key)}
                    </Link>
                  </th>
                  {INDICATORS.map((indicator) => (
                    <td class="p-num" key={indicator}>
                      {formatScore(t.lang, point.indicators[indicator])}
                    </td>
                  ))}
                  <td class="p-num" data-cell="total">
                    {formatScore(t.lang, point.total)}
                  </td>
                  <td class="p-num">{point.scored}/9</td>
                  <td>{point.grade.label}</td>
                  <td class="p-num">{t.rankOf(point.rank, point.of)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function TotalsChart({ t, name, points }: { t: PublicText; name: string; points: readonly ResultPoint[] }) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((point) => t.periodLabel(point.period.key)) },
      yAxis: { type: 'value', min: 0, max: 18, interval: 3 },
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'bar',
          name: t.total,
          barMaxWidth: 56,
          data: points.map((point) => ({
            value: point.total,
            itemStyle: { color: gradeColor(point.grade.code) },
          })),
          label: {
            show: true,
            position: 'top',
            formatter: (params: { value: number }) => formatScore(t.lang, params.value),
          },
        },
      ],
    }),
    [points, t],
  );
  return (
    <Chart
      option={option}
      label={t.agencyChartLabel(name)}
      tableSummary={t.tableSummary}
      failedText={t.chartFailed}
      height={280}
      testId="public-agency-chart"
      onClick={(event) => {
        const point = points[event.dataIndex];
        if (point !== undefined) navigate(`/cong-khai/${encodeURIComponent(point.period.key)}`);
      }}
    >
      <table class="p-table">
        <thead>
          <tr>
            <th scope="col">{t.period}</th>
            <th scope="col">{t.total}</th>
            <th scope="col">{t.grade}</th>
            <th scope="col">{t.rank}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.period.key}>
              <th scope="row">{t.periodLabel(point.period.key)}</th>
              <td class="p-num">{formatScore(t.lang, point.total)}</td>
              <td>{point.grade.label}</td>
              <td class="p-num">{t.rankOf(point.rank, point.of)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}
