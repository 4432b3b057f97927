#!/usr/bin/env node
// Benchmark: the README's start on a fresh data folder, as a new user runs it — time until
// /api/v1/health answers and the dossier list serves the demo data. Issue bar: ≤ 60 s,
// first start included (PGlite initialisation, migrations, demo seed of 50,000 dossiers).
// Usage: node bench/first-start.js [--dossiers N]   (builds the web first, like `npm start`)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dossiersArg = process.argv.indexOf('--dossiers');
const dossiers = dossiersArg > 0 ? process.argv[dossiersArg + 1] : '50000';
const port = 3900 + Math.floor(Math.random() * 50);
const dataDir = mkdtempSync(join(tmpdir(), 'hailong-bench-'));
const started = Date.now();

const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);
const builtAt = Date.now();

const server = spawn(
  process.execPath,
  ['bin/hailong.js', 'start', '--demo', '--demo-dossiers', dossiers, '--port', String(port)],
  {
    cwd: root,
    env: { ...process.env, HAILONG_DATA_DIR: dataDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);

async function ready() {
  for (;;) {
    if (Date.now() - started > 180_000) throw new Error('not ready after 180 s');
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (health.ok) {
        const list = await fetch(`http://127.0.0.1:${port}/api/v1/dossiers?pageSize=1`);
        const body = await list.json();
        return body.total;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

try {
  const total = await ready();
  const seconds = (Date.now() - started) / 1000;
  const listStart = Date.now();
  await fetch(`http://127.0.0.1:${port}/api/v1/dossiers?timeliness=late&pageSize=50`);
  const listMs = Date.now() - listStart;
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`web build: ${((builtAt - started) / 1000).toFixed(1)} s`);
  console.log(
    `first start to a served demo (${total} dossiers): ${seconds.toFixed(1)} s (bar: ≤ 60 s) ${seconds <= 60 ? 'PASS' : 'FAIL'}`,
  );
  console.log(`filtered list (late, 50 rows) on the fresh server: ${listMs} ms`);
  process.exitCode = seconds <= 60 ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
