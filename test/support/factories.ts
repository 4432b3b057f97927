import { createLocalEventBus } from '#app/realtime/event-bus.ts';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '#app/deps.ts';
import { importCatalog } from '#app/catalog/import-catalog.ts';
import { parseKeyring } from '#app/ratings/token-keys.ts';
import { parseAuditKeyring, signingKeyFromPem, type AuditKeys } from '#app/audit/audit-keys.ts';
import type { Database } from '#db/schema.ts';
import type { Role } from '#domain/auth/actor.ts';
import { createUser } from '#app/auth/create-user.ts';
import type { Kysely } from 'kysely';

/** A fixed keyring for rating tokens in tests (key id 1, then rotated to 2). */
export const TEST_TOKEN_KEYS = parseKeyring(
  `1:${Buffer.alloc(32, 1).toString('base64')},2:${Buffer.alloc(32, 2).toString('base64')}`,
);

/** Fixed audit keys in tests: HMAC key id 1, and an Ed25519 checkpoint key (test only). */
export const TEST_AUDIT_KEYS: AuditKeys = {
  mac: parseAuditKeyring(`1:${Buffer.alloc(32, 3).toString('base64')}`),
  signing: signingKeyFromPem(
    '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMD\n-----END PRIVATE KEY-----\n',
  ),
};

/** Use-case deps over a test database with a fixed or moving clock. */
export function buildDeps(
  db: Kysely<Database>,
  now: () => number = () => Date.parse('2025-06-30T10:00:00+07:00'),
): AppDeps {
  return {
    db,
    now,
    newId: () => randomUUID(),
    tokenKeys: TEST_TOKEN_KEYS,
    bus: createLocalEventBus(),
    auditKeys: TEST_AUDIT_KEYS,
  };
}

/** Codes of the small catalog every integration test can rely on. */
export const TEST_CATALOG = {
  province: 'H99',
  department: 'H99.01',
  department2: 'H99.02',
  commune: 'H99.C01',
  counterOfficial: 'CB001',
  handlingOfficial: 'CB002',
  procedure5Days: 'TT.5D',
  procedure3Hours: 'TT.4H',
  procedureCalendar: 'TT.10CD',
} as const;

/** A province with two departments and a commune, three officials and three procedures. */
export async function seedTestCatalog(deps: AppDeps): Promise<void> {
  const c = TEST_CATALOG;
  await importCatalog(
    deps,
    'agencies',
    JSON.stringify([
      { code: c.province, name: 'UBND tỉnh Thử Nghiệm', level: 'province' },
      { code: c.department, name: 'Sở Tư pháp', level: 'department', parentCode: c.province },
      { code: c.department2, name: 'Sở Xây dựng', level: 'department', parentCode: c.province },
      { code: c.commune, name: 'UBND xã An Hòa', level: 'commune', parentCode: c.province },
    ]),
    'json',
  );
  await importCatalog(
    deps,
    'officials',
    JSON.stringify([
      {
        code: c.counterOfficial,
        fullName: 'Nguyễn Văn An',
        agencyCode: c.department,
        roles: ['counter'],
        activeFrom: '2020-01-01',
      },
      {
        code: c.handlingOfficial,
        fullName: 'Trần Thị Bình',
        agencyCode: c.department,
        roles: ['handling'],
        activeFrom: '2020-01-01',
      },
      {
        code: 'CB003',
        fullName: 'Lê Văn Cường',
        agencyCode: c.department2,
        roles: ['handling'],
        activeFrom: '2020-01-01',
      },
    ]),
    'json',
  );
  await importCatalog(
    deps,
    'procedures',
    JSON.stringify([
      {
        code: c.procedure5Days,
        name: 'Cấp phiếu lý lịch tư pháp',
        sector: 'Tư pháp',
        timeLimitValue: 5,
        timeLimitUnit: 'working_days',
      },
      {
        code: c.procedure3Hours,
        name: 'Chứng thực bản sao',
        sector: 'Chứng thực',
        timeLimitValue: 4,
        timeLimitUnit: 'hours',
      },
      {
        code: c.procedureCalendar,
        name: 'Cấp giấy phép xây dựng',
        sector: 'Xây dựng',
        timeLimitValue: 10,
        timeLimitUnit: 'calendar_days',
        onlineLevel: 'partial',
        feeVnd: 50000,
      },
    ]),
    'json',
  );
}

/** A password that passes the rules, for test accounts. */
export const TEST_PASSWORD = 'mật khẩu thử nghiệm 2025';

/**
 * A staff account with one role (or none), through the real use case (argon2id hash); linked to
 * the official `officialId` when given (who corrects, appeals or keys in slips acts as it).
 */
export async function createStaffUser(
  deps: AppDeps,
  options: {
    username: string;
    role?: Role;
    agencyId?: string | null;
    password?: string;
    officialId?: string | null;
  },
): Promise<string> {
  const { id } = await createUser(deps, {
    username: options.username,
    displayName: `Cán bộ ${options.username}`,
    password: options.password ?? TEST_PASSWORD,
    officialId: options.officialId ?? null,
    grants: options.role ? [{ role: options.role, agencyId: options.agencyId ?? null }] : [],
  });
  return id;
}
