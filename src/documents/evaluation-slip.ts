/**
 * The evaluation slip (phiếu đánh giá) handed to the citizen with the result of a dossier
 * (issue 4): one A5 portrait page per dossier, printed single or in batches.
 *
 * Thông tư 01/2018/TT-VPCP Điều 12 lets the citizen rate the handling of a dossier on a paper
 * slip as well as online, and Nghị định 61/2018/NĐ-CP Điều 29 requires agencies to collect
 * those ratings; the slip therefore carries both channels: the QR code of the dossier's rating
 * token (`/r/<token>`), the address of `/danh-gia` with the verification code, and the same
 * questionnaire on paper with tick boxes. The dossier code is printed as a Code 128 barcode so
 * the focal official can key a returned paper slip by scanning it.
 *
 * The fonts (Be Vietnam Pro) are embedded so Vietnamese renders alike on every printer; no
 * system font is used. Everything is drawn with vectors except the two codes (PNG images).
 */
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { toLocalDate } from '#domain/calendar/time.ts';
import { QUESTIONNAIRE, SATISFACTION_LEVELS, type SatisfactionLevel } from '#shared/questionnaire.ts';

/** What one slip shows. */
export interface SlipData {
  agencyName: string;
  /** The one-stop desk (Bộ phận Một cửa) that returns the result, when known. */
  deskName?: string;
  dossierCode: string;
  procedureName: string;
  receivedAt: Date;
  /** Absolute URL of the QR code: `<public base>/r/<token>`. */
  ratingUrl: string;
  /** The 8-character code typed on `/danh-gia` together with the dossier code. */
  verificationCode: string;
  /** Absolute URL of `/danh-gia`. */
  ratingPageUrl: string;
}

type Doc = PDFKit.PDFDocument;

const fontFile = createRequire(import.meta.url);
/** The embedded Be Vietnam Pro faces (also used by the report PDFs, report-pdf.ts). */
export const FONT_FILES = {
  regular: fontFile.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: fontFile.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
} as const;
type FontName = keyof typeof FONT_FILES;

/** Points per millimetre. */
const MM = 72 / 25.4;

/** Page geometry (points): A5 portrait, 10 mm margins. */
const PAGE = { width: 419.53, height: 595.28, margin: 10 * MM } as const;
const LEFT = PAGE.margin;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Type sizes (points): the body stays within 8–10 pt so everything fits one A5 page. */
const SIZE = { small: 8, body: 8.5, label: 9, title: 10, verification: 16 } as const;

const INK = '#000000';
const MUTED = '#333333';
const RULE = '#666666';
const LINE_WIDTH = 0.8;
/** Vertical space between the blocks of the slip. */
const BLOCK_GAP = 6;
/** Top of the footer line; everything else ends above it. */
const FOOTER_TOP = PAGE.height - PAGE.margin - 10;

/**
 * The codes block: the QR code (32 mm, above the 30 mm a phone needs from arm's length) at the
 * right, with a clear zone of at least 4 modules around it (ISO/IEC 18004: 12 pt ≥ 4 modules of
 * the version-4+ symbol a rating URL needs); dossier data at the left.
 */
const QR_SIZE = 32 * MM;
const QR_CLEAR = 12;
/** Pixels per QR module in the PNG: ≈ 300 dpi at 32 mm. */
const QR_PNG_SCALE = 10;
/**
 * pngjs options for the QR PNG (passed through by qrcode; its typings list only deflate): grey
 * and unfiltered, quick to make and embedded by pdfkit as is, with no alpha channel to split.
 */
const QR_PNG_OPTIONS = { deflateLevel: 6, colorType: 0, filterType: 0 };
/** Code 128: one module drawn as 0.9 pt (≈ 2.5 px at 200 dpi), bars 9 mm high. */
/** The framed verification code: padding inside the frame and between label and code. */
const VERIFICATION_BOX = { height: 22, padding: 8, gap: 6, radius: 3 } as const;
const BARCODE = { scale: 3, heightMm: 12, modulePt: 0.9, drawnHeight: 9 * MM } as const;

/** Questionnaire geometry. */
const TICK_BOX = 8.5;
const TICK_GAP = 4;
const FACE_RADIUS = 10;
const QUESTION_GAP = 4;
/** The comment box fills the space left above the footer, but never less than this. */
const COMMENT_BOX_MIN_HEIGHT = 24;
/** Distance between the ruled lines of the comment box. */
const COMMENT_LINE_STEP = 12;
/** Line caps for the free texts, so that long names never push the slip onto a second page. */
const MAX_LINES = { agency: 2, desk: 1, procedure: 3, instructions: 3 } as const;

