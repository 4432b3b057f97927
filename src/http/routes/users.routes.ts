import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { agencyResource } from '#app/auth/agency-path.ts';
import { createUser } from '#app/auth/create-user.ts';
import { disableUser } from '#app/auth/disable-user.ts';
import { grantRole } from '#app/auth/grant-role.ts';
import { loadRoleGrants } from '#app/auth/load-staff-actor.ts';
import { listUsers } from '#app/auth/list-users.ts';
import { PASSWORD_MAX_LENGTH } from '#app/auth/passwords.ts';
import { revokeRole } from '#app/auth/revoke-role.ts';
import { currentRequestContext } from '#app/request-context.ts';
import type { Db } from '#app/deps.ts';
import { ROLES, type RoleGrant } from '#domain/auth/actor.ts';
import { canGrantRole, type Resource } from '#domain/auth/policy.ts';
import { DomainError } from '#domain/errors.ts';
import { ANY_AGENCY } from '../auth/resources.ts';
import { policy } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';

const tags = ['users'];
const Uuid = z.uuid();
const UserParams = z.object({ id: Uuid });
const Grant = z
  .object({
    role: z.enum(ROLES),
    agencyId: Uuid.nullable().describe('root of the subtree; null: every agency (global roles only)'),
  })
  .strict();
const UserGrant = z.object({
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  agencyCode: z.string().nullable(),
  agencyName: z.string().nullable(),
});
const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  officialId: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  demo: z.boolean(),
  createdAt: z.string(),
  grants: z.array(UserGrant),
});

async function grantResource(db: Db, grant: RoleGrant): Promise<Resource> {
  return grant.agencyId === null ? { global: true } : agencyResource(db, grant.agencyId);
}

/** Refuses a grant the signed-in actor may not hand out (more power than they hold there). */
async function assertMayGrant(db: Db, grants: readonly RoleGrant[]): Promise<void> {
  const { actor } = currentRequestContext();
  for (const grant of grants) {
    if (!canGrantRole(actor, grant.role, await grantResource(db, grant)))
      throw new DomainError('FORBIDDEN', {
        message: 'Bạn không được cấp vai trò này trong phạm vi này.',
        details: { role: grant.role, agencyId: grant.agencyId },
      });
  }
}

/**
 * Staff accounts and their roles (issue 5, point 2). Everything here needs `user.manage`; a
 * user is managed by whoever holds `user.manage` over every subtree the user's roles reach.
 */
export function registerUserRoutes(app: ZodApp, ctx: HttpContext): void {
  const db = ctx.deps.db;
  const userScope = async (request: FastifyRequest): Promise<Resource[]> => {
    const { id } = UserParams.parse(request.params);
    const grants = await loadRoleGrants(db, id);
    if (grants.length === 0) return [{ anyAgency: true }];
    return Promise.all(grants.map((grant) => grantResource(db, grant)));
  };
  const grantScope = async (request: FastifyRequest): Promise<Resource> =>
    grantResource(db, Grant.parse(request.body));

  app.get(
    '/api/v1/users',
    {
      config: { access: policy('user.manage', ANY_AGENCY) },
      schema: {
        tags,
        summary: 'Staff accounts with their roles',
        response: { 200: z.object({ users: z.array(User) }) },
      },
    },
    async () => ({ users: await listUsers(db, ctx.deps.now()) }),
  );
  app.post(
    '/api/v1/users',
    {
      config: { access: policy('user.manage', ANY_AGENCY) },
      schema: {
        tags,
        summary: 'Create a staff account (password ≥ 12 characters, not the username, not a common one)',
        body: z
          .object({
            username: z.string().trim().min(1).max(64),
            displayName: z.string().trim().min(1).max(200),
            password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
            officialId: Uuid.nullable().optional(),
            grants: z.array(Grant).max(50).optional(),
          })
          .strict(),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const grants = request.body.grants ?? [];
      await assertMayGrant(db, grants);
      const created = await createUser(ctx.deps, {
        username: request.body.username,
        displayName: request.body.displayName,
        password: request.body.password,
        officialId: request.body.officialId ?? null,
        grants,
      });
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/v1/users/:id/roles',
    {
      config: { access: policy('user.manage', grantScope) },
      schema: { tags, summary: 'Grant a role over a subtree of agencies', params: UserParams, body: Grant },
    },
    async (request, reply) => {
      await assertMayGrant(db, [request.body]);
      await grantRole(ctx.deps, request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/users/:id/roles/revoke',
    {
      config: { access: policy('user.manage', grantScope) },
      schema: { tags, summary: 'Take a role grant away', params: UserParams, body: Grant },
    },
    async (request, reply) => {
      await assertMayGrant(db, [request.body]);
      await revokeRole(ctx.deps, request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/users/:id/disable',
    {
      config: { access: policy('user.manage', userScope) },
      schema: { tags, summary: 'Disable an account: no more sign-in, its sessions end', params: UserParams },
    },
    async (request, reply) => {
      if (request.staffSession?.actor.userId === request.params.id)
        throw new DomainError('FORBIDDEN', { message: 'Không thể tự vô hiệu hóa tài khoản của chính mình.' });
      await disableUser(ctx.deps, request.params.id);
      return reply.status(204).send();
    },
  );
}
