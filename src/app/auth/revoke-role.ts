import type { RoleGrant } from '#domain/auth/actor.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';

/** Takes a role grant away; the user's open sessions lose it at their next request. */
export async function revokeRole(deps: AppDeps, userId: string, grant: RoleGrant): Promise<void> {
  const deleted = await deps.db
    .deleteFrom('staff_role_grant')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where((eb) =>
      grant.agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', grant.agencyId),
    )
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n)
    throw new DomainError('NOT_FOUND', { message: 'Tài khoản không có vai trò này trong phạm vi này.' });
}
