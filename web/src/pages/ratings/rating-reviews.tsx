import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { isKeyOf } from '../../i18n.ts';
import { useI18n } from '../../lang.tsx';
import { useOfficials, type OfficialItem } from '../../officials.ts';
import { POINTS, SATISFACTIONS, type Point, type Satisfaction } from './paper-slip-form.ts';
import { asApiError, postJson } from './post-json.ts';

interface OfficialRef {
  id: string;
  code: string;
  name: string;
}

interface RatingValues {
  satisfaction: number;
  answers: Record<string, unknown>;
  comment: string | null;
}

/** A correction in `GET /api/v1/dossiers/:ref/ratings` (both versions and the decision). */
export interface RatingCorrection {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  corrected: RatingValues;
  reason: string;
  proposedBy: OfficialRef;
  proposedAt: string;
  decision: {
    decision: 'approved' | 'rejected';
    decidedBy: OfficialRef;
    reason: string | null;
    decidedAt: string;
  } | null;
}

/** An appeal by the rated official. */
export interface RatingAppeal {
  id: string;
  official: OfficialRef;
  reason: string;
  filedAt: string;
}

/** What this block needs of one rating of `GET /api/v1/dossiers/:ref/ratings`. */
export interface ReviewedRating extends RatingValues {
  id: string;
  channel: string;
  submittedAt: string;
  counted: string;
  corrections: RatingCorrection[];
  appeals: RatingAppeal[];
}

const INDICATORS = ['cs1', 'cs3', 'cs4', 'cs7'] as const;
type Indicator = (typeof INDICATORS)[number];

function pointOf(value: unknown): Point | null {
  return value === 0 || value === 1 || value === 2 ? value : null;
}

function sortedOfficials(officials: ReadonlyMap<string, OfficialItem> | null): OfficialItem[] {
  const collator = new Intl.Collator('vi');
  return [...(officials?.values() ?? [])].sort((a, b) => collator.compare(a.fullName, b.fullName));
}

/**
 * Sửa và khiếu nại đánh giá (issue 4 point 8), per rating: the original and every correction,
 * the version that counts clearly marked; "Đề nghị sửa" (one staff member), "Duyệt"/"Từ chối"
 * on a pending correction (another one), and the appeals of the rated officials. Nothing here
 * edits a rating: every action adds a record, then the list is reloaded.
 */
export function RatingReviews({
  ratings,
  onChanged,
}: {
  ratings: readonly ReviewedRating[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  const officials = useOfficials(ratings.length > 0);
  if (ratings.length === 0) return null;
  const list = sortedOfficials(officials);
  return (
    <div class="slip-block" data-testid="rating-reviews">
      <h3>{s.title}</h3>
      <p class="field__hint">{s.intro}</p>
      <p class="field__hint">{s.staffNote}</p>
      {ratings.map((rating) => (
        <RatingReview key={rating.id} rating={rating} officials={list} onChanged={onChanged} />
      ))}
    </div>
  );
}

function Values({ values }: { values: RatingValues }) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  const level = String(values.satisfaction);
  const answered = INDICATORS.flatMap((indicator) => {
    const point = pointOf(values.answers[indicator]);
    return point === null ? [] : [`${s.indicator[indicator]}: ${s.points(point)}`];
  });
  return (
    <>
      <p class="strong" data-testid="version-satisfaction">
        {isKeyOf(t.scores.satisfaction.levels, level) ? t.scores.satisfaction.levels[level] : level}
      </p>
      <p class="field__hint">
        {s.answers}: {answered.length === 0 ? s.noAnswers : answered.join('; ')}
      </p>
      {values.comment !== null && values.comment !== '' && (
        <p class="field__hint">
          {s.comment}: {values.comment}
        </p>
      )}
    </>
  );
}

function CountedFlag({ counted }: { counted: boolean }) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  return (
    <span class={`flag ${counted ? 'flag--ok' : 'flag--duplicate'}`} data-testid="version-flag">
      {counted ? s.counted : s.notCounted}
    </span>
  );
}

type Open = 'none' | 'propose' | 'appeal';

