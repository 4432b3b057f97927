import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '#app/deps.ts';
import { runAs } from '#app/request-context.ts';
import { digestValue, SYSTEM_CHAIN } from '#domain/audit/audit-entry.ts';
import type { Actor, Role } from '#domain/auth/actor.ts';
import { isDomainError } from '#domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/db.ts';
import { buildDeps, seedTestCatalog, TEST_CATALOG, TEST_PASSWORD } from '#test/support/factories.ts';
import { nodeAuditCrypto } from '../audit/audit-keys.ts';
import { STAFF_ACCOUNT_AUDITED_COLUMNS, staffAccountAuditRecord } from '../audit/audited-records.ts';
import { verifyAudit } from '../audit/verify-audit.ts';
import { changePassword } from './change-password.ts';
import { createDemoAccounts } from './create-demo-accounts.ts';
import { createUser } from './create-user.ts';
import { disableUser } from './disable-user.ts';
import { grantRole } from './grant-role.ts';
import { revokeRole } from './revoke-role.ts';
import { signIn } from './sign-in.ts';

let database: TestDatabase;
let deps: AppDeps;
let departmentId: string;
/** A clock that moves on when a test says so (a password changed later than the account was made). */
let clock: number;

/** The administrator doing the changes: the log must name them, from the request context. */
const ADMIN: Actor = {
  kind: 'staff',
  userId: '0b7a4a4e-7d33-4f2b-9c1e-3f1d2a5b6c7d',
  username: 'quantri',
  displayName: 'Quản trị',
  grants: [{ role: 'system_admin', agencyId: null }],
};
const asAdmin = <T>(work: () => Promise<T>): Promise<T> => runAs(ADMIN, work, 'req-accounts');

beforeEach(async () => {
  database = await createTestDatabase();
  clock = Date.parse('2025-06-30T10:00:00+07:00');
  deps = buildDeps(database.db, () => clock);
  await seedTestCatalog(deps);
  departmentId = (
    await database.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.department)
      .executeTakeFirstOrThrow()
  ).id;
});

afterEach(async () => {
  await database.close();
});

const userEntries = () =>
  database.db
    .selectFrom('audit_entry')
    .selectAll()
    .where('agency_id', '=', SYSTEM_CHAIN)
    .where('action', 'like', 'user.%')
    .orderBy('seq')
    .execute();

/** The digest of the account as stored now, without its password hash (what the log vouches for). */
const accountDigest = async (userId: string): Promise<string> =>
  digestValue(
    nodeAuditCrypto,
    staffAccountAuditRecord(
      await database.db
        .selectFrom('staff_user')
        .select(STAFF_ACCOUNT_AUDITED_COLUMNS)
        .where('id', '=', userId)
        .executeTakeFirstOrThrow(),
    ),
  );

const grantRow = (userId: string, role: Role) =>
  database.db
    .selectFrom('staff_role_grant')
    .selectAll()
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();

const passwordHashOf = async (userId: string): Promise<string> =>
  (
    await database.db
      .selectFrom('staff_user')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
  ).password_hash;

const newUser = (username: string) =>
  asAdmin(() =>
    createUser(deps, {
      username,
      displayName: `Cán bộ ${username}`,
      password: TEST_PASSWORD,
      grants: [
        { role: 'focal_official', agencyId: departmentId },
        { role: 'auditor', agencyId: null },
      ],
    }),
  );

