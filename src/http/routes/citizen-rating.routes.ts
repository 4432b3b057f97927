import { z } from 'zod';
import { findTokenByCodes, issueRatingToken, resolveRatingToken } from '#app/ratings/rating-tokens.ts';
import { submitRatingWithContact, type FollowUpContact } from '#app/ratings/submit-rating-with-contact.ts';
import { listFollowUpContacts } from '#app/ratings/list-follow-up-contacts.ts';
import { ratingOrigin } from '#app/ratings/rating-origin.ts';
import { DomainError, type ErrorCode } from '#domain/errors.ts';
import { answersToPoints, type AnswerPoints } from '#shared/questionnaire.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dossierOfParam } from '../auth/resources.ts';
import { policy, publicAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { dossierRef } from '../dossier-ref.ts';
import { handleError, statusOf } from '../errors.ts';
import { publicRateLimit } from '../rate-limits.ts';
import { publicAsset, RATING_PAGE_CSP } from '../pages/public-assets.ts';
import {
  COMMENT_MAX_LENGTH,
  CONTACT_LIMITS,
  formValues,
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
  RATE_LIMITED: 'Too many requests in a short time. Please try again in a few minutes.',
};

const LEVELS = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 } as const;

const point = z
  .enum(['0', '1', '2'])
  .optional()
  .transform((value): AnswerPoints | undefined =>
    value === undefined ? undefined : value === '2' ? 2 : value === '1' ? 1 : 0,
  );

const RatingForm = z.object({
  satisfaction: z.enum(['1', '2', '3', '4', '5']),
  cs1: point,
  cs3: point,
  cs4: point,
  conduct: z.enum(['no', 'yes']).optional(),
  comment: z.string().trim().max(COMMENT_MAX_LENGTH).optional(),
});

const FORM_TEXT = {
  vi: {
    levelRequired: 'Vui lòng chọn mức độ hài lòng.',
    contactInvalid: 'Thông tin liên hệ chưa hợp lệ; đánh giá chưa được gửi:',
    contactMissing: 'Vui lòng nhập số điện thoại hoặc email để được liên hệ lại.',
    phoneInvalid: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678 hoặc +84 912 345 678).',
    emailInvalid: 'Email không hợp lệ (ví dụ ten@example.com).',
    nameTooLong: `Họ và tên dài quá ${CONTACT_LIMITS.name} ký tự.`,
  },
  en: {
    levelRequired: 'Please choose your level of satisfaction.',
    contactInvalid: 'The contact details are not valid; your rating has not been sent yet:',
    contactMissing: 'Please give a phone number or an email so that we can contact you.',
    phoneInvalid: 'The phone number is not valid (e.g. 0912 345 678 or +84 912 345 678).',
    emailInvalid: 'The email address is not valid (e.g. name@example.com).',
    nameTooLong: `The name is longer than ${CONTACT_LIMITS.name} characters.`,
  },
} as const;

/** A Vietnamese phone number once spaces, dots and dashes are removed: 0 or +84, then 9–10 digits. */
const PHONE = /^(?:\+84|0)\d{9,10}$/;
const EMAIL = z.email().max(CONTACT_LIMITS.email);

/**
 * The opt-in contact fields (issue 4, point 10): read only when the consent box is ticked
 * (otherwise whatever was typed is dropped); then a phone or an email is required.
 */
function parseContact(body: unknown, lang: Lang): { value?: FollowUpContact; problems: string[] } {
  const values = formValues(body);
  if (!values.contact) return { problems: [] };
  const t = FORM_TEXT[lang];
  const name = values.contactName?.trim() ?? '';
  const phone = (values.contactPhone ?? '').replace(/[\s.()-]/g, '');
  const email = values.contactEmail?.trim().toLowerCase() ?? '';
  const problems: string[] = [];
  if (phone === '' && email === '') problems.push(t.contactMissing);
  if (phone !== '' && !PHONE.test(phone)) problems.push(t.phoneInvalid);
  if (email !== '' && !EMAIL.safeParse(email).success) problems.push(t.emailInvalid);
  if (name.length > CONTACT_LIMITS.name) problems.push(t.nameTooLong);
  if (problems.length > 0) return { problems };
  return {
    problems: [],
    value: {
      ...(name !== '' ? { name } : {}),
      ...(phone !== '' ? { phone } : {}),
      ...(email !== '' ? { email } : {}),
    },
  };
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', RATING_PAGE_CSP)
    .send(body);
}

function refusal(reply: FastifyReply, lang: Lang, error: unknown): FastifyReply {
  if (!(error instanceof DomainError)) throw error;
  const message = lang === 'en' ? (ENGLISH[error.code] ?? error.message) : error.message;
  return html(reply, statusOf(error.code), renderRefusal(lang, message));
}

/** The language asked for, read before validation (a refusal in `onRequest` comes before it). */
function langOf(query: unknown): Lang {
  return typeof query === 'object' && query !== null && 'lang' in query && query.lang === 'en' ? 'en' : 'vi';
}

