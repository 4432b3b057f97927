import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createCheckpoint } from '#app/audit/create-checkpoint.ts';
import { verifyAudit } from '#app/audit/verify-audit.ts';
import { runAs } from '#app/request-context.ts';
import { loadConfig } from '#config/config.ts';
import { formatFinding } from '#domain/audit/findings.ts';
import { DomainError } from '#domain/errors.ts';
import { SignedCheckpointSchema, type SignedCheckpointView } from '#shared/audit.view.ts';
import { openRuntime } from './runtime.ts';

function readCheckpointFile(file: string): SignedCheckpointView {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', {
      message: `Không đọc được tệp mốc kiểm toán ${file}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const parsed = SignedCheckpointSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', {
      message: `Tệp ${file} không phải mốc kiểm toán đã ký (tải từ /api/v1/audit/checkpoints/<id>).`,
      problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

/** `hailong audit …`: checkpoint the chain heads, verify the chains and the audited data (issue 5 point 4). */
export function registerAuditCommands(program: Command, log: (message: string) => void): void {
  const audit = program
    .command('audit')
    .description('Tamper-evident audit log: checkpoints and verification');
  audit
    .command('checkpoint')
    .description('Sign the head of every audit chain now (also done daily by the server)')
    .option('--out <file>', 'also write the signed checkpoint (JSON) to this file')
    .action(async (options: { out?: string }) => {
      const runtime = await openRuntime(loadConfig(), log);
      try {
        const signed = await runAs({ kind: 'system', name: 'cli' }, () => createCheckpoint(runtime.deps));
        const text = `${JSON.stringify(signed, null, 2)}\n`;
        if (options.out) writeFileSync(options.out, text);
        process.stdout.write(text);
      } finally {
        await runtime.handle.close();
      }
    });
  audit
    .command('verify')
    .description('Recompute every audit chain and the audited data; exit 1 when anything is wrong')
    .option('--checkpoint <file>', 'a published checkpoint (JSON download) to check truncation against')
    .option('--json', 'print the result as JSON')
    .action(async (options: { checkpoint?: string; json?: boolean }) => {
      const checkpointFile = options.checkpoint ? readCheckpointFile(options.checkpoint) : undefined;
      const runtime = await openRuntime(loadConfig(), log);
      try {
        const result = await verifyAudit(runtime.deps, { checkpointFile, store: true });
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const finding of result.findings) process.stdout.write(`${formatFinding(finding)}\n`);
          process.stdout.write(
            `${result.ok ? 'OK' : 'LỖI / FAILED'}: ${result.entries} entries in ${result.chains} chains, ` +
              `${result.rowsChecked} rows, ${result.checkpoints} checkpoints, ${result.findings.length} findings\n`,
          );
        }
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await runtime.handle.close();
      }
    });
}
