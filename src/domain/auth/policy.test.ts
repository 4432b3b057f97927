import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from './actor.ts';
import {
  ACTIONS,
  can,
  canAnywhere,
  canGrantRole,
  grantCovers,
  scopeOf,
  type Action,
  type Resource,
} from './policy.ts';

/** The agency tree of the tables: province P ⊃ department D ⊃ commune C; sibling department S. */
const P = 'p';
const D = 'd';
const C = 'c';
const S = 's';
const AT_D: Resource = { agencyPath: [P, D] };
const AT_C: Resource = { agencyPath: [P, D, C] };
const AT_S: Resource = { agencyPath: [P, S] };
const AT_P: Resource = { agencyPath: [P] };

function staff(role: Role, agencyId: string | null): Actor {
  return { kind: 'staff', userId: 'u', username: 'u', displayName: 'U', grants: [{ role, agencyId }] };
}

/**
 * The expected table, written out by hand (not derived from the code): columns are
 * PO provincial_office, LE agency_leader, KS focal_official, CO counter_official,
 * HA handling_official, AU auditor, IN integration; system_admin may do everything.
 */
const COLUMNS: readonly Role[] = [
  'provincial_office',
  'agency_leader',
  'focal_official',
  'counter_official',
  'handling_official',
  'auditor',
  'integration',
];
const TABLE: Record<Action, string> = {
  //                         PO LE KS CO HA AU IN
  'catalog.read': /*      */ 'x  x  x  x  x  x  x',
  'catalog.write': /*     */ 'x  .  x  .  .  .  .',
  'calendar.write': /*    */ 'x  .  .  .  .  .  .',
  'dossier.read': /*      */ 'x  x  x  x  x  x  x',
  'dossier.write': /*     */ '.  .  .  x  x  .  x',
  'dossier.invite_rating': '.  .  .  x  .  .  .',
  'rating.issue_token': /**/ '.  .  .  x  .  .  .',
  'slip.print': /*        */ '.  .  x  x  .  .  .',
  'rating.key_paper': /*  */ '.  .  x  x  .  .  .',
  'rating.ingest': /*     */ '.  .  .  .  .  .  x',
  'rating.read': /*       */ 'x  x  x  x  x  x  .',
  'rating.correct.propose': '.  .  x  x  .  .  .',
  'rating.correct.decide': 'x  x  x  .  .  .  .',
  'rating.appeal': /*     */ '.  .  .  x  x  .  .',
  'contact.read': /*      */ 'x  x  x  .  .  .  .',
  'integrity.read': /*    */ 'x  x  x  .  .  x  .',
  'device.manage': /*     */ 'x  x  x  .  .  .  .',
  'integration.manage': /**/ '.  .  .  .  .  .  .',
  'score.read': /*        */ 'x  x  x  x  x  x  .',
  'score.assess': /*      */ 'x  .  x  .  .  .  .',
  'score.recompute': /*   */ 'x  .  .  .  .  .  .',
  'report.submit': /*     */ 'x  x  x  .  .  .  .',
  'result.publish': /*    */ 'x  .  .  .  .  .  .',
  'audit.read': /*        */ 'x  x  x  .  .  x  .',
  'audit.verify': /*      */ 'x  .  .  .  .  x  .',
  'user.manage': /*       */ 'x  .  .  .  .  .  .',
};

function expected(role: Role, action: Action): boolean {
  if (role === 'system_admin') return true;
  const marks = TABLE[action].split(/\s+/);
  return marks[COLUMNS.indexOf(role)] === 'x';
}

const cases = ROLES.flatMap((role) =>
  ACTIONS.map((action) => ({ role, action, allowed: expected(role, action) })),
);

describe('can(actor, action, resource): role × action × inside / outside the subtree', () => {
  it('the table names every action and every role', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) expect(TABLE[action].split(/\s+/)).toHaveLength(COLUMNS.length);
  });

  it.each(cases)('$role $action: inside → $allowed, outside → false', ({ role, action, allowed }) => {
    // A grant rooted at department D (system administrators and the global roles too: scoped here).
    const actor = staff(role, D);
    expect(can(actor, action, AT_D)).toBe(allowed);
    expect(can(actor, action, AT_C)).toBe(allowed); // a descendant is inside
    expect(can(actor, action, AT_S)).toBe(false); // a sibling is outside
    expect(can(actor, action, AT_P)).toBe(false); // the parent is outside
    expect(can(actor, action, { global: true })).toBe(false); // a subtree never covers the province
    expect(canAnywhere(actor, action)).toBe(allowed);
  });

  it.each(ROLES)('%s granted globally: everywhere for the global roles, nowhere for the others', (role) => {
    const actor = staff(role, null);
    const globalRole = ['system_admin', 'provincial_office', 'auditor', 'integration'].includes(role);
    for (const action of ACTIONS) {
      for (const resource of [AT_D, AT_S, { global: true } as const]) {
        expect(can(actor, action, resource)).toBe(globalRole && expected(role, action));
      }
    }
  });
});

