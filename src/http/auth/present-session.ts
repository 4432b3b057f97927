import type { ResolvedSession } from '#app/auth/resolve-session.ts';
import type { RoleGrant } from '#domain/auth/actor.ts';
import { ACTIONS, canAnywhere, type Action } from '#domain/auth/policy.ts';
import { z } from 'zod';

export const RoleGrantView = z.object({
  role: z.string(),
  agencyId: z.string().nullable().describe('root of the subtree; null: every agency'),
});

/** GET /api/v1/auth/session: who is signed in, their roles and the CSRF token to send back. */
export const SessionView = z.union([
  z.object({ signedIn: z.literal(false) }),
  z.object({
    signedIn: z.literal(true),
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    grants: z.array(RoleGrantView),
    actions: z
      .array(z.enum(ACTIONS))
      .describe(
        'the actions the user may do in at least one agency, sorted: for showing only what they can use (the server still checks each request)',
      ),
    csrfToken: z.string().describe('send it in the x-csrf-token header of every POST/PUT/DELETE'),
    expiresAt: z.string(),
  }),
]);
export type SessionView = z.infer<typeof SessionView>;

function presentGrants(grants: readonly RoleGrant[]): { role: string; agencyId: string | null }[] {
  return grants.map((grant) => ({ role: grant.role, agencyId: grant.agencyId }));
}

/** The policy's actions the actor holds somewhere (in any agency of any grant), sorted. */
function actionsOf(actor: ResolvedSession['actor']): Action[] {
  return ACTIONS.filter((action) => canAnywhere(actor, action)).sort();
}

export function presentSession(session: ResolvedSession | null): SessionView {
  if (session === null) return { signedIn: false };
  return {
    signedIn: true,
    user: {
      id: session.actor.userId,
      username: session.actor.username,
      displayName: session.actor.displayName,
    },
    grants: presentGrants(session.actor.grants),
    actions: actionsOf(session.actor),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}
