import type { RoleGrant } from '#domain/auth/actor.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { STAFF_ACCOUNT_AUDITED_COLUMNS, staffAccountAuditRecord } from '../audit/audited-records.ts';
import { inTransaction, isUniqueViolation } from '../transaction.ts';
import { insertRoleGrant } from './grant-role.ts';
import { assertPasswordRules, hashPassword } from './passwords.ts';
import { requireValidUsername } from './usernames.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  officialId?: string | null;
  grants?: readonly RoleGrant[];
  /** Made by `hailong start --demo`: production refuses to start while such accounts exist. */
  demo?: boolean;
}

/**
 * Creates a staff account (password rules checked, argon2id hash) with its first role grants.
 * The log gets `user.created` (the account without its password hash) and one
 * `user.role_granted` per grant, on the system chain, in the same transaction.
 */
export async function createUser(deps: AppDeps, input: CreateUserInput): Promise<{ id: string }> {
  const username = requireValidUsername(input.username);
  const displayName = input.displayName.trim();
  if (displayName.length === 0)
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'displayName', message: 'không được để trống' }],
    });
  assertPasswordRules(username, input.password);
  const passwordHash = await hashPassword(input.password);
  const id = deps.newId();
  const now = new Date(deps.now());
  try {
    await inTransaction(deps.db, async (trx) => {
      if (input.officialId) {
        const official = await trx
          .selectFrom('official')
          .select('id')
          .where('id', '=', input.officialId)
          .executeTakeFirst();
        if (!official)
          throw new DomainError('OFFICIAL_NOT_FOUND', {
            problems: [{ field: 'officialId', message: 'không có cán bộ này' }],
          });
      }
      const written = await trx
        .insertInto('staff_user')
        .values({
          id,
          username,
          display_name: displayName,
          official_id: input.officialId ?? null,
          password_hash: passwordHash,
          password_changed_at: now,
          demo: input.demo === true,
          created_at: now,
        })
        .returning(STAFF_ACCOUNT_AUDITED_COLUMNS)
        .executeTakeFirstOrThrow();
      // The account's entry comes before its grants' (insertRoleGrant appends one each), so the
      // chain reads in the order things happened; the few grant inserts after it are short.
      await appendAudit(trx, deps, {
        agencyId: null,
        action: 'user.created',
        target: { table: 'staff_user', key: id },
        after: staffAccountAuditRecord(written),
      });
      for (const grant of input.grants ?? []) await insertRoleGrant(trx, deps, id, grant);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('USERNAME_TAKEN', {
        problems: [{ field: 'username', message: 'tên đăng nhập đã được dùng' }],
      });
    throw error;
  }
  return { id };
}
