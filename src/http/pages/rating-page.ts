/**
 * The citizen rating pages (`/danh-gia`, `/r/<token>`), rendered on the server as plain HTML
 * forms: they work on any phone without JavaScript (issue 4), with large targets, labels and
 * high contrast. Every value written into the page is escaped.
 */
import {
  QUESTIONNAIRE,
  SATISFACTION_FACES,
  SATISFACTION_LEVELS,
  type QuestionnaireLang,
} from '#shared/questionnaire.ts';
import { PUBLIC_ASSETS } from './public-assets.ts';

/** The longest comment kept (the route checks the same limit). */
export const COMMENT_MAX_LENGTH = 1000;

/** Lengths of the opt-in contact fields (the route checks the same limits). */
export const CONTACT_LIMITS = { name: 100, phone: 20, email: 254 } as const;

export type Lang = QuestionnaireLang;

/** Page-only texts; the questionnaire wording is shared with the slip and the device (#shared/questionnaire.ts). */
const TEXT = {
  vi: {
    title: 'Đánh giá việc giải quyết thủ tục hành chính',
    lookupIntro: 'Nhập mã hồ sơ và mã xác thực in trên phiếu đánh giá, hoặc quét mã QR trên phiếu.',
    dossierCode: 'Mã hồ sơ',
    verificationCode: 'Mã xác thực (8 ký tự)',
    continue: 'Tiếp tục',
    rateIntro: 'Ông/bà vui lòng cho biết ý kiến về việc giải quyết hồ sơ',
    submit: 'Gửi đánh giá',
    sending: 'Đang gửi…',
    levelRequired: 'Vui lòng chọn mức độ hài lòng.',
    remaining: 'Còn {n} ký tự',
    contactLegend: 'Liên hệ lại',
    contactConsent: 'Tôi muốn được liên hệ lại về ý kiến này',
    contactHint:
      'Thông tin liên hệ được lưu riêng, không gắn vào đánh giá, chỉ dùng để liên hệ lại. Cần số điện thoại hoặc email.',
    contactName: 'Họ và tên',
    contactPhone: 'Số điện thoại',
    contactEmail: 'Email',
    thanks: 'Cảm ơn ông/bà đã đánh giá.',
    thanksCounted: 'Đánh giá của ông/bà đã được ghi nhận cho hồ sơ',
    thanksDuplicate:
      'Hồ sơ đã được đánh giá trước đó; ý kiến này được lưu lại nhưng không tính thêm vào kết quả.',
    other: 'English',
    otherLang: 'en',
    back: 'Quay lại',
    noAccount: 'Không cần tài khoản. Đánh giá không chứa thông tin cá nhân.',
  },
  en: {
    title: 'Rate the handling of your administrative procedure',
    lookupIntro:
      'Enter the dossier code and the verification code printed on your slip, or scan the QR code.',
    dossierCode: 'Dossier code',
    verificationCode: 'Verification code (8 characters)',
    continue: 'Continue',
    rateIntro: 'Please tell us how your dossier was handled',
    submit: 'Send',
    sending: 'Sending…',
    levelRequired: 'Please choose your level of satisfaction.',
    remaining: '{n} characters left',
    contactLegend: 'Follow-up',
    contactConsent: 'I would like to be contacted about this opinion',
    contactHint:
      'Contact details are kept apart from the rating and used only to contact you. A phone number or an email is needed.',
    contactName: 'Full name',
    contactPhone: 'Phone number',
    contactEmail: 'Email',
    thanks: 'Thank you for your rating.',
    thanksCounted: 'Your rating has been recorded for dossier',
    thanksDuplicate: 'This dossier had already been rated; your opinion is kept but not counted again.',
    other: 'Tiếng Việt',
    otherLang: 'vi',
    back: 'Back',
    noAccount: 'No account needed. Ratings hold no personal data.',
  },
} as const;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(lang: Lang, body: string, otherHref: string): string {
  const t = TEXT[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} — HàiLòng</title><link rel="stylesheet" href="${PUBLIC_ASSETS.style.url}"><script src="${PUBLIC_ASSETS.script.url}" defer></script></head><body>
<header><strong>HàiLòng</strong><a href="${escapeHtml(otherHref)}" lang="${t.otherLang}">${t.other}</a></header>
<main>${body}<p class="muted">${t.noAccount}</p></main></body></html>`;
}

function errorBlock(message: string | undefined, problems: readonly string[] = []): string {
  if (message === undefined) return '';
  const list =
    problems.length > 0 ? `<ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : '';
  return `<div class="error" role="alert">${escapeHtml(message)}${list}</div>`;
}

