import { useEffect, useMemo } from 'preact/hooks';
import type { EChartsCoreOption } from 'echarts/core';
import type { SignedCheckpointView } from '#shared/audit.view.ts';
import type { PublicationListView, PublishedResultView } from '#shared/public-results.view.ts';
import { Chart } from '../components/chart.tsx';
import { Link, navigate } from '../router.tsx';
import { usePublicJson } from './api.ts';
import { LoadError, Loading } from './status.tsx';
import { formatInstant, formatScore, gradeColor, type PublicText } from './text.ts';

/** The chain of entries that belong to no agency (publications, keys…): its head is the checkpoint's anchor. */
const SYSTEM_CHAIN = '00000000-0000-0000-0000-000000000000';

const publicPath = (period: string, version: number | null) =>
  `/cong-khai/${encodeURIComponent(period)}${version === null ? '' : `?version=${version}`}`;

function versionOf(search: string): number | null {
  const value = new URLSearchParams(search).get('version');
  return value !== null && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null;
}

/**
 * The public home: the newest published period's ranking (or the one in the address), with a
 * chart, the period and version choice (older versions stay readable, with each re-publication's
 * reason), the scheme, the audit checkpoint it was frozen at and the open data downloads.
 */
export function HomePage({ t, period, search }: { t: PublicText; period: string | null; search: string }) {
  const [list, reloadList] = usePublicJson<PublicationListView>('/api/v1/public/results');
  const publications = list.state === 'ready' ? list.data.publications : null;
  const shownPeriod = period ?? publications?.[0]?.period ?? null;
  const version = versionOf(search);
  const [result, reloadResult] = usePublicJson<PublishedResultView>(
    shownPeriod === null
      ? null
      : `/api/v1/public/results/${encodeURIComponent(shownPeriod)}${version === null ? '' : `?version=${version}`}`,
  );

  useEffect(() => {
    document.title = `${t.title} — ${t.appName}`;
  }, [t]);

  if (list.state === 'loading') return <Loading t={t} />;
  if (list.state === 'error') return <LoadError t={t} error={list.error} retry={reloadList} />;
  if (list.data.publications.length === 0) {
    return (
      <section class="p-card p-empty" data-testid="public-empty">
        <h1>{t.empty}</h1>
        <p>{t.emptyHint}</p>
      </section>
    );
  }
  const periods = [...new Set(list.data.publications.map((p) => p.period))];
  return (
    <>
      <h1 class="p-title">{t.title}</h1>
      <p class="p-lead">{t.subtitle}</p>
      {result.state === 'loading' && <Loading t={t} />}
      {result.state === 'error' && <LoadError t={t} error={result.error} retry={reloadResult} />}
      {result.state === 'ready' && <PublishedPeriod t={t} result={result.data} periods={periods} />}
    </>
  );
}

