import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueRatingToken } from '#app/ratings/rating-tokens.ts';
import { ROLES, type Role } from '#domain/auth/actor.ts';
import { GLOBAL_ROLES, ROLE_ACTIONS, type Action } from '#domain/auth/policy.ts';
import type { ErrorCode } from '#domain/errors.ts';
import { createTestCounter } from '#test/support/device.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { createStaffUser, TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp, type TestSession } from '#test/support/http.ts';

/**
 * Issue 5 acceptance: "an authorization test covers every route in the OpenAPI document for
 * every role, in and out of scope (403/404 where it must)". The table below is written by hand
 * — which action each route needs and what it acts on — and the walk proves the running app
 * enforces it: anonymous callers get 401, a role without the action 403, a role holding it
 * only over another agency 403 or the route's own not-found (so another agency's dossier looks
 * exactly like none), and a role holding it there gets through. Every role is tried scoped to
 * one department (H99.01: "in"; H99.02 is "out"), and the roles that may be province-wide also
 * with a province-wide grant.
 */

type Side = 'in' | 'out';

/** The things of one department the requests act on. */
interface SideFixture {
  agencyId: string;
  agencyCode: string;
  dossierCode: string;
  ratingId: string;
  correctionId: string;
  deviceId: string;
  counterId: string;
  officialId: string;
  userId: string;
}

type Access =
  | { kind: 'public' | 'signed' | 'signedIn' }
  /** Lists and province-published tables: any grant of the action will do (lists are filtered). */
  | { kind: 'anyAgency'; actions: readonly Action[] }
  /** Province-wide things: only a province-wide grant of the action. */
  | { kind: 'province'; action: Action }
  /** One agency's thing: a grant of the action over it; outside, 403 or `hide` (its not-found). */
  | { kind: 'agency'; action: Action; hide?: ErrorCode };

interface RouteCase {
  access: Access;
  request(side: SideFixture, unique: string): InjectOptions;
}

const PERIOD = '2025-Q3';
const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_INVALID']);

const anyOf = (...actions: Action[]): Access => ({ kind: 'anyAgency', actions });
const agency = (action: Action, hide?: ErrorCode): Access =>
  hide === undefined ? { kind: 'agency', action } : { kind: 'agency', action, hide };
const province = (action: Action): Access => ({ kind: 'province', action });
const open: Access = { kind: 'public' };