/**
 * The paper questionnaire: the same wording as the online form and the counter device
 * (#shared/questionnaire.ts), in Vietnamese; the options in the order the form shows them.
 */
const WORDING = QUESTIONNAIRE.vi;
const POINTS_ORDER = [2, 1, 0] as const;
const QUESTIONS = {
  satisfaction: WORDING.satisfaction,
  levels: SATISFACTION_LEVELS.map((level) => [level, WORDING.levels[level]] as const),
  choices: [
    [WORDING.q1, POINTS_ORDER.map((p) => WORDING.q1a[p])],
    [WORDING.q3, POINTS_ORDER.map((p) => WORDING.q3a[p])],
    [WORDING.q4, POINTS_ORDER.map((p) => WORDING.q4a[p])],
    [WORDING.q7, [WORDING.q7a.no, WORDING.q7a.yes]],
  ],
  comment: WORDING.comment,
} as const satisfies {
  satisfaction: string;
  levels: readonly (readonly [SatisfactionLevel, string])[];
  choices: readonly (readonly [string, readonly string[]])[];
  comment: string;
};

const TEXT = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  title: 'PHIẾU ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  basis: '(Thông tư số 01/2018/TT-VPCP; Nghị định số 61/2018/NĐ-CP)',
  dossierCode: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  receivedAt: 'Ngày tiếp nhận',
  verification: 'Mã xác thực',
  questionnaire: 'Hoặc đánh dấu X vào một ô ở mỗi câu dưới đây và nộp phiếu tại Bộ phận Một cửa:',
  footer: 'Phiếu không ghi thông tin cá nhân. Mỗi hồ sơ chỉ được tính một lần đánh giá.',
} as const;

/** Instructions under the codes, naming the online page and the verification code. */
function instructions(ratingPageUrl: string): string {
  // The address starts the second line so that it is never cut in two.
  return `Quét mã QR bằng điện thoại để đánh giá trực tuyến, hoặc vào\n${ratingPageUrl} và nhập mã hồ sơ cùng mã xác thực:`;
}

/** The verification code grouped 4 + 4 for reading aloud and typing. */
function groupVerificationCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** dd/mm/yyyy of an instant, in Vietnam's time zone (UTC+7). */
function formatSlipDate(date: Date): string {
  const [year, month, day] = toLocalDate(date.getTime()).split('-');
  return `${day}/${month}/${year}`;
}

