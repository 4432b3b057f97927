import {
  entryHash,
  entryMac,
  GENESIS_HASH,
  type AuditCrypto,
  type AuditEntry,
  type AuditKeyring,
} from './audit-entry.ts';
import type { AuditFinding } from './findings.ts';

/** The heads of every chain at a moment, as a signed checkpoint published them. */
export interface ChainHeads {
  /** Checkpoint id (or a label such as "audit_head" for the heads table). */
  id: string;
  heads: Readonly<Record<string, { seq: number; hash: string }>>;
}

export interface VerifyChainOptions {
  crypto: AuditCrypto;
  keys: AuditKeyring['keys'];
  /** Published checkpoints (already checked for their signature): truncation is detected against them. */
  checkpoints?: readonly ChainHeads[];
  /** The heads table as stored (audit_head), compared with the last entry of each chain. */
  storedHeads?: Readonly<Record<string, { seq: number; hash: string }>>;
}

/**
 * Recomputes every chain and names each problem (issue 5 point 4). Entries may come from many
 * chains in any order. An entry is authentic when its MAC (made with a key outside the
 * database) matches its hash and its hash matches its content and previous hash; everything else
 * is explained as precisely as the evidence allows.
 */
export function verifyChain(entries: readonly AuditEntry[], options: VerifyChainOptions): AuditFinding[] {
  const chains = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const chain = chains.get(entry.agencyId);
    if (chain) chain.push(entry);
    else chains.set(entry.agencyId, [entry]);
  }
  const findings: AuditFinding[] = [];
  for (const [agencyId, chain] of chains) {
    chain.sort((a, b) => a.seq - b.seq);
    findings.push(...verifyOneChain(agencyId, chain, options));
  }
  const chainIds = new Set([...chains.keys(), ...Object.keys(options.storedHeads ?? {})]);
  for (const checkpoint of options.checkpoints ?? []) {
    for (const agencyId of Object.keys(checkpoint.heads)) chainIds.add(agencyId);
  }
  for (const agencyId of chainIds) {
    const chain = chains.get(agencyId) ?? [];
    findings.push(...checkHeads(agencyId, chain, options));
  }
  return dedupe(findings);
}

function verifyOneChain(
  agencyId: string,
  chain: readonly AuditEntry[],
  options: VerifyChainOptions,
): AuditFinding[] {
  const { crypto, keys } = options;
  const findings: AuditFinding[] = [];
  const macOk = new Map<AuditEntry, boolean>();
  for (const entry of chain) {
    const key = keys.get(entry.keyId);
    macOk.set(entry, key !== undefined && safeEqual(entryMac(crypto, key, entry.hash), entry.mac));
  }
  const hashes = new Set(chain.map((entry) => entry.hash));
  const original = originalPositions(chain, macOk);
  const flagged = new Set<AuditEntry>();
  const flag = (entry: AuditEntry, finding: Omit<AuditFinding, 'agencyId' | 'seq'>): void => {
    flagged.add(entry);
    findings.push({ agencyId, seq: entry.seq, ...finding });
  };

  for (const entry of chain) {
    const mac = macOk.get(entry) === true;
    const hashOk = entryHash(crypto, entry, entry.previousHash) === entry.hash;
    if (mac && hashOk) continue;
    if (mac) {
      const seq = original.get(entry);
      if (
        seq !== undefined &&
        seq !== entry.seq &&
        entryHash(crypto, { ...entry, seq }, entry.previousHash) === entry.hash
      ) {
        flag(entry, {
          kind: 'reordered',
          message: `bản ghi được ghi ở số thứ tự ${seq} nay nằm ở ${entry.seq} (entry written as seq ${seq})`,
        });
      } else {
        flag(entry, {
          kind: 'modified',
          message: 'nội dung bản ghi không còn khớp với mã băm đã ký (content does not match its keyed hash)',
        });
      }
    } else if (hashOk) {
      flag(entry, {
        kind: 'inserted',
        message: keys.has(entry.keyId)
          ? 'bản ghi không được tạo bằng khóa kiểm toán (forged entry: MAC does not verify)'
          : `bản ghi dùng khóa ${entry.keyId} không có (forged entry: unknown key id)`,
      });
    } else {
      flag(entry, {
        kind: 'modified',
        message: 'mã băm hoặc mã xác thực của bản ghi đã bị sửa (hash or MAC altered)',
      });
    }
  }

  let expected = 1;
  let previous: AuditEntry | undefined;
  for (const entry of chain) {
    if (entry.seq > expected) {
      findings.push({
        agencyId,
        seq: expected,
        kind: 'deleted',
        message:
          entry.seq - 1 === expected
            ? `thiếu bản ghi số ${expected} (entry missing)`
            : `thiếu các bản ghi số ${expected}–${entry.seq - 1} (entries missing)`,
      });
    } else if (!flagged.has(entry) && !(previous && flagged.has(previous))) {
      const link = previous ? previous.hash : GENESIS_HASH;
      if (entry.previousHash !== link) {
        const knownTarget = entry.previousHash === GENESIS_HASH || hashes.has(entry.previousHash);
        flag(entry, {
          kind: knownTarget ? 'reordered' : 'deleted',
          message: knownTarget
            ? 'bản ghi không nối tiếp bản ghi đứng trước nó (previous-hash link out of seq order)'
            : 'bản ghi đứng trước bản ghi này đã bị xóa (the entry it follows is gone)',
        });
      }
    }
    expected = entry.seq + 1;
    previous = entry;
  }
  return findings;
}

