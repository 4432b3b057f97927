#!/usr/bin/env node
// Benchmark: the agency and official score tables of one quarter of the demo province, served
// over HTTP by a real server on the embedded database (issue 3 bar: ≤ 300 ms each on this
// machine; issue 6: the agency report ≤ 300 ms), and the period reports of the same quarter:
// per sector, early / on-time / late rates, one unit's report and the list of unit reports.
// The routes need a session (issue 5): the bench signs in with the demo administrator whose
// password the demo start prints, and sends the cookie and the CSRF header as the web does.
// Usage: node bench/score-quarter.js [--dossiers N] [--runs N]
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
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);

// The demo start prints one account per role on stderr ("  quantri    demo-…  system_admin …").
let stderrText = '';
const adminPassword = new Promise((resolve) => {
  server.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    stderrText += chunk.toString();
    const match = /^\s+quantri\s+(\S+)\s+system_admin/m.exec(stderrText);
    if (match) resolve(match[1]);
  });
});

/** Signs in as the demo administrator: the session cookie and the CSRF header (src/http/auth/csrf.ts). */
async function signIn() {
  const password = await adminPassword;
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'quantri', password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = await response.json();
  return { cookie, 'x-csrf-token': csrfToken };
}
let headers = {};

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
    const response = await fetch(url, { headers });
    body = await response.json();
    if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
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
  headers = await signIn();
  const agencies = await time(`${base}/api/v1/scores/agencies?period=${period}`);
  const officials = await time(`${base}/api/v1/scores/officials?period=${period}`);
  const sectors = await time(`${base}/api/v1/scores/sectors?period=${period}`);
  const timeliness = await time(`${base}/api/v1/reports/timeliness?period=${period}`);
  // The parts the unit report is assembled from (besides the agency and official tables).
  const satisfaction = await time(`${base}/api/v1/scores/satisfaction?period=${period}`);
  const qd766 = await time(`${base}/api/v1/scores/qd766?period=${period}`);
  const timelinessByMonth = await time(`${base}/api/v1/reports/timeliness?period=${period}&byMonth=true`);
  const department =
    agencies.body.rows.find((row) => row.agency.level === 'department') ?? agencies.body.rows[0];
  const unitReport = await time(`${base}/api/v1/reports/units/${department.agency.code}?period=${period}`);
  const unitList = await time(`${base}/api/v1/reports/units?period=${period}`);
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PGlite`,
  );
  console.log(`demo: ${dossiers} dossiers; period ${period}; ${runs} requests each`);
  const verdict = (ms) => (ms <= 300 ? 'PASS' : 'FAIL');
  const line = (label, result) =>
    console.log(
      `${label}: p50 ${result.p50.toFixed(0)} ms, max ${result.max.toFixed(0)} ms (bar ≤ 300 ms) ${verdict(result.p50)}`,
    );
  line(`agency table (${agencies.body.rows?.length ?? 0} agencies)`, agencies);
  line(`official table (${officials.body.rows?.length ?? 0} officials)`, officials);
  line(`sector table (${sectors.body.sectors?.length ?? 0} sectors)`, sectors);
  line(`timeliness rates (${timeliness.body.agencies?.length ?? 0} agencies)`, timeliness);
  line('satisfaction (part of the unit report)', satisfaction);
  line('766 table (part of the unit report)', qd766);
  line('timeliness per month (part of the unit report)', timelinessByMonth);
  line(
    `unit report of ${department.agency.code} (${unitReport.body.officials?.rows?.length ?? 0} officials)`,
    unitReport,
  );
  line(`unit report list (${unitList.body.rows?.length ?? 0} agencies)`, unitList);
  const all = [agencies, officials, sectors, timeliness, unitReport, unitList];
  process.exitCode = all.every((result) => result.p50 <= 300) ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
