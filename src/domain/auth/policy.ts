import type { Actor, Role, RoleGrant } from './actor.ts';

/**
 * What an actor may do (issue 5, point 2): one closed list of actions covering every route, a
 * table role → actions, and a scope rule (a grant covers the subtree of agencies rooted at its
 * agency). Pure: the agency path of a resource is loaded by the caller (app/auth/agency-path.ts).
 */
export const ACTIONS = [
  'catalog.read',
  'catalog.write',
  'calendar.write',
  'dossier.read',
  'dossier.write',
  'dossier.invite_rating',
  'rating.issue_token',
  'slip.print',
  'rating.key_paper',
  'rating.ingest',
  'rating.read',
  'rating.correct.propose',
  'rating.correct.decide',
  'rating.appeal',
  'contact.read',
  'integrity.read',
  'device.manage',
  'integration.manage',
  'score.read',
  'score.assess',
  'score.recompute',
  'report.submit',
  'result.publish',
  'audit.read',
  'audit.verify',
  'user.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * What an action is done to:
 * - `agencyPath`: an agency's ids from the root of the tree down to the agency itself;
 * - `global`: something of the whole province (the calendar, integrations, a full recompute);
 * - `anyAgency`: a list the use case then filters to the actor's scope (the route only asks
 *   whether the actor holds the action somewhere).
 */
export type Resource = { agencyPath: readonly string[] } | { global: true } | { anyAgency: true };

const READ_ONLY: readonly Action[] = [
  'catalog.read',
  'dossier.read',
  'rating.read',
  'score.read',
  'integrity.read',
  'audit.read',
];

/**
 * The role table. Corrections need a proposer and a different decider (NĐ 61/2018 Điều 27:
 * nobody alone may alter an evaluation), so officials at the counter propose and KSTTHC /
 * leaders decide; the rated official may appeal but never correct. Auditors only read (and
 * verify the audit chain); contact details of citizens are not shown to them (data minimisation).
 */
export const ROLE_ACTIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  system_admin: new Set(ACTIONS),
  provincial_office: new Set<Action>([
    ...READ_ONLY,
    'catalog.write',
    'calendar.write',
    'rating.correct.decide',
    'contact.read',
    'device.manage',
    'score.assess',
    'score.recompute',
    'report.submit',
    // The provincial office compiles, classifies, ranks and publishes (Thông tư 01/2018 Điều 15 khoản 4).
    'result.publish',
    'audit.verify',
    'user.manage',
  ]),
  agency_leader: new Set<Action>([
    ...READ_ONLY,
    'rating.correct.decide',
    'contact.read',
    'device.manage',
    // The unit reports its results and proposed remedies to the level above (Điều 15 khoản 4).
    'report.submit',
  ]),
  focal_official: new Set<Action>([
    ...READ_ONLY,
    'catalog.write',
    'slip.print',
    // The KSTTHC collects the paper slips and keys them in (Thông tư 01/2018 Điều 12).
    'rating.key_paper',
    'rating.correct.propose',
    'rating.correct.decide',
    'contact.read',
    'device.manage',
    'score.assess',
    'report.submit',
  ]),
  counter_official: new Set<Action>([
    'catalog.read',
    'dossier.read',
    'dossier.write',
    'dossier.invite_rating',
    'rating.issue_token',
    'slip.print',
    'rating.key_paper',
    'rating.read',
    'rating.correct.propose',
    'rating.appeal',
    'score.read',
  ]),
  handling_official: new Set<Action>([
    'catalog.read',
    'dossier.read',
    'dossier.write',
    'rating.read',
    'rating.appeal',
    'score.read',
  ]),
  auditor: new Set<Action>([...READ_ONLY, 'audit.verify']),
  integration: new Set<Action>(['catalog.read', 'dossier.read', 'dossier.write', 'rating.ingest']),
};

/**
 * Roles that may be granted over every agency (agencyId null); the others need a subtree root.
 * A registered integration is province-wide (the province's one-stop software, its hotline).
 */
export const GLOBAL_ROLES: ReadonlySet<Role> = new Set<Role>([
  'system_admin',
  'provincial_office',
  'auditor',
  'integration',
]);

/** True when a grant of this role may be global (null agency). */
export function mayBeGlobal(role: Role): boolean {
  return GLOBAL_ROLES.has(role);
}

/** Whether `grant` reaches `resource`: its root is on the resource's path, or it is global. */
export function grantCovers(grant: RoleGrant, resource: Resource): boolean {
  if (grant.agencyId === null) return mayBeGlobal(grant.role);
  if ('anyAgency' in resource) return true;
  if ('global' in resource) return false;
  return resource.agencyPath.includes(grant.agencyId);
}

/** The grants an actor acts under (signed integrations act as the integration role, province-wide). */
function grantsOf(actor: Actor): readonly RoleGrant[] {
  switch (actor.kind) {
    case 'staff':
      return actor.grants;
    case 'integration':
      return [{ role: 'integration', agencyId: null }];
    case 'device':
    case 'anonymous':
    case 'system':
      return [];
  }
}

/**
 * The policy: may `actor` do `action` to `resource`? The system itself (CLI, seed, jobs) may do
 * everything; anonymous callers and counter devices nothing here (their routes check a token or
 * a signature instead).
 */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.kind === 'system') return true;
  return grantsOf(actor).some(
    (grant) => ROLE_ACTIONS[grant.role].has(action) && grantCovers(grant, resource),
  );
}

/** May the actor do `action` somewhere at all (decides 403 against 404 for out-of-scope resources). */
export function canAnywhere(actor: Actor, action: Action): boolean {
  return can(actor, action, { anyAgency: true });
}

/** Roles only a system administrator may hand out (all power; machine access to every agency). */
const PRIVILEGED_ROLES: ReadonlySet<Role> = new Set<Role>(['system_admin', 'integration']);

/**
 * May `actor` grant (or take away) `role` over `resource`? With `user.manage` there; the
 * privileged roles only by a system administrator reaching the resource (a provincial office
 * manages the people of its subtree but cannot make a system administrator).
 */
export function canGrantRole(actor: Actor, role: Role, resource: Resource): boolean {
  if (!can(actor, 'user.manage', resource)) return false;
  if (!PRIVILEGED_ROLES.has(role)) return true;
  return (
    actor.kind === 'system' ||
    (actor.kind === 'staff' &&
      actor.grants.some((grant) => grant.role === 'system_admin' && grantCovers(grant, resource)))
  );
}

/**
 * Where the actor may do `action`, for filtering lists: `everywhere`, or the roots of the
 * subtrees their grants cover (possibly none). The list use cases expand the roots with the
 * agency tree; the route has already refused actors without the action anywhere.
 */
export type ActionScope = { everywhere: true } | { everywhere: false; roots: readonly string[] };

export function scopeOf(actor: Actor, action: Action): ActionScope {
  if (actor.kind === 'system') return { everywhere: true };
  const roots = new Set<string>();
  for (const grant of grantsOf(actor)) {
    if (!ROLE_ACTIONS[grant.role].has(action)) continue;
    if (grant.agencyId === null) {
      if (mayBeGlobal(grant.role)) return { everywhere: true };
      continue;
    }
    roots.add(grant.agencyId);
  }
  return { everywhere: false, roots: [...roots].sort() };
}
