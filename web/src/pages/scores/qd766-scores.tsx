import { useMemo, useState } from 'preact/hooks';
import type { Qd766View } from '#shared/score.view.ts';
import { isTransient, useApi, type ApiState } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import {
  formatCount,
  formatHundredths,
  formatNumber,
  formatPercent,
  isKeyOf,
  type Messages,
  type Qd766Confidence,
} from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { navigate } from '../../router.tsx';
import { periodPageApiPath, periodPageHref } from './period-pages.ts';
import { ClassBadge, periodName, PeriodForm, useCanonicalHref } from './score-parts.tsx';
import { parseScoreTableQuery, type ScoreTableQuery } from './score-params.ts';
import { ExportLinks, periodExportSearch } from './export-links.tsx';

type Qd766Row = Qd766View['rows'][number];
type Qd766Group = Qd766Row['groups'][number];
type Qd766Indicator = Qd766Row['indicators'][number];

/** The name of a group or sub-indicator in the interface language; the scheme's (Vietnamese) one otherwise. */
function localName(names: Partial<Record<string, string>>, id: string, fallback: string): string {
  return (isKeyOf(names, id) ? names[id] : undefined) ?? fallback;
}

function groupName(t: Messages, group: { id: string; name: string }): string {
  return localName(t.scores.qd766.groups, group.id, group.name);
}

function indicatorName(t: Messages, indicator: { id: string; name: string }): string {
  return localName(t.scores.qd766.indicators, indicator.id, indicator.name);
}

function isConfidence(value: string): value is Qd766Confidence {
  return value === 'confirmed' || value === 'secondary' || value === 'unconfirmed';
}

/** Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg): groups, total /100, class per agency. */
export function Qd766ScoresPage({ search }: { search: string }) {
  const { t } = useI18n();
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  const href = periodPageHref('qd766', query);
  useCanonicalHref(href);
  const { state, retry } = useApi<Qd766View>(periodPageApiPath('qd766', query));
  useDocumentTitle(t.scores.qd766.title);

  const apply = (next: ScoreTableQuery) => {
    const href = periodPageHref('qd766', next);
    if (href === `${window.location.pathname}${window.location.search}`) retry();
    else navigate(href);
  };

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.scores.qd766.title}
      </h1>
      <PeriodForm query={query} onSubmit={apply} />
      <ExportLinks report="qd766" search={periodExportSearch(query)} />
      <Qd766Results query={query} state={state} retry={retry} />
    </>
  );
}

function Qd766Results({
  query,
  state,
  retry,
}: {
  query: ScoreTableQuery;
  state: ApiState<Qd766View>;
  retry: () => void;
}) {
  const { t } = useI18n();
  const view = state.status === 'ready' ? state.data : null;
  const period = periodName(t, query.period);
  let summary = t.loading;
  if (state.status === 'error') summary = '';
  if (view !== null) summary = `${period} · ${t.scores.qd766.count(view.rows.length)}`;
  const groups = view?.rows[0]?.groups ?? [];
  return (
    <section
      class="results"
      aria-labelledby="results-title"
      data-testid="qd766-scores"
      data-state={state.status}
    >
      <h2 id="results-title" class="visually-hidden" tabIndex={-1}>
        {t.scores.qd766.caption(period)}
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
      {view !== null && view.rows.length === 0 && <p class="empty">{t.scores.qd766.empty}</p>}
      {view !== null && view.rows.length > 0 && (
        <Qd766Table view={view} caption={t.scores.qd766.caption(period)} />
      )}
      {state.status === 'loading' && <div class="results__placeholder" aria-hidden="true" />}
      <Qd766Legend groups={groups} />
    </section>
  );
}

