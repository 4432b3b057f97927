import { Face } from '../../components/face.tsx';
import { CAMERA_TEXT, CameraScanner } from '../../components/camera-scanner.tsx';
import type { RefObject, TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, type ApiError } from '../../api.ts';
import { StatusBadge } from '../../components/badges.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { isKeyOf } from '../../i18n.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../auth/session.tsx';
import {
  blankTicks,
  POINTS,
  SATISFACTIONS,
  toPaperSlipBody,
  type Point,
  type SlipProblem,
  type SlipTicks,
} from './paper-slip-form.ts';
import { asApiError, postJson } from './post-json.ts';
import { RATINGS_TEXT } from './ratings-text.ts';

/** `GET /api/v1/paper-slips/lookup` */
interface Lookup {
  dossier: { id: string; code: string; status: string; agencyName: string; procedureName: string };
  alreadyRated: boolean;
}

/** `POST /api/v1/paper-slips` (201 new, 200 when the same slip was keyed before). */
interface SlipSaved {
  id: string;
  counts: boolean;
  dossierCode: string;
}

interface Saved {
  dossierCode: string;
  counts: boolean;
  replayed: boolean;
}

type LookupState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'found'; scanned: string; data: Lookup }
  | { status: 'error'; error: ApiError };

/**
 * Nhập phiếu đánh giá giấy (issue 4): a USB scanner types the slip's barcode or QR link into the
 * scan field and presses Enter; the dossier is shown, the official ticks what the citizen ticked
 * and saves as the signed-in staff member; focus returns to the scan field for the next slip
 * of the stack.
 */
export function PaperSlipPage() {
  const { t, lang } = useI18n();
  const p = t.ratings.paper;
  useDocumentTitle(p.title);
  const scanRef = useRef<HTMLInputElement>(null);
  const foundRef = useRef<HTMLHeadingElement>(null);
  const [scanText, setScanText] = useState('');
  const [lookup, setLookup] = useState<LookupState>({ status: 'idle' });
  const [saved, setSaved] = useState<Saved | null>(null);
  const lookupSeq = useRef(0);

  useEffect(() => {
    scanRef.current?.focus();
  }, []);

  useEffect(() => {
    if (lookup.status === 'found') foundRef.current?.focus();
  }, [lookup]);

  const submitScan = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    lookUp(scanText);
  };

  const lookUp = (text: string) => {
    const scanned = text.trim();
    if (scanned === '') return;
    const seq = ++lookupSeq.current;
    setSaved(null);
    setLookup({ status: 'loading' });
    getJson<Lookup>(`/api/v1/paper-slips/lookup?scanned=${encodeURIComponent(scanned)}`).then(
      (data) => seq === lookupSeq.current && setLookup({ status: 'found', scanned, data }),
      (error: unknown) => {
        if (seq !== lookupSeq.current) return;
        setLookup({ status: 'error', error: asApiError(error) });
        // A bad scan: select it so the next scan replaces it.
        scanRef.current?.select();
      },
    );
  };

  const nextSlip = (result: Saved | null) => {
    setSaved(result);
    setLookup({ status: 'idle' });
    setScanText('');
    scanRef.current?.focus();
  };

  return (
    <div class="paper-slip" data-testid="paper-slip">
      <h1 id="page-title" tabIndex={-1}>
        {p.title}
      </h1>
      <p class="page-intro">{p.intro}</p>

      <form class="card scan" onSubmit={submitScan} noValidate data-testid="scan-form">
        <div class="field">
          <label for="scan-input">{p.scanLabel}</label>
          <div class="scan__row">
            <input
              ref={scanRef}
              id="scan-input"
              class="scan__input"
              type="text"
              name="scanned"
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              maxLength={300}
              value={scanText}
              aria-describedby="scan-hint"
              onInput={(event) => setScanText(event.currentTarget.value)}
              // Back in the field, the next scan replaces the previous code instead of adding to it.
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="submit" class="button button--primary">
              {p.lookup}
            </button>
          </div>
          <p class="field__hint" id="scan-hint">
            {p.scanHint}
          </p>
        </div>
        <CameraScanner
          text={CAMERA_TEXT[lang]}
          onScanned={(value) => {
            setScanText(value);
            lookUp(value);
          }}
        />
      </form>

      <div aria-live="polite" data-testid="paper-slip-result">
        {saved !== null && (
          <div
            class={`alert ${saved.counts ? 'alert--success' : 'alert--warning'}`}
            role="status"
            data-testid="slip-saved"
            data-counts={String(saved.counts)}
          >
            <p class="alert__title">
              {saved.counts ? p.savedCounted(saved.dossierCode) : p.savedNotCounted(saved.dossierCode)}
            </p>
            {saved.replayed && <p>{p.savedAgain}</p>}
            <p>{p.next}</p>
          </div>
        )}
        {lookup.status === 'loading' && (
          <p class="loading">
            <span class="spinner" aria-hidden="true" />
            {p.looking}
          </p>
        )}
      </div>
      {lookup.status === 'error' && <ErrorAlert error={lookup.error} />}
      {lookup.status === 'found' && (
        <SlipForm
          key={`${lookup.data.dossier.id}:${lookup.scanned}`}
          lookup={lookup.data}
          scanned={lookup.scanned}
          foundRef={foundRef}
          onSaved={nextSlip}
          onCancel={() => nextSlip(null)}
        />
      )}
    </div>
  );
}

