import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { DeviceRatingBody } from '#shared/device-protocol.ts';
import { SATISFACTION_LEVELS, type AnswerPoints, type SatisfactionLevel } from '#shared/questionnaire.ts';
import { Face } from '../components/face.tsx';
import type { KioskText } from './text.ts';

export interface RatingTarget {
  token: string;
  invitationId?: string;
  dossierCode?: string;
  procedureName?: string;
}

type Answers = Omit<DeviceRatingBody, 'id' | 'token' | 'invitationId' | 'ratedAt' | 'satisfaction'>;

function Choices<V extends string | number>(props: {
  name: string;
  legend: string;
  optional?: string;
  options: readonly (readonly [V, string])[];
  /** A picture before each option's words (the satisfaction faces). */
  icon?: (value: V) => ComponentChild;
  value: V | undefined;
  onChange(value: V): void;
  large?: boolean;
}) {
  return (
    <fieldset class={props.large ? 'k-fieldset k-fieldset--large' : 'k-fieldset'}>
      <legend>
        {props.legend} {props.optional ? <span class="k-muted">{props.optional}</span> : null}
      </legend>
      <div class="k-choices">
        {props.options.map(([value, label]) => (
          <label key={String(value)} class={props.value === value ? 'k-choice k-choice--on' : 'k-choice'}>
            <input
              type="radio"
              name={props.name}
              value={String(value)}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
            />
            {props.icon ? props.icon(value) : null}
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const POINTS: readonly AnswerPoints[] = [2, 1, 0];

/** The questionnaire on the device: large targets, the satisfaction faces first, the rest optional. */
export function RatingScreen(props: {
  t: KioskText;
  target: RatingTarget;
  onSubmit(satisfaction: SatisfactionLevel, answers: Answers): void;
  onCancel(): void;
}) {
  const { t, target } = props;
  const [satisfaction, setSatisfaction] = useState<SatisfactionLevel | undefined>(undefined);
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState(false);
  const set = (patch: Answers) => setAnswers((current) => ({ ...current, ...patch }));
  return (
    <form
      class="k-screen k-rating"
      data-screen="rating"
      onSubmit={(event) => {
        event.preventDefault();
        if (satisfaction === undefined) {
          setMissing(true);
          return;
        }
        props.onSubmit(satisfaction, answers);
      }}
    >
      <h1>{t.rateTitle}</h1>
      <p class="k-dossier">
        {target.dossierCode ? (
          <>
            {t.dossier} <strong data-dossier-code>{target.dossierCode}</strong>
            {target.procedureName ? <span class="k-muted"> — {target.procedureName}</span> : null}
          </>
        ) : (
          t.scannedSlip
        )}
      </p>
      <Choices
        name="satisfaction"
        legend={t.satisfaction}
        large
        options={SATISFACTION_LEVELS.map((level) => [level, t.levels[level]] as const)}
        icon={(level) => <Face level={level} size={44} className="k-face" />}
        value={satisfaction}
        onChange={(value) => {
          setSatisfaction(value);
          setMissing(false);
        }}
      />
      <p class="k-error" role="alert" aria-live="assertive">
        {missing ? t.chooseLevel : ''}
      </p>
      <Choices
        name="cs1"
        legend={t.q1}
        optional={t.optional}
        options={POINTS.map((p) => [p, t.q1a[p]] as const)}
        value={answers.cs1}
        onChange={(cs1) => set({ cs1 })}
      />
      <Choices
        name="cs3"
        legend={t.q3}
        optional={t.optional}
        options={POINTS.map((p) => [p, t.q3a[p]] as const)}
        value={answers.cs3}
        onChange={(cs3) => set({ cs3 })}
      />
      <Choices
        name="cs4"
        legend={t.q4}
        optional={t.optional}
        options={POINTS.map((p) => [p, t.q4a[p]] as const)}
        value={answers.cs4}
        onChange={(cs4) => set({ cs4 })}
      />
      <Choices
        name="conduct"
        legend={t.q7}
        optional={t.optional}
        options={
          [
            ['no', t.q7a.no],
            ['yes', t.q7a.yes],
          ] as const
        }
        value={answers.conduct}
        onChange={(conduct) => set({ conduct })}
      />
      <label class="k-label" for="k-comment">
        {t.comment} <span class="k-muted">{t.optional}</span>
      </label>
      <textarea
        id="k-comment"
        rows={3}
        maxLength={1000}
        value={answers.comment ?? ''}
        onInput={(event) => set({ comment: event.currentTarget.value })}
      />
      <div class="k-actions">
        <button type="submit" class="k-primary">
          {t.submit}
        </button>
        <button type="button" class="k-secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
      <p class="k-muted">{t.noAccount}</p>
    </form>
  );
}
