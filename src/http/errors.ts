import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ERROR_CODES, type ErrorCode, type FieldProblem } from '#domain/errors.ts';

/** The only place that knows HTTP statuses: error code → status. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 422,
  AGENCY_CODE_TAKEN: 409,
  AGENCY_CYCLE: 422,
  DESK_NOT_FOUND: 422,
  COUNTER_CODE_TAKEN: 409,
  OFFICIAL_NOT_FOUND: 422,
  OFFICIAL_CODE_TAKEN: 409,
  PROCEDURE_NOT_FOUND: 422,
  PROCEDURE_CODE_TAKEN: 409,
  DOSSIER_NOT_FOUND: 404,
  DOSSIER_CODE_TAKEN: 409,
  DOSSIER_CODE_INVALID: 422,
  EVENT_NOT_ALLOWED: 409,
  EVENT_OUT_OF_ORDER: 409,
  EVENT_ID_CONFLICT: 409,
  STEP_NOT_FOUND: 422,
  STEP_ALREADY_OPEN: 409,
  STEP_STILL_OPEN: 409,
  APOLOGY_ALREADY_ISSUED: 409,
  APOLOGY_DATE_INVALID: 422,
  CALENDAR_DATE_INVALID: 422,
  IMPORT_FILE_INVALID: 400,
  RATING_NOT_FOUND: 404,
  CORRECTION_NOT_FOUND: 404,
  CORRECTION_PENDING: 409,
  CORRECTION_SAME_PERSON: 422,
  CORRECTION_ALREADY_DECIDED: 409,
  APPEAL_NOT_RATED_OFFICIAL: 403,
  ACCOUNT_NOT_LINKED_TO_OFFICIAL: 403,
  RATING_TOKEN_INVALID: 403,
  RATING_TOKEN_USED: 409,
  RATING_TOKEN_EXPIRED: 410,
  RATING_NOT_READY: 409,
  COUNTER_NOT_FOUND: 422,
  DEVICE_NOT_FOUND: 404,
  DEVICE_PAIRING_INVALID: 403,
  DEVICE_UNAUTHORIZED: 401,
  DEVICE_NOT_PAIRED: 409,
  INTEGRATION_UNAUTHORIZED: 401,
  SCHEME_INVALID: 422,
  SCHEME_NOT_FOUND: 422,
  PERIOD_INVALID: 400,
  UNIT_REPORT_NOT_FOUND: 404,
  UNIT_REPORT_SUBMITTED: 409,
  UNIT_REPORT_NOT_DRAFT: 409,
  UNIT_REPORT_NO_CORRECTION: 409,
  PUBLICATION_NOT_FOUND: 404,
  PUBLICATION_AGENCY_NOT_FOUND: 404,
  PUBLICATION_REASON_REQUIRED: 422,
  PUBLICATION_INCONSISTENT: 409,
  PUBLICATION_BUSY: 503,
  OPEN_DATA_INVALID: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SIGN_IN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  CSRF_INVALID: 403,
  PASSWORD_WEAK: 422,
  PASSWORD_INCORRECT: 422,
  USERNAME_TAKEN: 409,
  USER_NOT_FOUND: 404,
  ROLE_SCOPE_INVALID: 422,
  DATABASE_LOCKED: 503,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The error body every endpoint returns: a stable code, a Vietnamese message, the fields at fault. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    problems: FieldProblem[];
    details: Record<string, unknown>;
    requestId: string;
  };
}

/** HTTP status of an error code. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

function body(request: FastifyRequest, error: DomainError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      problems: [...error.problems],
      details: { ...error.details },
      requestId: request.id,
    },
  };
}

interface HttpLikeError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/** Fastify error handler: domain errors, validation errors and the rest, all in one shape. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const httpError: HttpLikeError = typeof error === 'object' && error !== null ? error : {};
  const statusCode = typeof httpError.statusCode === 'number' ? httpError.statusCode : undefined;
  let domainError: DomainError;
  if (error instanceof DomainError) domainError = error;
  else if (hasZodFastifySchemaValidationErrors(error)) {
    domainError = new DomainError('VALIDATION_FAILED', {
      problems: error.validation.map((issue) => ({
        field: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
        message: issue.message ?? 'không hợp lệ',
      })),
    });
  } else if (httpError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    domainError = new DomainError('PAYLOAD_TOO_LARGE');
  } else if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    domainError = new DomainError('VALIDATION_FAILED', {
      message: `${ERROR_CODES.VALIDATION_FAILED} (${String(httpError.message)})`,
    });
  } else {
    request.log.error({ err: error }, 'unhandled error');
    domainError = new DomainError('INTERNAL');
  }
  const status =
    domainError.code === 'VALIDATION_FAILED' && statusCode === 415 ? 415 : statusOf(domainError.code);
  void reply.status(status).send(body(request, domainError));
}
