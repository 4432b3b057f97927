import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDemoAccounts } from '#app/auth/count-demo-accounts.ts';
import { createDemoAccounts } from '#app/auth/create-demo-accounts.ts';
import { signIn } from '#app/auth/sign-in.ts';
import { loadConfig } from '#config/config.ts';
import { openDatabase } from '#db/client.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '#test/support/db.ts';
import { buildDeps, seedTestCatalog } from '#test/support/factories.ts';
import { startServer } from './server.ts';

const BIN = join(import.meta.dirname, '../../bin/hailong.js');

describe('hailong user create', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  const hailong = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
      ...(input === undefined ? {} : { input }),
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hailong-user-'));
    if (testDatabaseKind() === 'postgres') {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url ?? '' };
    } else env = { HAILONG_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the first administrator from stdin or a file; refuses a weak password in Vietnamese', async () => {
    const weak = hailong(['user', 'create', '--admin', '--username', 'quantri'], 'quantri12345\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('PASSWORD_WEAK');
    expect(weak.stderr).toContain('không được chứa tên đăng nhập');
    const created = hailong(['user', 'create', '--admin', '--username', 'quantri'], 'một mật khẩu rất dài\n');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const file = join(dataDir, 'password.txt');
    writeFileSync(file, 'mật khẩu trong tệp tin\n');
    const fromFile = hailong([
      'user',
      'create',
      '--username',
      'kiemtra',
      '--role',
      'auditor',
      '--password-file',
      file,
    ]);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    const taken = hailong(['user', 'create', '--admin', '--username', 'QuanTri', '--password-file', file]);
    expect(taken.stderr).toContain('USERNAME_TAKEN');

    const handle = database ?? (await openDatabase({ dataDir }));
    try {
      const deps = buildDeps(handle.db, () => Date.now());
      const session = await signIn(deps, { username: 'quantri', password: 'một mật khẩu rất dài' });
      expect(session.token.length).toBeGreaterThan(20);
      const grants = await handle.db
        .selectFrom('staff_role_grant')
        .select(['role', 'agency_id'])
        .orderBy('role')
        .execute();
      expect(grants).toEqual([
        { role: 'auditor', agency_id: null },
        { role: 'system_admin', agency_id: null },
      ]);
    } finally {
      if (!database) await handle.close();
    }
  });
});

describe('demo accounts', () => {
  it('one per role, printed passwords work; a production start refuses them', async () => {
    const database = await createTestDatabase();
    try {
      const deps = buildDeps(database.db);
      await seedTestCatalog(deps);
      const accounts = await createDemoAccounts(deps);
      expect(accounts.map((account) => account.role).sort()).toEqual(
        [
          'agency_leader',
          'auditor',
          'counter_official',
          'focal_official',
          'handling_official',
          'integration',
          'provincial_office',
          'system_admin',
        ].sort(),
      );
      expect(await createDemoAccounts(deps)).toEqual([]); // once
      const counter = accounts.find((account) => account.role === 'counter_official');
      expect(counter?.agencyName).toBe('Sở Tư pháp');
      await signIn(deps, { username: counter?.username ?? '', password: counter?.password ?? '' });
      expect(await countDemoAccounts(database.db)).toBe(8);
      const runtime = { handle: { ...database, close: () => Promise.resolve() }, deps, version: 'test' };
      await expect(
        startServer(runtime, { ...loadConfig({}), production: true, port: 0 }, () => undefined),
      ).rejects.toThrow(/demo accounts/);
    } finally {
      await database.close();
    }
  });
});
