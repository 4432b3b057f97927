#!/usr/bin/env node
// Benchmark: the agency and official score tables of one quarter of the demo province, served
// over HTTP by a real server on the embedded database (issue 3 bar: ≤ 300 ms each on this
// machine). Usage: node bench/score-quarter.js [--dossiers N] [--runs N]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const dossiers = arg('--dossiers', '50000');
const runs = Number(arg('--runs', '20'));
const root = join(import.meta.dirname, '..');
const port = 3950 + Math.floor(Math.random() * 40);
const dataDir = mkdtempSync(join(tmpdir(), 'hailong-bench-score-'));
const base = `http://127.0.0.1:${port}`;

const server = spawn(
  process.execPath,
  ['bin/hailong.js', 'start', '--demo', '--demo-dossiers', dossiers, '--port', String(port)],
  {
    cwd: root,
    env: { ...process.env, HAILONG_DATA_DIR: dataDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

async function waitReady() {
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > 300_000) throw new Error('server not ready after 300 s');
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function time(url) {
  const samples = [];
  let body;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const response = await fetch(url);
    body = await response.json();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs / 2)], max: samples[runs - 1], body };
}

try {
  await waitReady();
  // The quarter with the most finished dossiers: the previous full quarter of the demo.
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const period = q === 1 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q - 1}`;
  const agencies = await time(`${base}/api/v1/scores/agencies?period=${period}`);
  const officials = await time(`${base}/api/v1/scores/officials?period=${period}`);
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PGlite`,
  );
  console.log(`demo: ${dossiers} dossiers; period ${period}; ${runs} requests each`);
  const verdict = (ms) => (ms <= 300 ? 'PASS' : 'FAIL');
  console.log(
    `agency table (${agencies.body.rows?.length ?? 0} agencies): p50 ${agencies.p50.toFixed(0)} ms, max ${agencies.max.toFixed(0)} ms (bar ≤ 300 ms) ${verdict(agencies.p50)}`,
  );
  console.log(
    `official table (${officials.body.rows?.length ?? 0} officials): p50 ${officials.p50.toFixed(0)} ms, max ${officials.max.toFixed(0)} ms (bar ≤ 300 ms) ${verdict(officials.p50)}`,
  );
  process.exitCode = agencies.p50 <= 300 && officials.p50 <= 300 ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