function RatingReview({
  rating,
  officials,
  onChanged,
}: {
  rating: ReviewedRating;
  officials: readonly OfficialItem[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  const [open, setOpen] = useState<Open>('none');
  const channel = isKeyOf(t.ratings.channels, rating.channel)
    ? t.ratings.channels[rating.channel]
    : rating.channel;
  const pending = rating.corrections.find((correction) => correction.status === 'pending');
  const headingId = `review-${rating.id}`;
  return (
    <section
      class="card"
      aria-labelledby={headingId}
      data-testid="rating-review"
      data-rating-id={rating.id}
      data-counted={rating.counted}
    >
      <h4 id={headingId}>{s.ratingHeading(channel, formatDateTime(rating.submittedAt))}</h4>
      {rating.counted === 'none' && <p class="field__hint">{s.duplicateNote}</p>}
      <ol class="timeline" data-testid="rating-versions">
        <li
          class="timeline__item"
          data-testid="rating-version"
          data-version="original"
          data-counted={String(rating.counted === 'original')}
        >
          <p>
            <span class="strong">{s.original}</span> <CountedFlag counted={rating.counted === 'original'} />
          </p>
          <Values values={rating} />
        </li>
        {rating.corrections.map((correction) => {
          const isCounted = rating.counted === `correction:${correction.id}`;
          return (
            <li
              key={correction.id}
              class="timeline__item"
              data-testid="rating-version"
              data-version={`correction:${correction.id}`}
              data-status={correction.status}
              data-counted={String(isCounted)}
            >
              <p>
                <span class="strong">{s.correction}</span>{' '}
                <span class="badge">{s.status[correction.status]}</span>{' '}
                {correction.status === 'approved' && <CountedFlag counted={isCounted} />}
              </p>
              <Values values={correction.corrected} />
              <p class="field__hint">
                {s.reason}: {correction.reason}
              </p>
              <p class="field__hint">
                {s.proposedBy(`${correction.proposedBy.name} (${correction.proposedBy.code})`)},{' '}
                {formatDateTime(correction.proposedAt)}
              </p>
              {correction.decision !== null && (
                <p class="field__hint">
                  {s.decidedBy(
                    `${correction.decision.decidedBy.name} (${correction.decision.decidedBy.code})`,
                  )}
                  , {formatDateTime(correction.decision.decidedAt)}
                  {correction.decision.reason !== null && ` — ${correction.decision.reason}`}
                </p>
              )}
              {correction.status === 'pending' && (
                <DecisionForm correction={correction} officials={officials} onChanged={onChanged} />
              )}
            </li>
          );
        })}
      </ol>
      {rating.appeals.length > 0 && (
        <div data-testid="rating-appeals">
          <h5>{s.appeals}</h5>
          <ul>
            {rating.appeals.map((appeal) => (
              <li key={appeal.id} data-testid="rating-appeal">
                {s.appealBy(`${appeal.official.name} (${appeal.official.code})`)},{' '}
                {formatDateTime(appeal.filedAt)}: {appeal.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="filters__actions">
        {pending === undefined && (
          <button
            type="button"
            class="button button--secondary"
            aria-expanded={open === 'propose'}
            onClick={() => setOpen(open === 'propose' ? 'none' : 'propose')}
          >
            {s.propose}
          </button>
        )}
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={open === 'appeal'}
          onClick={() => setOpen(open === 'appeal' ? 'none' : 'appeal')}
        >
          {s.appeal}
        </button>
      </div>
      {open === 'propose' && pending === undefined && (
        <ProposeForm
          rating={rating}
          officials={officials}
          onCancel={() => setOpen('none')}
          onChanged={onChanged}
        />
      )}
      {open === 'appeal' && (
        <AppealForm
          rating={rating}
          officials={officials}
          onCancel={() => setOpen('none')}
          onChanged={onChanged}
        />
      )}
    </section>
  );
}

function OfficialSelect({
  id,
  label,
  value,
  officials,
  invalid,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  officials: readonly OfficialItem[];
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{s.chooseOfficial}</option>
        {officials.map((official) => (
          <option key={official.id} value={official.id}>
            {official.fullName} ({official.code})
          </option>
        ))}
      </select>
      {invalid && (
        <p class="field__error" id={`${id}-error`}>
          {s.officialRequired}
        </p>
      )}
    </div>
  );
}

function ReasonField({
  id,
  label,
  value,
  invalid,
  onInput,
}: {
  id: string;
  label: string;
  value: string;
  invalid: boolean;
  onInput: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={2000}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {invalid && (
        <p class="field__error" id={`${id}-error`}>
          {t.ratings.corrections.reasonRequired}
        </p>
      )}
    </div>
  );
}

/** Sends a POST, reports a failure in place, reloads the list on success. */
function useSend(onChanged: () => void) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const send = (path: string, body: unknown) => {
    if (sending) return;
    setSending(true);
    setError(null);
    postJson(path, body).then(
      () => {
        setSending(false);
        onChanged();
      },
      (failure: unknown) => {
        setSending(false);
        setError(asApiError(failure));
      },
    );
  };
  return { sending, error, send };
}

function ProposeForm({
  rating,
  officials,
  onCancel,
  onChanged,
}: {
  rating: ReviewedRating;
  officials: readonly OfficialItem[];
  onCancel: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  const [satisfaction, setSatisfaction] = useState<Satisfaction>(
    SATISFACTIONS.find((level) => level === rating.satisfaction) ?? 3,
  );
  const [answers, setAnswers] = useState<Record<Indicator, Point | null>>(() => ({
    cs1: pointOf(rating.answers.cs1),
    cs3: pointOf(rating.answers.cs3),
    cs4: pointOf(rating.answers.cs4),
    cs7: pointOf(rating.answers.cs7),
  }));
  const [comment, setComment] = useState(rating.comment ?? '');
  const [reason, setReason] = useState('');
  const [proposer, setProposer] = useState('');
  const [checked, setChecked] = useState(false);
  const { sending, error, send } = useSend(onChanged);
  const prefix = `propose-${rating.id}`;
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (reason.trim() === '' || proposer === '') return;
    const given = Object.fromEntries(
      INDICATORS.flatMap((key) => (answers[key] === null ? [] : [[key, answers[key]]])),
    );
    send(`/api/v1/ratings/${encodeURIComponent(rating.id)}/corrections`, {
      satisfaction,
      answers: given,
      ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      reason: reason.trim(),
      proposedByOfficialId: proposer,
    });
  };
  return (
    <form
      class="slip__meta"
      onSubmit={submit}
      noValidate
      data-testid="propose-form"
      aria-label={s.proposeTitle}
    >
      <div class="field">
        <label for={`${prefix}-satisfaction`}>{s.satisfaction}</label>
        <select
          id={`${prefix}-satisfaction`}
          value={String(satisfaction)}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            setSatisfaction(SATISFACTIONS.find((level) => level === value) ?? 3);
          }}
        >
          {SATISFACTIONS.map((level) => (
            <option key={level} value={String(level)}>
              {t.scores.satisfaction.levels[String(level) as '5' | '4' | '3' | '2' | '1']}
            </option>
          ))}
        </select>
      </div>
      {INDICATORS.map((indicator) => (
        <div class="field" key={indicator}>
          <label for={`${prefix}-${indicator}`}>{s.indicator[indicator]}</label>
          <select
            id={`${prefix}-${indicator}`}
            value={answers[indicator] === null ? '' : String(answers[indicator])}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setAnswers((current) => ({
                ...current,
                [indicator]: value === '' ? null : pointOf(Number(value)),
              }));
            }}
          >
            <option value="">{s.blank}</option>
            {POINTS.map((point) => (
              <option key={point} value={String(point)}>
                {s.points(point)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="field">
        <label for={`${prefix}-comment`}>{s.comment}</label>
        <textarea
          id={`${prefix}-comment`}
          rows={2}
          maxLength={1000}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
      </div>
      <ReasonField
        id={`${prefix}-reason`}
        label={s.reason}
        value={reason}
        invalid={checked && reason.trim() === ''}
        onInput={setReason}
      />
      <OfficialSelect
        id={`${prefix}-proposer`}
        label={s.proposer}
        value={proposer}
        officials={officials}
        invalid={checked && proposer === ''}
        onChange={setProposer}
      />
      {error !== null && <ErrorAlert error={error} />}
      <div class="filters__actions">
        <button type="submit" class="button button--primary" aria-disabled={sending || undefined}>
          {sending ? s.sending : s.submitPropose}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}

function DecisionForm({
  correction,
  officials,
  onChanged,
}: {
  correction: RatingCorrection;
  officials: readonly OfficialItem[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  const [approver, setApprover] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const { sending, error, send } = useSend(onChanged);
  const prefix = `decide-${correction.id}`;
  const decide = (decision: 'approved' | 'rejected') => {
    setChecked(true);
    if (approver === '') return;
    send(`/api/v1/rating-corrections/${encodeURIComponent(correction.id)}/decision`, {
      decision,
      decidedByOfficialId: approver,
      ...(note.trim() === '' ? {} : { reason: note.trim() }),
    });
  };
  return (
    <form
      class="slip__meta"
      onSubmit={(event) => {
        event.preventDefault();
        decide('approved');
      }}
      noValidate
      data-testid="decision-form"
    >
      <OfficialSelect
        id={`${prefix}-approver`}
        label={s.approver}
        value={approver}
        officials={officials}
        invalid={checked && approver === ''}
        onChange={setApprover}
      />
      <div class="field">
        <label for={`${prefix}-note`}>{s.decisionReason}</label>
        <input
          id={`${prefix}-note`}
          type="text"
          maxLength={2000}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <div class="filters__actions">
        <button type="submit" class="button button--primary" aria-disabled={sending || undefined}>
          {s.approve}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={sending || undefined}
          onClick={() => decide('rejected')}
        >
          {s.reject}
        </button>
      </div>
    </form>
  );
}

function AppealForm({
  rating,
  officials,
  onCancel,
  onChanged,
}: {
  rating: ReviewedRating;
  officials: readonly OfficialItem[];
  onCancel: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const s = t.ratings.corrections;
  const [official, setOfficial] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const { sending, error, send } = useSend(onChanged);
  const prefix = `appeal-${rating.id}`;
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (reason.trim() === '' || official === '') return;
    send(`/api/v1/ratings/${encodeURIComponent(rating.id)}/appeals`, {
      officialId: official,
      reason: reason.trim(),
    });
  };
  return (
    <form class="slip__meta" onSubmit={submit} noValidate data-testid="appeal-form" aria-label={s.appeal}>
      <OfficialSelect
        id={`${prefix}-official`}
        label={s.appellant}
        value={official}
        officials={officials}
        invalid={checked && official === ''}
        onChange={setOfficial}
      />
      <ReasonField
        id={`${prefix}-reason`}
        label={s.reason}
        value={reason}
        invalid={checked && reason.trim() === ''}
        onInput={setReason}
      />
      {error !== null && <ErrorAlert error={error} />}
      <div class="filters__actions">
        <button type="submit" class="button button--primary" aria-disabled={sending || undefined}>
          {sending ? s.sending : s.submitAppeal}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