/** The `/danh-gia` form: dossier code + verification code. */
export function renderLookupPage(lang: Lang, options: { error?: string; code?: string } = {}): string {
  const t = TEXT[lang];
  return layout(
    lang,
    `<h1>${t.title}</h1>${errorBlock(options.error)}<p>${t.lookupIntro}</p>
<form method="post" action="/danh-gia?lang=${lang}" data-enhance data-msg-sending="${escapeHtml(t.sending)}">
<label class="field" for="code">${t.dossierCode}</label><input type="text" id="code" name="code" required autocomplete="off" data-uppercase value="${escapeHtml(options.code ?? '')}">
<label class="field" for="verification">${t.verificationCode}</label><input type="text" id="verification" name="verification" required autocomplete="off" autocapitalize="characters" spellcheck="false" data-uppercase>
<p><button type="submit">${t.continue}</button></p></form>`,
    `/danh-gia?lang=${t.otherLang}`,
  );
}

/** The face drawn next to a satisfaction level (shared with the device; the slip draws its own). */
function faceOf(value: string): string {
  const level = SATISFACTION_LEVELS.find((candidate) => String(candidate) === value);
  return level === undefined ? '' : SATISFACTION_FACES[level];
}

function radios(
  name: string,
  legend: string,
  options: readonly [string, string][],
  settings: {
    required?: boolean;
    optional: string;
    faces?: boolean;
    checked?: string | undefined;
    extra?: string;
  },
): string {
  const required = settings.required === true;
  const items = options
    .map(
      ([value, label], index) =>
        `<label class="choice"><input type="radio" name="${name}" value="${value}"${required && index === 0 ? ' required' : ''}${
          settings.checked === value ? ' checked' : ''
        }>${settings.faces ? `<span class="face" aria-hidden="true">${faceOf(value)}</span>` : ''}<span>${escapeHtml(label)}</span></label>`,
    )
    .join('');
  return `<fieldset${settings.faces ? ` class="faces" id="${name}-group"` : ''}><legend>${escapeHtml(legend)}${
    required ? '' : ` <span class="muted">${settings.optional}</span>`
  }</legend><div class="choices">${items}</div>${settings.extra ?? ''}</fieldset>`;
}

/** What the citizen typed, shown again when the form comes back with an error. */
export interface RatingFormValues {
  satisfaction?: string;
  cs1?: string;
  cs3?: string;
  cs4?: string;
  conduct?: string;
  comment?: string;
  contact?: boolean;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
}

/** Reads the echoed values from a posted form (strings only; anything else is dropped). */
export function formValues(body: unknown): RatingFormValues {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (key: string): string | undefined => {
    const value = record[key];
    return typeof value === 'string' ? value.slice(0, COMMENT_MAX_LENGTH) : undefined;
  };
  return {
    satisfaction: text('satisfaction'),
    cs1: text('cs1'),
    cs3: text('cs3'),
    cs4: text('cs4'),
    conduct: text('conduct'),
    comment: text('comment'),
    contact: text('contact') === 'yes',
    contactName: text('contactName'),
    contactPhone: text('contactPhone'),
    contactEmail: text('contactEmail'),
  };
}

