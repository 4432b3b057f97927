import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { createUser } from '#app/auth/create-user.ts';
import type { DemoAccount } from '#app/auth/create-demo-accounts.ts';
import { requireAgencyId } from '#app/catalog/lookups.ts';
import { loadConfig } from '#config/config.ts';
import { ROLES, type Role, type RoleGrant } from '#domain/auth/actor.ts';
import { openRuntime } from './runtime.ts';

/** Reads all of standard input (a password piped in: `… < file` or from a secret store). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks for a password on the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (character === '\u0003') {
          finish();
          reject(new Error('đã hủy / cancelled'));
          return;
        }
        value =
          character === '\u007f' || character === '\b'
            ? Array.from(value).slice(0, -1).join('')
            : value + character;
      }
    };
    stdin.on('data', onData);
  });
}

/** The password: from --password-file, typed twice on a terminal, or the first line of stdin. */
async function readPassword(file: string | undefined): Promise<string> {
  const firstLine = (text: string): string => text.split(/\r?\n/)[0] ?? '';
  if (file !== undefined) return firstLine(readFileSync(file, 'utf8'));
  if (!process.stdin.isTTY) return firstLine(await readStdin());
  const password = await askHidden('Mật khẩu / password (≥ 12 ký tự): ');
  const again = await askHidden('Nhập lại / again: ');
  if (password !== again) throw new Error('hai lần nhập mật khẩu không khớp / the passwords differ');
  return password;
}

/** Prints the demo accounts once, with their passwords (demo only: they are random and not stored). */
export function printDemoAccounts(accounts: readonly DemoAccount[], log: (message: string) => void): void {
  if (accounts.length === 0) return;
  log('tài khoản demo / demo accounts (chỉ dùng thử / demo only):');
  for (const account of accounts)
    log(
      `  ${account.username.padEnd(10)} ${account.password.padEnd(18)} ${account.role.padEnd(18)} ${account.agencyName ?? 'toàn tỉnh / every agency'}`,
    );
}

/** `hailong user create`: the first administrator (--admin), or an account with one role. */
export function registerUserCommands(program: Command, log: (message: string) => void): void {
  const user = program.command('user').description('Staff accounts (sign-in to the back office)');
  user
    .command('create')
    .description('Create a staff account; the password comes from --password-file, the terminal, or stdin')
    .requiredOption('--username <username>', 'username (a–z, 0–9, . _ -)')
    .option('--display-name <name>', 'name shown in the back office (default: the username)')
    .option('--admin', 'system administrator over every agency (the first account)')
    .addOption(new Option('--role <role>', 'a role instead of --admin').choices(ROLES))
    .option('--agency <code>', 'agency code: the role covers this agency and its subtree')
    .option('--password-file <file>', 'read the password from the first line of this file')
    .action(
      async (options: {
        username: string;
        displayName?: string;
        admin?: boolean;
        role?: Role;
        agency?: string;
        passwordFile?: string;
      }) => {
        if (options.admin && options.role)
          throw new Error('--admin và --role không dùng cùng nhau / use one');
        const password = await readPassword(options.passwordFile);
        const runtime = await openRuntime(loadConfig(), log);
        try {
          const grants: RoleGrant[] = [];
          if (options.admin) grants.push({ role: 'system_admin', agencyId: null });
          else if (options.role) {
            const agencyId = options.agency
              ? await requireAgencyId(runtime.deps.db, options.agency, 'agency')
              : null;
            grants.push({ role: options.role, agencyId });
          }
          const { id } = await createUser(runtime.deps, {
            username: options.username,
            displayName: options.displayName ?? options.username,
            password,
            grants,
          });
          process.stdout.write(`${id}\n`);
        } finally {
          await runtime.handle.close();
        }
      },
    );
}
