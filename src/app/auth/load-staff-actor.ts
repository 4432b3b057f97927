import type { Actor, RoleGrant } from '#domain/auth/actor.ts';
import type { Db } from '../deps.ts';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The role grants of a user, global ones first. */
export async function loadRoleGrants(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('staff_role_grant')
    .select(['role', 'agency_id'])
    .where('user_id', '=', userId)
    .orderBy('granted_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ role: row.role, agencyId: row.agency_id }));
}

/** The staff actor of an active user (null when the user does not exist or is disabled). */
export async function loadStaffActor(db: Db, userId: string): Promise<StaffActor | null> {
  const user = await db
    .selectFrom('staff_user')
    .select(['id', 'username', 'display_name'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  return {
    kind: 'staff',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    grants: await loadRoleGrants(db, user.id),
  };
}
