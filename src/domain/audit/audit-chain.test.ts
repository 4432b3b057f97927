// Tests supply the real crypto the application passes in (the domain itself imports none).
// eslint-disable-next-line no-restricted-imports
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  batchKey,
  digestBatch,
  digestValue,
  GENESIS_HASH,
  sealEntry,
  type AuditCrypto,
  type AuditEntry,
  type AuditKeyring,
} from './audit-entry.ts';
import { canonicalJson } from './canonical.ts';
import { verifyChain } from './verify-chain.ts';
import { verifyState } from './verify-state.ts';

const crypto: AuditCrypto = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};
const keyring: AuditKeyring = { currentKeyId: 1, keys: new Map([[1, new Uint8Array(32).fill(7)]]) };
const AGENCY = '11111111-1111-1111-1111-111111111111';

function chain(length: number, agencyId = AGENCY): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const entry = sealEntry(
      crypto,
      keyring,
      {
        agencyId,
        seq,
        at: new Date(Date.UTC(2025, 5, 1, 0, seq)).toISOString(),
        actor: { kind: 'system', id: null, name: 'test' },
        action: 'rating.recorded',
        target: { table: 'rating', key: `r${seq}` },
        beforeDigest: null,
        afterDigest: digestValue(crypto, { seq }),
        requestId: null,
      },
      previous,
    );
    entries.push(entry);
    previous = entry.hash;
  }
  return entries;
}

const kinds = (entries: readonly AuditEntry[], options = {}) =>
  verifyChain(entries, { crypto, keys: keyring.keys, ...options }).map((f) => `${f.kind}@${f.seq}`);

describe('canonicalJson', () => {
  it('sorts keys, normalises text to NFC and writes times in ISO UTC', () => {
    expect(canonicalJson({ b: 1, a: 'Hòa', t: new Date('2025-01-02T03:04:05+07:00'), u: undefined })).toBe(
      '{"a":"Hòa","b":1,"t":"2025-01-01T20:04:05.000Z"}',
    );
    expect(canonicalJson({ x: 'Ho\u0300a' })).toBe(canonicalJson({ x: 'Hòa' }));
  });
  it('refuses values without a canonical form', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/finite/);
  });
});

describe('verifyChain', () => {
  it('finds nothing wrong in an untouched chain', () => {
    expect(kinds(chain(5))).toEqual([]);
  });

  it('names a modified entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, action: 'rating.deleted' };
    expect(kinds(entries)).toEqual(['modified@3']);
  });

  it('names a forged entry appended or slipped in', () => {
    const entries = chain(3);
    const forged = sealEntry(
      crypto,
      { currentKeyId: 1, keys: new Map([[1, new Uint8Array(32).fill(9)]]) },
      { ...entries[2]!, seq: 4, target: { table: 'rating', key: 'forged' } },
      entries[2]!.hash,
    );
    expect(kinds([...entries, forged])).toEqual(['inserted@4']);
  });

  it('names deleted entries (a gap in seq)', () => {
    const entries = chain(6);
    expect(kinds([...entries.slice(0, 2), ...entries.slice(4)])).toEqual(['deleted@3']);
  });

  it('names two entries whose seq were swapped', () => {
    const entries = chain(5);
    const swapped = [...entries];
    swapped[1] = { ...entries[3]!, seq: 2 };
    swapped[3] = { ...entries[1]!, seq: 4 };
    expect(kinds(swapped)).toEqual(['reordered@2', 'reordered@4']);
  });

  it('detects truncation against a checkpoint, and against the stored head', () => {
    const entries = chain(6);
    const checkpoint = { id: 'cp1', heads: { [AGENCY]: { seq: 6, hash: entries[5]!.hash } } };
    expect(kinds(entries.slice(0, 4), { checkpoints: [checkpoint] })).toEqual(['truncated@6']);
    expect(kinds(entries, { checkpoints: [checkpoint] })).toEqual([]);
    expect(
      kinds(entries.slice(0, 4), { storedHeads: { [AGENCY]: { seq: 6, hash: entries[5]!.hash } } }),
    ).toEqual(['truncated@6']);
  });

  it('detects a chain rewritten after a checkpoint (same seq, other hash)', () => {
    const entries = chain(3);
    const other = chain(3).map((entry) => ({ ...entry }));
    const checkpoint = { id: 'cp1', heads: { [AGENCY]: { seq: 3, hash: 'f'.repeat(64) } } };
    expect(kinds(other, { checkpoints: [checkpoint] })).toEqual(['truncated@3']);
    expect(entries).toHaveLength(3);
  });

  it('keeps chains apart', () => {
    const other = '22222222-2222-2222-2222-222222222222';
    expect(kinds([...chain(3), ...chain(2, other)])).toEqual([]);
  });
});

