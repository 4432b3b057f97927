import { z } from 'zod';
import { appendDossierEvent } from '#app/dossiers/append-dossier-event.ts';
import { getDossier } from '#app/dossiers/get-dossier.ts';
import { listDossiers } from '#app/dossiers/list-dossiers.ts';
import { receiveDossier } from '#app/dossiers/receive-dossier.ts';
import { uuidFromKey } from '#app/ids.ts';
import {
  DossierEventInputSchema,
  ListDossiersQuerySchema,
  ReceiveDossierInputSchema,
} from '#shared/dossier.schema.ts';
import { DossierDetailSchema, DossierPageSchema } from '#shared/dossier.view.ts';
import { ANY_AGENCY, agencyOfBodyCode, dossierOfParam } from '../auth/resources.ts';
import { policy } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { dossierRef } from '../dossier-ref.ts';
import { presentDossierDetail, presentDossierSummary } from '../presenters/present-dossier.ts';

const RefParams = z.object({ ref: z.string().min(1).max(80).describe('dossier id (UUID) or code') });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** Dossier API: search, receive, read with timeline, append lifecycle events. */
export function registerDossierRoutes(app: ZodApp, ctx: HttpContext): void {
  const { db } = ctx.deps;
  const dossier = dossierOfParam(db);
  app.get(
    '/api/v1/dossiers',
    {
      config: { access: policy('dossier.read', ANY_AGENCY) },
      schema: {
        tags: ['dossiers'],
        summary: "Search dossiers (only those of the caller's agencies)",
        querystring: ListDossiersQuerySchema,
        response: { 200: DossierPageSchema },
      },
    },
    async (request) => {
      const { rows, total, today } = await listDossiers(ctx.deps, request.query);
      return {
        items: rows.map((row) => presentDossierSummary(row, today)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/api/v1/dossiers',
    {
      config: { access: policy('dossier.write', agencyOfBodyCode(db)) },
      schema: {
        tags: ['dossiers'],
        summary: 'Receive a dossier (creates it with its "received" event); idempotent',
        body: ReceiveDossierInputSchema,
        headers: IdempotencyHeaders,
        response: { 200: DossierDetailSchema, 201: DossierDetailSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const input = {
        ...request.body,
        eventId: request.body.eventId ?? (key ? uuidFromKey(`dossier:${key}`) : undefined),
      };
      const result = await receiveDossier(ctx.deps, input, 'api');
      const detail = presentDossierDetail(await getDossier(ctx.deps, { id: result.dossierId }));
      return reply.status(result.replayed ? 200 : 201).send(detail);
    },
  );

  app.get(
    '/api/v1/dossiers/:ref',
    {
      config: { access: policy('dossier.read', dossier, { hideAs: 'DOSSIER_NOT_FOUND' }) },
      schema: {
        tags: ['dossiers'],
        summary: 'A dossier with its timeline',
        params: RefParams,
        response: { 200: DossierDetailSchema },
      },
    },
    async (request) => presentDossierDetail(await getDossier(ctx.deps, dossierRef(request.params.ref))),
  );

  app.post(
    '/api/v1/dossiers/:ref/events',
    {
      config: { access: policy('dossier.write', dossier, { hideAs: 'DOSSIER_NOT_FOUND' }) },
      schema: {
        tags: ['dossiers'],
        summary:
          'Append a lifecycle event; refused with 409 when impossible in the current state; idempotent',
        params: RefParams,
        body: DossierEventInputSchema,
        headers: IdempotencyHeaders,
        response: { 200: DossierDetailSchema, 201: DossierDetailSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const ref = dossierRef(request.params.ref);
      const input = {
        ...request.body,
        id: request.body.id ?? (key ? uuidFromKey(`event:${request.params.ref}:${key}`) : undefined),
      };
      const result = await appendDossierEvent(ctx.deps, ref, input, 'api');
      const detail = presentDossierDetail(await getDossier(ctx.deps, { id: result.dossierId }));
      return reply.status(result.replayed ? 200 : 201).send(detail);
    },
  );
}
