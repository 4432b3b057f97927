import { hash, verify } from '@node-rs/argon2';
import { DomainError, type FieldProblem } from '#domain/errors.ts';

/**
 * argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB of memory,
 * two passes, one lane. The parameters travel in the encoded hash, so raising them later keeps
 * old hashes verifiable.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Passwords people choose first (lowercase, compared without spaces): a small list, enough to
 * refuse the obvious ones that also pass the length rule.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyuiopas',
  'password1234',
  'password12345',
  'passwordpassword',
  'matkhau12345',
  'matkhau123456',
  'matkhaumoi123',
  'admin1234567',
  'administrator',
  'administrator1',
  'abc123456789',
  'abcd12345678',
  'iloveyou1234',
  'welcome12345',
  'hailong12345',
  'hailong123456',
  'quantri12345',
  'quantrivien123',
  'motcua123456',
  'vietnam12345',
  'vietnam123456',
  'changeme1234',
]);

/** The password rules (≥ 12 characters, not the username, not a common password), as field problems. */
export function passwordProblems(username: string, password: string, field = 'password'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const plain = password.toLowerCase().replace(/\s+/g, '');
  if (Array.from(password.normalize('NFC')).length < PASSWORD_MIN_LENGTH)
    problems.push({ field, message: `mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự` });
  if (Array.from(password.normalize('NFC')).length > PASSWORD_MAX_LENGTH)
    problems.push({ field, message: `mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự` });
  if (username.length > 0 && plain.includes(username.toLowerCase()))
    problems.push({ field, message: 'mật khẩu không được chứa tên đăng nhập' });
  if (COMMON_PASSWORDS.has(plain)) problems.push({ field, message: 'mật khẩu quá phổ biến, dễ bị đoán' });
  return problems;
}

/** Throws PASSWORD_WEAK naming every rule the password breaks. */
export function assertPasswordRules(username: string, password: string, field = 'password'): void {
  const problems = passwordProblems(username, password, field);
  if (problems.length > 0) throw new DomainError('PASSWORD_WEAK', { problems });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification for a username that does not exist, so the answer time
 * does not tell which usernames exist.
 */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('không có tài khoản này / no such account');
  await verifyPassword(await dummyHash, password);
}
