import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { AuditEntryPage, AuditVerificationView, CheckpointSummaryView } from '#shared/audit.view.ts';
import { useApi, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { navigate } from '../../router.tsx';
import { asApiError, postJson } from '../ratings/post-json.ts';
import { AUDIT_TEXT } from './audit-text.ts';

export const AUDIT_PATH = '/kiem-toan';
const SYSTEM_CHAIN = '00000000-0000-0000-0000-000000000000';

/** Nhật ký kiểm toán (issue 5): the log with filters, the signed checkpoints, the last verification. */
export function AuditLogPage({ search }: { search: string }) {
  const { lang } = useI18n();
  const s = AUDIT_TEXT[lang];
  useDocumentTitle(s.title);
  const params = new URLSearchParams(search);
  const query = new URLSearchParams({ limit: '50' });
  for (const name of ['action', 'actor', 'agencyId']) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const entries = useApi<AuditEntryPage>(`/api/v1/audit/entries?${query.toString()}`);
  const checkpoints = useApi<{ checkpoints: CheckpointSummaryView[] }>('/api/v1/audit/checkpoints');
  const last = useApi<{ verification: AuditVerificationView | null }>('/api/v1/audit/verification');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const verifyNow = async () => {
    setBusy(true);
    setError(null);
    try {
      // postJson keeps the server's error code (FORBIDDEN for a role that may read but not verify).
      await postJson('/api/v1/audit/verify');
      last.retry();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const filter = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['action', 'actor']) {
      const value = data.get(name);
      if (typeof value === 'string' && value.trim() !== '') next.set(name, value.trim());
    }
    navigate(`${AUDIT_PATH}?${next.toString()}`);
  };

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {s.title}
      </h1>
      <p>{s.intro}</p>

      <section aria-labelledby="audit-verification">
        <h2 id="audit-verification">{s.lastVerification}</h2>
        {last.state.status === 'ready' &&
          (last.state.data.verification === null ? (
            <p>{s.none}</p>
          ) : (
            <div role="status" data-ok={String(last.state.data.verification.ok)}>
              <p>
                <strong>{last.state.data.verification.ok ? s.ok : s.failed}</strong> —{' '}
                {formatDateTime(last.state.data.verification.finishedAt)} ·{' '}
                {s.total(last.state.data.verification.entries)}
              </p>
              <ul>
                {last.state.data.verification.findings.slice(0, 100).map((finding, index) => (
                  <li key={index}>
                    <code>{finding.kind}</code> {finding.table ?? finding.agencyId} {finding.key ?? ''}{' '}
                    {finding.seq ?? ''}: {finding.message}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        {last.state.status === 'error' && <ErrorAlert error={last.state.error} onRetry={last.retry} />}
        <button type="button" onClick={() => void verifyNow()} disabled={busy}>
          {busy ? s.verifying : s.verifyNow}
        </button>
        {error && <ErrorAlert error={error} />}
      </section>

      <section aria-labelledby="audit-checkpoints">
        <h2 id="audit-checkpoints">{s.checkpoints}</h2>
        {checkpoints.state.status === 'ready' && (
          <ul>
            {checkpoints.state.data.checkpoints.slice(0, 20).map((checkpoint) => (
              <li key={checkpoint.id}>
                {formatDateTime(checkpoint.createdAt)} · {s.total(checkpoint.entries)} ·{' '}
                <a href={`/api/v1/audit/checkpoints/${checkpoint.id}`} download>
                  {s.download}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="audit-entries">
        <h2 id="audit-entries">{s.entries}</h2>
        <form onSubmit={filter} class="filters">
          <label>
            {s.filterAction} <input name="action" defaultValue={params.get('action') ?? ''} />
          </label>
          <label>
            {s.filterActor} <input name="actor" defaultValue={params.get('actor') ?? ''} />
          </label>
          <button type="submit">{s.filter}</button>
        </form>
        {entries.state.status === 'error' && (
          <ErrorAlert error={entries.state.error} onRetry={entries.retry} />
        )}
        {entries.state.status === 'ready' && (
          <>
            <p>{s.total(entries.state.data.total)}</p>
            <table>
              <thead>
                <tr>
                  <th>{s.at}</th>
                  <th>{s.chain}</th>
                  <th>{s.action}</th>
                  <th>{s.actor}</th>
                  <th>{s.target}</th>
                </tr>
              </thead>
              <tbody>
                {entries.state.data.entries.map((entry) => (
                  <tr key={`${entry.agencyId}-${entry.seq}`}>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>
                      {entry.agencyId === SYSTEM_CHAIN ? s.system : (entry.agencyName ?? entry.agencyId)} #
                      {entry.seq}
                    </td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      {entry.actor.kind}
                      {entry.actor.name ? `: ${entry.actor.name}` : ''}
                    </td>
                    <td>
                      {entry.target.table} <code>{entry.target.key}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
