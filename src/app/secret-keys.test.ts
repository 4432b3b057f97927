import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKeyring, parseSecretKeyring } from './secret-keys.ts';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('secret keyrings (rating tokens, audit chain)', () => {
  it('takes the last key as current and keeps the others for verification', () => {
    const ring = parseSecretKeyring(`1:${key(1)}, 2:${key(2)}`, 'HAILONG_X', 255);
    expect(ring.currentKeyId).toBe(2);
    expect([...ring.keys.keys()]).toEqual([1, 2]);
  });

  it('refuses short keys, bad ids and empty values, naming the variable', () => {
    expect(() => parseSecretKeyring(`1:${Buffer.alloc(8).toString('base64')}`, 'HAILONG_X', 255)).toThrow(
      /HAILONG_X/,
    );
    expect(() => parseSecretKeyring(`256:${key(1)}`, 'HAILONG_X', 255)).toThrow(/HAILONG_X/);
    expect(() => parseSecretKeyring(' ', 'HAILONG_X', 255)).toThrow('HAILONG_X is empty');
  });

  it('prefers the environment, else makes an owner-only file once and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hailong-keys-'));
    try {
      const file = join(dir, 'keys', 'k');
      expect(loadSecretKeyring(file, 'HAILONG_X', 255, { HAILONG_X: `3:${key(3)}` }).currentKeyId).toBe(3);
      const made = loadSecretKeyring(file, 'HAILONG_X', 255, {});
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const again = loadSecretKeyring(file, 'HAILONG_X', 255, {});
      expect(again.keys.get(1)).toEqual(made.keys.get(1));
      expect(readFileSync(file, 'utf8')).toMatch(/^1:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
