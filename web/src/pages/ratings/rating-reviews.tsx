import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { isKeyOf } from '../../i18n.ts';
import { useI18n } from '../../lang.tsx';
import { useSession } from '../auth/session.tsx';
import { POINTS, SATISFACTIONS, type Point, type Satisfaction } from './paper-slip-form.ts';
import { asApiError, postJson } from './post-json.ts';
import { RATINGS_TEXT, staffLabel, type StaffRef } from './ratings-text.ts';

interface OfficialRef {
  id: string;
  code: string;
  name: string;
}

/** The signed-in staff member (who every form here acts as) and what the policy lets them do. */
interface Acting {
  name: string;
  can: (action: 'rating.correct.propose' | 'rating.correct.decide' | 'rating.appeal') => boolean;
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
  proposedBy: StaffRef;
  proposedAt: string;
  decision: {
    decision: 'approved' | 'rejected';
    decidedBy: StaffRef;
    reason: string | null;
    decidedAt: string;
  } | null;
}

/** An appeal by the rated official. */
export interface RatingAppeal {
  id: string;
  official: OfficialRef;
  /** The account that filed it (null on appeals from before staff accounts). */
  filedBy: StaffRef | null;
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

/** The session as the forms need it; null before the session is known or when signed out. */
function useActing(): Acting | null {
  const { session } = useSession();
  if (session === null || !session.signedIn) return null;
  // Older session answers carry no `actions`: show every form, the server still decides.
  const actions: readonly string[] | undefined = session.actions;
  return {
    name: session.user.displayName,
    can: (action) => actions === undefined || actions.includes(action),
  };
}

/**
 * Sửa và khiếu nại đánh giá (issue 4 point 8), per rating: the original and every correction,
 * the version that counts clearly marked; "Đề nghị sửa" (one staff member), "Duyệt"/"Từ chối"
 * on a pending correction (another one), and the appeals of the rated officials. Nothing here
 * edits a rating: every action adds a record, then the list is reloaded. Every action is the
 * signed-in staff member's: the forms show who that is and offer what their roles allow.
 */
export function RatingReviews({
  ratings,
  onChanged,
}: {
  ratings: readonly ReviewedRating[];
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const s = t.ratings.corrections;
  const acting = useActing();
  if (ratings.length === 0) return null;
  return (
    <div class="slip-block" data-testid="rating-reviews">
      <h3>{s.title}</h3>
      <p class="field__hint">{s.intro}</p>
      <p class="field__hint">{RATINGS_TEXT[lang].actingNote}</p>
      {ratings.map((rating) => (
        <RatingReview key={rating.id} rating={rating} acting={acting} onChanged={onChanged} />
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
  acting,
  onChanged,
}: {
  rating: ReviewedRating;
  acting: Acting | null;
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
                {s.proposedBy(staffLabel(correction.proposedBy))}, {formatDateTime(correction.proposedAt)}
              </p>
              {correction.decision !== null && (
                <p class="field__hint">
                  {s.decidedBy(staffLabel(correction.decision.decidedBy))},{' '}
                  {formatDateTime(correction.decision.decidedAt)}
                  {correction.decision.reason !== null && ` — ${correction.decision.reason}`}
                </p>
              )}
              {correction.status === 'pending' && acting !== null && acting.can('rating.correct.decide') && (
                <DecisionForm correction={correction} acting={acting} onChanged={onChanged} />
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
                {s.appealBy(
                  appeal.filedBy === null
                    ? `${appeal.official.name} (${appeal.official.code})`
                    : staffLabel(appeal.filedBy),
                )}
                , {formatDateTime(appeal.filedAt)}: {appeal.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="filters__actions">
        {pending === undefined && acting !== null && acting.can('rating.correct.propose') && (
          <button
            type="button"
            class="button button--secondary"
            aria-expanded={open === 'propose'}
            onClick={() => setOpen(open === 'propose' ? 'none' : 'propose')}
          >
            {s.propose}
          </button>
        )}
        {acting !== null && acting.can('rating.appeal') && (
          <button
            type="button"
            class="button button--secondary"
            aria-expanded={open === 'appeal'}
            onClick={() => setOpen(open === 'appeal' ? 'none' : 'appeal')}
          >
            {s.appeal}
          </button>
        )}
      </div>
      {open === 'propose' && pending === undefined && acting !== null && (
        <ProposeForm rating={rating} acting={acting} onCancel={() => setOpen('none')} onChanged={onChanged} />
      )}
      {open === 'appeal' && acting !== null && (
        <AppealForm rating={rating} acting={acting} onCancel={() => setOpen('none')} onChanged={onChanged} />
      )}
    </section>
  );
}

/** Who the form acts as: the signed-in staff member, shown instead of asked. */
function ActingAs({ text }: { text: string }) {
  return (
    <p class="field__hint strong" data-testid="acting-as">
      {text}
    </p>
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
  acting,
  onCancel,
  onChanged,
}: {
  rating: ReviewedRating;
  acting: Acting;
  onCancel: () => void;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
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
  const [checked, setChecked] = useState(false);
  const { sending, error, send } = useSend(onChanged);
  const prefix = `propose-${rating.id}`;
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (reason.trim() === '') return;
    const given = Object.fromEntries(
      INDICATORS.flatMap((key) => (answers[key] === null ? [] : [[key, answers[key]]])),
    );
    send(`/api/v1/ratings/${encodeURIComponent(rating.id)}/corrections`, {
      satisfaction,
      answers: given,
      ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      reason: reason.trim(),
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
      <ActingAs text={RATINGS_TEXT[lang].proposer(acting.name)} />
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
  acting,
  onChanged,
}: {
  correction: RatingCorrection;
  acting: Acting;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const s = t.ratings.corrections;
  const [note, setNote] = useState('');
  const { sending, error, send } = useSend(onChanged);
  const prefix = `decide-${correction.id}`;
  // The server refuses the proposer (CORRECTION_SAME_PERSON) and says why, in place.
  const decide = (decision: 'approved' | 'rejected') => {
    send(`/api/v1/rating-corrections/${encodeURIComponent(correction.id)}/decision`, {
      decision,
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
      <ActingAs text={RATINGS_TEXT[lang].approver(acting.name)} />
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
  acting,
  onCancel,
  onChanged,
}: {
  rating: ReviewedRating;
  acting: Acting;
  onCancel: () => void;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const s = t.ratings.corrections;
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const { sending, error, send } = useSend(onChanged);
  const prefix = `appeal-${rating.id}`;
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (reason.trim() === '') return;
    send(`/api/v1/ratings/${encodeURIComponent(rating.id)}/appeals`, { reason: reason.trim() });
  };
  return (
    <form class="slip__meta" onSubmit={submit} noValidate data-testid="appeal-form" aria-label={s.appeal}>
      <ActingAs text={RATINGS_TEXT[lang].appellant(acting.name)} />
      <p class="field__hint">{RATINGS_TEXT[lang].appealHint}</p>
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