/** Every route of the OpenAPI document, keyed "METHOD /path/{param}". Order matters: revocations last. */
const ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/health': { access: open, request: () => ({ method: 'GET', url: '/api/v1/health' }) },
  'GET /api/v1/auth/session': {
    access: open,
    request: () => ({ method: 'GET', url: '/api/v1/auth/session' }),
  },
  'POST /api/v1/auth/sign-in': {
    access: open,
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'khong-co', password: 'sai mật khẩu' },
    }),
  },
  'POST /api/v1/auth/sign-out': {
    access: open,
    request: () => ({ method: 'POST', url: '/api/v1/auth/sign-out' }),
  },
  'POST /api/v1/auth/sign-out-everywhere': {
    access: { kind: 'signedIn' },
    request: () => ({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere' }),
  },
  'POST /api/v1/auth/password': {
    access: { kind: 'signedIn' },
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'không phải mật khẩu', newPassword: 'một mật khẩu mới đủ dài' },
    }),
  },
  'GET /api/v1/calendar/{year}': {
    access: open,
    request: () => ({ method: 'GET', url: '/api/v1/calendar/2025' }),
  },
  'GET /api/v1/calendar/due-date': {
    access: open,
    request: () => ({
      method: 'GET',
      url: '/api/v1/calendar/due-date?receivedAt=2025-07-07T09:00:00%2B07:00&value=5&unit=working_days',
    }),
  },
  'PUT /api/v1/calendar/days/{date}': {
    access: province('calendar.write'),
    request: () => ({
      method: 'PUT',
      url: '/api/v1/calendar/days/2031-01-02',
      payload: { kind: 'day_off', name: 'Nghỉ bù' },
    }),
  },
  'DELETE /api/v1/calendar/days/{date}': {
    access: province('calendar.write'),
    request: () => ({ method: 'DELETE', url: '/api/v1/calendar/days/2031-01-02' }),
  },
  'GET /api/v1/agencies': {
    access: anyOf('catalog.read'),
    request: () => ({ method: 'GET', url: '/api/v1/agencies' }),
  },
  'GET /api/v1/desks': {
    access: anyOf('catalog.read'),
    request: () => ({ method: 'GET', url: '/api/v1/desks' }),
  },
  'GET /api/v1/officials': {
    access: anyOf('catalog.read'),
    request: () => ({ method: 'GET', url: '/api/v1/officials' }),
  },
  'GET /api/v1/procedures': {
    access: anyOf('catalog.read'),
    request: () => ({ method: 'GET', url: '/api/v1/procedures' }),
  },
  'POST /api/v1/agencies': {
    access: agency('catalog.write'),
    request: (side, unique) => ({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { code: `U${unique}`, name: `Đơn vị ${unique}`, level: 'unit', parentCode: side.agencyCode },
    }),
  },
  'POST /api/v1/desks': {
    access: agency('catalog.write'),
    request: (side, unique) => ({
      method: 'POST',
      url: '/api/v1/desks',
      payload: { agencyCode: side.agencyCode, code: `D${unique}`, name: 'Bộ phận Một cửa', kind: 'desk' },
    }),
  },
  'POST /api/v1/counters': {
    access: agency('catalog.write'),
    request: (side, unique) => ({
      method: 'POST',
      url: '/api/v1/counters',
      payload: { agencyCode: side.agencyCode, deskCode: 'BP1C', code: `Q${unique}`, name: `Quầy ${unique}` },
    }),
  },
  'POST /api/v1/officials': {
    access: agency('catalog.write'),
    request: (side, unique) => ({
      method: 'POST',
      url: '/api/v1/officials',
      payload: {
        code: `CB${unique}`,
        fullName: 'Cán Bộ Mới',
        agencyCode: side.agencyCode,
        activeFrom: '2025-01-01',
      },
    }),
  },
  'POST /api/v1/procedures': {
    access: province('catalog.write'),
    request: (_side, unique) => ({
      method: 'POST',
      url: '/api/v1/procedures',
      payload: {
        code: `TT${unique}`,
        name: 'Thủ tục mới',
        sector: 'Tư pháp',
        timeLimitValue: 3,
        timeLimitUnit: 'working_days',
      },
    }),
  },
  'POST /api/v1/catalog/{kind}/import': {
    access: province('catalog.write'),
    request: () => ({ method: 'POST', url: '/api/v1/catalog/procedures/import', payload: [] }),
  },
  'GET /api/v1/dossiers': {
    access: anyOf('dossier.read'),
    request: () => ({ method: 'GET', url: '/api/v1/dossiers' }),
  },
  'POST /api/v1/dossiers': {
    access: agency('dossier.write'),
    request: (side) => ({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        agencyCode: side.agencyCode,
        procedureCode: TEST_CATALOG.procedure5Days,
        channel: 'in_person',
        receivedAt: '2025-08-04T09:00:00+07:00',
      },
    }),
  },
  'GET /api/v1/dossiers/{ref}': {
    access: agency('dossier.read', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'GET', url: `/api/v1/dossiers/${side.dossierCode}` }),
  },
  'POST /api/v1/dossiers/{ref}/events': {
    access: agency('dossier.write', 'DOSSIER_NOT_FOUND'),
    // An event the state machine refuses (the dossier is finished): the route is reached, nothing changes.
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${side.dossierCode}/events`,
      payload: { type: 'teleported', occurredAt: '2025-08-04T09:00:00+07:00' },
    }),
  },
  'GET /api/v1/dossiers/{ref}/score': {
    access: agency('score.read', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'GET', url: `/api/v1/dossiers/${side.dossierCode}/score` }),
  },
  'GET /api/v1/dossiers/{ref}/ratings': {
    access: agency('rating.read', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'GET', url: `/api/v1/dossiers/${side.dossierCode}/ratings` }),
  },
  'GET /api/v1/dossiers/{ref}/follow-up-contacts': {
    access: agency('contact.read', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'GET', url: `/api/v1/dossiers/${side.dossierCode}/follow-up-contacts` }),
  },
  'POST /api/v1/dossiers/{ref}/rating-token': {
    access: agency('rating.issue_token', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'POST', url: `/api/v1/dossiers/${side.dossierCode}/rating-token` }),
  },
  'GET /api/v1/dossiers/{ref}/slip.pdf': {
    access: agency('slip.print', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'GET', url: `/api/v1/dossiers/${side.dossierCode}/slip.pdf` }),
  },
  'POST /api/v1/slips': {
    access: agency('slip.print', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'POST', url: '/api/v1/slips', payload: { dossiers: [side.dossierCode] } }),
  },
  'GET /api/v1/paper-slips/lookup': {
    access: agency('rating.key_paper', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({ method: 'GET', url: `/api/v1/paper-slips/lookup?scanned=${side.dossierCode}` }),
  },
  'POST /api/v1/paper-slips': {
    access: agency('rating.key_paper', 'DOSSIER_NOT_FOUND'),
    // Already rated online: keying it again is a duplicate, never a second counted rating.
    request: (side) => ({
      method: 'POST',
      url: '/api/v1/paper-slips',
      payload: { scanned: side.dossierCode, satisfaction: 4, submittedAt: '2025-07-10T09:00:00+07:00' },
    }),
  },
  'POST /api/v1/ingest/ratings': {
    access: { kind: 'signed' },
    request: () => ({ method: 'POST', url: '/api/v1/ingest/ratings', payload: {} }),
  },
  'POST /api/v1/ratings/{id}/corrections': {
    access: agency('rating.correct.propose', 'RATING_NOT_FOUND'),
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/ratings/${side.ratingId}/corrections`,
      payload: { satisfaction: 5, reason: 'Nhập nhầm phiếu' },
    }),
  },
  'POST /api/v1/rating-corrections/{id}/decision': {
    access: agency('rating.correct.decide', 'CORRECTION_NOT_FOUND'),
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/rating-corrections/${side.correctionId}/decision`,
      payload: { decision: 'rejected', reason: 'Không đủ căn cứ' },
    }),
  },
  'POST /api/v1/ratings/{id}/appeals': {
    access: agency('rating.appeal', 'RATING_NOT_FOUND'),
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/ratings/${side.ratingId}/appeals`,
      payload: { reason: 'Đánh giá không đúng thực tế' },
    }),
  },
  'GET /api/v1/rating-corrections': {
    access: anyOf('rating.read'),
    request: () => ({ method: 'GET', url: '/api/v1/rating-corrections?status=all' }),
  },
  'GET /api/v1/integrity-signals': {
    access: anyOf('integrity.read'),
    request: () => ({ method: 'GET', url: '/api/v1/integrity-signals?from=2025-07-01&to=2025-09-30' }),
  },
  'GET /api/v1/dashboard': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/dashboard?period=${PERIOD}` }),
  },
  // Without "Accept: text/event-stream" an allowed caller gets a validation error, not an endless stream.
  'GET /api/v1/dashboard/events': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: '/api/v1/dashboard/events' }),
  },
  'GET /api/v1/scores/agencies': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/scores/agencies?period=${PERIOD}` }),
  },
  'GET /api/v1/scores/agencies/{agencyId}': {
    access: anyOf('score.read'),
    request: (side) => ({ method: 'GET', url: `/api/v1/scores/agencies/${side.agencyId}?period=${PERIOD}` }),
  },
  'GET /api/v1/scores/qd766': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/scores/qd766?period=${PERIOD}` }),
  },
  'GET /api/v1/scores/satisfaction': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/scores/satisfaction?period=${PERIOD}` }),
  },
  'GET /api/v1/scores/sectors': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/scores/sectors?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/timeliness': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/timeliness?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/units': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/units?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/units/{agencyCode}': {
    access: agency('score.read', 'AGENCY_NOT_FOUND'),
    request: (side) => ({ method: 'GET', url: `/api/v1/reports/units/${side.agencyCode}?period=${PERIOD}` }),
  },
  'PUT /api/v1/reports/units/{agencyCode}': {
    access: agency('report.submit', 'AGENCY_NOT_FOUND'),
    request: (side, unique) => ({
      method: 'PUT',
      url: `/api/v1/reports/units/${side.agencyCode}`,
      payload: { period: PERIOD, remedies: `Biện pháp ${unique}` },
    }),
  },
  'POST /api/v1/reports/units/{agencyCode}/submit': {
    access: agency('report.submit', 'AGENCY_NOT_FOUND'),
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/reports/units/${side.agencyCode}/submit`,
      payload: { period: PERIOD },
    }),
  },
  'GET /api/v1/scores/officials': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/scores/officials?period=${PERIOD}` }),
  },
  'GET /api/v1/scores/officials/{officialId}': {
    access: agency('score.read', 'OFFICIAL_NOT_FOUND'),
    request: (side) => ({
      method: 'GET',
      url: `/api/v1/scores/officials/${side.officialId}?period=${PERIOD}`,
    }),
  },
  'GET /api/v1/scores/dossiers': {
    access: agency('score.read', 'NOT_FOUND'),
    request: (side) => ({
      method: 'GET',
      url: `/api/v1/scores/dossiers?period=${PERIOD}&subjectKind=agency&subjectId=${side.agencyId}`,
    }),
  },
  'GET /api/v1/reports/agencies.xlsx': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/agencies.xlsx?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/officials.xlsx': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/officials.xlsx?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/qd766.xlsx': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/qd766.xlsx?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/satisfaction.xlsx': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/satisfaction.xlsx?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/dossiers.xlsx': {
    access: agency('score.read'),
    request: (side) => ({
      method: 'GET',
      url: `/api/v1/reports/dossiers.xlsx?period=${PERIOD}&agency=${side.agencyCode}`,
    }),
  },
  'GET /api/v1/reports/agencies.pdf': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/agencies.pdf?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/officials.pdf': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/officials.pdf?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/qd766.pdf': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/qd766.pdf?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/satisfaction.pdf': {
    access: anyOf('score.read'),
    request: () => ({ method: 'GET', url: `/api/v1/reports/satisfaction.pdf?period=${PERIOD}` }),
  },
  'GET /api/v1/reports/dossiers.pdf': {
    access: agency('score.read'),
    request: (side) => ({
      method: 'GET',
      url: `/api/v1/reports/dossiers.pdf?period=${PERIOD}&agency=${side.agencyCode}`,
    }),
  },
  'PUT /api/v1/scores/assessments': {
    access: agency('score.assess'),
    request: (side) => ({
      method: 'PUT',
      url: '/api/v1/scores/assessments',
      payload: {
        agencyCode: side.agencyCode,
        period: PERIOD,
        indicator: 'cs5',
        source: 'self',
        points: 2,
        note: 'Biên bản tự đánh giá',
      },
    }),
  },
  'GET /api/v1/devices': {
    access: anyOf('device.manage', 'dossier.invite_rating'),
    request: () => ({ method: 'GET', url: '/api/v1/devices' }),
  },
  'POST /api/v1/devices': {
    access: agency('device.manage'),
    request: (side) => ({
      method: 'POST',
      url: '/api/v1/devices',
      payload: { counterId: side.counterId, name: 'Máy tính bảng' },
    }),
  },
  'POST /api/v1/devices/pair': {
    access: open,
    request: () => ({
      method: 'POST',
      url: '/api/v1/devices/pair',
      payload: { pairingCode: 'ZZZZ-ZZZZ', publicKey: 'A'.repeat(80) },
    }),
  },
  'GET /api/v1/devices/{id}/events': {
    access: { kind: 'signed' },
    request: (side) => ({ method: 'GET', url: `/api/v1/devices/${side.deviceId}/events?ts=1&sig=x` }),
  },
  'POST /api/v1/devices/{id}/ratings': {
    access: { kind: 'signed' },
    request: (side) => ({ method: 'POST', url: `/api/v1/devices/${side.deviceId}/ratings`, payload: {} }),
  },
  'POST /api/v1/dossiers/{ref}/rating-invitations': {
    access: agency('dossier.invite_rating', 'DOSSIER_NOT_FOUND'),
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${side.dossierCode}/rating-invitations`,
      payload: { deviceId: side.deviceId },
    }),
  },
  'POST /api/v1/devices/{id}/pairing-code': {
    access: agency('device.manage', 'DEVICE_NOT_FOUND'),
    request: (side) => ({ method: 'POST', url: `/api/v1/devices/${side.deviceId}/pairing-code` }),
  },
  'POST /api/v1/devices/{id}/revoke': {
    access: agency('device.manage', 'DEVICE_NOT_FOUND'),
    request: (side) => ({ method: 'POST', url: `/api/v1/devices/${side.deviceId}/revoke` }),
  },
  'GET /api/v1/users': {
    access: anyOf('user.manage'),
    request: () => ({ method: 'GET', url: '/api/v1/users' }),
  },
  'POST /api/v1/users': {
    access: agency('user.manage'),
    request: (side, unique) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: `moi${unique}`,
        displayName: 'Cán bộ mới',
        password: 'một mật khẩu đủ dài',
        grants: [{ role: 'handling_official', agencyId: side.agencyId }],
      },
    }),
  },
  'POST /api/v1/users/{id}/roles': {
    access: agency('user.manage'),
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/users/${side.userId}/roles`,
      payload: { role: 'handling_official', agencyId: side.agencyId },
    }),
  },
  'POST /api/v1/users/{id}/roles/revoke': {
    access: agency('user.manage'),
    request: (side) => ({
      method: 'POST',
      url: `/api/v1/users/${side.userId}/roles/revoke`,
      payload: { role: 'handling_official', agencyId: side.agencyId },
    }),
  },
  'POST /api/v1/users/{id}/disable': {
    access: agency('user.manage'),
    request: (side) => ({ method: 'POST', url: `/api/v1/users/${side.userId}/disable` }),
  },
  'GET /api/v1/audit/entries': {
    access: agency('audit.read'),
    request: (side) => ({ method: 'GET', url: `/api/v1/audit/entries?agencyId=${side.agencyId}` }),
  },
  'GET /api/v1/audit/verification': {
    access: anyOf('audit.read'),
    request: () => ({ method: 'GET', url: '/api/v1/audit/verification' }),
  },
  'GET /api/v1/audit/checkpoints': {
    access: open,
    request: () => ({ method: 'GET', url: '/api/v1/audit/checkpoints' }),
  },
  'GET /api/v1/audit/checkpoints/{id}': {
    access: open,
    request: () => ({ method: 'GET', url: '/api/v1/audit/checkpoints/00000000-0000-4000-8000-000000000000' }),
  },
  'POST /api/v1/audit/checkpoints': {
    access: province('audit.verify'),
    request: () => ({ method: 'POST', url: '/api/v1/audit/checkpoints' }),
  },
  'POST /api/v1/audit/verify': {
    access: province('audit.verify'),
    request: () => ({ method: 'POST', url: '/api/v1/audit/verify' }),
  },
  'POST /api/v1/results/publications': {
    access: province('result.publish'),
    request: (_side, unique) => ({
      method: 'POST',
      url: '/api/v1/results/publications',
      payload: { period: PERIOD, reason: `Công bố lại ${unique}` },
    }),
  },
  'GET /api/v1/public/results': {
    access: open,
    request: () => ({ method: 'GET', url: '/api/v1/public/results' }),
  },
  'GET /api/v1/public/results/{period}': {
    access: open,
    request: () => ({ method: 'GET', url: `/api/v1/public/results/${PERIOD}` }),
  },
  'GET /api/v1/public/results/{period}/open-data.json': {
    access: open,
    request: () => ({ method: 'GET', url: `/api/v1/public/results/${PERIOD}/open-data.json` }),
  },
  'GET /api/v1/public/results/{period}/open-data.csv': {
    access: open,
    request: () => ({ method: 'GET', url: `/api/v1/public/results/${PERIOD}/open-data.csv` }),
  },
  'GET /api/v1/public/agencies/{code}/results': {
    access: open,
    request: (side) => ({ method: 'GET', url: `/api/v1/public/agencies/${side.agencyCode}/results` }),
  },
};

