/**
 * The paper slip as the focal official keys it in: pure helpers turning the ticks into the
 * body of `POST /api/v1/paper-slips` (issue 4), kept apart from the page so they are unit-tested.
 * Who keyed it is the signed-in account (the server records it), never a field of the body.
 */
import { formatDate, parseDisplayDate } from '../../format.ts';

/** Points of a ticked answer: 2 / 1 / 0, as printed on the slip. */
export type Point = 0 | 1 | 2;
export const POINTS = [2, 1, 0] as const satisfies readonly Point[];
export type Satisfaction = 1 | 2 | 3 | 4 | 5;
export const SATISFACTIONS = [5, 4, 3, 2, 1] as const satisfies readonly Satisfaction[];

/** What the official ticked; null is a question left blank on the slip. */
export interface SlipTicks {
  satisfaction: Satisfaction | null;
  /** Time taken compared with the appointment (cs1). */
  time: Point | null;
  /** Contacts needed to complete the dossier (cs3). */
  contacts: Point | null;
  /** Offices contacted (cs4). */
  offices: Point | null;
  /** Improper conduct by an official (cs7 = 0 when yes, else the time answer). */
  improper: 'no' | 'yes' | null;
  comment: string;
  dateText: string;
}

export interface PaperSlipBody {
  scanned: string;
  satisfaction: Satisfaction;
  answers?: { cs1?: Point; cs3?: Point; cs4?: Point; cs7?: Point };
  comment?: string;
  submittedAt: string;
}

export type SlipProblem = 'satisfaction' | 'date';

/** Today's date in Vietnam (the slip's date is a local date), 'YYYY-MM-DD'. */
export function todayInVietnam(now: number): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A blank slip dated today. */
export function blankTicks(now: number): SlipTicks {
  return {
    satisfaction: null,
    time: null,
    contacts: null,
    offices: null,
    improper: null,
    comment: '',
    dateText: formatDate(todayInVietnam(now)),
  };
}

/** Điều 13 chỉ số 7: 0 when the citizen reports improper conduct, else the time answer (if any). */
export function conductPoints(improper: SlipTicks['improper'], time: Point | null): Point | null {
  if (improper === 'yes') return 0;
  if (improper === 'no') return time;
  return null;
}

/**
 * The request body, or the fields to fix. The date written on the slip is stored at noon,
 * Vietnam time: keying the same slip twice gives the same instant (the server ignores a repeat).
 */
export function toPaperSlipBody(
  scanned: string,
  ticks: SlipTicks,
): { ok: true; body: PaperSlipBody } | { ok: false; problems: SlipProblem[] } {
  const problems: SlipProblem[] = [];
  const date = parseDisplayDate(ticks.dateText);
  if (ticks.satisfaction === null) problems.push('satisfaction');
  if (date === null || date === '') problems.push('date');
  if (ticks.satisfaction === null || date === null || date === '') return { ok: false, problems };
  const answers: NonNullable<PaperSlipBody['answers']> = {};
  if (ticks.time !== null) answers.cs1 = ticks.time;
  if (ticks.contacts !== null) answers.cs3 = ticks.contacts;
  if (ticks.offices !== null) answers.cs4 = ticks.offices;
  const cs7 = conductPoints(ticks.improper, ticks.time);
  if (cs7 !== null) answers.cs7 = cs7;
  const comment = ticks.comment.trim();
  return {
    ok: true,
    body: {
      scanned: scanned.trim(),
      satisfaction: ticks.satisfaction,
      ...(Object.keys(answers).length > 0 ? { answers } : {}),
      ...(comment === '' ? {} : { comment }),
      submittedAt: `${date}T12:00:00+07:00`,
    },
  };
}