function Qd766Table({ view, caption }: { view: Qd766View; caption: string }) {
  const { t, lang } = useI18n();
  const c = t.scores.qd766.columns;
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const groups = view.rows[0]?.groups ?? [];
  const max = view.rows[0]?.max ?? 100;
  const toggle = (agencyId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(agencyId)) next.delete(agencyId);
      else next.add(agencyId);
      return next;
    });
  // rank, agency, the groups, total, class, details
  const columns = groups.length + 5;
  return (
    <div class="table-wrap">
      <table class="table table--scores table--qd766" data-testid="qd766-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {c.rank}
            </th>
            <th scope="col">{c.agency}</th>
            {groups.map((group) => (
              <th key={group.id} scope="col" class="num">
                <abbr title={t.scores.qd766.groupTitle(group.id, groupName(t, group))}>
                  {t.scores.qd766.groupCode(group.id)}
                </abbr>{' '}
                <span class="th__sub">{t.scores.qd766.outOf(formatNumber(lang, group.max))}</span>
              </th>
            ))}
            <th scope="col" class="num">
              {c.total} <span class="th__sub">{t.scores.qd766.outOf(formatNumber(lang, max))}</span>
            </th>
            <th scope="col">{c.class}</th>
            <th scope="col">{c.details}</th>
          </tr>
        </thead>
        {view.rows.map((row) => (
          <Qd766RowGroup
            key={row.agency.id}
            row={row}
            columns={columns}
            expanded={open.has(row.agency.id)}
            onToggle={() => toggle(row.agency.id)}
          />
        ))}
      </table>
    </div>
  );
}

