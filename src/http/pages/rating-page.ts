/**
 * The citizen rating pages (`/danh-gia`, `/r/<token>`), rendered on the server as plain HTML
 * forms: they work on any phone without JavaScript (issue 4), with large targets, labels and
 * high contrast. Every value written into the page is escaped.
 */
export type Lang = 'vi' | 'en';

const TEXT = {
  vi: {
    title: 'Đánh giá việc giải quyết thủ tục hành chính',
    lookupIntro: 'Nhập mã hồ sơ và mã xác thực in trên phiếu đánh giá, hoặc quét mã QR trên phiếu.',
    dossierCode: 'Mã hồ sơ',
    verificationCode: 'Mã xác thực (8 ký tự)',
    continue: 'Tiếp tục',
    rateIntro: 'Ông/bà vui lòng cho biết ý kiến về việc giải quyết hồ sơ',
    satisfaction: 'Mức độ hài lòng của ông/bà',
    levels: {
      5: 'Rất hài lòng',
      4: 'Hài lòng',
      3: 'Bình thường',
      2: 'Không hài lòng',
      1: 'Rất không hài lòng',
    },
    optional: '(không bắt buộc)',
    q1: 'Thời gian giải quyết so với giấy hẹn',
    q1a: { 2: 'Sớm hơn hẹn', 1: 'Đúng hẹn', 0: 'Trễ hẹn' },
    q3: 'Số lần phải liên hệ để bổ sung, hoàn thiện hồ sơ',
    q3a: { 2: 'Không lần nào', 1: 'Một lần', 0: 'Nhiều hơn một lần' },
    q4: 'Số cơ quan, tổ chức phải liên hệ',
    q4a: { 2: 'Không phải liên hệ', 1: 'Chỉ Bộ phận Một cửa', 0: 'Nhiều hơn một cơ quan' },
    q7: 'Cán bộ có gây phiền hà, nhũng nhiễu hoặc có hành vi không đúng mực không?',
    q7a: { no: 'Không', yes: 'Có' },
    comment: 'Góp ý thêm',
    submit: 'Gửi đánh giá',
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
    satisfaction: 'How satisfied are you?',
    levels: { 5: 'Very satisfied', 4: 'Satisfied', 3: 'Neutral', 2: 'Dissatisfied', 1: 'Very dissatisfied' },
    optional: '(optional)',
    q1: 'Time taken compared with the appointment',
    q1a: { 2: 'Earlier', 1: 'On the day', 0: 'Late' },
    q3: 'Times you had to come back to complete the dossier',
    q3a: { 2: 'None', 1: 'Once', 0: 'More than once' },
    q4: 'Offices you had to contact',
    q4a: { 2: 'None', 1: 'Only the one-stop desk', 0: 'More than one' },
    q7: 'Did any official cause trouble, harass you or behave improperly?',
    q7a: { no: 'No', yes: 'Yes' },
    comment: 'Other comments',
    submit: 'Send',
    thanks: 'Thank you for your rating.',
    thanksCounted: 'Your rating has been recorded for dossier',
    thanksDuplicate: 'This dossier had already been rated; your opinion is kept but not counted again.',
    other: 'Tiếng Việt',
    otherLang: 'vi',
    back: 'Back',
    noAccount: 'No account needed. Ratings hold no personal data.',
  },
} as const;

