import { describe, expect, it } from 'vitest';
import { ANNOUNCED_EXCEPTIONS_2025_2026 } from '#domain/calendar/announced.ts';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from '#domain/calendar/types.ts';
import { createWorkingCalendar } from '#domain/calendar/working-calendar.ts';
import { DomainError } from '#domain/errors.ts';
import type { DossierEvent } from './dossier-event.ts';
import { applyDossierEvent, openTimeliness, replayDossier, type DossierContext } from './dossier-state.ts';

const settings: CalendarSettings = {
  ...DEFAULT_CALENDAR_SETTINGS,
  exceptions: ANNOUNCED_EXCEPTIONS_2025_2026,
};
const context: DossierContext = {
  procedure: { limit: { value: 5, unit: 'working_days' }, receiptCutoff: '15:00' },
  calendar: createWorkingCalendar(settings),
  settings,
};

let counter = 0;
const at = (local: string): number => Date.parse(`${local}+07:00`);
function ev<T extends DossierEvent['type']>(
  type: T,
  local: string,
  fields: Omit<Extract<DossierEvent, { type: T }>, 'id' | 'occurredAt' | 'officialId' | 'type'>,
): DossierEvent {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type,
    occurredAt: at(local),
    officialId: null,
    ...fields,
  } as DossierEvent;
}
const received = (local = '2025-03-03T10:00:00') => ev('received', local, { channel: 'in_person' });
const finished = (local: string) => ev('finished', local, {});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('dossier lifecycle — due dates and timeliness', () => {
  it('sets the due date at receipt: 5 working days, receipt day not counted (BLDS 2015 Điều 147)', () => {
    const state = replayDossier([received()], context);
    expect(state.status).toBe('received');
    expect(state.dueLegal.dueDate).toBe('2025-03-10');
    expect(state.dueInitial.dueDate).toBe('2025-03-10');
  });

  it.each([
    ['2025-03-07T16:00:00', 'early'],
    ['2025-03-10T16:59:00', 'on_time'],
    ['2025-03-11T08:00:00', 'late'],
  ] as const)(
    'finished %s → %s (Thông tư 01/2018 Điều 13, indicator 1; dates compared)',
    (when, expected) => {
      const state = replayDossier([received(), finished(when)], context);
      expect(state.timeliness).toBe(expected);
      expect(state.timelinessRescheduled).toBe(expected);
    },
  );

  it('restarts the legal due date when a supplement is completed (Nghị định 61/2018 Điều 19 khoản 4)', () => {
    const state = replayDossier(
      [
        received(),
        ev('supplement_requested', '2025-03-04T09:00:00', {
          reason: 'Thiếu bản sao',
          applicantAtFault: false,
          stage: 'appraisal',
        }),
        ev('supplement_completed', '2025-03-12T14:00:00', {}),
        finished('2025-03-18T10:00:00'),
      ],
      context,
    );
    expect(state.dueInitial.dueDate).toBe('2025-03-10');
    expect(state.dueLegal.dueDate).toBe('2025-03-19');
    expect(state.timeliness).toBe('early');
    expect(state.supplements).toHaveLength(1);
    expect(state.supplements[0]?.completedAt).toBe(at('2025-03-12T14:00:00'));
  });

  it('measures each inter-unit step against its own allotted time (indicator 2)', () => {
    const state = replayDossier(
      [
        received(),
        ev('forwarded', '2025-03-03T11:00:00', { toAgencyId: 'unit-a' }),
        ev('step_received', '2025-03-03T11:00:00', {
          stepId: 's1',
          unitAgencyId: 'unit-a',
          allotted: { value: 2, unit: 'working_days' },
        }),
        ev('step_handed_over', '2025-03-06T09:00:00', { stepId: 's1' }),
        ev('step_received', '2025-03-06T09:00:00', {
          stepId: 's2',
          unitAgencyId: 'unit-b',
          allotted: { value: 1, unit: 'working_days' },
        }),
        ev('step_handed_over', '2025-03-06T15:00:00', { stepId: 's2' }),
        finished('2025-03-07T10:00:00'),
      ],
      context,
    );
    expect(state.steps.map((step) => [step.stepId, step.due.dueDate, step.timeliness])).toEqual([
      ['s1', '2025-03-05', 'late'],
      ['s2', '2025-03-07', 'early'],
    ]);
  });

  it('keeps the one rescheduled date and flags an apology issued on the due date itself (Điều 19 khoản 9)', () => {
    const state = replayDossier(
      [
        received(),
        ev('apology_issued', '2025-03-10T09:00:00', { reason: 'Chờ xác minh', newDueDate: '2025-03-14' }),
        finished('2025-03-13T10:00:00'),
      ],
      context,
    );
    expect(state.dueRescheduledDate).toBe('2025-03-14');
    expect(state.isApologyLate).toBe(true);
    expect(state.timeliness).toBe('late');
    expect(state.timelinessRescheduled).toBe('early');
  });

  it('does not flag an apology issued a working day ahead', () => {
    const state = replayDossier(
      [
        received(),
        ev('apology_issued', '2025-03-07T09:00:00', { reason: 'Chờ xác minh', newDueDate: '2025-03-14' }),
      ],
      context,
    );
    expect(state.isApologyLate).toBe(false);
  });

  it('reports within time / overdue while open, as of the given day', () => {
    const state = replayDossier([received()], context);
    expect(openTimeliness(state, '2025-03-10')).toBe('within_time');
    expect(openTimeliness(state, '2025-03-11')).toBe('overdue');
  });
});