describe('staff account changes append audit entries (issue 5 point 3)', () => {
  it('creating an account logs user.created and one user.role_granted per grant, never the password hash', async () => {
    const { id } = await newUser('ksthc');
    const entries = await userEntries();
    const focal = await grantRow(id, 'focal_official');
    const auditor = await grantRow(id, 'auditor');
    expect(
      entries.map((entry) => [entry.action, entry.target_table, entry.target_key, entry.before_digest]),
    ).toEqual([
      ['user.created', 'staff_user', id, null],
      ['user.role_granted', 'staff_role_grant', focal.id, null],
      ['user.role_granted', 'staff_role_grant', auditor.id, null],
    ]);
    expect(entries.map((entry) => entry.after_digest)).toEqual([
      await accountDigest(id),
      digestValue(nodeAuditCrypto, focal),
      digestValue(nodeAuditCrypto, auditor),
    ]);
    for (const entry of entries) {
      expect([entry.actor_kind, entry.actor_id, entry.actor_name, entry.request_id]).toEqual([
        'staff',
        ADMIN.userId,
        'quantri',
        'req-accounts',
      ]);
    }
    // The digest is of the account without its hash: the whole row (hash included) digests otherwise,
    // and the hash appears nowhere in the log.
    const fullRow = await database.db
      .selectFrom('staff_user')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entries[0]!.after_digest).not.toBe(digestValue(nodeAuditCrypto, fullRow));
    expect(JSON.stringify(await database.db.selectFrom('audit_entry').selectAll().execute())).not.toContain(
      fullRow.password_hash,
    );
  });

  it('a refused creation (username taken) writes no entry: the entry commits with the change or not at all', async () => {
    await newUser('ksthc');
    const before = (await userEntries()).length;
    const refused = await newUser('ksthc').catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.code).toBe('USERNAME_TAKEN');
    expect(await userEntries()).toHaveLength(before);
  });

  it('a new grant is logged once (granting it again changes nothing), a revocation logs the row as it was', async () => {
    const { id } = await newUser('ksthc');
    const before = (await userEntries()).length;
    const grant = { role: 'agency_leader', agencyId: departmentId } as const;
    await asAdmin(() => grantRole(deps, id, grant));
    await asAdmin(() => grantRole(deps, id, grant));
    const row = await grantRow(id, 'agency_leader');
    await asAdmin(() => revokeRole(deps, id, grant));
    const entries = (await userEntries()).slice(before);
    expect(
      entries.map((entry) => [
        entry.action,
        entry.target_table,
        entry.target_key,
        entry.before_digest,
        entry.after_digest,
      ]),
    ).toEqual([
      ['user.role_granted', 'staff_role_grant', row.id, null, digestValue(nodeAuditCrypto, row)],
      ['user.role_revoked', 'staff_role_grant', row.id, digestValue(nodeAuditCrypto, row), null],
    ]);
    // Revoking what the user does not hold is refused, and logs nothing.
    const refused = await asAdmin(() => revokeRole(deps, id, grant)).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.code).toBe('NOT_FOUND');
    expect(await userEntries()).toHaveLength(before + 2);
  });

  it('disabling an account logs it before and after', async () => {
    const { id } = await newUser('ksthc');
    const before = await accountDigest(id);
    await asAdmin(() => disableUser(deps, id));
    const entry = (await userEntries()).at(-1)!;
    expect([entry.action, entry.target_table, entry.target_key]).toEqual(['user.disabled', 'staff_user', id]);
    expect(entry.before_digest).toBe(before);
    expect(entry.after_digest).toBe(await accountDigest(id));
    expect(entry.after_digest).not.toBe(before);
  });

  it('a password change is logged by the account without its hash (only password_changed_at differs)', async () => {
    const { id } = await newUser('ksthc');
    const before = await accountDigest(id);
    const oldHash = await passwordHashOf(id);
    clock += 86_400_000;
    const self: Actor = {
      kind: 'staff',
      userId: id,
      username: 'ksthc',
      displayName: 'Cán bộ ksthc',
      grants: [],
    };
    await runAs(self, () =>
      changePassword(deps, {
        userId: id,
        currentPassword: TEST_PASSWORD,
        newPassword: 'một mật khẩu mới khác hẳn 2026',
        sessionId: null,
      }),
    );
    const entry = (await userEntries()).at(-1)!;
    expect([entry.action, entry.target_key, entry.actor_id, entry.actor_name]).toEqual([
      'user.password_changed',
      id,
      id,
      'ksthc',
    ]);
    expect(entry.before_digest).toBe(before);
    expect(entry.after_digest).toBe(await accountDigest(id));
    expect(entry.after_digest).not.toBe(before);
    const log = JSON.stringify(await database.db.selectFrom('audit_entry').selectAll().execute());
    expect(log).not.toContain(oldHash);
    expect(log).not.toContain(await passwordHashOf(id));
  });

  it('the demo accounts are created with their entries (by the system: no request)', async () => {
    const accounts = await createDemoAccounts(deps);
    expect(accounts.length).toBeGreaterThan(0);
    const entries = await userEntries();
    expect(entries.filter((entry) => entry.action === 'user.created')).toHaveLength(accounts.length);
    expect(entries.filter((entry) => entry.action === 'user.role_granted')).toHaveLength(accounts.length);
    expect(new Set(entries.map((entry) => `${entry.actor_kind}:${entry.actor_name}`))).toEqual(
      new Set(['system:cli']),
    );
  });
});

describe('the verifier checks accounts and role grants against the log', () => {
  it('accounts verify clean through sign-in failures; a grant inserted or an account changed with SQL is named', async () => {
    const { id } = await newUser('ksthc');
    const other = await newUser('xuly');
    await asAdmin(() => disableUser(deps, other.id));
    // Wrong passwords count towards the lockout: bookkeeping, not an account change.
    await signIn(deps, { username: 'ksthc', password: 'không phải mật khẩu này' }).catch(() => undefined);
    expect((await verifyAudit(deps)).findings).toEqual([]);

    await sql`INSERT INTO staff_role_grant (id, user_id, role, agency_id, granted_at)
      VALUES (gen_random_uuid(), ${id}, 'system_admin', NULL, now())`.execute(database.db);
    await sql`UPDATE staff_user SET display_name = 'Người khác' WHERE id = ${id}`.execute(database.db);
    const findings = (await verifyAudit(deps)).findings;
    expect(findings.map((finding) => [finding.kind, finding.table, finding.agencyId])).toEqual([
      ['row_modified', 'staff_user', SYSTEM_CHAIN],
      ['row_unaudited', 'staff_role_grant', SYSTEM_CHAIN],
    ]);
    expect(findings[0]!.key).toBe(id);
  });
});
