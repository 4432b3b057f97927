import { randomBytes } from 'node:crypto';
import type { Role } from '#domain/auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { createUser } from './create-user.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  agencyName: string | null;
}

/** Which demo agency an account is scoped to: the whole province, one department, or every agency. */
type DemoScope = 'global' | 'province' | 'department';

const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role; scope: DemoScope }[] = [
  { username: 'quantri', displayName: 'Quản trị hệ thống (demo)', role: 'system_admin', scope: 'global' },
  {
    username: 'vanphong',
    displayName: 'Văn phòng UBND tỉnh (demo)',
    role: 'provincial_office',
    scope: 'province',
  },
  { username: 'lanhdao', displayName: 'Lãnh đạo Sở (demo)', role: 'agency_leader', scope: 'department' },
  { username: 'ksthc', displayName: 'Đầu mối KSTTHC (demo)', role: 'focal_official', scope: 'department' },
  { username: 'motcua', displayName: 'Cán bộ một cửa (demo)', role: 'counter_official', scope: 'department' },
  { username: 'xuly', displayName: 'Cán bộ xử lý (demo)', role: 'handling_official', scope: 'department' },
  { username: 'kiemtra', displayName: 'Kiểm tra viên (demo)', role: 'auditor', scope: 'global' },
  { username: 'tichhop', displayName: 'Tích hợp một cửa (demo)', role: 'integration', scope: 'global' },
];

/**
 * `hailong start --demo`: one account per role, scoped to the demo province or its first
 * department, each with a fresh random password (returned once, to be printed; never stored in
 * clear). Marked `demo`: a production start refuses them. Does nothing when accounts exist.
 */
export async function createDemoAccounts(deps: AppDeps): Promise<DemoAccount[]> {
  const existing = await deps.db.selectFrom('staff_user').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  const province = await deps.db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('code')
    .executeTakeFirst();
  const department = await deps.db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('level', '=', 'department')
    .orderBy('code')
    .executeTakeFirst();
  if (!province || !department) return [];
  const accounts: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const agency = account.scope === 'global' ? null : account.scope === 'province' ? province : department;
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    await createUser(deps, {
      username: account.username,
      displayName: account.displayName,
      password,
      grants: [{ role: account.role, agencyId: agency?.id ?? null }],
      demo: true,
    });
    accounts.push({
      username: account.username,
      password,
      role: account.role,
      agencyName: agency?.name ?? null,
    });
  }
  return accounts;
}