function PublishedPeriod({
  t,
  result,
  periods,
}: {
  t: PublicText;
  result: PublishedResultView;
  periods: readonly string[];
}) {
  const periodName = t.periodLabel(result.period.key);
  const rows = result.rows;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 18, interval: 3 },
      // Rank 1 on top.
      yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.agency.name) },
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'bar',
          name: t.total,
          data: rows.map((row) => ({
            value: row.total,
            itemStyle: { color: gradeColor(row.grade.code) },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (params: { value: number }) => formatScore(t.lang, params.value),
          },
        },
      ],
    }),
    [rows, t],
  );

  return (
    <>
      <section class="p-card" aria-labelledby="chon-ky">
        <h2 id="chon-ky" class="p-visually-hidden">
          {t.period}
        </h2>
        <div class="p-selectors">
          <label>
            {t.period}
            <select
              value={result.period.key}
              onChange={(event) => navigate(publicPath(event.currentTarget.value, null))}
            >
              {periods.map((key) => (
                <option key={key} value={key}>
                  {t.periodLabel(key)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.version}
            <select
              value={String(result.version)}
              data-testid="public-version"
              onChange={(event) => {
                const chosen = Number(event.currentTarget.value);
                navigate(publicPath(result.period.key, chosen === result.latestVersion ? null : chosen));
              }}
            >
              {[...result.versions]
                .sort((a, b) => b.version - a.version)
                .map((v) => (
                  <option key={v.version} value={String(v.version)}>
                    {t.versionOption(v.version, v.version === result.latestVersion)}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {result.hasNewerVersion && (
          <p class="p-notice" role="note" data-testid="public-newer-version">
            <strong>{t.newerVersion}</strong>{' '}
            <Link href={publicPath(result.period.key, null)}>{t.seeLatest(result.latestVersion)}</Link>
          </p>
        )}
      </section>

      <section class="p-card" aria-labelledby="xep-hang">
        <h2 id="xep-hang">{t.rankingHeading(periodName)}</h2>
        <p class="p-muted">
          {t.version} {result.version} · {t.publishedAt} {formatInstant(result.publishedAt)}
          {result.reason !== null && (
            <>
              {' '}
              · {t.reason}: {result.reason}
            </>
          )}
        </p>
        <Chart
          option={option}
          label={t.chartLabel(periodName)}
          tableSummary={t.tableSummary}
          failedText={t.chartFailed}
          height={Math.max(160, 44 * rows.length + 48)}
          testId="public-ranking-chart"
          onClick={(event) => {
            const row = rows[event.dataIndex];
            if (row !== undefined) navigate(`/cong-khai/co-quan/${encodeURIComponent(row.agency.code)}`);
          }}
        >
          <table class="p-table">
            <thead>
              <tr>
                <th scope="col">{t.agency}</th>
                <th scope="col">{t.total}</th>
                <th scope="col">{t.grade}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.agency.code}>
                  <th scope="row">{row.agency.name}</th>
                  <td class="p-num">{formatScore(t.lang, row.total)}</td>
                  <td>{row.grade.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Chart>
        <table class="p-table" data-testid="public-ranking">
          <caption class="p-visually-hidden">{t.rankingHeading(periodName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.rank}</th>
              <th scope="col">{t.agency}</th>
              <th scope="col">{t.total}</th>
              <th scope="col">{t.scored}</th>
              <th scope="col">{t.grade}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agency.code} data-testid="public-ranking-row" data-agency-code={row.agency.code}>
                <td class="p-num" data-cell="rank">
                  {row.rank}
                </td>
                <th scope="row" data-cell="agency">
                  <Link href={`/cong-khai/co-quan/${encodeURIComponent(row.agency.code)}`}>
                    {row.agency.name}
                  </Link>
                </th>
                <td class="p-num" data-cell="total">
                  {formatScore(t.lang, row.total)}
                </td>
                <td class="p-num" data-cell="scored">
                  {row.scored}/{row.outOf}
                </td>
                <td data-cell="grade">
                  <span class="p-grade" style={{ backgroundColor: gradeColor(row.grade.code) }}>
                    {row.grade.label}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section class="p-card" aria-labelledby="phien-ban">
        <h2 id="phien-ban">{t.versionsHeading}</h2>
        <ol class="p-versions" data-testid="public-versions">
          {result.versions.map((v) => (
            <li key={v.version} aria-current={v.version === result.version ? 'true' : undefined}>
              <Link
                href={publicPath(result.period.key, v.version === result.latestVersion ? null : v.version)}
              >
                {t.versionOption(v.version, v.version === result.latestVersion)}
              </Link>{' '}
              — {formatInstant(v.publishedAt)} —{' '}
              {v.reason === null ? t.firstVersion : `${t.reason}: ${v.reason}`}
            </li>
          ))}
        </ol>
      </section>

      <AboutPublication t={t} result={result} />
    </>
  );
}

/** The scheme, the audit checkpoint the figures were frozen at, and the open data with how to recompute it. */
function AboutPublication({ t, result }: { t: PublicText; result: PublishedResultView }) {
  const [signed] = usePublicJson<SignedCheckpointView>(result.checkpoint.url);
  const head = signed.state === 'ready' ? signed.data.checkpoint.heads[SYSTEM_CHAIN] : undefined;
  const chains = signed.state === 'ready' ? Object.keys(signed.data.checkpoint.heads).length : null;
  return (
    <section class="p-card" aria-labelledby="du-lieu-mo">
      <h2 id="du-lieu-mo">{t.aboutHeading}</h2>
      <dl class="p-facts">
        <dt>{t.scheme}</dt>
        <dd data-testid="public-scheme">
          {result.scheme.name} (<code>{result.scheme.id}</code> v{result.scheme.version})
        </dd>
        <dt>{t.checkpoint}</dt>
        <dd data-testid="public-checkpoint">
          <code>{result.checkpoint.id}</code> · {t.checkpointAt} {formatInstant(result.checkpoint.createdAt)}
          {chains !== null && <> · {t.checkpointChains(chains)}</>}
          {head !== undefined && (
            <>
              <br />
              {t.checkpointHead}: <code data-testid="public-checkpoint-seq">{head.seq}</code>,{' '}
              <code class="p-hash" data-testid="public-checkpoint-hash">
                {head.hash}
              </code>
            </>
          )}
          <br />
          <a href={result.checkpoint.url} download data-testid="public-checkpoint-download">
            {t.checkpointDownload}
          </a>
        </dd>
        <dt>{t.openData}</dt>
        <dd>
          <ul class="p-downloads">
            <li>
              <a href={result.downloads.json} download data-testid="public-download-json">
                {t.downloadJson}
              </a>
            </li>
            <li>
              <a href={result.downloads.csv} download data-testid="public-download-csv">
                {t.downloadCsv}
              </a>
            </li>
          </ul>
          {t.sha256}: <code class="p-hash">{result.openDataSha256}</code>
        </dd>
      </dl>
      <p>
        {t.recompute} <code>hailong recompute --open-data FILE</code>
      </p>
    </section>
  );
}