/** Who is tried: every role over H99.01, and the roles that may be province-wide also over every agency. */
interface Caller {
  label: string;
  role: Role;
  global: boolean;
  session: TestSession;
}

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | { hidden: ErrorCode };

function expectedOutcome(access: Access, caller: Caller | null, side: Side): Outcome {
  if (access.kind === 'public' || access.kind === 'signed') return 'allowed';
  if (caller === null) return 'unauthenticated';
  if (access.kind === 'signedIn') return 'allowed';
  const holds = (action: Action) => ROLE_ACTIONS[caller.role].has(action);
  switch (access.kind) {
    case 'anyAgency':
      return access.actions.some(holds) ? 'allowed' : 'forbidden';
    case 'province':
      return holds(access.action) && caller.global ? 'allowed' : 'forbidden';
    case 'agency':
      if (!holds(access.action)) return 'forbidden';
      if (caller.global || side === 'in') return 'allowed';
      return access.hide === undefined ? 'forbidden' : { hidden: access.hide };
  }
}

function errorCodeOf(response: LightMyRequestResponse): string | null {
  if (!(response.headers['content-type'] ?? '').toString().includes('application/json')) return null;
  const body = response.json<{ error?: { code?: string } }>();
  return body.error?.code ?? null;
}

function assertOutcome(response: LightMyRequestResponse, outcome: Outcome, label: string): void {
  const code = errorCodeOf(response);
  const seen = `${label}: ${response.statusCode} ${code ?? ''}`;
  if (outcome === 'unauthenticated') {
    expect(response.statusCode, seen).toBe(401);
    expect(code, seen).toBe('UNAUTHENTICATED');
  } else if (outcome === 'forbidden') {
    expect(response.statusCode, seen).toBe(403);
    expect(code, seen).toBe('FORBIDDEN');
  } else if (outcome === 'allowed') {
    // Through the door: whatever the handler answers, it is not a refusal of the caller.
    expect(AUTH_CODES.has(code ?? ''), seen).toBe(false);
  } else {
    // Exactly what an unknown one gets: its not-found code (404, or 422 for catalog references).
    expect([404, 422], seen).toContain(response.statusCode);
    expect(code, seen).toBe(outcome.hidden);
  }
}

