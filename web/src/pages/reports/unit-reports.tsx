import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { UNIT_REPORT_LIMITS, type UnitReportListView, type UnitReportView } from '#shared/report.view.ts';
import { ApiError, isTransient, useApi } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { formatCount, formatScore } from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { Link, navigate } from '../../router.tsx';
import { useCan } from '../auth/session.tsx';
import { periodName, PeriodForm, useCanonicalHref } from '../scores/score-parts.tsx';
import { parseScoreTableQuery, type ScoreTableQuery } from '../scores/score-params.ts';
import { REPORTS_TEXT } from './reports-text.ts';
import { TimelinessTable } from './sector-scores.tsx';
import { sendJson } from './send-json.ts';

export const REPORTS_PATH = '/bao-cao';

const listHref = (period: string) => `${REPORTS_PATH}?${new URLSearchParams({ period }).toString()}`;
const reportHref = (code: string, period: string) =>
  `${REPORTS_PATH}/${encodeURIComponent(code)}?${new URLSearchParams({ period }).toString()}`;

/** Báo cáo của đơn vị gửi cấp trên: the units the user may read, with the state of each report. */
export function UnitReportsPage({ search }: { search: string }) {
  const { t, lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  useCanonicalHref(listHref(query.period));
  const { state, retry } = useApi<UnitReportListView>(`/api/v1/reports/units?period=${query.period}`);
  useDocumentTitle(r.reportsTitle);
  const apply = (next: ScoreTableQuery) => navigate(listHref(next.period));
  const view = state.status === 'ready' ? state.data : null;
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {r.reportsTitle}
      </h1>
      <p class="field__hint">{r.reportsIntro}</p>
      <PeriodForm query={query} onSubmit={apply} withAgency={false} />
      <section
        class="results"
        data-testid="unit-reports"
        data-state={state.status}
        aria-label={r.reportsTitle}
      >
        <p class="results__summary" role="status">
          {state.status === 'loading' ? t.loading : periodName(t, query.period)}
        </p>
        {state.status === 'error' && (
          <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
        )}
        {view !== null && (
          <div class="table-wrap">
            <table class="table" data-testid="unit-report-table">
              <thead>
                <tr>
                  <th scope="col">{r.agency}</th>
                  <th scope="col">{r.status}</th>
                  <th scope="col">{r.submittedAt}</th>
                  <th scope="col">
                    <span class="visually-hidden">{r.open}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr key={row.agency.id} data-testid="unit-report-row" data-agency-code={row.agency.code}>
                    <th scope="row" class="cell--subject">
                      {row.agency.name}
                      <span class="cell__sub code">{row.agency.code}</span>
                    </th>
                    <td data-testid="status" data-status={row.status}>
                      {r.statusLabel[row.status]}
                    </td>
                    <td>{row.submittedAt === null ? '—' : formatDateTime(row.submittedAt)}</td>
                    <td>
                      <Link href={reportHref(row.agency.code, view.period)}>{r.open}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** One unit's report: the figures of the period, the remedies form while a draft, the revisions. */
export function UnitReportPage({ agencyCode, search }: { agencyCode: string; search: string }) {
  const { t, lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const query = useMemo(() => parseScoreTableQuery(search, Date.now()), [search]);
  useCanonicalHref(reportHref(agencyCode, query.period));
  const { state, retry } = useApi<UnitReportView>(
    `/api/v1/reports/units/${encodeURIComponent(agencyCode)}?period=${query.period}`,
  );
  const view = state.status === 'ready' ? state.data : null;
  // Kept here: the report is fetched again after a change, and the form is rebuilt from it.
  const [notice, setNotice] = useState('');
  const changed = (message: string) => {
    setNotice(message);
    retry();
  };
  useDocumentTitle(view ? r.reportTitle(view.agency.name) : r.reportsTitle);
  return (
    <>
      <p>
        <Link href={listHref(query.period)}>{r.back}</Link>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {view ? r.reportTitle(view.agency.name) : r.reportsTitle}
      </h1>
      <p class="results__summary" role="status">
        {state.status === 'loading' ? t.loading : periodName(t, query.period)}
      </p>
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {notice && (
        <p class="notice" role="status" data-testid="report-notice">
          {notice}
        </p>
      )}
      {view !== null && (
        <div data-testid="unit-report" data-status={view.status ?? 'none'}>
          <Figures view={view} />
          <RemediesForm view={view} agencyCode={agencyCode} onChanged={changed} />
          <Revisions view={view} />
        </div>
      )}
    </>
  );
}

function Figures({ view }: { view: UnitReportView }) {
  const { lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const own = view.agencies.rows.find((row) => row.agency.id === view.agency.id);
  const qd766 = view.qd766.rows.find((row) => row.agency.id === view.agency.id);
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{r.figures}</h2>
      <p class="field__hint" data-testid="figures-as-of">
        {view.figuresAsOf === null ? r.figuresLive : r.figuresFrozen(formatDateTime(view.figuresAsOf))}
      </p>
      <ul class="facts" data-testid="report-figures">
        {own && (
          <li>
            {r.agencyTotal}: <strong>{formatScore(lang, own.total)}</strong>/18 · {r.grade}: {own.grade.label}{' '}
            · {r.rank}: {own.rank}
          </li>
        )}
        <li>{r.officialsCount(view.officials.rows.length)}</li>
        <li>{r.ratings(view.satisfaction.overall.total)}</li>
        {qd766 && (
          <li>
            {r.qd766}: {formatScore(lang, qd766.total)}/{formatCount(lang, qd766.max)} · {qd766.class.label}
          </li>
        )}
      </ul>
      <h3>{r.timelinessTitle}</h3>
      <TimelinessTable view={view.timeliness} />
    </section>
  );
}

function RemediesForm({
  view,
  agencyCode,
  onChanged,
}: {
  view: UnitReportView;
  agencyCode: string;
  onChanged: (message: string) => void;
}) {
  const { lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  const may = useCan();
  const latest = view.revisions[0];
  const submitted = latest?.status === 'submitted';
  const [correcting, setCorrecting] = useState(false);
  const [remedies, setRemedies] = useState(latest?.remedies ?? '');
  const [notes, setNotes] = useState(latest?.notes ?? '');
  const [reason, setReason] = useState(latest?.status === 'draft' ? (latest.correctionReason ?? '') : '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setRemedies(latest?.remedies ?? '');
    setNotes(latest?.notes ?? '');
    setCorrecting(false);
  }, [latest?.revision, latest?.status]);

  if (!may('report.submit')) return null;
  const isCorrection = correcting || (latest?.status === 'draft' && latest.revision > 1);
  const path = `/api/v1/reports/units/${encodeURIComponent(agencyCode)}`;
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'INTERNAL', String(caught)));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    sendJson('PUT', path, {
      period: view.period,
      remedies,
      notes,
      ...(isCorrection ? { correctionReason: reason } : {}),
    });
  const onSave = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await save();
      onChanged(r.saved);
    });
  };
  const onSubmit = () => {
    if (!window.confirm(r.confirmSubmit)) return;
    void run(async () => {
      await save();
      await sendJson('POST', `${path}/submit`, { period: view.period });
      onChanged(r.submittedNote);
    });
  };

  if (submitted && !correcting)
    return (
      <section aria-labelledby="remedies-title">
        <h2 id="remedies-title">{r.remedies}</h2>
        <p data-testid="report-submitted">{r.submittedNote}</p>
        <button type="button" class="button" onClick={() => setCorrecting(true)}>
          {r.startCorrection}
        </button>
      </section>
    );
  return (
    <form aria-labelledby="remedies-title" onSubmit={onSave} data-testid="remedies-form" noValidate>
      <h2 id="remedies-title">{r.remedies}</h2>
      <div class="field field--wide">
        <label for="report-remedies">{r.remedies}</label>
        <textarea
          id="report-remedies"
          name="remedies"
          rows={8}
          maxLength={UNIT_REPORT_LIMITS.remedies}
          aria-describedby="report-remedies-hint"
          value={remedies}
          onInput={(event) => setRemedies(event.currentTarget.value)}
        />
        <p class="field__hint" id="report-remedies-hint">
          {r.remediesHint(UNIT_REPORT_LIMITS.remedies)}
        </p>
      </div>
      <div class="field field--wide">
        <label for="report-notes">{r.notes}</label>
        <textarea
          id="report-notes"
          name="notes"
          rows={3}
          maxLength={UNIT_REPORT_LIMITS.notes}
          value={notes}
          onInput={(event) => setNotes(event.currentTarget.value)}
        />
      </div>
      {isCorrection && (
        <div class="field field--wide">
          <label for="report-reason">{r.correctionReason}</label>
          <textarea
            id="report-reason"
            name="correctionReason"
            rows={2}
            required
            maxLength={UNIT_REPORT_LIMITS.correctionReason}
            aria-describedby="report-reason-hint"
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          <p class="field__hint" id="report-reason-hint">
            {r.correctionHint}
          </p>
        </div>
      )}
      {error && <ErrorAlert error={error} />}
      <div class="filters__actions">
        <button type="submit" class="button" disabled={busy}>
          {r.save}
        </button>
        <button type="button" class="button button--primary" disabled={busy} onClick={onSubmit}>
          {r.submit}
        </button>
      </div>
    </form>
  );
}

function Revisions({ view }: { view: UnitReportView }) {
  const { lang } = useI18n();
  const r = REPORTS_TEXT[lang];
  if (view.revisions.length === 0) return null;
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">{r.revisions}</h2>
      <ol class="revisions" data-testid="report-revisions">
        {view.revisions.map((revision) => (
          <li key={revision.revision} data-status={revision.status}>
            <p>
              <strong>{r.revision(revision.revision)}</strong> · {r.statusLabel[revision.status]}
              {revision.submittedAt !== null &&
                ` · ${formatDateTime(revision.submittedAt)}${revision.submittedBy ? ` ${r.by} ${revision.submittedBy}` : ''}`}
            </p>
            {revision.correctionReason !== null && (
              <p>
                {r.correctionReason}: {revision.correctionReason}
              </p>
            )}
            <p class="prewrap">{revision.remedies || r.noRemedies}</p>
            {revision.notes && <p class="prewrap field__hint">{revision.notes}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
