import { DomainError } from '#domain/errors.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Usernames are compared in lowercase, trimmed (what people type at the sign-in page). */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** A valid username (3–64 characters: letters a–z, digits, dot, dash, underscore) or VALIDATION_FAILED. */
export function requireValidUsername(username: string): string {
  const normalized = normalizeUsername(username);
  if (!USERNAME.test(normalized))
    throw new DomainError('VALIDATION_FAILED', {
      problems: [
        {
          field: 'username',
          message:
            'tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu a–z, chữ số, dấu chấm, gạch ngang, gạch dưới',
        },
      ],
    });
  return normalized;
}
