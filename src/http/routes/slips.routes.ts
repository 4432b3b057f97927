import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_SLIPS_PER_BATCH, printEvaluationSlipsWithCodes } from '#app/ratings/print-evaluation-slips.ts';
import { dossierOfParam, dossiersOfBodyList } from '../auth/resources.ts';
import { policy } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { dossierRef } from '../dossier-ref.ts';

const DossierText = z.string().trim().min(1).max(80).describe('dossier id (UUID) or code');

/**
 * Where the QR code points: `HAILONG_PUBLIC_URL` when set (what citizens can reach), otherwise
 * the address this request came to.
 */
function publicBaseUrl(request: FastifyRequest): string {
  const configured = process.env.HAILONG_PUBLIC_URL?.trim();
  return configured ? configured : `${request.protocol}://${request.host}`;
}

/** A file name safe in a header: the dossier code for one slip, the count for a batch. */
function fileName(codes: readonly string[]): string {
  const name = codes.length === 1 ? codes[0]! : `${codes.length}-ho-so`;
  return `phieu-danh-gia-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

function sendPdf(reply: FastifyReply, pdf: Buffer, codes: readonly string[]): FastifyReply {
  return (
    reply
      .status(200)
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${fileName(codes)}"`)
      // The slip carries the dossier's rating token: never keep it in a shared cache.
      .header('cache-control', 'no-store')
      .send(pdf)
  );
}

/**
 * Evaluation slips (phiếu đánh giá, Thông tư 01/2018/TT-VPCP Điều 12; issue 4) as A5 PDFs:
 * one dossier's slip, printed when its result is returned, or a batch for the day's results.
 */
export function registerSlipRoutes(app: ZodApp, ctx: HttpContext): void {
  app.get(
    '/api/v1/dossiers/:ref/slip.pdf',
    {
      config: { access: policy('slip.print', dossierOfParam(ctx.deps.db), { hideAs: 'DOSSIER_NOT_FOUND' }) },
      schema: {
        tags: ['ratings'],
        summary:
          "The dossier's evaluation slip as an A5 PDF: QR code of its rating link, Code 128 of its code, verification code, paper questionnaire",
        params: z.object({ ref: DossierText }),
      },
    },
    async (request, reply) => {
      const printed = await printEvaluationSlipsWithCodes(
        ctx.deps,
        [dossierRef(request.params.ref)],
        publicBaseUrl(request),
      );
      return sendPdf(reply, printed.pdf, printed.dossierCodes);
    },
  );

  app.post(
    '/api/v1/slips',
    {
      config: {
        access: policy('slip.print', dossiersOfBodyList(ctx.deps.db, 'dossiers'), {
          hideAs: 'DOSSIER_NOT_FOUND',
        }),
      },
      schema: {
        tags: ['ratings'],
        summary: `Evaluation slips of several dossiers (codes or ids, at most ${MAX_SLIPS_PER_BATCH}) as one PDF, one A5 page each, in the order given; an unknown dossier refuses the batch`,
        body: z.object({ dossiers: z.array(DossierText).min(1).max(MAX_SLIPS_PER_BATCH) }),
      },
    },
    async (request, reply) => {
      const printed = await printEvaluationSlipsWithCodes(
        ctx.deps,
        request.body.dossiers.map(dossierRef),
        publicBaseUrl(request),
      );
      return sendPdf(reply, printed.pdf, printed.dossierCodes);
    },
  );
}
