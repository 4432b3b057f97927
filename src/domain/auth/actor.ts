/**
 * Who does something (issue 5): a signed-in staff member with role grants scoped to subtrees of
 * agencies, a registered integration or counter device (they sign their requests), anyone on a
 * public route (anonymous: citizens need no account), or the system itself (CLI, seed, jobs).
 */
export const ROLES = [
  'system_admin',
  'provincial_office',
  'agency_leader',
  'focal_official',
  'counter_official',
  'handling_official',
  'auditor',
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

/** A role over the subtree rooted at `agencyId`; null means every agency (system administrators). */
export interface RoleGrant {
  role: Role;
  agencyId: string | null;
}

export type Actor =
  | { kind: 'staff'; userId: string; username: string; displayName: string; grants: readonly RoleGrant[] }
  | { kind: 'integration'; integrationId: string }
  | { kind: 'device'; deviceId: string }
  | { kind: 'anonymous' }
  | { kind: 'system'; name: string };

/** A short, stable label of an actor for logs and the audit chain (never a secret). */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return `staff:${actor.username}`;
    case 'integration':
      return `integration:${actor.integrationId}`;
    case 'device':
      return `device:${actor.deviceId}`;
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.name}`;
  }
}