/**
 * Where each authentic entry was first written: follow the previous-hash links from the genesis,
 * preferring entries whose MAC verifies (a forged entry cannot take a real one's place).
 */
function originalPositions(
  chain: readonly AuditEntry[],
  macOk: ReadonlyMap<AuditEntry, boolean>,
): Map<AuditEntry, number> {
  const next = new Map<string, AuditEntry[]>();
  for (const entry of chain) {
    if (!macOk.get(entry)) continue;
    const list = next.get(entry.previousHash);
    if (list) list.push(entry);
    else next.set(entry.previousHash, [entry]);
  }
  const positions = new Map<AuditEntry, number>();
  let link = GENESIS_HASH;
  for (let seq = 1; seq <= chain.length; seq += 1) {
    const entry = next.get(link)?.[0];
    if (entry === undefined || positions.has(entry)) break;
    positions.set(entry, seq);
    link = entry.hash;
  }
  return positions;
}

function checkHeads(
  agencyId: string,
  chain: readonly AuditEntry[],
  options: VerifyChainOptions,
): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const last = chain.at(-1);
  const bySeq = new Map(chain.map((entry) => [entry.seq, entry]));
  const compare = (label: string, head: { seq: number; hash: string }): void => {
    if (last === undefined || last.seq < head.seq) {
      findings.push({
        agencyId,
        seq: head.seq,
        kind: 'truncated',
        message: `chuỗi kết thúc ở số ${last?.seq ?? 0}, trước đầu chuỗi số ${head.seq} của ${label} (chain ends before the head of ${label})`,
      });
      return;
    }
    const entry = bySeq.get(head.seq);
    if (entry !== undefined && entry.hash !== head.hash) {
      findings.push({
        agencyId,
        seq: head.seq,
        kind: 'truncated',
        message: `bản ghi số ${head.seq} khác với đầu chuỗi của ${label}: chuỗi đã bị cắt và viết lại (head hash differs from ${label})`,
      });
    }
  };
  for (const checkpoint of options.checkpoints ?? []) {
    const head = checkpoint.heads[agencyId];
    if (head) compare(`mốc ${checkpoint.id}`, head);
  }
  const stored = options.storedHeads?.[agencyId];
  if (stored) {
    compare('bảng audit_head', stored);
    if (last !== undefined && last.seq > stored.seq) {
      findings.push({
        agencyId,
        seq: stored.seq + 1,
        kind: 'inserted',
        message: `có bản ghi sau đầu chuỗi đã lưu (số ${stored.seq}) (entries after the stored head)`,
      });
    }
  } else if (options.storedHeads !== undefined && last !== undefined) {
    findings.push({
      agencyId,
      seq: null,
      kind: 'inserted',
      message: 'chuỗi không có dòng đầu chuỗi trong audit_head (chain without a head row)',
    });
  }
  return findings;
}

/** Constant-time comparison of two hex strings of the same length. */
function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function dedupe(findings: readonly AuditFinding[]): AuditFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.kind}|${finding.agencyId}|${finding.seq}|${finding.table ?? ''}|${finding.key ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
