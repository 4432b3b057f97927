import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { nodeAuditCrypto } from '#app/audit/audit-keys.ts';
import { publishPeriod } from '#app/publication/publish-period.ts';
import { sha256Hex } from '#app/publication/published-result-record.ts';
import { runAs } from '#app/request-context.ts';
import { loadConfig } from '#config/config.ts';
import { DomainError } from '#domain/errors.ts';
import { parseOpenData } from '#domain/publication/open-data.ts';
import { recomputeFromOpenData, type OpenDataRecomputation } from '#domain/publication/recompute.ts';
import { TT01_INDICATORS } from '#domain/scoring/types.ts';
import { openRuntime } from './runtime.ts';

const fmt = (tenths: number | null): string => (tenths === null ? '–' : (tenths / 10).toFixed(1));
const shown = (value: string | number | null): string => (value === null ? '–' : String(value));

function readOpenDataFile(file: string): { text: string; json: unknown } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError('OPEN_DATA_INVALID', {
      message: `Không đọc được tệp ${file}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  try {
    return { text, json: JSON.parse(text) };
  } catch (error) {
    throw new DomainError('OPEN_DATA_INVALID', {
      message: `Tệp ${file} không phải JSON hợp lệ (${error instanceof Error ? error.message : String(error)}). Tải tệp dữ liệu mở tại /api/v1/public/results/<kỳ>/open-data.json.`,
    });
  }
}

function table(result: OpenDataRecomputation, names: ReadonlyMap<string, string>): string[] {
  const out = [
    [
      'Hạng',
      'Mã'.padEnd(16),
      'Tên'.padEnd(36),
      ...TT01_INDICATORS.map((indicator) => indicator.toUpperCase().padStart(4)),
      'Tổng'.padStart(5),
      'n/9',
      'Xếp loại',
    ].join(' '),
  ];
  for (const row of result.rows) {
    out.push(
      [
        String(row.rank).padStart(4),
        row.agency.padEnd(16),
        (names.get(row.agency) ?? row.name).slice(0, 36).padEnd(36),
        ...TT01_INDICATORS.map((indicator) => fmt(row.result.indicators[indicator].score).padStart(4)),
        fmt(row.result.total).padStart(5),
        `${row.result.scored}/9`.padStart(3),
        row.result.grade.label,
      ].join(' '),
    );
  }
  return out;
}

/**
 * `hailong recompute --open-data FILE` (issue 6 acceptance: "recompute from open data equals the
 * published ranking") and `hailong results publish`.
 */
export function registerPublicationCommands(program: Command, log: (message: string) => void): void {
  program
    .command('recompute')
    .description(
      'Recompute the published ranking from an open data file alone (no database); exit 0 when it matches, 1 otherwise',
    )
    .requiredOption(
      '--open-data <file>',
      'the open data JSON (GET /api/v1/public/results/<period>/open-data.json)',
    )
    .action((options: { openData: string }) => {
      const { text, json } = readOpenDataFile(options.openData);
      const doc = parseOpenData(json);
      const result = recomputeFromOpenData(doc, { sha256: nodeAuditCrypto.sha256 });
      const names = new Map(doc.agencies.map((agency) => [agency.code, agency.name]));
      const out = [
        `Kỳ ${doc.period.key}, phiên bản ${doc.version}${doc.reason ? ` (lý do: ${doc.reason})` : ''}, công bố ${doc.publishedAt}`,
        `Bộ chỉ số ${result.scheme.id} ${result.scheme.version}; mốc kiểm toán ${doc.checkpoint.checkpoint.id} (${doc.checkpoint.checkpoint.createdAt})`,
        `SHA-256 của tệp: ${sha256Hex(text)}`,
        `${doc.dossiers.length} dòng hồ sơ, ${doc.agencyIndicators.length} giá trị chỉ số cấp cơ quan, ${doc.agencies.length} cơ quan`,
        '',
        'Bảng xếp hạng tính lại (tối đa 18 điểm)',
        ...table(result, names),
        '',
      ];
      if (result.differences.length === 0) {
        out.push('Khớp với bảng xếp hạng đã công bố (matches the published ranking).');
        process.stdout.write(`${out.join('\n')}\n`);
        return;
      }
      out.push(
        `KHÔNG khớp với bảng xếp hạng đã công bố: ${result.differences.length} khác biệt (differs from the published ranking):`,
      );
      for (const d of result.differences) {
        const who = d.agency === null ? 'tài liệu' : `${d.agency} ${names.get(d.agency) ?? ''}`.trim();
        out.push(`  ${who}: ${d.field}: công bố ${shown(d.published)}, tính lại ${shown(d.recomputed)}`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
      process.exitCode = 1;
    });

  program
    .command('results')
    .description('Published results (Thông tư 01/2018 Điều 15 khoản 4)')
    .command('publish')
    .description(
      'Publish a period: freeze its ranking and open data as a new version (reason from version 2)',
    )
    .requiredOption('--period <period>', 'quarter (2026-Q3) or year (2026)')
    .option('--reason <text>', 'why the period is published again (required from version 2)')
    .action(async (options: { period: string; reason?: string }) => {
      const runtime = await openRuntime(loadConfig(), log);
      try {
        const published = await runAs({ kind: 'system', name: 'cli' }, () =>
          publishPeriod(runtime.deps, { period: options.period, reason: options.reason ?? null }),
        );
        process.stdout.write(`${JSON.stringify(published, null, 2)}\n`);
      } finally {
        await runtime.handle.close();
      }
    });
}
