import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '#test/support/db.ts';

const BIN = join(import.meta.dirname, '../../bin/hailong.js');
/** Every case starts real server processes (tsx + database start-up) on a shared, busy machine. */
const SLOW = 180_000;
const KEY_FILES = ['audit-keys', 'audit-signing-key.pem', 'rating-token-keys'];

/** The environment of one run: never inherit a mode or keys from the shell running the tests. */
function runEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const {
    HAILONG_MODE: _mode,
    HAILONG_TOKEN_KEYS: _tokenKeys,
    HAILONG_AUDIT_KEYS: _auditKeys,
    HAILONG_AUDIT_SIGNING_KEY: _signingKey,
    DATABASE_URL: _databaseUrl,
    ...inherited
  } = process.env;
  return { ...inherited, HOST: '127.0.0.1', NODE_ENV: 'test', ...env };
}

function hailong(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: runEnv(env),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `hailong serve` until it says it is running (then stops it with SIGTERM) or exits on its own. */
async function serve(
  env: Record<string, string>,
): Promise<{ started: boolean; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    env: runEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let started = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!started && stderr.includes('HàiLòng is running')) {
      started = true;
      child.kill('SIGTERM');
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const code = await exited;
  clearTimeout(timer);
  return { started, code, stderr };
}

const keysIn = (dir: string): Record<string, string> =>
  Object.fromEntries(KEY_FILES.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('production refuses missing or demo-generated keys (issue 5 point 5)', () => {
  let root: string;
  let database: TestDatabase | undefined;
  /** DATABASE_URL on PostgreSQL; PGlite keeps its data in HAILONG_DATA_DIR. */
  let dbEnv: Record<string, string>;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hailong-prodkeys-'));
    if (testDatabaseKind() === 'postgres') {
      database = await createTestDatabase();
      dbEnv = { DATABASE_URL: database.url ?? '' };
    } else dbEnv = {};
  });
  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'production without keys: refused with a bilingual message, non-zero exit, nothing written',
    async () => {
      const dataDir = join(root, 'empty');
      const run = await serve({ ...dbEnv, HAILONG_DATA_DIR: dataDir, HAILONG_MODE: 'production' });
      expect(run.started, run.stderr).toBe(false);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('chế độ production: thiếu khóa HAILONG_TOKEN_KEYS');
      expect(run.stderr).toContain('production mode refuses to start without HAILONG_TOKEN_KEYS');
      expect(run.stderr).toContain('hailong keys generate');
      expect(existsSync(dataDir)).toBe(false);
      // NODE_ENV=production is production too.
      const viaNodeEnv = await serve({ ...dbEnv, HAILONG_DATA_DIR: dataDir, NODE_ENV: 'production' });
      expect(viaNodeEnv.code).toBe(1);
      expect(existsSync(dataDir)).toBe(false);
    },
    SLOW,
  );

  it(
    'demo generates marked keys and starts; production then refuses them unless the environment gives keys',
    async () => {
      const dataDir = join(root, 'demo');
      const keysDir = join(dataDir, 'keys');
      const demo = await serve({ ...dbEnv, HAILONG_DATA_DIR: dataDir, HAILONG_MODE: 'demo' });
      expect(demo.started, demo.stderr).toBe(true);
      expect(readdirSync(keysDir).sort()).toEqual(KEY_FILES);
      const demoKeys = keysIn(keysDir);
      for (const name of KEY_FILES) {
        expect(demoKeys[name]).toMatch(/^# generated-by: hailong demo\n/);
        expect(statSync(join(keysDir, name)).mode & 0o777).toBe(0o600);
      }

      const refused = await serve({ ...dbEnv, HAILONG_DATA_DIR: dataDir, HAILONG_MODE: 'production' });
      expect(refused.started, refused.stderr).toBe(false);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('do lần chạy demo tự tạo');
      expect(refused.stderr).toContain('production mode refuses to start with demo keys');
      expect(keysIn(keysDir)).toEqual(demoKeys);

      // Keys from the environment (here made by the operator command elsewhere) win over the demo files.
      const operatorDir = join(root, 'operator-keys');
      const generated = hailong(['keys', 'generate', '--out', operatorDir], {});
      expect(generated.status, generated.stderr).toBe(0);
      const operatorKeys = keysIn(operatorDir);
      const fromEnv = await serve({
        ...dbEnv,
        HAILONG_DATA_DIR: dataDir,
        HAILONG_MODE: 'production',
        HAILONG_TOKEN_KEYS: operatorKeys['rating-token-keys'] ?? '',
        HAILONG_AUDIT_KEYS: operatorKeys['audit-keys'] ?? '',
        HAILONG_AUDIT_SIGNING_KEY: operatorKeys['audit-signing-key.pem'] ?? '',
      });
      expect(fromEnv.started, fromEnv.stderr).toBe(true);
      expect(keysIn(keysDir)).toEqual(demoKeys);
    },
    SLOW,
  );

  it(
    'hailong keys generate writes owner-only operator files where the server reads them, never replaces them',
    async () => {
      const dataDir = join(root, 'operator');
      const keysDir = join(dataDir, 'keys');
      const generated = hailong(['keys', 'generate'], { HAILONG_DATA_DIR: dataDir });
      expect(generated.status, generated.stderr).toBe(0);
      expect(generated.stdout.trim().split('\n').sort()).toEqual(
        KEY_FILES.map((name) => join(keysDir, name)),
      );
      expect(statSync(keysDir).mode & 0o777).toBe(0o700);
      const keys = keysIn(keysDir);
      for (const name of KEY_FILES) {
        expect(keys[name]).toMatch(/^# generated-by: hailong keys generate\n/);
        expect(statSync(join(keysDir, name)).mode & 0o777).toBe(0o600);
      }

      const again = hailong(['keys', 'generate', '--out', keysDir], {});
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('never replaced');
      expect(keysIn(keysDir)).toEqual(keys);

      const production = await serve({ ...dbEnv, HAILONG_DATA_DIR: dataDir, HAILONG_MODE: 'production' });
      expect(production.started, production.stderr).toBe(true);
      expect(keysIn(keysDir)).toEqual(keys);
    },
    SLOW,
  );
});