/** The opt-in contact fieldset (issue 4, point 10): stored apart from the rating, only when ticked. */
function contactFieldset(lang: Lang, values: RatingFormValues): string {
  const t = TEXT[lang];
  const input = (name: keyof RatingFormValues, type: string, label: string, autocomplete: string) =>
    `<label class="field" for="${name}">${label}</label><input type="${type}" id="${name}" name="${name}" autocomplete="${autocomplete}" maxlength="${CONTACT_LIMITS[name === 'contactName' ? 'name' : name === 'contactPhone' ? 'phone' : 'email']}" value="${escapeHtml(
      typeof values[name] === 'string' ? values[name] : '',
    )}">`;
  return `<fieldset><legend>${t.contactLegend} <span class="muted">${QUESTIONNAIRE[lang].optional}</span></legend>
<label class="choice"><input type="checkbox" name="contact" value="yes"${values.contact ? ' checked' : ''}><span>${t.contactConsent}</span></label>
<p class="muted">${t.contactHint}</p>
${input('contactName', 'text', t.contactName, 'name')}
${input('contactPhone', 'tel', t.contactPhone, 'tel')}
${input('contactEmail', 'email', t.contactEmail, 'email')}
</fieldset>`;
}

/** The rating form of `/r/<token>`: the shared questionnaire (#shared/questionnaire.ts) as radio groups. */
export function renderRatingForm(
  lang: Lang,
  token: string,
  dossierCode: string,
  options: { error?: string; problems?: readonly string[]; values?: RatingFormValues } = {},
): string {
  const t = TEXT[lang];
  const q = QUESTIONNAIRE[lang];
  const optional = q.optional;
  const values = options.values ?? {};
  const points = [2, 1, 0] as const;
  return layout(
    lang,
    `<h1>${t.title}</h1>${errorBlock(options.error, options.problems)}<p>${t.rateIntro} <code>${escapeHtml(dossierCode)}</code></p>
<form method="post" action="/r/${escapeHtml(token)}?lang=${lang}" data-enhance data-msg-level="${escapeHtml(
      t.levelRequired,
    )}" data-msg-sending="${escapeHtml(t.sending)}" data-msg-remaining="${escapeHtml(t.remaining)}">
${radios(
  'satisfaction',
  q.satisfaction,
  SATISFACTION_LEVELS.map((level) => [String(level), q.levels[level]]),
  {
    required: true,
    optional,
    faces: true,
    checked: values.satisfaction,
    extra: '<p class="live" data-live aria-live="assertive"></p>',
  },
)}
${radios(
  'cs1',
  q.q1,
  points.map((p) => [String(p), q.q1a[p]]),
  { optional, checked: values.cs1 },
)}
${radios(
  'cs3',
  q.q3,
  points.map((p) => [String(p), q.q3a[p]]),
  { optional, checked: values.cs3 },
)}
${radios(
  'cs4',
  q.q4,
  points.map((p) => [String(p), q.q4a[p]]),
  { optional, checked: values.cs4 },
)}
${radios(
  'conduct',
  q.q7,
  [
    ['no', q.q7a.no],
    ['yes', q.q7a.yes],
  ],
  { optional, checked: values.conduct },
)}
<label class="field" for="comment">${q.comment} <span class="muted">${optional}</span></label><textarea id="comment" name="comment" rows="4" maxlength="${COMMENT_MAX_LENGTH}" aria-describedby="comment-count">${escapeHtml(
      values.comment ?? '',
    )}</textarea><p class="muted counter" id="comment-count" data-counter></p>
${contactFieldset(lang, values)}
<p><button type="submit">${t.submit}</button></p></form>`,
    `/r/${token}?lang=${t.otherLang}`,
  );
}

/** After a rating: thanks, and whether it counted. */
export function renderThanks(lang: Lang, dossierCode: string, counted: boolean): string {
  const t = TEXT[lang];
  return layout(
    lang,
    `<h1>${t.thanks}</h1><div class="ok" role="status">${counted ? `${t.thanksCounted} <code>${escapeHtml(dossierCode)}</code>.` : t.thanksDuplicate}</div>`,
    `/danh-gia?lang=${t.otherLang}`,
  );
}

/** A refusal page (forged, used or expired token; dossier not ready). */
export function renderRefusal(lang: Lang, message: string): string {
  const t = TEXT[lang];
  return layout(
    lang,
    `<h1>${t.title}</h1>${errorBlock(message)}<p><a href="/danh-gia?lang=${lang}">${t.back}</a></p>`,
    `/danh-gia?lang=${t.otherLang}`,
  );
}
