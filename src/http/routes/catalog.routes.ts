import { z } from 'zod';
import { importCatalog } from '#app/catalog/import-catalog.ts';
import { listAgencies, listDesks, listOfficials, listProcedures } from '#app/catalog/list-catalog.ts';
import { saveAgency } from '#app/catalog/save-agency.ts';
import { saveCounter, saveDesk } from '#app/catalog/save-desk.ts';
import { saveOfficial } from '#app/catalog/save-official.ts';
import { saveProcedure } from '#app/catalog/save-procedure.ts';
import { inTransaction } from '#app/transaction.ts';
import {
  AgencyInputSchema,
  CATALOG_KINDS,
  CounterInputSchema,
  DeskInputSchema,
  OfficialInputSchema,
  ProcedureInputSchema,
} from '#shared/catalog.schema.ts';
import { ANY_AGENCY, PROVINCE_WIDE, agencyOfBodyCode, parentAgencyOfBody } from '../auth/resources.ts';
import { policy, type RouteAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import {
  presentAgency,
  presentAgencyTree,
  presentDesk,
  presentOfficial,
  presentProcedure,
} from '../presenters/present-catalog.ts';

const Created = z.object({ id: z.string(), created: z.boolean() });

/** Catalog API: agencies (tree), desks and counters, officials, procedures, bulk import. */
export function registerCatalogRoutes(app: ZodApp, ctx: HttpContext): void {
  const { deps } = ctx;
  const tags = ['catalog'];
  // The catalog is public information (NĐ 61/2018 Điều 13: procedures and the desks are
  // published): every staff role reads all of it; writes are scoped to the agency they touch.
  const read: RouteAccess = policy('catalog.read', ANY_AGENCY);

  app.get(
    '/api/v1/agencies',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Agencies (flat, or nested with ?tree=true)',
        querystring: z.object({ tree: z.stringbool().default(false) }),
      },
    },
    async (request) => {
      const rows = await listAgencies(deps.db);
      return request.query.tree ? presentAgencyTree(rows) : rows.map(presentAgency);
    },
  );
  app.post(
    '/api/v1/agencies',
    {
      config: { access: policy('catalog.write', parentAgencyOfBody(deps.db)) },
      schema: { tags, summary: 'Create an agency', body: AgencyInputSchema, response: { 201: Created } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(deps.db, (trx) => saveAgency(trx, request.body, deps, 'create'))),
  );

  app.get(
    '/api/v1/desks',
    { config: { access: read }, schema: { tags, summary: 'One-stop desks with their counters' } },
    async () => (await listDesks(deps.db)).map(presentDesk),
  );
  app.post(
    '/api/v1/desks',
    {
      config: { access: policy('catalog.write', agencyOfBodyCode(deps.db)) },
      schema: { tags, summary: 'Create a one-stop desk', body: DeskInputSchema, response: { 201: Created } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(deps.db, (trx) => saveDesk(trx, request.body, deps, 'create'))),
  );
  app.post(
    '/api/v1/counters',
    {
      config: { access: policy('catalog.write', agencyOfBodyCode(deps.db)) },
      schema: {
        tags,
        summary: 'Create a counter of a desk',
        body: CounterInputSchema,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(deps.db, (trx) => saveCounter(trx, request.body, deps, 'create'))),
  );

  app.get(
    '/api/v1/officials',
    {
      config: { access: read },
      schema: { tags, summary: 'Officials', querystring: z.object({ agencyId: z.uuid().optional() }) },
    },
    async (request) => (await listOfficials(deps.db, request.query.agencyId)).map(presentOfficial),
  );
  app.post(
    '/api/v1/officials',
    {
      config: { access: policy('catalog.write', agencyOfBodyCode(deps.db)) },
      schema: { tags, summary: 'Create an official', body: OfficialInputSchema, response: { 201: Created } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(deps.db, (trx) => saveOfficial(trx, request.body, deps, 'create'))),
  );

  app.get(
    '/api/v1/procedures',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Procedures',
        querystring: z.object({ sector: z.string().max(300).optional() }),
      },
    },
    async (request) => (await listProcedures(deps.db, request.query.sector)).map(presentProcedure),
  );
  app.post(
    '/api/v1/procedures',
    {
      config: { access: policy('catalog.write', PROVINCE_WIDE) },
      schema: { tags, summary: 'Create a procedure', body: ProcedureInputSchema, response: { 201: Created } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(deps.db, (trx) => saveProcedure(trx, request.body, deps, 'create'))),
  );

  app.post(
    '/api/v1/catalog/:kind/import',
    {
      config: { access: policy('catalog.write', PROVINCE_WIDE) },
      schema: {
        tags,
        summary: 'Bulk import (CSV with header row, or JSON array); all-or-nothing, upsert by code',
        description: 'Send the file as the body with Content-Type text/csv or application/json.',
        params: z.object({ kind: z.enum(CATALOG_KINDS) }),
        response: {
          200: z.object({
            kind: z.enum(CATALOG_KINDS),
            rows: z.number(),
            created: z.number(),
            updated: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const isCsv = (request.headers['content-type'] ?? '').startsWith('text/csv');
      const content = isCsv ? String(request.body) : JSON.stringify(request.body);
      return importCatalog(deps, request.params.kind, content, isCsv ? 'csv' : 'json');
    },
  );
}
