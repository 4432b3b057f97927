import type { RoleGrant } from '#domain/auth/actor.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { inTransaction } from '../transaction.ts';

/**
 * Takes a role grant away; the user's open sessions lose it at their next request. The log gets
 * `user.role_revoked` (system chain) with the digest of the grant row as it was, and no after.
 */
export async function revokeRole(deps: AppDeps, userId: string, grant: RoleGrant): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const deleted = await trx
      .deleteFrom('staff_role_grant')
      .where('user_id', '=', userId)
      .where('role', '=', grant.role)
      .where((eb) =>
        grant.agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', grant.agencyId),
      )
      .returningAll()
      .execute();
    if (deleted.length === 0)
      throw new DomainError('NOT_FOUND', { message: 'Tài khoản không có vai trò này trong phạm vi này.' });
    // insertRoleGrant keeps one row per (user, role, scope); should older data hold twins, each is logged.
    for (const row of deleted) {
      await appendAudit(trx, deps, {
        agencyId: null,
        action: 'user.role_revoked',
        target: { table: 'staff_role_grant', key: row.id },
        before: row,
      });
    }
  });
}