interface SlipFormProps {
  lookup: Lookup;
  scanned: string;
  foundRef: RefObject<HTMLHeadingElement>;
  onSaved: (saved: Saved) => void;
  onCancel: () => void;
}

function SlipForm({ lookup, scanned, foundRef, onSaved, onCancel }: SlipFormProps) {
  const { t, lang } = useI18n();
  const p = t.ratings.paper;
  const { session } = useSession();
  const keyedBy = session !== null && session.signedIn ? session.user.displayName : null;
  const { dossier } = lookup;
  const [ticks, setTicks] = useState<SlipTicks>(() => blankTicks(Date.now()));
  const [problems, setProblems] = useState<SlipProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const set = <K extends keyof SlipTicks>(key: K, value: SlipTicks[K]) => {
    setTicks((current) => ({ ...current, [key]: value }));
    setProblems((current) =>
      current.filter((problem) => problem !== key && !(key === 'dateText' && problem === 'date')),
    );
  };

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const result = toPaperSlipBody(scanned, ticks);
    if (!result.ok) {
      setProblems(result.problems);
      const first = result.problems[0];
      document.getElementById(first === 'satisfaction' ? 'slip-satisfaction-5' : 'slip-date')?.focus();
      return;
    }
    setProblems([]);
    setError(null);
    setSaving(true);
    postJson('/api/v1/paper-slips', result.body).then(
      ({ status, data }) => {
        const slip = data as SlipSaved;
        setSaving(false);
        onSaved({ dossierCode: slip.dossierCode, counts: slip.counts, replayed: status === 200 });
      },
      (failure: unknown) => {
        setSaving(false);
        setError(asApiError(failure));
      },
    );
  };

  const invalid = (problem: SlipProblem) => problems.includes(problem);
  const statusKnown = isKeyOf(t.status, dossier.status);

  const choice = (
    name: 'time' | 'contacts' | 'offices',
    question: string,
    labels: Record<'0' | '1' | '2', string>,
  ) => (
    <fieldset class="choices" data-testid={`slip-${name}`}>
      <legend>
        {question} <span class="muted">{p.optional}</span>
      </legend>
      <div class="choices__options">
        {POINTS.map((point: Point) => (
          <label key={point} class="choice">
            <input
              type="radio"
              name={`slip-${name}`}
              value={point}
              checked={ticks[name] === point}
              onChange={() => set(name, point)}
            />
            <span>{labels[String(point) as '0' | '1' | '2']}</span>
          </label>
        ))}
        {ticks[name] !== null && (
          <button type="button" class="choices__clear" onClick={() => set(name, null)}>
            {p.clear}
            <span class="visually-hidden">: {question}</span>
          </button>
        )}
      </div>
    </fieldset>
  );

  return (
    <form
      class="slip"
      onSubmit={submit}
      noValidate
      data-testid="slip-form"
      aria-labelledby="slip-found-title"
    >
      <section class="card slip__dossier" aria-labelledby="slip-found-title" data-testid="slip-dossier">
        <h2 id="slip-found-title" ref={foundRef} tabIndex={-1}>
          {p.found}: <span class="code">{dossier.code}</span>
        </h2>
        {lookup.alreadyRated && (
          <div class="alert alert--warning" role="alert" data-testid="already-rated">
            <p class="alert__title">{p.alreadyRated}</p>
          </div>
        )}
        <dl class="facts">
          <div class="fact">
            <dt>{p.code}</dt>
            <dd>
              <Link
                href={`/ho-so/${encodeURIComponent(dossier.code)}`}
                class="code"
                data-testid="slip-dossier-code"
              >
                {dossier.code}
              </Link>
            </dd>
          </div>
          <div class="fact">
            <dt>{p.procedure}</dt>
            <dd>{dossier.procedureName}</dd>
          </div>
          <div class="fact">
            <dt>{p.agency}</dt>
            <dd>{dossier.agencyName}</dd>
          </div>
          <div class="fact">
            <dt>{p.status}</dt>
            <dd>
              {statusKnown ? (
                <StatusBadge status={dossier.status as keyof typeof t.status} />
              ) : (
                dossier.status
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section class="card slip__questions" aria-labelledby="slip-questions-title">
        <h2 id="slip-questions-title">{p.questionnaire}</h2>
        <fieldset
          class={`choices choices--faces${invalid('satisfaction') ? ' is-invalid' : ''}`}
          aria-describedby={invalid('satisfaction') ? 'slip-satisfaction-error' : undefined}
          data-testid="slip-satisfaction"
        >
          <legend>{p.satisfaction}</legend>
          <div class="choices__options">
            {SATISFACTIONS.map((level) => (
              <label key={level} class="choice choice--face">
                <input
                  id={`slip-satisfaction-${level}`}
                  type="radio"
                  name="slip-satisfaction"
                  value={level}
                  checked={ticks.satisfaction === level}
                  aria-invalid={invalid('satisfaction') || undefined}
                  onChange={() => set('satisfaction', level)}
                />
                <Face level={level} />
                <span>{t.scores.satisfaction.levels[String(level) as '5' | '4' | '3' | '2' | '1']}</span>
              </label>
            ))}
          </div>
          {invalid('satisfaction') && (
            <p class="field__error" id="slip-satisfaction-error">
              {p.satisfactionRequired}
            </p>
          )}
        </fieldset>
        {choice('time', p.q1, p.q1a)}
        {choice('contacts', p.q3, p.q3a)}
        {choice('offices', p.q4, p.q4a)}
        <fieldset class="choices" data-testid="slip-improper">
          <legend>
            {p.q7} <span class="muted">{p.optional}</span>
          </legend>
          <div class="choices__options">
            {(['no', 'yes'] as const).map((answer) => (
              <label key={answer} class="choice">
                <input
                  type="radio"
                  name="slip-improper"
                  value={answer}
                  checked={ticks.improper === answer}
                  onChange={() => set('improper', answer)}
                />
                <span>{p.q7a[answer]}</span>
              </label>
            ))}
            {ticks.improper !== null && (
              <button type="button" class="choices__clear" onClick={() => set('improper', null)}>
                {p.clear}
                <span class="visually-hidden">: {p.q7}</span>
              </button>
            )}
          </div>
        </fieldset>
        <div class="field">
          <label for="slip-comment">
            {p.comment} <span class="muted">{p.optional}</span>
          </label>
          <textarea
            id="slip-comment"
            rows={3}
            maxLength={1000}
            value={ticks.comment}
            onInput={(event) => set('comment', event.currentTarget.value)}
          />
        </div>
        <div class="slip__meta">
          <div class="field">
            <label for="slip-date">{p.date}</label>
            <input
              id="slip-date"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t.list.datePlaceholder}
              value={ticks.dateText}
              aria-invalid={invalid('date')}
              aria-describedby={`slip-date-hint${invalid('date') ? ' slip-date-error' : ''}`}
              onInput={(event) => set('dateText', event.currentTarget.value)}
            />
            <p class="field__hint" id="slip-date-hint">
              {p.dateHint}
            </p>
            {invalid('date') && (
              <p class="field__error" id="slip-date-error">
                {p.dateInvalid}
              </p>
            )}
          </div>
          {keyedBy !== null && (
            <div class="field" data-testid="slip-keyed-by">
              <p class="strong">{RATINGS_TEXT[lang].keyedBy(keyedBy)}</p>
              <p class="field__hint">{RATINGS_TEXT[lang].keyedByHint}</p>
            </div>
          )}
        </div>
        {error !== null && <ErrorAlert error={error} />}
        <div class="filters__actions">
          <button type="submit" class="button button--primary" aria-disabled={saving || undefined}>
            {saving ? p.saving : p.save}
          </button>
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {p.cancel}
          </button>
        </div>
      </section>
    </form>
  );
}
