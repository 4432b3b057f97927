import { z } from 'zod';
import {
  findTokenByCodes,
  issueRatingToken,
  resolveRatingToken,
  submitTokenRating,
} from '#app/ratings/rating-tokens.ts';
import { DomainError, type ErrorCode } from '#domain/errors.ts';
import type { Points } from '#domain/scoring/types.ts';
import type { FastifyReply } from 'fastify';
import type { HttpContext, ZodApp } from '../context.ts';
import { statusOf } from '../errors.ts';
import {
  renderLookupPage,
  renderRatingForm,
  renderRefusal,
  renderThanks,
  type Lang,
} from '../pages/rating-page.ts';

const LangQuery = z.object({ lang: z.enum(['vi', 'en']).catch('vi').default('vi') });
const TokenParams = z.object({ token: z.string().max(200) });

const ENGLISH: Partial<Record<ErrorCode, string>> = {
  RATING_TOKEN_INVALID:
    'This rating code is not valid. Please check the QR code, or the dossier and verification codes on your slip.',
  RATING_TOKEN_USED: 'This dossier has already been rated with this code. Thank you.',
  RATING_TOKEN_EXPIRED: 'This rating code has expired.',
  RATING_NOT_READY: 'The dossier has no result yet: you can rate it once you have received the result.',
  VALIDATION_FAILED: 'Please choose your level of satisfaction.',
};

const LEVELS = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 } as const;

const point = z
  .enum(['0', '1', '2'])
  .optional()
  .transform((value): Points | undefined =>
    value === undefined ? undefined : value === '2' ? 2 : value === '1' ? 1 : 0,
  );

const RatingForm = z.object({
  satisfaction: z.enum(['1', '2', '3', '4', '5']),
  cs1: point,
  cs3: point,
  cs4: point,
  conduct: z.enum(['no', 'yes']).optional(),
  comment: z.string().trim().max(1000).optional(),
});

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function refusal(reply: FastifyReply, lang: Lang, error: unknown): FastifyReply {
  if (!(error instanceof DomainError)) throw error;
  const message = lang === 'en' ? (ENGLISH[error.code] ?? error.message) : error.message;
  return html(reply, statusOf(error.code), renderRefusal(lang, message));
}

/**
 * The citizen's online rating (issue 4): `/danh-gia` (dossier code + verification code) and
 * `/r/<token>` (the QR link), no account, plain HTML forms that work without JavaScript; and
 * the staff API that issues a dossier's token for its slip.
 */
export function registerCitizenRatingRoutes(app: ZodApp, ctx: HttpContext): void {
  app.get('/danh-gia', { schema: { hide: true, querystring: LangQuery } }, (request, reply) =>
    html(reply, 200, renderLookupPage(request.query.lang)),
  );
  app.post(
    '/danh-gia',
    {
      schema: {
        hide: true,
        querystring: LangQuery,
        body: z.object({
          code: z.string().max(80).default(''),
          verification: z.string().max(40).default(''),
        }),
      },
    },
    async (request, reply) => {
      const lang = request.query.lang;
      try {
        const token = await findTokenByCodes(ctx.deps, request.body.code, request.body.verification);
        return await reply.redirect(`/r/${token}?lang=${lang}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const message = lang === 'en' ? (ENGLISH[error.code] ?? error.message) : error.message;
        return html(
          reply,
          statusOf(error.code),
          renderLookupPage(lang, { error: message, code: request.body.code }),
        );
      }
    },
  );
  app.get(
    '/r/:token',
    { schema: { hide: true, params: TokenParams, querystring: LangQuery } },
    async (request, reply) => {
      const lang = request.query.lang;
      try {
        const resolved = await resolveRatingToken(ctx.deps, request.params.token);
        if (resolved.usedAt !== null) throw new DomainError('RATING_TOKEN_USED');
        return await html(reply, 200, renderRatingForm(lang, request.params.token, resolved.dossierCode));
      } catch (error) {
        return refusal(reply, lang, error);
      }
    },
  );
  app.post(
    '/r/:token',
    {
      schema: {
        hide: true,
        params: TokenParams,
        querystring: LangQuery,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) => {
      const lang = request.query.lang;
      const form = RatingForm.safeParse(request.body);
      if (!form.success) {
        try {
          const resolved = await resolveRatingToken(ctx.deps, request.params.token);
          const message = lang === 'en' ? ENGLISH.VALIDATION_FAILED! : 'Vui lòng chọn mức độ hài lòng.';
          return await html(
            reply,
            400,
            renderRatingForm(lang, request.params.token, resolved.dossierCode, message),
          );
        } catch (error) {
          return refusal(reply, lang, error);
        }
      }
      const { satisfaction, cs1, cs3, cs4, conduct, comment } = form.data;
      // Indicator 7 from the citizen: improper conduct → 0; otherwise it follows their answer on time (Điều 13, chỉ số 7).
      const cs7 = conduct === 'yes' ? 0 : conduct === 'no' ? cs1 : undefined;
      try {
        const result = await submitTokenRating(ctx.deps, request.params.token, {
          channel: 'qr',
          satisfaction: LEVELS[satisfaction],
          answers: { cs1, cs3, cs4, cs7 },
          ...(comment ? { comment } : {}),
        });
        return await html(reply, 201, renderThanks(lang, result.dossierCode, result.counts));
      } catch (error) {
        return refusal(reply, lang, error);
      }
    },
  );

  app.post(
    '/api/v1/dossiers/:ref/rating-token',
    {
      schema: {
        tags: ['ratings'],
        summary:
          "The dossier's rating token for its evaluation slip: the QR link /r/<token> and the verification code",
        params: z.object({ ref: z.string().min(1).max(80) }),
        response: {
          200: z.object({
            token: z.string(),
            url: z.string(),
            verificationCode: z.string(),
            dossierCode: z.string(),
          }),
        },
      },
    },
    async (request) => {
      const ref = /^[0-9a-f-]{36}$/i.test(request.params.ref)
        ? { id: request.params.ref.toLowerCase() }
        : { code: request.params.ref };
      const issued = await issueRatingToken(ctx.deps, ref);
      return { ...issued, url: `/r/${issued.token}` };
    },
  );
}