describe('actors that are not staff', () => {
  it('the system may do everything; anonymous callers and devices nothing', () => {
    for (const action of ACTIONS) {
      expect(can({ kind: 'system', name: 'cli' }, action, AT_D)).toBe(true);
      expect(can({ kind: 'anonymous' }, action, AT_D)).toBe(false);
      expect(can({ kind: 'device', deviceId: 'x' }, action, { anyAgency: true })).toBe(false);
    }
  });

  it('a signed integration acts as the integration role over every agency', () => {
    const integration: Actor = { kind: 'integration', integrationId: 'i' };
    expect(can(integration, 'rating.ingest', AT_S)).toBe(true);
    expect(can(integration, 'dossier.write', { global: true })).toBe(true);
    expect(can(integration, 'score.read', AT_S)).toBe(false);
  });

  it('several grants: the union of what each allows where it reaches', () => {
    const actor: Actor = {
      kind: 'staff',
      userId: 'u',
      username: 'u',
      displayName: 'U',
      grants: [
        { role: 'counter_official', agencyId: C },
        { role: 'auditor', agencyId: S },
      ],
    };
    expect(can(actor, 'rating.key_paper', AT_C)).toBe(true);
    expect(can(actor, 'rating.key_paper', AT_S)).toBe(false);
    expect(can(actor, 'audit.read', AT_S)).toBe(true);
    expect(can(actor, 'audit.read', AT_C)).toBe(false);
  });

  it('grantCovers: the root on the path, never a global resource from a subtree', () => {
    expect(grantCovers({ role: 'agency_leader', agencyId: D }, AT_C)).toBe(true);
    expect(grantCovers({ role: 'agency_leader', agencyId: C }, AT_D)).toBe(false);
    expect(grantCovers({ role: 'agency_leader', agencyId: D }, { anyAgency: true })).toBe(true);
    expect(grantCovers({ role: 'agency_leader', agencyId: null }, AT_D)).toBe(false);
  });
});

describe('canGrantRole: inside one’s user.manage scope, privileged roles by system administrators only', () => {
  const office = staff('provincial_office', D);
  const admin = staff('system_admin', null);
  it.each(ROLES)('%s', (role) => {
    const privileged = role === 'system_admin' || role === 'integration';
    expect(canGrantRole(office, role, AT_C)).toBe(!privileged);
    expect(canGrantRole(office, role, AT_S)).toBe(false);
    expect(canGrantRole(staff('agency_leader', D), role, AT_D)).toBe(false);
    expect(canGrantRole(admin, role, AT_S)).toBe(true);
    expect(canGrantRole(admin, role, { global: true })).toBe(true);
  });
});

describe('scopeOf(actor, action): where a list is filtered to', () => {
  it('everywhere for global grants and the system; the grant roots otherwise; none without the action', () => {
    expect(scopeOf(staff('system_admin', null), 'dossier.read')).toEqual({ everywhere: true });
    expect(scopeOf({ kind: 'system', name: 'cli' }, 'audit.read')).toEqual({ everywhere: true });
    expect(scopeOf(staff('counter_official', D), 'dossier.read')).toEqual({ everywhere: false, roots: [D] });
    expect(scopeOf(staff('counter_official', D), 'audit.read')).toEqual({ everywhere: false, roots: [] });
    const twoGrants: Actor = {
      kind: 'staff',
      userId: 'u',
      username: 'u',
      displayName: 'U',
      grants: [
        { role: 'handling_official', agencyId: S },
        { role: 'agency_leader', agencyId: C },
        { role: 'counter_official', agencyId: null },
      ],
    };
    // A global grant of a role that may not be global covers nothing (as in can()).
    expect(scopeOf(twoGrants, 'dossier.read')).toEqual({ everywhere: false, roots: [C, S] });
    expect(scopeOf(twoGrants, 'integrity.read')).toEqual({ everywhere: false, roots: [C] });
    expect(scopeOf({ kind: 'anonymous' }, 'dossier.read')).toEqual({ everywhere: false, roots: [] });
  });
});
