import { describe, expect, it } from 'vitest';
import { DomainError } from '#domain/errors.ts';
import { assertPasswordRules, hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { csrfTokenMatches, csrfTokenOf, newSessionToken, sessionIdOf } from './session-tokens.ts';

describe('password rules', () => {
  it.each([
    ['short1', 'ít nhất 12 ký tự'],
    ['nguyenvana-2025!', 'không được chứa tên đăng nhập'],
    ['NguyenVanA 2025!', 'không được chứa tên đăng nhập'],
    ['password1234', 'quá phổ biến'],
    ['Mat Khau 123456', 'quá phổ biến'],
  ])('%s is refused (%s)', (password, message) => {
    const problems = passwordProblems('nguyenvana', password);
    expect(problems.map((problem) => problem.message).join('; ')).toContain(message);
    expect(() => assertPasswordRules('nguyenvana', password)).toThrow(DomainError);
  });

  it('a long passphrase that is not the username passes', () => {
    expect(passwordProblems('nguyenvana', 'trời hôm nay đẹp quá')).toEqual([]);
  });

  it('counts characters, not bytes (Vietnamese letters are one character each)', () => {
    expect(passwordProblems('x', 'ắằẳẵặấầẩẫậđ')).toHaveLength(1); // 11 characters
    expect(passwordProblems('x', 'ắằẳẵặấầẩẫậđơ')).toEqual([]);
  });
});

describe('hashes and tokens', () => {
  it('hashes with argon2id and verifies', async () => {
    const hashed = await hashPassword('trời hôm nay đẹp quá');
    expect(hashed.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hashed, 'trời hôm nay đẹp quá')).toBe(true);
    expect(await verifyPassword(hashed, 'trời hôm nay đẹp quá!')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('stores only the digest of a session token; the CSRF token is bound to the session', () => {
    const token = newSessionToken();
    const id = sessionIdOf(token);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toContain(token);
    const csrf = csrfTokenOf('secret', id);
    expect(csrfTokenMatches('secret', id, csrf)).toBe(true);
    expect(csrfTokenMatches('secret', sessionIdOf(newSessionToken()), csrf)).toBe(false);
    expect(csrfTokenMatches('secret', id, `${csrf}x`)).toBe(false);
  });
});
