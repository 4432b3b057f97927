#!/usr/bin/env node
// The README's test command (`npm test`). Builds the web bundle the end-to-end tests serve,
// then runs every vitest project: unit, PGlite, and PostgreSQL. The summary reporter prints
// the closing `N passed, N failed` line that CI reads.
//
// PostgreSQL (127.0.0.1:5432, or HAILONG_TEST_POSTGRES_URL) is required in CI (CI=true). On a
// developer machine that has only Node and npm, the PostgreSQL project is skipped with a
// warning instead of failing, so `npm test` still runs everything else.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

function postgresReachable() {
  const url = new URL(process.env.HAILONG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432) });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

const isCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const projects = ['unit', 'pglite'];
if (await postgresReachable()) projects.push('postgres');
else if (isCi) {
  process.stderr.write(
    'PostgreSQL is not reachable at 127.0.0.1:5432: CI requires it (.ci/run starts it).\n',
  );
  process.stdout.write('\n0 passed, 1 failed\n');
  process.exit(1);
} else {
  process.stderr.write(
    '\n⚠ PostgreSQL is not reachable: skipping the PostgreSQL test project (CI runs it).\n\n',
  );
}

const build = run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
if (build !== 0) {
  process.stdout.write('\n0 passed, 1 failed\n');
  process.exit(build);
}
const args = process.argv.slice(2);
const explicitProjects = args.some((arg) => arg.startsWith('--project'));
process.exit(
  run('npx', [
    'vitest',
    'run',
    ...(explicitProjects ? [] : projects.flatMap((p) => ['--project', p])),
    ...args,
  ]),
);
