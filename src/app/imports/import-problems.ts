import { z } from 'zod';
import { DomainError } from '#domain/errors.ts';
import { fieldAt, pathToField, type ImportProblem, type Location } from './import-record.ts';

/** zod's Vietnamese messages for this parse only (the product's language; no global config needed). */
const VIETNAMESE = z.locales.vi().localeError;

/** Parse options that give Vietnamese validation messages. */
export const PARSE_OPTIONS = { error: VIETNAMESE } as const;

/** One problem per zod issue; `field` maps an issue path to the report field. */
export function zodProblems(
  error: z.ZodError,
  line: number,
  field: (path: readonly PropertyKey[]) => string = pathToField,
): ImportProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    // A wrong event type gets zod's bare "invalid input": name the accepted ones.
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      message = `${message}: mong đợi một trong ${issue.options.map(String).join(', ')}`;
    }
    return { line, field: field(issue.path), code: 'VALIDATION_FAILED', message };
  });
}

/** A detail value as text; instants (epoch ms) in local time (UTC+7). */
function text(value: unknown, isInstant = false): string {
  if (typeof value === 'number' && isInstant)
    return new Date(value + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  if (Array.isArray(value)) return value.map((item) => text(item)).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** The details of a DomainError as a short Vietnamese sentence (they explain *why* an event was refused). */
function describeDetails(error: DomainError): string {
  const d = error.details;
  if (error.code === 'EVENT_NOT_ALLOWED' && d.eventType !== undefined) {
    const status = d.status === null ? 'chưa tiếp nhận' : text(d.status);
    const allowed = Array.isArray(d.allowed) && d.allowed.length > 0 ? text(d.allowed) : 'không sự kiện nào';
    return ` Sự kiện ${text(d.eventType)} khi hồ sơ ở trạng thái ${status}; được phép: ${allowed}.`;
  }
  if (error.code === 'EVENT_OUT_OF_ORDER') {
    return ` ${text(d.eventType)} lúc ${text(d.occurredAt, true)}, sự kiện trước đó lúc ${text(d.previousAt, true)}.`;
  }
  if (error.code === 'APOLOGY_DATE_INVALID') {
    return ` Ngày hẹn mới ${text(d.newDueDate)}, ngày hẹn trả hiện tại ${text(d.currentDueDate)}.`;
  }
  if (error.code === 'APOLOGY_ALREADY_ISSUED') return ` Đã hẹn lại ngày ${text(d.dueRescheduledDate)}.`;
  const parts = Object.entries(d).map(([key, value]) => `${key}: ${text(value)}`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** The problems of a DomainError raised while writing the part of a record found at `at`. */
export function domainProblems(error: DomainError, at: Location): ImportProblem[] {
  if (error.problems.length === 0) {
    return [
      {
        line: at.line,
        field: fieldAt(at),
        code: error.code,
        message: `${error.message}${describeDetails(error)}`,
      },
    ];
  }
  return error.problems.map((problem) => ({
    line: at.line,
    field: fieldAt(at, problem.field),
    code: error.code,
    message: `${error.message} (${problem.message})`,
  }));
}

/** A DomainError tied to the part of the record that caused it; thrown inside the record's transaction. */
export class RecordError extends Error {
  readonly error: DomainError;
  readonly at: Location;

  constructor(error: DomainError, at: Location) {
    super(error.message);
    this.name = 'RecordError';
    this.error = error;
    this.at = at;
  }
}

/** Runs `work` and ties any DomainError it throws to `at`. */
export async function locate<T>(at: Location, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw new RecordError(error, at);
    throw error;
  }
}