/** One agency: its row, and (when expanded) a second row with its sub-indicators. One tbody each. */
function Qd766RowGroup({
  row,
  columns,
  expanded,
  onToggle,
}: {
  row: Qd766Row;
  columns: number;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { t, lang } = useI18n();
  const c = t.scores.qd766.columns;
  const detailId = `qd766-detail-${row.agency.id}`;
  return (
    <tbody class={expanded ? 'is-expanded' : undefined}>
      <tr
        data-testid="qd766-row"
        data-agency-code={row.agency.code}
        data-rank={row.rank}
        data-expanded={expanded ? 'true' : 'false'}
      >
        <td class="num cell--rank" data-label={c.rank} data-testid="rank">
          {formatCount(lang, row.rank)}
        </td>
        <th scope="row" class="cell--subject" data-label={c.agency}>
          {row.agency.name}
          <span class="cell__sub code">{row.agency.code}</span>
        </th>
        {row.groups.map((group) => (
          <GroupCell key={group.id} group={group} />
        ))}
        <td
          class="num cell--total"
          data-label={`${c.total} ${t.scores.qd766.outOf(formatNumber(lang, row.max))}`}
          data-testid="total"
        >
          <span class="score score--total">{formatHundredths(lang, row.total)}</span>
        </td>
        <td class="cell--grade" data-label={c.class}>
          <ClassBadge kind="grade" code={row.class.code} label={row.class.label} />
        </td>
        <td class="cell--toggle">
          <button
            type="button"
            class="disclosure"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls={detailId}
            onClick={onToggle}
            data-testid="qd766-toggle"
          >
            <span class="disclosure__icon" aria-hidden="true" />
            {t.scores.qd766.toggle}
            <span class="visually-hidden"> {t.scores.qd766.toggleLabel(row.agency.name)}</span>
          </button>
        </td>
      </tr>
      <tr id={detailId} class="qd766-detail" hidden={!expanded} data-testid="qd766-detail">
        <td colSpan={columns}>{expanded && <IndicatorTable row={row} />}</td>
      </tr>
    </tbody>
  );
}

/** A group's points out of its maximum; muted when none of its sub-indicators has data yet. */
function GroupCell({ group }: { group: Qd766Group }) {
  const { t, lang } = useI18n();
  const q = t.scores.qd766;
  const available = q.available(group.available, group.indicators);
  return (
    <td
      class={group.available === 0 ? 'num cell--indicator is-na' : 'num cell--indicator'}
      data-label={q.groupCode(group.id)}
      data-testid={`group-${group.id}`}
      data-group={group.id}
      title={`${q.groupTitle(group.id, groupName(t, group))} — ${available}`}
    >
      <span>
        <span class="score">{formatHundredths(lang, group.points)}</span>
        <span class="cell__sub">{q.outOf(formatNumber(lang, group.max))}</span>
      </span>
    </td>
  );
}

/** The sub-indicators of one agency: rate behind the points, threshold, formula and how sure the scheme is. */
function IndicatorTable({ row }: { row: Qd766Row }) {
  const { t } = useI18n();
  const c = t.scores.qd766.detailColumns;
  return (
    <div class="qd766-detail__panel">
      <table class="table table--cards table--qd766-detail" data-testid="qd766-indicators">
        <caption class="qd766-detail__caption">{t.scores.qd766.detailCaption(row.agency.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.indicator}</th>
            <th scope="col" class="num">
              {c.rate}
            </th>
            <th scope="col" class="num">
              {c.points}
            </th>
            <th scope="col" class="num">
              {c.threshold}
            </th>
            <th scope="col">{c.rule}</th>
          </tr>
        </thead>
        <tbody>
          {row.indicators.map((indicator) => (
            <IndicatorRow key={indicator.id} indicator={indicator} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IndicatorRow({ indicator }: { indicator: Qd766Indicator }) {
  const { t, lang } = useI18n();
  const q = t.scores.qd766;
  const c = q.detailColumns;
  const na = indicator.ratePercent === null;
  return (
    <tr
      data-testid="qd766-indicator"
      data-indicator={indicator.id}
      data-na={na ? 'true' : 'false'}
      class={na ? 'is-na' : undefined}
    >
      <th scope="row" data-label={c.indicator}>
        <span>
          <span class="qd766-id">{indicator.id}</span> {indicatorName(t, indicator)}
          {isConfidence(indicator.confidence) && (
            <span
              class={`confidence confidence--${indicator.confidence}`}
              title={q.confidenceTitle[indicator.confidence]}
              data-testid="confidence"
            >
              {q.confidence[indicator.confidence]}
            </span>
          )}
        </span>
      </th>
      <td class="num" data-label={c.rate} data-testid="rate">
        {indicator.ratePercent === null ? (
          <span class="na">{q.noData}</span>
        ) : (
          <span>
            <span class="score" data-testid="rate-percent">
              {formatPercent(lang, indicator.ratePercent)}
            </span>
            {indicator.numerator !== null && indicator.denominator !== null && (
              <span class="cell__sub" data-testid="rate-ratio">
                {formatCount(lang, indicator.numerator)}/{formatCount(lang, indicator.denominator)}
              </span>
            )}
          </span>
        )}
      </td>
      <td class="num" data-label={c.points} data-testid="points">
        <span>
          <span class="score">
            {formatHundredths(lang, indicator.points ?? 0)}
            {q.outOf(formatNumber(lang, indicator.max))}
          </span>
          {indicator.points === null && <span class="cell__sub">{q.noDataPoints}</span>}
        </span>
      </td>
      <td class="num" data-label={c.threshold} data-testid="threshold">
        {indicator.thresholdPercent === null ? (
          <span class="muted">{q.noThreshold}</span>
        ) : (
          q.threshold(formatPercent(lang, indicator.thresholdPercent))
        )}
      </td>
      <td class="cell--rule" data-label={c.rule}>
        <p class="score-rule" lang="vi" data-testid="rule">
          {indicator.rule}
        </p>
      </td>
    </tr>
  );
}

function Qd766Legend({ groups }: { groups: readonly { id: string; name: string; max: number }[] }) {
  const { t, lang } = useI18n();
  const q = t.scores.qd766;
  return (
    <section class="legend" aria-labelledby="legend-title" data-testid="score-legend">
      <h2 id="legend-title">{t.scores.legend.title}</h2>
      {groups.length > 0 && (
        <>
          <p class="legend__subtitle">{q.legend.groups}</p>
          <dl class="legend__list">
            {groups.map((group) => (
              <div key={group.id}>
                <dt>{q.groupCode(group.id)}</dt>
                <dd>
                  {groupName(t, group)} ({q.maxPoints(formatNumber(lang, group.max))})
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p>
        <span class="na" aria-hidden="true">
          {q.noData}
        </span>
        {': '}
        <span data-testid="legend-na">{q.legend.noData}</span>
      </p>
      <p>{q.legend.rates}</p>
      <p>{q.legend.classes}</p>
      <p>{q.legend.confidence}</p>
      {q.legend.ruleLanguage !== '' && <p>{q.legend.ruleLanguage}</p>}
    </section>
  );
}
