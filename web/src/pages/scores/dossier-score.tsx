import { useMemo } from 'preact/hooks';
import type { DossierScoreView } from '#shared/score.view.ts';
import { useAgencies } from '../../agencies.ts';
import { isTransient, useApi } from '../../api.ts';
import { TimelinessBadge } from '../../components/badges.tsx';
import { ErrorAlert, Loading } from '../../components/feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { INDICATOR_ORDER, isKeyOf, TIMELINESS_ORDER, type ScoreIndicator } from '../../i18n.ts';
import { useI18n } from '../../lang.tsx';
import { useOfficials } from '../../officials.ts';
import { indicatorLabel, periodName } from './score-parts.tsx';

type IndicatorScore = DossierScoreView['indicators'][number];

function asIndicator(value: string): ScoreIndicator | null {
  return INDICATOR_ORDER.find((indicator) => indicator === value) ?? null;
}

/**
 * Điểm đánh giá (Thông tư 01/2018) on the dossier page: the points of each indicator with who
 * gave them (system or citizen), the rule and the facts; disagreements are marked.
 */
export function DossierScoreSection({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const { state, retry } = useApi<DossierScoreView>(
    `/api/v1/dossiers/${encodeURIComponent(dossierId)}/score`,
  );
  const s = t.scores.dossier;
  return (
    <section
      class="card"
      aria-labelledby="score-title"
      data-testid="dossier-score"
      data-state={state.status}
      data-scored={state.status === 'ready' ? String(state.data.scored) : undefined}
    >
      <h2 id="score-title">{s.title}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {state.status === 'ready' && <ScoreBody view={state.data} />}
    </section>
  );
}

function ScoreBody({ view }: { view: DossierScoreView }) {
  const { t } = useI18n();
  const s = t.scores.dossier;
  if (!view.scored) {
    return (
      <div class="empty" data-testid="score-reason">
        <p class="strong">{s.notScored}</p>
        {view.reason !== null && <p lang="vi">{view.reason}</p>}
      </div>
    );
  }
  const stale =
    view.stored !== null && view.scheme !== null && view.stored.schemeVersion !== view.scheme.version;
  return (
    <>
      <dl class="facts facts--inline">
        {view.scheme !== null && (
          <div class="fact">
            <dt>{s.scheme}</dt>
            <dd data-testid="score-scheme-version">
              {view.scheme.name} <span class="code">({view.scheme.version})</span>
            </dd>
          </div>
        )}
        {view.period !== null && (
          <div class="fact">
            <dt>{s.period}</dt>
            <dd>{periodName(t, view.period)}</dd>
          </div>
        )}
        <div class="fact">
          <dt>{s.stored}</dt>
          <dd data-testid="score-stored">
            {view.stored === null
              ? s.storedNone
              : s.storedValue(
                  view.stored.schemeVersion,
                  periodName(t, view.stored.period),
                  formatDateTime(view.stored.computedAt),
                )}
            {stale && <span class="cell__sub field__error">{s.storedStale}</span>}
          </dd>
        </div>
      </dl>
      <ScoreTable indicators={view.indicators} />
      {view.units.length > 0 && <Units units={view.units} />}
    </>
  );
}

function ScoreTable({ indicators }: { indicators: readonly IndicatorScore[] }) {
  const { t } = useI18n();
  const s = t.scores.dossier;
  const c = s.columns;
  const points = (value: number | null) => (value === null ? s.noPoints : String(value));
  return (
    <div class="table-wrap">
      <table class="table table--cards table--score" data-testid="score-table">
        <caption class="visually-hidden">{s.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.indicator}</th>
            <th scope="col" class="num">
              {c.points}
            </th>
            <th scope="col">{c.source}</th>
            <th scope="col">{c.basis}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((row) => {
            const indicator = asIndicator(row.indicator);
            return (
              <tr
                key={row.indicator}
                class={row.disagreement ? 'is-disagreement' : undefined}
                data-testid="score-row"
                data-indicator={row.indicator}
                data-disagreement={String(row.disagreement)}
              >
                <th scope="row" data-label={c.indicator}>
                  {indicator === null ? row.indicator : indicatorLabel(t, indicator)}
                </th>
                <td class="num" data-label={c.points} data-testid="score-points">
                  {row.points === null ? (
                    <span class="muted">{s.noPoints}</span>
                  ) : (
                    <span class="points" data-points={row.points}>
                      {row.points}
                    </span>
                  )}
                </td>
                <td data-label={c.source}>
                  {row.source === null ? <span class="muted">{t.none}</span> : s.source[row.source]}
                  {row.disagreement && (
                    <>
                      <span class="flag" data-testid="disagreement">
                        {s.disagreement}
                      </span>
                      <span class="cell__sub">
                        {s.disagreementDetail(points(row.systemPoints), points(row.citizenPoints))}
                      </span>
                    </>
                  )}
                </td>
                <td data-label={c.basis} class="cell--basis">
                  {/* The engine writes facts and rules in Vietnamese, with the articles applied. */}
                  <div lang="vi">
                    {row.facts.length > 0 && (
                      <ul class="score-facts" data-testid="score-facts">
                        {row.facts.map((fact, index) => (
                          <li key={index}>{fact}</li>
                        ))}
                      </ul>
                    )}
                    <p class="score-rule" data-testid="score-rule">
                      <span class="score-rule__label">{s.rule}:</span> {row.rule}
                    </p>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Units({ units }: { units: DossierScoreView['units'] }) {
  const { t } = useI18n();
  const s = t.scores.dossier;
  const c = s.unitColumns;
  const agencies = useAgencies();
  const officials = useOfficials(units.some((unit) => unit.officialId !== null));
  const names = useMemo(
    () => new Map(agencies.status === 'ready' ? agencies.data.map((agency) => [agency.id, agency.name]) : []),
    [agencies],
  );
  const officialName = (id: string | null) => {
    if (id === null) return t.none;
    const official = officials?.get(id);
    return official ? `${official.fullName} (${official.code})` : t.none;
  };
  return (
    <div class="score-units">
      <h3>{s.units}</h3>
      <div class="table-wrap">
        <table class="table table--cards" data-testid="score-units">
          <thead>
            <tr>
              <th scope="col">{c.unit}</th>
              <th scope="col">{c.official}</th>
              <th scope="col" class="num">
                {c.points}
              </th>
              <th scope="col">{c.timeliness}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit, index) => (
              <tr key={`${unit.agencyId}:${index}`} data-testid="score-unit">
                <th scope="row" data-label={c.unit}>
                  {names.get(unit.agencyId) ?? unit.agencyId}
                </th>
                <td data-label={c.official}>{officialName(unit.officialId)}</td>
                <td class="num" data-label={c.points}>
                  <span class="points" data-points={unit.points}>
                    {unit.points}
                  </span>
                </td>
                <td data-label={c.timeliness}>
                  {isKeyOf(t.timeliness, unit.timeliness) ? (
                    <TimelinessBadge value={TIMELINESS_ORDER.find((v) => v === unit.timeliness) ?? null} />
                  ) : (
                    unit.timeliness
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
