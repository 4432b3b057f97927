import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { importCatalog } from '#app/catalog/import-catalog.ts';
import { loadCalendar } from '#app/calendar/load-calendar.ts';
import { importDossiers } from '#app/imports/import-dossiers.ts';
import { isDatabaseEmpty, seedDemo } from '#app/seed/seed-demo.ts';
import { seedDemoRatings } from '#app/seed/seed-demo-ratings.ts';
import { recomputeAllScores } from '#app/scoring/recompute-all-scores.ts';
import { registerIntegration } from '#app/ratings/ingest-rating.ts';
import { loadConfig } from '#config/config.ts';
import { useVietnameseValidationMessages } from '#config/zod-locale.ts';
import { isDomainError } from '#domain/errors.ts';
import { CATALOG_KINDS, type CatalogKind } from '#shared/catalog.schema.ts';
import { openRuntime, packageVersion } from './runtime.ts';
import { startServer } from './server.ts';
import { createProgressBar } from './progress.ts';
import { registerScoreCommands } from './score-commands.ts';
import { registerAuditCommands } from './audit-commands.ts';
import { registerKeyCommands } from './key-commands.ts';
import { registerPublicationCommands } from './publication-commands.ts';
import { printDemoAccounts, registerUserCommands } from './user-commands.ts';
import { createDemoAccounts } from '#app/auth/create-demo-accounts.ts';

useVietnameseValidationMessages();

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError('phải là số nguyên không âm / must be a non-negative integer');
  return parsed;
}

const program = new Command()
  .name('hailong')
  .description(
    'HàiLòng — đánh giá việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông',
  )
  .version(packageVersion())
  .showHelpAfterError();

program
  .command('start')
  .description(
    'Start the server (API + web) on the embedded database, or PostgreSQL when DATABASE_URL is set',
  )
  .option('--demo', 'load the demo province when the database is empty')
  .option('-p, --port <port>', 'port to listen on (default 3000, or $PORT)', integer)
  .option('--demo-dossiers <n>', 'number of demo dossiers', integer, 50_000)
  .action(async (options: { demo?: boolean; port?: number; demoDossiers: number }) => {
    const config = loadConfig();
    const runtime = await openRuntime(config, log);
    if (options.demo && (await isDatabaseEmpty(runtime.deps.db))) {
      const started = Date.now();
      log('loading demo data (dữ liệu mẫu)…');
      const summary = await seedDemo(runtime.deps, {
        seed: 1,
        dossiers: options.demoDossiers,
        asOf: runtime.deps.now(),
        log,
      });
      await seedDemoRatings(runtime.deps, { seed: 1, asOf: runtime.deps.now() });
      const scored = await recomputeAllScores(runtime.deps);
      log(
        `demo data loaded and scored in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`,
      );
      log(
        `scores (Thông tư 01/2018): ${scored.map((quarter) => `${quarter.period}: ${quarter.scored} dossiers`).join(', ')}`,
      );
    }
    // One account per role, printed once with its password (demo only; production refuses them).
    if (options.demo && !config.production) printDemoAccounts(await createDemoAccounts(runtime.deps), log);
    await startServer(runtime, { ...config, port: options.port ?? config.port }, log);
  });

program
  .command('serve')
  .description('Start the server without loading demo data')
  .option('-p, --port <port>', 'port to listen on (default 3000, or $PORT)', integer)
  .action(async (options: { port?: number }) => {
    const config = loadConfig();
    const runtime = await openRuntime(config, log);
    await startServer(runtime, { ...config, port: options.port ?? config.port }, log);
  });

program
  .command('migrate')
  .description('Apply the pending numbered database migrations')
  .action(async () => {
    const runtime = await openRuntime(loadConfig(), log);
    log('database is up to date');
    await runtime.handle.close();
  });

program
  .command('seed')
  .description('Load the fictional demo province (deterministic from --seed)')
  .requiredOption('--demo', 'the demo data set (the only one for now)')
  .option('--seed <n>', 'random seed', integer, 1)
  .option('--dossiers <n>', 'number of dossiers', integer, 50_000)
  .option('--as-of <date>', 'last day of the data (YYYY-MM-DD); default today')
  .option('--force', 'seed even when the database already has data')
  .action(async (options: { seed: number; dossiers: number; asOf?: string; force?: boolean }) => {
    const runtime = await openRuntime(loadConfig(), log);
    try {
      if (!options.force && !(await isDatabaseEmpty(runtime.deps.db))) {
        log('the database already has data: nothing loaded (use --force to add the demo anyway)');
        return;
      }
      const asOf = options.asOf ? Date.parse(`${options.asOf}T12:00:00+07:00`) : runtime.deps.now();
      if (Number.isNaN(asOf)) throw new InvalidArgumentError('--as-of must be YYYY-MM-DD');
      const summary = await seedDemo(runtime.deps, {
        seed: options.seed,
        dossiers: options.dossiers,
        asOf,
        log,
      });
      await seedDemoRatings(runtime.deps, { seed: options.seed, asOf });
      await recomputeAllScores(runtime.deps);
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } finally {
      await runtime.handle.close();
    }
  });

