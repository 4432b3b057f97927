import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { DossierDetail } from '#shared/dossier.view.ts';
import { useAgencies } from '../agencies.ts';
import { isTransient, useApi } from '../api.ts';
import { StatusBadge, TimelinessBadge } from '../components/badges.tsx';
import { ErrorAlert, Loading } from '../components/feedback.tsx';
import { formatDate, formatDateTime, formatTime, formatVnd } from '../format.ts';
import { eventLabel, isKeyOf, timeLimitLabel, type Lang, type Messages } from '../i18n.ts';
import { useDocumentTitle, useI18n } from '../lang.tsx';
import { Link } from '../router.tsx';
import { lastDossierListHref } from './dossier-list.tsx';
import { InviteRatingSection } from './devices/invite-rating.tsx';
import { DossierRatingsSection } from './ratings/dossier-ratings.tsx';
import { DossierScoreSection } from './scores/dossier-score.tsx';

type DossierEvent = DossierDetail['events'][number];
type DossierStep = DossierDetail['steps'][number];

/** Chi tiết hồ sơ: the dossier, its due dates with their legal reasoning, timeline, steps and supplements. */
export function DossierDetailPage({ dossierRef }: { dossierRef: string }) {
  const { t } = useI18n();
  const { state, retry } = useApi<DossierDetail>(`/api/v1/dossiers/${encodeURIComponent(dossierRef)}`);
  const dossier = state.status === 'ready' ? state.data : null;
  useDocumentTitle(dossier ? `${t.detail.codePrefix} ${dossier.code}` : t.detail.title);

  return (
    <div class="detail" data-testid="dossier-detail" data-state={state.status}>
      <p class="back">
        <Link href={lastDossierListHref()}>‹ {t.detail.back}</Link>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {dossier ? (
          <>
            <span class="eyebrow">{t.detail.codePrefix}</span>
            <span class="code" data-testid="dossier-code">
              {dossier.code}
            </span>
          </>
        ) : (
          t.detail.title
        )}
      </h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' &&
        (state.error.status === 404 ? (
          <div class="alert alert--error" role="alert" data-code={state.error.code}>
            <p class="alert__title">{t.detail.notFound}</p>
            <p>
              <Link href="/ho-so">{t.notFoundPage.back}</Link>
            </p>
          </div>
        ) : (
          <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
        ))}
      {dossier && <DossierView dossier={dossier} />}
    </div>
  );
}