const FACES: Record<number, string> = { 5: '😄', 4: '🙂', 3: '😐', 2: '🙁', 1: '😠' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:18px/1.5 system-ui,"Noto Sans",Arial,sans-serif;color:#111;background:#f4f6f8}
header{background:#0b2545;color:#fff;padding:12px 16px;display:flex;justify-content:space-between;align-items:center;gap:8px}
header a{color:#fff}main{max-width:640px;margin:0 auto;padding:16px}h1{font-size:1.4rem;margin:.2em 0}
fieldset{border:1px solid #8a99a8;border-radius:8px;margin:0 0 16px;padding:12px;background:#fff}legend{font-weight:700;padding:0 4px}
.choice{display:flex;align-items:center;gap:12px;min-height:48px;padding:6px 8px;border-radius:6px;cursor:pointer}
.choice:hover{background:#eef2f6}.choice input{width:24px;height:24px;flex:none}.face{font-size:1.6rem}
label.field{display:block;font-weight:700;margin:12px 0 4px}input[type=text],textarea{width:100%;font:inherit;padding:10px;border:2px solid #44546a;border-radius:6px}
button{font:inherit;font-weight:700;min-height:48px;padding:10px 24px;border:0;border-radius:8px;background:#0b5cad;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}.error{background:#fdecea;border:2px solid #b3261e;color:#5f100b;padding:12px;border-radius:8px}
.ok{background:#e6f4ea;border:2px solid #1e7b34;padding:12px;border-radius:8px}.muted{color:#44546a;font-size:.9rem}code{font-size:1rem}`;

function layout(lang: Lang, body: string, otherHref: string): string {
  const t = TEXT[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} — HàiLòng</title><style>${STYLE}</style></head><body>
<header><strong>HàiLòng</strong><a href="${escapeHtml(otherHref)}" lang="${t.otherLang}">${t.other}</a></header>
<main>${body}<p class="muted">${t.noAccount}</p></main></body></html>`;
}

function errorBlock(message: string | undefined): string {
  return message === undefined ? '' : `<div class="error" role="alert">${escapeHtml(message)}</div>`;
}

/** The `/danh-gia` form: dossier code + verification code. */
export function renderLookupPage(lang: Lang, options: { error?: string; code?: string } = {}): string {
  const t = TEXT[lang];
  return layout(
    lang,
    `<h1>${t.title}</h1>${errorBlock(options.error)}<p>${t.lookupIntro}</p>
<form method="post" action="/danh-gia?lang=${lang}">
<label class="field" for="code">${t.dossierCode}</label><input type="text" id="code" name="code" required autocomplete="off" value="${escapeHtml(options.code ?? '')}">
<label class="field" for="verification">${t.verificationCode}</label><input type="text" id="verification" name="verification" required autocomplete="off" inputmode="text">
<p><button type="submit">${t.continue}</button></p></form>`,
    `/danh-gia?lang=${t.otherLang}`,
  );
}

function radios(
  name: string,
  legend: string,
  options: readonly [string, string][],
  required: boolean,
  optional: string,
  faces = false,
): string {
  const items = options
    .map(
      ([value, label], index) =>
        `<label class="choice"><input type="radio" name="${name}" value="${value}"${required && index === 0 ? ' required' : ''}>${
          faces ? `<span class="face" aria-hidden="true">${FACES[Number(value)] ?? ''}</span>` : ''
        }<span>${escapeHtml(label)}</span></label>`,
    )
    .join('');
  return `<fieldset><legend>${escapeHtml(legend)}${required ? '' : ` <span class="muted">${optional}</span>`}</legend>${items}</fieldset>`;
}

/** The rating form of `/r/<token>`. */
export function renderRatingForm(lang: Lang, token: string, dossierCode: string, error?: string): string {
  const t = TEXT[lang];
  const opt = t.optional;
  return layout(
    lang,
    `<h1>${t.title}</h1>${errorBlock(error)}<p>${t.rateIntro} <code>${escapeHtml(dossierCode)}</code></p>
<form method="post" action="/r/${escapeHtml(token)}?lang=${lang}">
${radios(
  'satisfaction',
  t.satisfaction,
  ([5, 4, 3, 2, 1] as const).map((level) => [String(level), t.levels[level]]),
  true,
  opt,
  true,
)}
${radios(
  'cs1',
  t.q1,
  ([2, 1, 0] as const).map((p) => [String(p), t.q1a[p]]),
  false,
  opt,
)}
${radios(
  'cs3',
  t.q3,
  ([2, 1, 0] as const).map((p) => [String(p), t.q3a[p]]),
  false,
  opt,
)}
${radios(
  'cs4',
  t.q4,
  ([2, 1, 0] as const).map((p) => [String(p), t.q4a[p]]),
  false,
  opt,
)}
${radios(
  'conduct',
  t.q7,
  [
    ['no', t.q7a.no],
    ['yes', t.q7a.yes],
  ],
  false,
  opt,
)}
<label class="field" for="comment">${t.comment} <span class="muted">${opt}</span></label><textarea id="comment" name="comment" rows="4" maxlength="1000"></textarea>
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