describe('verifyState', () => {
  const row = (key: string, value: unknown) => ({
    table: 'rating',
    agencyId: AGENCY,
    key,
    digest: digestValue(crypto, value),
  });

  it('names a row changed after its entry, rows without entries and audited rows that are gone', () => {
    const audited = [
      { table: 'rating', agencyId: AGENCY, key: 'a', afterDigest: digestValue(crypto, { s: 5 }), seq: 1 },
      { table: 'rating', agencyId: AGENCY, key: 'b', afterDigest: digestValue(crypto, { s: 4 }), seq: 2 },
      { table: 'rating', agencyId: AGENCY, key: 'c', afterDigest: digestValue(crypto, { s: 3 }), seq: 3 },
    ];
    const findings = verifyState(crypto, [row('a', { s: 5 }), row('b', { s: 1 }), row('z', {})], audited);
    expect(findings.map((f) => `${f.kind}:${f.key}`)).toEqual([
      'row_modified:b',
      'row_unaudited:z',
      'row_missing:c',
    ]);
  });

  it('does not report an exempted row that no entry covers, but still compares one that has its entry', () => {
    const audited = [
      { table: 'rating', agencyId: AGENCY, key: 'a', afterDigest: digestValue(crypto, { s: 5 }), seq: 1 },
    ];
    const rows = [
      { ...row('a', { s: 1 }), exemptWhenUnaudited: true },
      { ...row('seeded', { s: 3 }), exemptWhenUnaudited: true },
      row('z', {}),
    ];
    expect(verifyState(crypto, rows, audited).map((f) => `${f.kind}:${f.key}`)).toEqual([
      'row_modified:a',
      'row_unaudited:z',
    ]);
  });

  it('accepts a row logged before a migration added a (still null) column, and nothing else', () => {
    const logged = { s: 4 };
    const audited = [
      {
        table: 'rating',
        agencyId: AGENCY,
        key: 'old',
        afterDigest: digestValue(crypto, logged),
        seq: 1,
      },
    ];
    const now = {
      ...row('old', { s: 4, filed_by_user_id: null }),
      legacyDigest: digestValue(crypto, logged),
    };
    expect(verifyState(crypto, [now], audited)).toEqual([]);
    const altered = {
      ...row('old', { s: 1, filed_by_user_id: null }),
      legacyDigest: digestValue(crypto, { s: 1 }),
    };
    expect(verifyState(crypto, [altered], audited).map((f) => `${f.kind}:${f.key}`)).toEqual([
      'row_modified:old',
    ]);
  });

  it('checks bulk-loaded rows by the digest of their batch', () => {
    const rows = [row('k1', 1), row('k2', 2), row('k3', 3)];
    const batch = {
      table: 'rating',
      agencyId: AGENCY,
      key: batchKey('k1', 'k3'),
      afterDigest: digestBatch(
        crypto,
        rows.map((r) => r.digest),
      ),
      seq: 1,
    };
    expect(verifyState(crypto, rows, [batch])).toEqual([]);
    const changed = [rows[0]!, row('k2', 9), rows[2]!];
    expect(verifyState(crypto, changed, [batch]).map((f) => `${f.kind}:${f.key}`)).toEqual([
      'row_modified:k1..k3',
    ]);
  });
});