function Fact({ label, children, testId }: { label: string; children: ComponentChildren; testId?: string }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function official(person: { code: string; name: string } | null, t: Messages): string {
  return person ? `${person.name} (${person.code})` : t.none;
}

function DossierView({ dossier }: { dossier: DossierDetail }) {
  const { t } = useI18n();
  const d = t.detail;
  const isHours = dossier.procedure.timeLimit.unit === 'hours';
  const isOpen = dossier.openTimeliness !== null;
  return (
    <>
      <div class="detail__badges">
        <StatusBadge status={dossier.status} />
        {/* A refused or stopped dossier has no timeliness: nothing to show next to its status. */}
        {(dossier.timeliness ?? dossier.openTimeliness) !== null && (
          <TimelinessBadge value={dossier.timeliness ?? dossier.openTimeliness} />
        )}
      </div>

      <div class="detail__grid">
        <section class="card" aria-labelledby="general-title">
          <h2 id="general-title">{d.general}</h2>
          <dl class="facts">
            <Fact label={d.procedure}>
              {dossier.procedure.name}
              <span class="cell__sub">{dossier.procedure.code}</span>
            </Fact>
            <Fact label={d.sector}>{dossier.procedure.sector}</Fact>
            <Fact label={d.timeLimit} testId="time-limit">
              {timeLimitLabel(t, dossier.procedure.timeLimit)}
            </Fact>
            <Fact label={d.agency}>{dossier.agency.name}</Fact>
            <Fact label={d.channel}>{t.channel[dossier.channel]}</Fact>
            <Fact label={d.receivedAt}>
              <time dateTime={dossier.receivedAt}>{formatDateTime(dossier.receivedAt)}</time>
            </Fact>
            <Fact label={d.receivingOfficial}>{official(dossier.receivingOfficial, t)}</Fact>
            <Fact label={d.paidOnline}>{dossier.isPaidOnline ? t.yes : t.no}</Fact>
            <Fact label={d.digitised}>{dossier.digitisedComponents}</Fact>
            <Fact label={d.electronicResult}>{dossier.hasElectronicResult ? t.yes : t.no}</Fact>
          </dl>
        </section>

        <section class="card" aria-labelledby="due-title">
          <h2 id="due-title">{d.dueDates}</h2>
          <dl class="facts">
            <Fact label={d.dueInitial} testId="due-initial">
              <time dateTime={dossier.dueInitialDate}>{formatDate(dossier.dueInitialDate)}</time>
            </Fact>
            <Fact label={d.dueLegal}>
              <time dateTime={dossier.dueDate} data-testid="due-legal" class="strong">
                {formatDate(dossier.dueDate)}
              </time>
              {isHours && <> {d.at(formatTime(dossier.dueLegalAt))}</>}
              <span class="cell__sub">{d.dueLegalHint}</span>
            </Fact>
            {dossier.dueRescheduledDate !== null && (
              <Fact label={d.dueRescheduled} testId="due-rescheduled">
                <time dateTime={dossier.dueRescheduledDate}>{formatDate(dossier.dueRescheduledDate)}</time>
                {dossier.isApologyLate && (
                  <span class="flag" title={d.apologyLateHint} data-testid="apology-late">
                    {d.apologyLate}
                  </span>
                )}
              </Fact>
            )}
            {!isOpen && (
              <Fact label={d.timelinessLegal} testId="timeliness-legal">
                <TimelinessBadge value={dossier.timeliness} />
              </Fact>
            )}
            {!isOpen && dossier.dueRescheduledDate !== null && (
              <Fact label={d.timelinessRescheduled} testId="timeliness-rescheduled">
                <TimelinessBadge value={dossier.timelinessRescheduled} />
              </Fact>
            )}
            {isOpen && (
              <Fact label={d.openTimeliness} testId="timeliness-open">
                <TimelinessBadge value={dossier.openTimeliness} />
              </Fact>
            )}
            {dossier.finishedAt !== null && (
              <Fact label={d.finishedAt}>
                <time dateTime={dossier.finishedAt}>{formatDateTime(dossier.finishedAt)}</time>
              </Fact>
            )}
            {dossier.returnedAt !== null && (
              <Fact label={d.returnedAt}>
                <time dateTime={dossier.returnedAt}>{formatDateTime(dossier.returnedAt)}</time>
              </Fact>
            )}
          </dl>
          {dossier.dueExplanation.length > 0 && (
            <div class="explanation">
              <h3>{d.explanation}</h3>
              {/* The engine writes these sentences in Vietnamese, with the articles it applied. */}
              <ul lang="vi" aria-describedby="explanation-note" data-testid="due-explanation">
                {dossier.dueExplanation.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
              <p class="field__hint" id="explanation-note">
                {d.explanationNote}
              </p>
            </div>
          )}
        </section>
      </div>

      <Timeline dossier={dossier} />
      <Steps steps={dossier.steps} />
      <Supplements supplements={dossier.supplements} />
      <InviteRatingSection
        dossierId={dossier.id}
        rateable={
          dossier.status === 'finished' || dossier.status === 'returned' || dossier.status === 'refused'
        }
      />
      <DossierRatingsSection dossierId={dossier.id} />
      <DossierScoreSection dossierId={dossier.id} />
    </>
  );
}

function text(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' ? value : null;
}

function count(details: Record<string, unknown>, key: string): number | null {
  const value = details[key];
  return typeof value === 'number' ? value : null;
}

function allotted(details: Record<string, unknown>): { value: number; unit: string } | null {
  const value = details.allotted;
  if (typeof value !== 'object' || value === null) return null;
  const limit: Record<string, unknown> = { ...value };
  return typeof limit.value === 'number' && typeof limit.unit === 'string'
    ? { value: limit.value, unit: limit.unit }
    : null;
}

interface DetailContext {
  t: Messages;
  lang: Lang;
  agencyName: (id: string | null) => string | null;
  stepUnit: (stepId: string | null) => string | null;
}

/** The few facts of an event worth showing in the timeline, as [label, value] pairs. */
function eventFacts(event: DossierEvent, ctx: DetailContext): Array<[string, string]> {
  const { t, lang } = ctx;
  const l = t.detail.details;
  const d = event.details;
  const facts: Array<[string, string | null]> = [];
  switch (event.type) {
    case 'received': {
      const channel = text(d, 'channel');
      facts.push([l.channel, channel !== null && isKeyOf(t.channel, channel) ? t.channel[channel] : channel]);
      break;
    }
    case 'forwarded':
      facts.push([l.toAgency, ctx.agencyName(text(d, 'toAgencyId'))]);
      break;
    case 'step_received': {
      const limit = allotted(d);
      facts.push([l.unit, ctx.stepUnit(text(d, 'stepId')) ?? ctx.agencyName(text(d, 'unitAgencyId'))]);
      facts.push([l.allotted, limit ? timeLimitLabel(t, limit) : null]);
      break;
    }
    case 'step_handed_over':
      facts.push([l.unit, ctx.stepUnit(text(d, 'stepId'))]);
      break;
    case 'supplement_requested': {
      const stage = text(d, 'stage');
      facts.push([l.reason, text(d, 'reason')]);
      facts.push([l.stage, stage !== null && isKeyOf(t.stage, stage) ? t.stage[stage] : stage]);
      facts.push([
        l.applicantAtFault,
        typeof d.applicantAtFault === 'boolean' ? (d.applicantAtFault ? t.yes : t.no) : null,
      ]);
      break;
    }
    case 'refused':
      facts.push([l.reason, text(d, 'reason')]);
      break;
    case 'stopped': {
      const kind = text(d, 'kind');
      facts.push([l.kind, kind !== null && isKeyOf(t.stopKind, kind) ? t.stopKind[kind] : kind]);
      facts.push([l.reason, text(d, 'reason')]);
      break;
    }
    case 'apology_issued': {
      const newDueDate = text(d, 'newDueDate');
      facts.push([l.newDueDate, newDueDate === null ? null : formatDate(newDueDate)]);
      facts.push([l.reason, text(d, 'reason')]);
      break;
    }
    case 'paid_online': {
      const amount = count(d, 'amount');
      facts.push([l.amount, amount === null || amount === 0 ? null : formatVnd(amount, lang)]);
      break;
    }
    case 'digitised': {
      const components = count(d, 'components');
      facts.push([l.components, components === null ? null : String(components)]);
      break;
    }
    default:
      break;
  }
  if (event.official) facts.push([t.detail.official, official(event.official, t)]);
  if (event.source !== 'api' && isKeyOf(t.source, event.source))
    facts.push([l.source, t.source[event.source]]);
  return facts.flatMap(([label, value]) =>
    value === null || value === '' ? [] : [[label, value] satisfies [string, string]],
  );
}

function Timeline({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  const agencies = useAgencies();
  const ctx = useMemo<DetailContext>(() => {
    const names = new Map(agencies.status === 'ready' ? agencies.data.map((a) => [a.id, a.name]) : []);
    const units = new Map(dossier.steps.map((step) => [step.stepId, step.unit.name]));
    return {
      t,
      lang,
      agencyName: (id) => (id === null ? null : (names.get(id) ?? null)),
      stepUnit: (stepId) => (stepId === null ? null : (units.get(stepId) ?? null)),
    };
  }, [agencies, dossier, t, lang]);
  const events = [...dossier.events].sort((a, b) => a.seq - b.seq);
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.detail.timeline}</h2>
      {events.length === 0 ? (
        <p class="empty">{t.detail.timelineEmpty}</p>
      ) : (
        // role="list": Safari drops list semantics when list-style is none.
        <ol class="timeline" role="list" data-testid="timeline">
          {events.map((event) => {
            const facts = eventFacts(event, ctx);
            return (
              <li
                key={event.id}
                class={`timeline__item timeline__item--${event.type}`}
                data-testid="timeline-event"
                data-type={event.type}
                data-seq={event.seq}
              >
                <p class="timeline__head">
                  <span class="timeline__label" data-testid="timeline-label">
                    {eventLabel(t, event.type)}
                  </span>
                  <time dateTime={event.occurredAt} data-testid="timeline-time">
                    {formatDateTime(event.occurredAt)}
                  </time>
                </p>
                {facts.length > 0 && (
                  <dl class="timeline__facts">
                    {facts.map(([label, value]) => (
                      <div key={label}>
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Steps({ steps }: { steps: readonly DossierStep[] }) {
  const { t } = useI18n();
  const c = t.detail.stepColumns;
  return (
    <section class="card" aria-labelledby="steps-title">
      <h2 id="steps-title">{t.detail.steps}</h2>
      {steps.length === 0 ? (
        <p class="empty">{t.detail.stepsEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table class="table table--cards" data-testid="steps">
            <thead>
              <tr>
                <th scope="col">{c.seq}</th>
                <th scope="col">{c.unit}</th>
                <th scope="col">{c.official}</th>
                <th scope="col">{c.allotted}</th>
                <th scope="col">{c.received}</th>
                <th scope="col">{c.due}</th>
                <th scope="col">{c.handedOver}</th>
                <th scope="col">{c.timeliness}</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => (
                <tr key={step.stepId} data-testid="step-row" data-seq={step.seq}>
                  <td data-label={c.seq}>{step.seq}</td>
                  <th scope="row" data-label={c.unit}>
                    {step.unit.name}
                  </th>
                  <td data-label={c.official}>{official(step.official, t)}</td>
                  <td data-label={c.allotted}>{timeLimitLabel(t, step.allotted)}</td>
                  <td data-label={c.received}>
                    <time dateTime={step.receivedAt}>{formatDateTime(step.receivedAt)}</time>
                  </td>
                  <td data-label={c.due}>
                    <time dateTime={step.dueAt}>
                      {step.allotted.unit === 'hours' ? formatDateTime(step.dueAt) : formatDate(step.dueDate)}
                    </time>
                  </td>
                  <td data-label={c.handedOver}>
                    {step.handedOverAt === null ? (
                      <span class="muted">{t.detail.notHandedOver}</span>
                    ) : (
                      <time dateTime={step.handedOverAt}>{formatDateTime(step.handedOverAt)}</time>
                    )}
                  </td>
                  <td data-label={c.timeliness}>
                    <TimelinessBadge value={step.timeliness ?? step.openTimeliness} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Supplements({ supplements }: { supplements: DossierDetail['supplements'] }) {
  const { t } = useI18n();
  const c = t.detail.supplementColumns;
  return (
    <section class="card" aria-labelledby="supplements-title">
      <h2 id="supplements-title">{t.detail.supplements}</h2>
      {supplements.length === 0 ? (
        <p class="empty">{t.detail.supplementsEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table class="table table--cards" data-testid="supplements">
            <thead>
              <tr>
                <th scope="col">{c.seq}</th>
                <th scope="col">{c.requested}</th>
                <th scope="col">{c.stage}</th>
                <th scope="col">{c.reason}</th>
                <th scope="col">{c.applicantAtFault}</th>
                <th scope="col">{c.completed}</th>
              </tr>
            </thead>
            <tbody>
              {supplements.map((episode) => (
                <tr key={episode.seq} data-testid="supplement-row">
                  <td data-label={c.seq}>{episode.seq}</td>
                  <td data-label={c.requested}>
                    <time dateTime={episode.requestedAt}>{formatDateTime(episode.requestedAt)}</time>
                  </td>
                  <td data-label={c.stage}>
                    {isKeyOf(t.stage, episode.stage) ? t.stage[episode.stage] : episode.stage}
                  </td>
                  <td data-label={c.reason}>{episode.reason}</td>
                  <td data-label={c.applicantAtFault}>{episode.applicantAtFault ? t.yes : t.no}</td>
                  <td data-label={c.completed}>
                    {episode.completedAt === null ? (
                      <span class="muted">{t.detail.notCompleted}</span>
                    ) : (
                      <time dateTime={episode.completedAt}>{formatDateTime(episode.completedAt)}</time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
