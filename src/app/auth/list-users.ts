import type { Role } from '#domain/auth/actor.ts';
import type { Db } from '../deps.ts';
import { NO_AGENCY, visibleAgencyIds } from './actor-scope.ts';

export interface UserGrantView {
  role: Role;
  agencyId: string | null;
  agencyCode: string | null;
  agencyName: string | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  officialId: string | null;
  disabled: boolean;
  locked: boolean;
  demo: boolean;
  createdAt: string;
  grants: UserGrantView[];
}

/**
 * The staff accounts the caller manages, with their role grants (never a hash), by username: every
 * account for a province-wide `user.manage`; otherwise those holding a role inside the caller's
 * subtrees (issue 5: a provincial office scoped to a department sees that department's people).
 */
export async function listUsers(db: Db, now: number): Promise<UserView[]> {
  const visible = await visibleAgencyIds(db, 'user.manage');
  let query = db.selectFrom('staff_user');
  if (visible !== null)
    query = query.where('id', 'in', (qb) =>
      qb
        .selectFrom('staff_role_grant')
        .select('user_id')
        .where('agency_id', 'in', [NO_AGENCY, ...visible]),
    );
  const users = await query
    .select([
      'id',
      'username',
      'display_name',
      'official_id',
      'disabled_at',
      'locked_until',
      'demo',
      'created_at',
    ])
    .orderBy('username')
    .execute();
  const grants = await db
    .selectFrom('staff_role_grant')
    .leftJoin('agency', 'agency.id', 'staff_role_grant.agency_id')
    .select([
      'staff_role_grant.user_id',
      'staff_role_grant.role',
      'staff_role_grant.agency_id',
      'agency.code',
      'agency.name',
    ])
    .orderBy('staff_role_grant.granted_at')
    .orderBy('staff_role_grant.id')
    .execute();
  return users.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    officialId: user.official_id,
    disabled: user.disabled_at !== null,
    locked: user.locked_until !== null && user.locked_until.getTime() > now,
    demo: user.demo,
    createdAt: user.created_at.toISOString(),
    grants: grants
      .filter((grant) => grant.user_id === user.id)
      .map((grant) => ({
        role: grant.role,
        agencyId: grant.agency_id,
        agencyCode: grant.code,
        agencyName: grant.name,
      })),
  }));
}
