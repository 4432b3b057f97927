import { useState } from 'preact/hooks';
import { isTransient, useApi, type ApiError } from '../../api.ts';
import { ErrorAlert, Loading } from '../../components/feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { isKeyOf } from '../../i18n.ts';
import { useI18n } from '../../lang.tsx';
import { useCan } from '../auth/session.tsx';
import { asApiError, postJson } from './post-json.ts';
import { RatingReviews, type ReviewedRating } from './rating-reviews.tsx';
import { staffLabel, type StaffRef } from './ratings-text.ts';

/** One rating of `GET /api/v1/dossiers/:ref/ratings` (no personal data). */
interface DossierRating extends ReviewedRating {
  id: string;
  channel: string;
  satisfaction: number;
  answers: Record<string, unknown>;
  comment: string | null;
  submittedAt: string;
  counts: boolean;
  /** Paper slips: the account that keyed it in (and its official when linked). */
  keyedBy: StaffRef | null;
}

/** `POST /api/v1/dossiers/:ref/rating-token` */
interface RatingToken {
  token: string;
  url: string;
  verificationCode: string;
  dossierCode: string;
}

/**
 * Đánh giá của người dân on the dossier page: every rating (the one that counts and the logged
 * duplicates), their corrections and appeals (rating-reviews.tsx), then the evaluation slip: its rating code on request and the printable PDF.
 */
export function DossierRatingsSection({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const s = t.ratings.section;
  const { state, retry } = useApi<DossierRating[]>(
    `/api/v1/dossiers/${encodeURIComponent(dossierId)}/ratings`,
  );
  return (
    <section
      class="card"
      aria-labelledby="ratings-title"
      data-testid="dossier-ratings"
      data-state={state.status}
    >
      <h2 id="ratings-title">{s.title}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} onRetry={isTransient(state.error) ? retry : undefined} />
      )}
      {state.status === 'ready' && <RatingsTable ratings={state.data} />}
      {state.status === 'ready' && <RatingReviews ratings={state.data} onChanged={retry} />}
      <SlipBlock dossierId={dossierId} />
    </section>
  );
}

function RatingsTable({ ratings }: { ratings: readonly DossierRating[] }) {
  const { t } = useI18n();
  const s = t.ratings.section;
  const c = s.columns;
  if (ratings.length === 0) return <p class="empty">{s.empty}</p>;
  const level = (value: number) => {
    const key = String(value);
    return isKeyOf(t.scores.satisfaction.levels, key) ? t.scores.satisfaction.levels[key] : key;
  };
  return (
    <div class="table-wrap">
      <table class="table table--cards" data-testid="ratings">
        <caption class="visually-hidden">{s.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.channel}</th>
            <th scope="col">{c.satisfaction}</th>
            <th scope="col">{c.submittedAt}</th>
            <th scope="col">{c.counts}</th>
            <th scope="col">{c.keyedBy}</th>
            <th scope="col">{c.comment}</th>
          </tr>
        </thead>
        <tbody>
          {ratings.map((rating) => (
            <tr
              key={rating.id}
              data-testid="rating-row"
              data-channel={rating.channel}
              data-counts={String(rating.counts)}
              data-counted={rating.counted}
            >
              <th scope="row" data-label={c.channel}>
                {isKeyOf(t.ratings.channels, rating.channel)
                  ? t.ratings.channels[rating.channel]
                  : rating.channel}
              </th>
              <td data-label={c.satisfaction}>{level(rating.satisfaction)}</td>
              <td data-label={c.submittedAt}>
                <time dateTime={rating.submittedAt}>
                  {/* A paper slip carries only the date written on it. */}
                  {rating.channel === 'paper'
                    ? formatDateTime(rating.submittedAt).slice(0, 10)
                    : formatDateTime(rating.submittedAt)}
                </time>
              </td>
              <td data-label={c.counts}>
                <span class={`flag ${rating.counts ? 'flag--ok' : 'flag--duplicate'}`}>
                  {rating.counts ? s.counted : s.duplicate}
                  {/* Issue 4 point 8: the rating counts through its approved correction. */}
                  {rating.counted.startsWith('correction:') && ` (${t.ratings.corrections.correction})`}
                </span>
              </td>
              <td data-label={c.keyedBy}>{rating.keyedBy ? staffLabel(rating.keyedBy) : t.none}</td>
              <td data-label={c.comment}>{rating.comment ?? t.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type TokenState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: RatingToken }
  | { status: 'error'; error: ApiError };

function SlipBlock({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const s = t.ratings.section;
  const [token, setToken] = useState<TokenState>({ status: 'idle' });
  const can = useCan();
  const make = () => {
    if (token.status === 'loading') return;
    setToken({ status: 'loading' });
    postJson(`/api/v1/dossiers/${encodeURIComponent(dossierId)}/rating-token`).then(
      ({ data }) => setToken({ status: 'ready', data: data as RatingToken }),
      (error: unknown) => setToken({ status: 'error', error: asApiError(error) }),
    );
  };
  const link = token.status === 'ready' ? new URL(token.data.url, window.location.origin).href : null;
  return (
    <div class="slip-block" data-testid="slip-block">
      <h3>{s.slip}</h3>
      <p class="field__hint">{s.slipIntro}</p>
      <div class="filters__actions">
        {can('rating.issue_token') && (
          <button
            type="button"
            class="button button--secondary"
            onClick={make}
            aria-disabled={token.status === 'loading' || undefined}
          >
            {token.status === 'loading' ? s.makingToken : s.makeToken}
          </button>
        )}
        {can('slip.print') && (
          <a
            class="button button--secondary"
            href={`/api/v1/dossiers/${encodeURIComponent(dossierId)}/slip.pdf`}
            target="_blank"
            rel="noopener"
          >
            {s.printSlip}
            <span class="visually-hidden"> {s.newTab}</span>
          </a>
        )}
      </div>
      <div aria-live="polite">
        {token.status === 'ready' && link !== null && (
          <dl class="facts facts--inline slip-block__token" data-testid="rating-token">
            <div class="fact">
              <dt>{s.link}</dt>
              <dd>
                <a href={link} class="code slip-block__link" data-testid="rating-link">
                  {link}
                </a>
              </dd>
            </div>
            <div class="fact">
              <dt>{s.verificationCode}</dt>
              <dd class="code strong" data-testid="verification-code">
                {token.data.verificationCode}
              </dd>
            </div>
          </dl>
        )}
      </div>
      {token.status === 'error' && <ErrorAlert error={token.error} />}
    </div>
  );
}