/**
 * The citizen pages answer a rate-limited request with a page in the citizen's language (the
 * `retry-after` header is already set); every other error goes to the shared handler.
 */
function pageErrors(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
    const lang = langOf(request.query);
    void html(
      reply,
      statusOf(error.code),
      renderRefusal(lang, lang === 'en' ? ENGLISH.RATE_LIMITED! : error.message),
    );
    return;
  }
  handleError(error, request, reply);
}

/**
 * The citizen's online rating (issue 4): `/danh-gia` (dossier code + verification code) and
 * `/r/<token>` (the QR link), no account, plain HTML forms that work without JavaScript; and
 * the staff API that issues a dossier's token for its slip.
 */
export function registerCitizenRatingRoutes(app: ZodApp, ctx: HttpContext): void {
  // Citizens need no account (issue 4): the token or the verification code is the credential.
  const citizens = publicAccess('citizens rate with their token or verification code');
  const dossier = dossierOfParam(ctx.deps.db);
  app.get(
    '/danh-gia',
    {
      config: { ...publicRateLimit, access: citizens },
      errorHandler: pageErrors,
      schema: { hide: true, querystring: LangQuery },
    },
    (request, reply) => html(reply, 200, renderLookupPage(request.query.lang)),
  );
  app.post(
    '/danh-gia',
    {
      config: { ...publicRateLimit, access: citizens },
      errorHandler: pageErrors,
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
    {
      config: { ...publicRateLimit, access: citizens },
      errorHandler: pageErrors,
      schema: { hide: true, params: TokenParams, querystring: LangQuery },
    },
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
      config: { ...publicRateLimit, access: citizens },
      errorHandler: pageErrors,
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
      const contact = parseContact(request.body, lang);
      if (!form.success || contact.problems.length > 0) {
        // Nothing is stored: the form comes back with what was typed and the reasons.
        try {
          const resolved = await resolveRatingToken(ctx.deps, request.params.token);
          const message = !form.success ? FORM_TEXT[lang].levelRequired : FORM_TEXT[lang].contactInvalid;
          return await html(
            reply,
            400,
            renderRatingForm(lang, request.params.token, resolved.dossierCode, {
              error: message,
              problems: form.success ? contact.problems : [],
              values: formValues(request.body),
            }),
          );
        } catch (error) {
          return refusal(reply, lang, error);
        }
      }
      const { satisfaction, comment, ...answers } = form.data;
      try {
        const result = await submitRatingWithContact(
          ctx.deps,
          request.params.token,
          {
            channel: 'qr',
            satisfaction: LEVELS[satisfaction],
            // The network digest and the staff-network flag feed the integrity signals (issue 4, point 9).
            origin: ratingOrigin(request.ip, ctx.deps.tokenKeys, ctx.deps.staffNetworks),
            answers: answersToPoints(answers),
            ...(comment ? { comment } : {}),
          },
          contact.value,
        );
        return await html(reply, 201, renderThanks(lang, result.dossierCode, result.counts));
      } catch (error) {
        return refusal(reply, lang, error);
      }
    },
  );

  app.post(
    '/api/v1/dossiers/:ref/rating-token',
    {
      config: { access: policy('rating.issue_token', dossier, { hideAs: 'DOSSIER_NOT_FOUND' }) },
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
      const issued = await issueRatingToken(ctx.deps, dossierRef(request.params.ref));
      return { ...issued, url: `/r/${issued.token}` };
    },
  );

  app.get(
    '/api/v1/dossiers/:ref/follow-up-contacts',
    {
      config: { access: policy('contact.read', dossier, { hideAs: 'DOSSIER_NOT_FOUND' }) },
      schema: {
        tags: ['ratings'],
        summary:
          'Contact details citizens left, with their consent, to be contacted about their rating of this dossier (kept apart from the anonymous ratings)',
        params: z.object({ ref: z.string().min(1).max(80) }),
        response: {
          200: z.object({
            dossierCode: z.string(),
            contacts: z.array(
              z.object({
                id: z.string(),
                ratingId: z.string(),
                name: z.string().nullable(),
                phone: z.string().nullable(),
                email: z.string().nullable(),
                consentedAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const listed = await listFollowUpContacts(ctx.deps, dossierRef(request.params.ref));
      // Personal data: never in a shared cache.
      void reply.header('cache-control', 'no-store');
      return {
        dossierCode: listed.dossierCode,
        contacts: listed.contacts.map((contact) => ({
          ...contact,
          consentedAt: contact.consentedAt.toISOString(),
        })),
      };
    },
  );

  // The pages' script and style sheet, by a name that changes with the content (so cached for good).
  app.get(
    '/assets-public/:file',
    {
      config: { access: publicAccess('the citizen pages’ script and style sheet') },
      schema: { hide: true, params: z.object({ file: z.string().max(100) }) },
    },
    (request, reply) => {
      const asset = publicAsset(request.params.file);
      if (asset === undefined) throw new DomainError('NOT_FOUND');
      return reply
        .type(asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(asset.body);
    },
  );
}
