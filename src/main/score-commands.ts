import type { Command } from 'commander';
import { Option } from 'commander';
import { getAgencyScores } from '#app/scoring/get-agency-scores.ts';
import { getOfficialScores } from '#app/scoring/get-official-scores.ts';
import { recomputeScores } from '#app/scoring/recompute-scores.ts';
import { defaultSchemeRegistry } from '#app/scoring/scheme-registry.ts';
import { requireAgencyId } from '#app/catalog/lookups.ts';
import { parsePeriod } from '#domain/periods/period.ts';
import { loadConfig } from '#config/config.ts';
import { presentAgencyScores, presentOfficialScores } from '#http/presenters/present-scores.ts';
import type { Db } from '#app/deps.ts';
import { openRuntime } from './runtime.ts';

const fmt = (value: number | null): string => (value === null ? '–' : value.toFixed(1));

async function rollupSnapshot(db: Db, quarters: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('score_rollup').selectAll().where('period', 'in', quarters).execute();
  return new Map(
    rows.map((row) => [
      [
        row.agency_id,
        row.scheme_id,
        row.period,
        row.subject_kind,
        row.subject_id,
        row.sector,
        row.indicator,
      ].join('|'),
      `${row.points_sum}/${row.dossier_count}`,
    ]),
  );
}

/** `hailong score …`: the period tables, and the full recompute that must equal the incremental rollups. */
export function registerScoreCommands(program: Command, log: (message: string) => void): void {
  // `score --period` and `score recompute --period` each own their --period.
  program.enablePositionalOptions();
  const score = program
    .command('score')
    .enablePositionalOptions()
    .description('Scores of a period under Thông tư 01/2018: the agency table and the official table')
    // Not `requiredOption`: commander would then demand it of `score recompute` too.
    .option('--period <period>', 'quarter (2025-Q3) or year (2025) — required')
    .option('--agency <code>', 'only this agency and its subtree')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (options: { period?: string; agency?: string; format: 'table' | 'json' }) => {
      const period = parsePeriod(options.period ?? '');
      const runtime = await openRuntime(loadConfig(), log);
      try {
        const rootAgencyId = options.agency
          ? await requireAgencyId(runtime.deps.db, options.agency, 'agency')
          : undefined;
        const agencies = presentAgencyScores(await getAgencyScores(runtime.deps, period, { rootAgencyId }));
        const officials = presentOfficialScores(
          await getOfficialScores(runtime.deps, period, { rootAgencyId }),
        );
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify({ agencies, officials }, null, 2)}\n`);
          return;
        }
        const out: string[] = [
          `Kỳ ${agencies.period} — ${agencies.scheme.name} (${agencies.scheme.id} ${agencies.scheme.version})`,
          '',
        ];
        out.push('Cơ quan, đơn vị (tối đa 18 điểm)');
        out.push(
          [
            'Hạng',
            'Mã'.padEnd(16),
            'Tên'.padEnd(36),
            ...['CS1', 'CS2', 'CS3', 'CS4', 'CS5', 'CS6', 'CS7', 'CS8', 'CS9'],
            'Tổng',
            'n/9',
            'Xếp loại',
          ].join(' '),
        );
        for (const row of agencies.rows) {
          out.push(
            [
              String(row.rank).padStart(4),
              row.agency.code.padEnd(16),
              row.agency.name.slice(0, 36).padEnd(36),
              ...Object.values(row.indicators).map((indicator) => fmt(indicator.score).padStart(3)),
              fmt(row.total).padStart(4),
              `${row.scored}/9`.padStart(3),
              row.grade.label,
            ].join(' '),
          );
        }
        out.push('', 'Cán bộ, công chức (tối đa 10 điểm)');
        out.push(
          [
            'Mã'.padEnd(14),
            'Họ tên'.padEnd(28),
            ...['CS1', 'CS2', 'CS3', 'CS4', 'CS7'],
            'Tổng',
            'Phân loại',
          ].join(' '),
        );
        for (const row of officials.rows) {
          out.push(
            [
              row.official.code.padEnd(14),
              row.official.name.slice(0, 28).padEnd(28),
              ...Object.values(row.indicators).map((value) => fmt(value).padStart(3)),
              fmt(row.total).padStart(4),
              row.class.label,
            ].join(' '),
          );
        }
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        await runtime.handle.close();
      }
    });

  score
    .command('recompute')
    .description(
      'Rebuild the scores and rollups of a period from the dossiers, and check they equal the incremental ones',
    )
    .requiredOption('--period <period>', 'quarter (2025-Q3) or year (2025)')
    .action(async (options: { period: string }) => {
      const period = parsePeriod(options.period);
      const runtime = await openRuntime(loadConfig(), log);
      try {
        const before = await rollupSnapshot(runtime.deps.db, period.quarters);
        const summary = await recomputeScores(runtime.deps, defaultSchemeRegistry(), period);
        const after = await rollupSnapshot(runtime.deps.db, period.quarters);
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
          (key) => before.get(key) !== after.get(key),
        );
        process.stdout.write(
          `${summary.period}: ${summary.scored} dossiers scored, ${summary.rollupRows} rollup cells; ` +
            (changed.length === 0
              ? 'identical to the incremental rollups\n'
              : `${changed.length} cells differed from the incremental rollups (now rebuilt)\n`),
        );
        for (const key of changed.slice(0, 20))
          log(`  ${key}: ${before.get(key) ?? '∅'} → ${after.get(key) ?? '∅'}`);
      } finally {
        await runtime.handle.close();
      }
    });
}