program
  .command('import')
  .description(
    'Import dossiers and their events from one-stop software (NDJSON or CSV; see docs/import-format.md)',
  )
  .argument('<file>', 'file to import')
  .addOption(
    new Option('--format <format>', 'file format (default: from the extension)').choices(['ndjson', 'csv']),
  )
  .option('--report <file>', 'write the per-line error report as JSON to this file')
  .action(async (file: string, options: { format?: 'ndjson' | 'csv'; report?: string }) => {
    const format = options.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
    const runtime = await openRuntime(loadConfig(), log);
    try {
      const progress = createProgressBar(process.stderr, 'import');
      const report = await importDossiers(runtime.deps, file, format, {
        onProgress: progress.update,
        reportFile: options.report,
      });
      progress.done();
      for (const problem of report.errors.slice(0, 50)) {
        log(`line ${problem.line}: ${problem.field}: ${problem.message} [${problem.code}]`);
      }
      if (report.errors.length > 50) log(`… ${report.errors.length - 50} more (see --report)`);
      process.stdout.write(
        `${report.lines} lines: ${report.imported} imported, ${report.unchanged} already present, ${report.failed} failed\n`,
      );
      process.exitCode = report.failed > 0 ? 2 : 0;
    } finally {
      await runtime.handle.close();
    }
  });

const catalog = program
  .command('catalog')
  .description('Catalog: agencies, desks, counters, officials, procedures');
catalog
  .command('import')
  .description(
    'Bulk-import catalog rows from CSV (header row) or JSON (array); all-or-nothing, upsert by code',
  )
  .addArgument(new Command().createArgument('<kind>', 'what the file holds').choices(CATALOG_KINDS))
  .argument('<file>', 'CSV or JSON file')
  .action(async (kind: CatalogKind, file: string) => {
    const runtime = await openRuntime(loadConfig(), log);
    try {
      const format = file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
      const result = await importCatalog(runtime.deps, kind, readFileSync(file, 'utf8'), format);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await runtime.handle.close();
    }
  });

program
  .command('calendar')
  .description('Show the non-working days and swapped working days of a year')
  .argument('<year>', 'year', integer)
  .action(async (year: number) => {
    const runtime = await openRuntime(loadConfig(), log);
    try {
      const { calendar } = await loadCalendar(runtime.deps.db);
      for (const day of calendar.daysInYear(year)) {
        if (day.reason === 'weekday' || day.reason === 'weekend') continue;
        process.stdout.write(
          `${day.date}  ${day.isWorking ? 'làm việc' : 'nghỉ    '}  ${day.reason.padEnd(20)} ${day.name ?? ''}\n`,
        );
      }
    } finally {
      await runtime.handle.close();
    }
  });

registerScoreCommands(program, log);
registerAuditCommands(program, log);
registerKeyCommands(program, log);
registerUserCommands(program, log);
registerPublicationCommands(program, log);

program
  .command('integration')
  .description('Integrations that deliver ratings from other channels (hotline, comment box, devices)')
  .command('add')
  .description('Register an integration by its Ed25519 public key (PEM); prints its id')
  .requiredOption('--name <name>', 'who sends (e.g. "Tổng đài 1022")')
  .requiredOption('--public-key <file>', 'PEM file of the Ed25519 public key')
  .addOption(
    new Option('--channel <channel>', 'channel recorded with its ratings')
      .choices(['hotline', 'other', 'device', 'online'])
      .default('other'),
  )
  .action(
    async (options: {
      name: string;
      publicKey: string;
      channel: 'hotline' | 'other' | 'device' | 'online';
    }) => {
      const runtime = await openRuntime(loadConfig(), log);
      try {
        const id = await registerIntegration(runtime.deps, {
          name: options.name,
          publicKey: readFileSync(options.publicKey, 'utf8'),
          channel: options.channel,
        });
        process.stdout.write(`${id}\n`);
      } finally {
        await runtime.handle.close();
      }
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isDomainError(error)) {
    log(`lỗi / error [${error.code}]: ${error.message}`);
    for (const problem of error.problems.slice(0, 100)) log(`  ${problem.field}: ${problem.message}`);
  } else log(`lỗi / error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
