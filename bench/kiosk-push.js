#!/usr/bin/env node
// Benchmark: "Mời đánh giá" pressed on one API process reaches the counter device attached to
// another API process (issue 4 bar: within 1 s). Two `hailong serve` processes on one fresh
// PostgreSQL database; the device is played by this script (its own P-256 key, the signed
// event stream); each invitation is timed from the official's request to the device's event.
// Usage: node bench/kiosk-push.js [--invitations N]   (PostgreSQL at HAILONG_BENCH_POSTGRES_URL,
// default postgres://postgres@127.0.0.1:5432/test)
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { TextDecoderStream } from 'node:stream/web';
import pg from 'pg';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const invitations = Number(arg('--invitations', '100'));
const root = join(import.meta.dirname, '..');
const adminUrl = process.env.HAILONG_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `hailong_bench_kiosk_${process.pid}`;
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
const dataDir = mkdtempSync(join(tmpdir(), 'hailong-bench-kiosk-'));
const env = {
  ...process.env,
  DATABASE_URL: dbUrl.toString(),
  HAILONG_DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
};
const children = [];

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startProcess(port) {
  const child = spawn(process.execPath, ['bin/hailong.js', 'serve', '--port', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > 60_000) throw new Error(`${base} not ready after 60 s`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return base;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function json(response) {
  const body = await response.json();
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body;
}

try {
  await admin(`CREATE DATABASE ${dbName}`);
  const seeded = spawnSync(process.execPath, ['bin/hailong.js', 'seed', '--demo', '--dossiers', '2000'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const port = 4100 + Math.floor(Math.random() * 200);
  const official = await startProcess(port);
  const device = await startProcess(port + 1);

  const desks = await json(await fetch(`${official}/api/v1/desks`));
  const counterId = desks.flatMap((desk) => desk.counters)[0].id;
  const registered = await json(
    await fetch(`${official}/api/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ counterId, name: 'bench' }),
    }),
  );
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  await json(
    await fetch(`${device}/api/v1/devices/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        pairingCode: registered.pairingCode,
        publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      }),
    }),
  );
  const listed = await json(
    await fetch(`${official}/api/v1/dossiers?status=returned&pageSize=${Math.min(invitations, 100)}`),
  );
  const codes = listed.items.map((item) => item.code);
  if (codes.length === 0) throw new Error('no returned dossiers in the demo data');

  const ts = Date.now();
  const sig = sign('sha256', Buffer.from(`hailong-device-events:${registered.deviceId}:${ts}`), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url');
  const stream = await fetch(`${device}/api/v1/devices/${registered.deviceId}/events?ts=${ts}&sig=${sig}`);
  const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const nextInvitation = async () => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event: invitation')) return JSON.parse(/^data: (.*)$/m.exec(block)[1]);
        continue;
      }
      const chunk = await reader.read();
      if (chunk.done) throw new Error('stream closed');
      buffer += chunk.value;
    }
  };

  const samples = [];
  for (let i = 0; i < invitations; i += 1) {
    const code = codes[i % codes.length];
    const start = performance.now();
    const [invited, pushed] = await Promise.all([
      fetch(`${official}/api/v1/dossiers/${code}/rating-invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: registered.deviceId }),
      }).then(json),
      nextInvitation(),
    ]);
    if (pushed.invitationId !== invited.invitationId) throw new Error('invitation mismatch');
    samples.push(performance.now() - start);
  }
  await reader.cancel();
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const line = `invitation → device on another process (${invitations} invitations): p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${samples.at(-1).toFixed(1)} ms`;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL`,
  );
  console.log(line);
  console.log(
    samples.at(-1) <= 1000 ? 'PASS: every invitation within 1 s' : 'FAIL: an invitation took more than 1 s',
  );
  process.exitCode = samples.at(-1) <= 1000 ? 0 : 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