let t: TestApp;
const sides = {} as Record<Side, SideFixture>;
const callers: Caller[] = [];
let unique = 0;

async function sideFixture(agencyCode: string, officialCode: string): Promise<SideFixture> {
  const agencyRow = await t.deps.db
    .selectFrom('agency')
    .select('id')
    .where('code', '=', agencyCode)
    .executeTakeFirstOrThrow();
  const official = await t.deps.db
    .selectFrom('official')
    .select('id')
    .where('code', '=', officialCode)
    .executeTakeFirstOrThrow();
  const dossier = await finishedTestDossier(t.deps, { agencyCode, officialCode, finishedBy: officialCode });
  const { token } = await issueRatingToken(t.deps, { id: dossier.id });
  const rated = await t.app.inject({
    method: 'POST',
    url: `/r/${token}`,
    payload: new URLSearchParams({ satisfaction: '3' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(rated.statusCode, rated.body).toBe(201);
  const rating = await t.deps.db
    .selectFrom('rating')
    .select('id')
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  const proposed = await t.inject({
    method: 'POST',
    url: `/api/v1/ratings/${rating.id}/corrections`,
    payload: { satisfaction: 4, reason: 'Nhập nhầm', proposedByOfficialId: official.id },
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const counterId = await createTestCounter(t, agencyCode);
  const device = await t.inject({
    method: 'POST',
    url: '/api/v1/devices',
    payload: { counterId, name: 'Máy đánh giá' },
  });
  expect(device.statusCode, device.body).toBe(201);
  const userId = await createStaffUser(t.deps, {
    username: `dich-${agencyCode.toLowerCase()}`,
    role: 'counter_official',
    agencyId: agencyRow.id,
  });
  return {
    agencyId: agencyRow.id,
    agencyCode,
    dossierCode: dossier.code,
    ratingId: rating.id,
    correctionId: proposed.json<{ id: string }>().id,
    deviceId: device.json<{ deviceId: string }>().deviceId,
    counterId,
    officialId: official.id,
    userId,
  };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
  sides.in = await sideFixture(TEST_CATALOG.department, TEST_CATALOG.counterOfficial);
  sides.out = await sideFixture(TEST_CATALOG.department2, 'CB003');
  for (const role of ROLES) {
    callers.push({
      label: `${role} over H99.01`,
      role,
      global: false,
      session: await t.signInWithRole(role, TEST_CATALOG.department),
    });
    if (GLOBAL_ROLES.has(role))
      callers.push({
        label: `${role} province-wide`,
        role,
        global: true,
        session: await t.signInWithRole(role, null),
      });
  }
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('authorization of every route × every role, in and out of scope (issue 5 acceptance)', () => {
  it('the table names exactly the routes of the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(documented).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [route, routeCase] of Object.entries(ROUTES)) {
    it(route, async () => {
      const send = async (
        caller: Caller | null,
        side: Side,
        csrf = true,
      ): Promise<LightMyRequestResponse> => {
        unique += 1;
        const request = routeCase.request(sides[side], String(unique));
        const headers =
          caller === null ? {} : csrf ? caller.session.headers : { cookie: caller.session.cookie };
        return t.app.inject({ ...request, headers: { ...request.headers, ...headers } });
      };
      const { access } = routeCase;
      // The own-account routes would end or change the caller's session: a fresh one each.
      if (access.kind === 'signedIn') {
        assertOutcome(await send(null, 'in'), 'unauthenticated', 'anonymous');
        const fresh = await t.signInWithRole('handling_official', TEST_CATALOG.department);
        assertOutcome(
          await send({ label: 'fresh', role: 'handling_official', global: false, session: fresh }, 'in'),
          'allowed',
          'a signed-in official',
        );
        return;
      }
      assertOutcome(await send(null, 'in'), expectedOutcome(access, null, 'in'), 'anonymous');
      // Public and signed routes do not look at the session (sign-out would end the callers' own).
      if (access.kind === 'public' || access.kind === 'signed') return;
      for (const caller of callers) {
        for (const side of ['out', 'in'] as const) {
          const outcome = expectedOutcome(access, caller, side);
          assertOutcome(await send(caller, side), outcome, `${caller.label}, ${side}`);
          // Without the CSRF token a session cannot change anything, whatever it may do.
          const method = routeCase.request(sides[side], 'x').method ?? 'GET';
          if (method !== 'GET') {
            const forged = await send(caller, side, false);
            expect(forged.statusCode, `${caller.label} without CSRF`).toBe(403);
            expect(errorCodeOf(forged), `${caller.label} without CSRF`).toBe('CSRF_INVALID');
          }
        }
      }
    });
  }
});

describe('lists show only the caller’s agencies', () => {
  const listed = async (session: TestSession, url: string) =>
    t.app.inject({ method: 'GET', url, headers: session.headers });

  it('dossiers, official scores, devices and corrections of H99.01 only for an official of H99.01', async () => {
    const official = await t.signInWithRole('focal_official', TEST_CATALOG.department);
    const dossiers = (await listed(official, '/api/v1/dossiers?pageSize=200')).json<{
      items: { code: string; agency: { code: string } }[];
    }>();
    const codes = dossiers.items.map((item) => item.code);
    expect(codes).toContain(sides.in.dossierCode);
    expect(codes).not.toContain(sides.out.dossierCode);

    const officials = (await listed(official, `/api/v1/scores/officials?period=${PERIOD}`)).json<{
      rows: { official: { id: string } }[];
    }>();
    const officialIds = officials.rows.map((row) => row.official.id);
    expect(officialIds).toContain(sides.in.officialId);
    expect(officialIds).not.toContain(sides.out.officialId);

    const devices = (await listed(official, '/api/v1/devices?includeRevoked=true')).json<{
      devices: { deviceId: string; agencyId: string }[];
    }>();
    expect(devices.devices.map((device) => device.deviceId)).toContain(sides.in.deviceId);
    expect(new Set(devices.devices.map((device) => device.agencyId))).toEqual(new Set([sides.in.agencyId]));

    const corrections = (await listed(official, '/api/v1/rating-corrections?status=all')).json<
      { ratingId: string }[]
    >();
    expect(corrections.map((correction) => correction.ratingId)).toContain(sides.in.ratingId);
    expect(corrections.map((correction) => correction.ratingId)).not.toContain(sides.out.ratingId);

    // The administrator sees both departments.
    const all = (await t.inject({ method: 'GET', url: '/api/v1/dossiers?pageSize=200' })).json<{
      items: { code: string }[];
    }>();
    expect(all.items.map((item) => item.code)).toEqual(
      expect.arrayContaining([sides.in.dossierCode, sides.out.dossierCode]),
    );
  });
});

describe('a moved agency moves its access at once', () => {
  it('an official of H99.01 loses a unit moved under H99.02 (the cached agency paths are dropped)', async () => {
    const official = await t.signInWithRole('handling_official', TEST_CATALOG.department);
    const unit = { code: 'H99.01.MOVE', name: 'Phòng chuyển đi', level: 'unit' };
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { ...unit, parentCode: TEST_CATALOG.department },
    });
    expect(created.statusCode, created.body).toBe(201);
    const dossier = await finishedTestDossier(t.deps, { agencyCode: unit.code });
    const read = () =>
      t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossier.code}`, headers: official.headers });
    expect((await read()).statusCode).toBe(200);
    const moved = await t.inject({
      method: 'POST',
      url: '/api/v1/catalog/agencies/import',
      payload: [{ ...unit, parentCode: TEST_CATALOG.department2 }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await read();
    expect(after.statusCode).toBe(404);
    expect(errorCodeOf(after)).toBe('DOSSIER_NOT_FOUND');
  });
});