describe('dossier lifecycle — the state machine refuses impossible sequences', () => {
  const base = () => replayDossier([received()], context);
  it.each([
    [
      'an event before receipt',
      () => applyDossierEvent(null, finished('2025-03-04T10:00:00'), context),
      'EVENT_NOT_ALLOWED',
    ],
    [
      'a second receipt',
      () => applyDossierEvent(base(), received('2025-03-04T10:00:00'), context),
      'EVENT_NOT_ALLOWED',
    ],
    [
      'returning a result not yet finished',
      () => applyDossierEvent(base(), ev('result_returned', '2025-03-04T10:00:00', {}), context),
      'EVENT_NOT_ALLOWED',
    ],
    [
      'an event earlier than the previous one',
      () => applyDossierEvent(base(), finished('2025-03-02T10:00:00'), context),
      'EVENT_OUT_OF_ORDER',
    ],
    [
      'completing a supplement never requested',
      () => applyDossierEvent(base(), ev('supplement_completed', '2025-03-04T10:00:00', {}), context),
      'EVENT_NOT_ALLOWED',
    ],
    [
      'handing over an unknown step',
      () =>
        applyDossierEvent(base(), ev('step_handed_over', '2025-03-04T10:00:00', { stepId: 'nope' }), context),
      'EVENT_NOT_ALLOWED',
    ],
    [
      'finishing while a step is still open',
      () =>
        replayDossier(
          [
            received(),
            ev('step_received', '2025-03-03T11:00:00', {
              stepId: 's1',
              unitAgencyId: 'u',
              allotted: { value: 1, unit: 'working_days' },
            }),
            finished('2025-03-04T10:00:00'),
          ],
          context,
        ),
      'STEP_STILL_OPEN',
    ],
    [
      'a second apology (the date may be re-set only once)',
      () =>
        replayDossier(
          [
            received(),
            ev('apology_issued', '2025-03-06T09:00:00', { reason: 'a', newDueDate: '2025-03-14' }),
            ev('apology_issued', '2025-03-12T09:00:00', { reason: 'b', newDueDate: '2025-03-20' }),
          ],
          context,
        ),
      'APOLOGY_ALREADY_ISSUED',
    ],
    [
      'an apology date not after the due date',
      () =>
        applyDossierEvent(
          base(),
          ev('apology_issued', '2025-03-06T09:00:00', { reason: 'a', newDueDate: '2025-03-10' }),
          context,
        ),
      'APOLOGY_DATE_INVALID',
    ],
    [
      'anything after a refusal',
      () =>
        replayDossier(
          [
            received(),
            ev('refused', '2025-03-04T09:00:00', { reason: 'Không đủ điều kiện' }),
            finished('2025-03-05T09:00:00'),
          ],
          context,
        ),
      'EVENT_NOT_ALLOWED',
    ],
    [
      'finishing while awaiting a supplement',
      () =>
        replayDossier(
          [
            received(),
            ev('supplement_requested', '2025-03-04T09:00:00', {
              reason: 'x',
              applicantAtFault: true,
              stage: 'appraisal',
            }),
            finished('2025-03-05T09:00:00'),
          ],
          context,
        ),
      'EVENT_NOT_ALLOWED',
    ],
  ])('refuses %s', (_label, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('leaves the previous state untouched when an event is refused', () => {
    const state = base();
    const snapshot = structuredClone(state);
    expect(
      codeOf(() => applyDossierEvent(state, ev('result_returned', '2025-03-04T10:00:00', {}), context)),
    ).toBe('EVENT_NOT_ALLOWED');
    expect(state).toEqual(snapshot);
  });
});
