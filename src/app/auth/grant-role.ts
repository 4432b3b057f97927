import type { RoleGrant } from '#domain/auth/actor.ts';
import { mayBeGlobal } from '#domain/auth/policy.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps, Db } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { inTransaction } from '../transaction.ts';

/**
 * Checks the grant's scope and inserts it unless the user already holds it (idempotent: nothing
 * is written or logged then). A new grant appends `user.role_granted` (system chain) with the
 * digest of the grant row, in the caller's transaction.
 */
export async function insertRoleGrant(
  trx: Db,
  deps: AppDeps,
  userId: string,
  grant: RoleGrant,
): Promise<void> {
  if (grant.agencyId === null) {
    if (!mayBeGlobal(grant.role))
      throw new DomainError('ROLE_SCOPE_INVALID', {
        problems: [{ field: 'agencyId', message: 'vai trò này phải gắn với một cơ quan, đơn vị' }],
      });
  } else {
    const agency = await trx
      .selectFrom('agency')
      .select('id')
      .where('id', '=', grant.agencyId)
      .executeTakeFirst();
    if (!agency)
      throw new DomainError('AGENCY_NOT_FOUND', {
        problems: [{ field: 'agencyId', message: 'không có cơ quan này' }],
      });
  }
  const existing = await trx
    .selectFrom('staff_role_grant')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where((eb) =>
      grant.agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', grant.agencyId),
    )
    .executeTakeFirst();
  if (existing) return;
  const written = await trx
    .insertInto('staff_role_grant')
    .values({
      id: deps.newId(),
      user_id: userId,
      role: grant.role,
      agency_id: grant.agencyId,
      granted_at: new Date(deps.now()),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(trx, deps, {
    agencyId: null,
    action: 'user.role_granted',
    target: { table: 'staff_role_grant', key: written.id },
    after: written,
  });
}

/** Grants a role over a subtree of agencies (or globally, for the roles that may be global). */
export async function grantRole(deps: AppDeps, userId: string, grant: RoleGrant): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const user = await trx.selectFrom('staff_user').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new DomainError('USER_NOT_FOUND');
    await insertRoleGrant(trx, deps, userId, grant);
  });
}
