import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  AUDIT_KEYS_FILE,
  AUDIT_SIGNING_KEY_FILE,
  newSigningKeyPem,
  signingKeyFromPem,
} from '#app/audit/audit-keys.ts';
import { TOKEN_KEYS_FILE } from '#app/ratings/token-keys.ts';
import {
  keyFileText,
  newSecretKeyringText,
  OPERATOR_KEY_GENERATOR,
  writeSecretFile,
} from '#app/secret-keys.ts';
import { loadConfig } from '#config/config.ts';

export interface GeneratedKeyFiles {
  files: string[];
  /** The id of the checkpoint signing key, as published with every checkpoint. */
  signingPublicKeyId: string;
}

/**
 * Writes a fresh set of server keys into `dir` (owner-only files, marked as the operator's so a
 * production start accepts them). Refuses when any of them exists: replacing a key would void the
 * audit chain's MACs and every rating token already printed.
 */
export function generateKeyFiles(dir: string, createdAt: Date): GeneratedKeyFiles {
  const signingPem = newSigningKeyPem();
  const contents: [string, string][] = [
    [TOKEN_KEYS_FILE, newSecretKeyringText()],
    [AUDIT_KEYS_FILE, newSecretKeyringText()],
    [AUDIT_SIGNING_KEY_FILE, signingPem],
  ];
  const files = contents.map(([name]) => join(dir, name));
  const existing = files.filter((file) => existsSync(file));
  if (existing.length > 0) {
    throw new Error(
      `đã có tệp khóa ${existing.join(', ')}; không ghi đè (khóa mới làm mất hiệu lực chuỗi kiểm toán và các phiếu đã in) ` +
        `/ key files already exist, never replaced (new keys would void the audit chain and every printed rating token)`,
    );
  }
  for (const [name, secret] of contents) {
    writeSecretFile(join(dir, name), keyFileText(secret, OPERATOR_KEY_GENERATOR, createdAt), {
      exclusive: true,
    });
  }
  return { files, signingPublicKeyId: signingKeyFromPem(signingPem).publicKeyId };
}

/** `hailong keys …`: the server keys kept outside the database (issue 5 point 5). */
export function registerKeyCommands(program: Command, log: (message: string) => void): void {
  const keys = program
    .command('keys')
    .description('Server keys kept outside the database (rating tokens, audit log)');
  keys
    .command('generate')
    .description('Create the key files for production (owner-only, mode 0600); never replaces existing ones')
    .option(
      '--out <dir>',
      'folder to write them to (default: <HAILONG_DATA_DIR>/keys, where the server reads them)',
    )
    .action((options: { out?: string }) => {
      const dir = resolve(options.out ?? join(loadConfig().dataDir, 'keys'));
      const generated = generateKeyFiles(dir, new Date());
      for (const file of generated.files) process.stdout.write(`${file}\n`);
      log(
        `keys written (checkpoint signing key id ${generated.signingPublicKeyId}); keep a copy outside the server — ` +
          `the server reads them from <HAILONG_DATA_DIR>/keys, or give their contents in HAILONG_TOKEN_KEYS, ` +
          `HAILONG_AUDIT_KEYS and HAILONG_AUDIT_SIGNING_KEY`,
      );
    });
}