/** Renders the slips, one A5 page each, as one PDF. */
export async function renderEvaluationSlips(slips: readonly SlipData[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A5',
    margin: 0,
    autoFirstPage: false,
    font: FONT_FILES.regular,
    info: { Title: TEXT.title, Creator: 'HàiLòng', Subject: 'Phiếu đánh giá' },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  const done = collect(doc);
  for (const slip of slips) {
    const images = await codeImages(slip);
    // Margin 0: pdfkit never breaks a page on its own; the layout below keeps inside the margins.
    doc.addPage({ size: 'A5', margin: 0 });
    drawSlip(doc, slip, images);
    // A batch is CPU work: let the server answer other requests between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

interface CodeImages {
  qr: Buffer;
  barcode: Buffer;
}

async function codeImages(slip: SlipData): Promise<CodeImages> {
  const [qr, barcode] = await Promise.all([
    QRCode.toBuffer(slip.ratingUrl, {
      errorCorrectionLevel: 'M',
      margin: 0,
      scale: QR_PNG_SCALE,
      type: 'png',
      rendererOpts: QR_PNG_OPTIONS,
    }),
    bwipjs.toBuffer({
      bcid: 'code128',
      text: slip.dossierCode,
      scale: BARCODE.scale,
      height: BARCODE.heightMm,
      includetext: false,
    }),
  ]);
  return { qr, barcode };
}

function drawSlip(doc: Doc, slip: SlipData, images: CodeImages): void {
  let y = PAGE.margin - 4;
  y = drawHeader(doc, slip, y);
  y = drawCodes(doc, slip, images, y + BLOCK_GAP);
  y = drawVerification(doc, slip, y + BLOCK_GAP);
  y = drawQuestionnaire(doc, y + BLOCK_GAP);
  drawFooter(doc);
  // Long texts are capped line by line above, so this guard only catches a broken layout.
  if (y > FOOTER_TOP - BLOCK_GAP) throw new Error('evaluation slip overflows its A5 page');
}

// ── text helpers ────────────────────────────────────────────────────────────────────────────

interface TextStyle {
  font?: FontName;
  size?: number;
  width?: number;
  align?: 'left' | 'center' | 'right';
  color?: string;
  /** Caps the block to this many lines (the rest is cut with an ellipsis). */
  maxLines?: number;
}

/** Extra space between lines of a paragraph. */
const LINE_GAP = 1;

/**
 * The text shortened (with an ellipsis) to fit `maxLines` lines of `width` in the current font,
 * `prefix` (in the same line, e.g. a label) included in the measure.
 */
function fitLines(doc: Doc, text: string, width: number, maxLines: number, prefix = ''): string {
  const fits = (candidate: string) =>
    doc.heightOfString(prefix + candidate, { width, lineGap: LINE_GAP }) <=
    maxLines * (doc.currentLineHeight() + LINE_GAP) + 0.5;
  if (fits(text)) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(`${text.slice(0, middle).trimEnd()}…`)) low = middle;
    else high = middle - 1;
  }
  const cut = text.slice(0, low);
  const wordEnd = cut.lastIndexOf(' ');
  // Prefer ending on a whole word when that loses little.
  return `${(wordEnd > cut.length - 12 ? cut.slice(0, wordEnd) : cut).trimEnd()}…`;
}

/** Writes text at (x, y) and returns the y below it. */
function write(doc: Doc, text: string, x: number, y: number, style: TextStyle = {}): number {
  const width = style.width ?? CONTENT_WIDTH;
  doc
    .font(style.font ?? 'regular')
    .fontSize(style.size ?? SIZE.body)
    .fillColor(style.color ?? INK);
  const fitted = style.maxLines === undefined ? text : fitLines(doc, text, width, style.maxLines);
  const options = { width, align: style.align ?? 'left', lineGap: LINE_GAP } as const;
  const height = doc.heightOfString(fitted, options);
  doc.text(fitted, x, y, options);
  return y + height;
}

function centered(doc: Doc, text: string, y: number, style: TextStyle = {}): number {
  return write(doc, text, LEFT, y, { ...style, align: 'center' });
}

// ── blocks ──────────────────────────────────────────────────────────────────────────────────

/** National heading, agency (and desk), title. */
function drawHeader(doc: Doc, slip: SlipData, top: number): number {
  let y = centered(doc, TEXT.nation, top, { font: 'bold', size: SIZE.small });
  y = centered(doc, TEXT.motto, y, { font: 'bold', size: SIZE.small });
  const mottoWidth = doc.font('bold').fontSize(SIZE.small).widthOfString(TEXT.motto);
  rule(doc, PAGE.width / 2 - mottoWidth / 2, PAGE.width / 2 + mottoWidth / 2, y + 1);
  y += 7;
  y = centered(doc, slip.agencyName.toLocaleUpperCase('vi'), y, {
    font: 'bold',
    size: SIZE.label,
    maxLines: MAX_LINES.agency,
  });
  if (slip.deskName) y = centered(doc, slip.deskName, y, { size: SIZE.body, maxLines: MAX_LINES.desk });
  y += 6;
  y = centered(doc, TEXT.title, y, { font: 'bold', size: SIZE.title });
  return centered(doc, TEXT.basis, y, { size: SIZE.small, color: MUTED });
}

/** Left: dossier code (barcode + text), procedure, date. Right: the QR code of the rating link. */
function drawCodes(doc: Doc, slip: SlipData, images: CodeImages, top: number): number {
  // Keep QR_CLEAR free above (the header ends BLOCK_GAP above `top`) and below (the next block
  // starts BLOCK_GAP below what this returns); the page margin is at the right.
  const qrTop = top + QR_CLEAR - BLOCK_GAP;
  doc.image(images.qr, LEFT + CONTENT_WIDTH - QR_SIZE, qrTop, { width: QR_SIZE, height: QR_SIZE });
  const qrBottom = qrTop + QR_SIZE + QR_CLEAR - BLOCK_GAP;

  const columnWidth = CONTENT_WIDTH - QR_SIZE - QR_CLEAR;
  let y = drawBarcode(doc, images.barcode, LEFT, top + 2, columnWidth);
  y = write(doc, `${TEXT.dossierCode}: ${slip.dossierCode}`, LEFT, y + 3, {
    font: 'bold',
    size: SIZE.title,
    width: columnWidth,
    maxLines: 1,
  });
  y = labelled(doc, TEXT.procedure, slip.procedureName, y + 4, columnWidth, MAX_LINES.procedure);
  y = labelled(doc, TEXT.receivedAt, formatSlipDate(slip.receivedAt), y + 2, columnWidth, 1);
  return Math.max(y, qrBottom);
}

/** The Code 128 image at a fixed module width (narrowed only if the code is very long). */
function drawBarcode(doc: Doc, png: Buffer, x: number, y: number, maxWidth: number): number {
  const modules = png.readUInt32BE(16) / BARCODE.scale; // PNG IHDR width, in pixels
  const width = Math.min(modules * BARCODE.modulePt, maxWidth);
  doc.image(png, x, y, { width, height: BARCODE.drawnHeight });
  return y + BARCODE.drawnHeight;
}

/** "Label: value" in one paragraph, the label in bold; measured in bold to stay on the safe side. */
function labelled(
  doc: Doc,
  label: string,
  value: string,
  y: number,
  width: number,
  maxLines: number,
): number {
  const prefix = `${label}: `;
  doc.font('bold').fontSize(SIZE.body).fillColor(INK);
  const fitted = fitLines(doc, value, width, maxLines, prefix);
  const height = doc.heightOfString(prefix + fitted, { width, lineGap: LINE_GAP });
  doc.text(prefix, LEFT, y, { width, lineGap: LINE_GAP, continued: true });
  doc.font('regular').text(fitted, { width, lineGap: LINE_GAP });
  return y + height;
}

/** The instructions for the online rating and the verification code, framed and printed large. */
function drawVerification(doc: Doc, slip: SlipData, top: number): number {
  const y = write(doc, instructions(slip.ratingPageUrl), LEFT, top, {
    size: SIZE.body,
    maxLines: MAX_LINES.instructions,
  });
  const box = VERIFICATION_BOX;
  const label = `${TEXT.verification}:`;
  const code = groupVerificationCode(slip.verificationCode);
  const labelWidth = doc.font('regular').fontSize(SIZE.body).widthOfString(label);
  const codeWidth = doc.font('bold').fontSize(SIZE.verification).widthOfString(code);
  const width = box.padding + labelWidth + box.gap + codeWidth + box.padding;
  const x = PAGE.width / 2 - width / 2;
  const boxTop = y + 3;
  doc.lineWidth(LINE_WIDTH).strokeColor(INK).roundedRect(x, boxTop, width, box.height, box.radius).stroke();
  // Both texts sit on one baseline, centred in the frame.
  const baseline = boxTop + box.height / 2 + SIZE.verification * 0.36;
  doc
    .font('regular')
    .fontSize(SIZE.body)
    .fillColor(INK)
    .text(label, x + box.padding, baseline, { lineBreak: false, baseline: 'alphabetic' });
  doc
    .font('bold')
    .fontSize(SIZE.verification)
    .text(code, x + box.padding + labelWidth + box.gap, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
  return boxTop + box.height;
}

/** The paper questionnaire: satisfaction with faces, the four questions, the comment box. */
function drawQuestionnaire(doc: Doc, top: number): number {
  rule(doc, LEFT, LEFT + CONTENT_WIDTH, top, RULE);
  let y = write(doc, TEXT.questionnaire, LEFT, top + 5, { font: 'bold', size: SIZE.body, maxLines: 1 });
  y = drawSatisfaction(doc, y + 5);
  QUESTIONS.choices.forEach(([question, options], index) => {
    y = drawChoiceQuestion(doc, `${index + 2}. ${question}`, options, y + QUESTION_GAP);
  });
  return drawCommentBox(doc, `${QUESTIONS.choices.length + 2}. ${QUESTIONS.comment}`, y + QUESTION_GAP);
}

function drawSatisfaction(doc: Doc, top: number): number {
  const y = write(doc, `1. ${QUESTIONS.satisfaction}`, LEFT, top, { font: 'bold', size: SIZE.label });
  const column = CONTENT_WIDTH / QUESTIONS.levels.length;
  const faceY = y + 4 + FACE_RADIUS;
  const boxY = faceY + FACE_RADIUS + 4;
  let bottom = boxY;
  QUESTIONS.levels.forEach(([level, word], index) => {
    const centerX = LEFT + column * index + column / 2;
    drawFace(doc, centerX, faceY, level);
    tickBox(doc, centerX - TICK_BOX / 2, boxY);
    bottom = Math.max(
      bottom,
      write(doc, word, LEFT + column * index, boxY + TICK_BOX + 2, {
        size: SIZE.small,
        width: column,
        align: 'center',
      }),
    );
  });
  return bottom;
}

/** A question and its options in one row of tick boxes. */
function drawChoiceQuestion(doc: Doc, question: string, options: readonly string[], top: number): number {
  const y = write(doc, question, LEFT, top, { font: 'bold', size: SIZE.label });
  const column = CONTENT_WIDTH / 3;
  options.forEach((option, index) => {
    const x = LEFT + 8 + column * index;
    tickBox(doc, x, y + 2);
    write(doc, option, x + TICK_BOX + TICK_GAP, y + 1.5, {
      size: SIZE.body,
      width: column - TICK_BOX - TICK_GAP - 8,
      maxLines: 1,
    });
  });
  return y + 2 + TICK_BOX + 2;
}

/** A ruled rectangle for a handwritten comment, down to the footer. */
function drawCommentBox(doc: Doc, label: string, top: number): number {
  const y = write(doc, label, LEFT, top, { font: 'bold', size: SIZE.label });
  const boxTop = y + 3;
  const height = Math.max(COMMENT_BOX_MIN_HEIGHT, FOOTER_TOP - BLOCK_GAP - boxTop);
  doc.lineWidth(LINE_WIDTH).strokeColor(INK).rect(LEFT, boxTop, CONTENT_WIDTH, height).stroke();
  const lines = Math.floor(height / COMMENT_LINE_STEP) - 1;
  const step = height / (lines + 1);
  for (let line = 1; line <= lines; line += 1) {
    const lineY = boxTop + step * line;
    doc
      .lineWidth(0.4)
      .strokeColor(RULE)
      .dash(1, { space: 2 })
      .moveTo(LEFT + 6, lineY)
      .lineTo(LEFT + CONTENT_WIDTH - 6, lineY)
      .stroke()
      .undash();
  }
  return boxTop + height;
}

function drawFooter(doc: Doc): void {
  rule(doc, LEFT, LEFT + CONTENT_WIDTH, FOOTER_TOP - 3, RULE);
  centered(doc, TEXT.footer, FOOTER_TOP, { size: SIZE.small, color: MUTED });
}

// ── drawings ────────────────────────────────────────────────────────────────────────────────

function rule(doc: Doc, x1: number, x2: number, y: number, color = INK): void {
  doc.lineWidth(0.6).strokeColor(color).moveTo(x1, y).lineTo(x2, y).stroke();
}

function tickBox(doc: Doc, x: number, y: number): void {
  doc.lineWidth(LINE_WIDTH).strokeColor(INK).rect(x, y, TICK_BOX, TICK_BOX).stroke();
}

/** How much the mouth bends per level: up for a smile, down for a frown. */
const MOUTH_BEND: Record<SatisfactionLevel, number> = { 5: 4, 4: 2, 3: 0, 2: -2, 1: -4 };

/**
 * A simple face drawn with vectors (emoji are not in the font): a circle, two eyes and a mouth
 * whose curve follows the level; the lowest level also frowns with slanted brows.
 */
function drawFace(doc: Doc, cx: number, cy: number, level: SatisfactionLevel): void {
  const r = FACE_RADIUS;
  doc.lineWidth(LINE_WIDTH).strokeColor(INK).circle(cx, cy, r).stroke();
  doc.fillColor(INK);
  doc.circle(cx - r * 0.35, cy - r * 0.25, r * 0.11).fill();
  doc.circle(cx + r * 0.35, cy - r * 0.25, r * 0.11).fill();
  const bend = (MOUTH_BEND[level] * r) / 10;
  const mouthY = cy + r * 0.35 - bend / 2;
  const halfWidth = r * 0.45;
  doc
    .lineWidth(LINE_WIDTH)
    .moveTo(cx - halfWidth, mouthY)
    .quadraticCurveTo(cx, mouthY + bend * 1.6, cx + halfWidth, mouthY)
    .stroke();
  if (level === 1) {
    doc
      .moveTo(cx - r * 0.55, cy - r * 0.55)
      .lineTo(cx - r * 0.2, cy - r * 0.42)
      .moveTo(cx + r * 0.55, cy - r * 0.55)
      .lineTo(cx + r * 0.2, cy - r * 0.42)
      .stroke();
  }
}
