import type { FastifyRequest } from 'fastify';
import { agencyResource } from '#app/auth/agency-path.ts';
import type { AppDeps, Db } from '#app/deps.ts';
import { dossierFromScan } from '#app/ratings/key-in-paper-slip.ts';
import { SYSTEM_CHAIN } from '#domain/audit/audit-entry.ts';
import type { Resource } from '#domain/auth/policy.ts';
import { DomainError, type ErrorCode } from '#domain/errors.ts';
import { dossierRef } from '../dossier-ref.ts';

/**
 * Resolvers of the resource a request acts on, for `policy(action, resourceOf)`
 * (route-access.ts). They read the request as sent (before validation), find the row the
 * handler will act on with the same lookup, and answer its agency's path. A value they cannot
 * read or find is refused with the not-found error of the thing (fail closed).
 */

/** Lists and province-wide catalog reads: the route asks whether the actor holds the action at all. */
export const ANY_AGENCY: Resource = { anyAgency: true };
/** Things of the whole province (calendar, procedures, catalog imports). */
export const PROVINCE_WIDE: Resource = { global: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fieldOf(source: unknown, name: string): unknown {
  return typeof source === 'object' && source !== null
    ? (source as Record<string, unknown>)[name]
    : undefined;
}

type Place = 'params' | 'query' | 'body';

function sourceOf(request: FastifyRequest, place: Place): unknown {
  return place === 'params' ? request.params : place === 'query' ? request.query : request.body;
}

/**
 * A field the resolver needs. Missing or malformed: in the path that is an unknown thing
 * (`missing`); in the query or body, the 400 the schema validation would have given.
 */
function textOf(request: FastifyRequest, place: Place, name: string, missing: ErrorCode): string {
  const value = fieldOf(sourceOf(request, place), name);
  if (typeof value === 'string' && value.trim().length > 0 && value.length <= 300) return value.trim();
  throw malformed(place, name, missing);
}

function uuidOf(request: FastifyRequest, place: Place, name: string, missing: ErrorCode): string {
  const value = textOf(request, place, name, missing);
  if (!UUID.test(value)) throw malformed(place, name, missing);
  return value.toLowerCase();
}

function malformed(place: Place, name: string, missing: ErrorCode): DomainError {
  if (place === 'params') return new DomainError(missing);
  return new DomainError('VALIDATION_FAILED', {
    problems: [{ field: `${place}.${name}`, message: 'Thiếu hoặc không đúng định dạng.' }],
  });
}

async function agencyOrMissing(db: Db, agencyId: string | undefined, missing: ErrorCode): Promise<Resource> {
  if (agencyId === undefined) throw new DomainError(missing);
  return agencyResource(db, agencyId);
}

/** The dossier named by a route parameter (id or code), as `GET /dossiers/:ref` finds it. */
export function dossierOfParam(db: Db, name = 'ref') {
  return async (request: FastifyRequest): Promise<Resource> => {
    const ref = dossierRef(textOf(request, 'params', name, 'DOSSIER_NOT_FOUND'));
    const query = db.selectFrom('dossier').select('agency_id');
    const row = await (
      'id' in ref ? query.where('id', '=', ref.id) : query.where('code', '=', ref.code)
    ).executeTakeFirst();
    return agencyOrMissing(db, row?.agency_id, 'DOSSIER_NOT_FOUND');
  };
}

/** The dossier behind a scanned slip (`scanned` in the query or body), found as the handler finds it. */
export function dossierOfScan(deps: AppDeps, from: 'query' | 'body') {
  return async (request: FastifyRequest): Promise<Resource> => {
    const scanned = textOf(request, from, 'scanned', 'DOSSIER_NOT_FOUND');
    const found = await dossierFromScan(deps, scanned);
    const row = await deps.db
      .selectFrom('dossier')
      .select('agency_id')
      .where('id', '=', found.id)
      .executeTakeFirst();
    return agencyOrMissing(deps.db, row?.agency_id, 'DOSSIER_NOT_FOUND');
  };
}

/** The dossiers named in a body list (batch slip printing): the actor needs every one. */
export function dossiersOfBodyList(db: Db, name: string) {
  return async (request: FastifyRequest): Promise<readonly Resource[]> => {
    const list = fieldOf(request.body, name);
    if (!Array.isArray(list) || list.length === 0 || list.length > 1000)
      throw malformed('body', name, 'NOT_FOUND');
    const resources: Resource[] = [];
    for (const item of list) {
      if (typeof item !== 'string' || item.trim().length === 0) throw malformed('body', name, 'NOT_FOUND');
      const named = item.trim();
      const ref = dossierRef(named);
      const query = db.selectFrom('dossier').select('agency_id');
      const row = await (
        'id' in ref ? query.where('id', '=', ref.id) : query.where('code', '=', ref.code)
      ).executeTakeFirst();
      // Named, as printing names it: the official sees which slip of the batch is wrong.
      if (row === undefined)
        throw new DomainError('DOSSIER_NOT_FOUND', {
          message: `Không tìm thấy hồ sơ ${named}.`,
          details: { dossier: named },
        });
      resources.push(await agencyResource(db, row.agency_id));
    }
    return resources;
  };
}

/** The agency of a route parameter holding its id. */
export function agencyOfParam(db: Db, name: string) {
  return async (request: FastifyRequest): Promise<Resource> =>
    agencyOrMissing(db, uuidOf(request, 'params', name, 'AGENCY_NOT_FOUND'), 'AGENCY_NOT_FOUND');
}

/** The agency named by its code in the body (receiving a dossier, a desk, an official…). */
export function agencyOfBodyCode(db: Db, name = 'agencyCode') {
  return async (request: FastifyRequest): Promise<Resource> => {
    const code = textOf(request, 'body', name, 'AGENCY_NOT_FOUND');
    const row = await db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirst();
    return agencyOrMissing(db, row?.id, 'AGENCY_NOT_FOUND');
  };
}

/** Where a new agency goes: under its parent (a new province root is province-wide). */
export function parentAgencyOfBody(db: Db) {
  return async (request: FastifyRequest): Promise<Resource> => {
    const parent = fieldOf(request.body, 'parentCode');
    if (parent === undefined || parent === null || parent === '') return PROVINCE_WIDE;
    return agencyOfBodyCode(db, 'parentCode')(request);
  };
}

/** An agency named by id in the body. */
export function agencyOfBodyId(db: Db, name = 'agencyId') {
  return async (request: FastifyRequest): Promise<Resource> =>
    agencyOrMissing(db, uuidOf(request, 'body', name, 'AGENCY_NOT_FOUND'), 'AGENCY_NOT_FOUND');
}

async function officialAgency(db: Db, id: string): Promise<Resource> {
  const row = await db.selectFrom('official').select('agency_id').where('id', '=', id).executeTakeFirst();
  return agencyOrMissing(db, row?.agency_id, 'OFFICIAL_NOT_FOUND');
}

/** The official of a route parameter (their scores). */
export function officialOfParam(db: Db, name = 'officialId') {
  return async (request: FastifyRequest): Promise<Resource> =>
    officialAgency(db, uuidOf(request, 'params', name, 'OFFICIAL_NOT_FOUND'));
}

/** The subject of a score drill-down (`?subjectKind=agency|official&subjectId=`): that agency or the official's. */
export function scoreSubjectOfQuery(db: Db) {
  return async (request: FastifyRequest): Promise<Resource> => {
    const kind = fieldOf(request.query, 'subjectKind');
    if (kind === 'official')
      return officialAgency(db, uuidOf(request, 'query', 'subjectId', 'OFFICIAL_NOT_FOUND'));
    return agencyOrMissing(db, uuidOf(request, 'query', 'subjectId', 'AGENCY_NOT_FOUND'), 'AGENCY_NOT_FOUND');
  };
}

/** The rating of a route parameter (corrections, appeals). */
export function ratingOfParam(db: Db, name = 'id') {
  return async (request: FastifyRequest): Promise<Resource> => {
    const id = uuidOf(request, 'params', name, 'RATING_NOT_FOUND');
    const row = await db.selectFrom('rating').select('agency_id').where('id', '=', id).executeTakeFirst();
    return agencyOrMissing(db, row?.agency_id, 'RATING_NOT_FOUND');
  };
}

/** The proposed correction of a route parameter (its decision). */
export function correctionOfParam(db: Db, name = 'id') {
  return async (request: FastifyRequest): Promise<Resource> => {
    const id = uuidOf(request, 'params', name, 'CORRECTION_NOT_FOUND');
    const row = await db
      .selectFrom('rating_correction')
      .select('agency_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return agencyOrMissing(db, row?.agency_id, 'CORRECTION_NOT_FOUND');
  };
}

async function deviceAgency(db: Db, id: string): Promise<Resource> {
  const row = await db
    .selectFrom('rating_device')
    .select('agency_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return agencyOrMissing(db, row?.agency_id, 'DEVICE_NOT_FOUND');
}

/** The counter rating device of a route parameter. */
export function deviceOfParam(db: Db, name = 'id') {
  return async (request: FastifyRequest): Promise<Resource> =>
    deviceAgency(db, uuidOf(request, 'params', name, 'DEVICE_NOT_FOUND'));
}

/** The device named in the body ("Mời đánh giá" on that device). */
export function deviceOfBody(db: Db, name = 'deviceId') {
  return async (request: FastifyRequest): Promise<Resource> =>
    deviceAgency(db, uuidOf(request, 'body', name, 'DEVICE_NOT_FOUND'));
}

/** The agency of the counter named in the body (registering a device to it). */
export function counterOfBody(db: Db, name = 'counterId') {
  return async (request: FastifyRequest): Promise<Resource> => {
    const id = uuidOf(request, 'body', name, 'COUNTER_NOT_FOUND');
    const row = await db
      .selectFrom('counter')
      .innerJoin('desk', 'desk.id', 'counter.desk_id')
      .select('desk.agency_id')
      .where('counter.id', '=', id)
      .executeTakeFirst();
    return agencyOrMissing(db, row?.agency_id, 'COUNTER_NOT_FOUND');
  };
}

/** Several resolvers at once: the actor needs the action on each resource. */
export function allOf(
  ...resolvers: ((request: FastifyRequest) => Promise<Resource | readonly Resource[]>)[]
) {
  return async (request: FastifyRequest): Promise<readonly Resource[]> => {
    const found: Resource[] = [];
    for (const resolve of resolvers) {
      const result = await resolve(request);
      if (Array.isArray(result)) found.push(...(result as readonly Resource[]));
      else found.push(result as Resource);
    }
    return found;
  };
}

/**
 * The audit chain a log query asks for (`?agencyId=`): one agency's chain needs audit.read
 * there; every chain at once, or the system's own chain, a province-wide grant.
 */
export function auditChainOfQuery(db: Db) {
  return async (request: FastifyRequest): Promise<Resource> => {
    const agencyId = fieldOf(request.query, 'agencyId');
    if (agencyId === undefined || agencyId === SYSTEM_CHAIN) return PROVINCE_WIDE;
    return agencyOrMissing(db, uuidOf(request, 'query', 'agencyId', 'AGENCY_NOT_FOUND'), 'AGENCY_NOT_FOUND');
  };
}
