/**
 * A report as a PDF in the layout officials file (issue 6, point 2): the same heading, table,
 * footnotes and signature block as the workbook (report-xlsx.ts), on A4 — landscape when the
 * table is wide, portrait otherwise — with the table broken across pages under its repeated
 * header, page numbers, and the report's charts drawn from ECharts SVG as vectors.
 *
 * Be Vietnam Pro (regular and bold, the faces of the evaluation slip) is embedded and used for
 * every text, the charts' included, so Vietnamese renders alike on every printer and the text
 * can be searched and copied (`pdftotext`). The document is piped to the output as it is made:
 * rows given as pages are drawn one page at a time, so a large export streams.
 */
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT_FILES } from './evaluation-slip.ts';
import { renderChartSvg } from './report-charts.ts';
import {
  drained,
  formatCell,
  groupRuns,
  headerDepth,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  placeAndDate,
  rowPages,
  SIGNATURES,
  type ReportColumn,
  type ReportIssuer,
  type ReportRow,
  type ReportTable,
} from './report-table.ts';

type Doc = PDFKit.PDFDocument;
type FontName = keyof typeof FONT_FILES;

/** Points per millimetre. */
const MM = 72 / 25.4;
/** Page margins: 20 mm left for binding, 15 mm elsewhere (Nghị định 30/2020/NĐ-CP Phụ lục I). */
const MARGIN = { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM } as const;
/** Room kept below the table for the page number. */
const FOOTER = 14;
/** A table wider than this many characters (the columns' widths) is printed on landscape A4. */
const WIDE_TABLE = 100;

const SIZE = { heading: 10.5, title: 13, subtitle: 10, header: 8, body: 8, note: 8, page: 8 } as const;
const CELL_PAD = 3;
const LINE = 0.5;
const HEADER_FILL = '#e8e8e8';
const INK = '#000000';

/** Whether the table needs a landscape page. */
export function isWideTable(columns: readonly ReportColumn[]): boolean {
  return columns.reduce((sum, column) => sum + column.width, 0) > WIDE_TABLE;
}

interface Layout {
  doc: Doc;
  left: number;
  width: number;
  /** The lowest y the content may reach on a page. */
  bottom: number;
  columns: readonly ReportColumn[];
  /** Each column's x and width. */
  cells: readonly { x: number; width: number }[];
}

/**
 * Writes the report to `output` as a PDF and resolves when the document is complete and
 * flushed. The output is ended by the writer.
 */
export async function writeReportPdf(
  table: ReportTable,
  issuer: ReportIssuer,
  output: Writable,
): Promise<void> {
  const layout = isWideTable(table.columns) ? 'landscape' : 'portrait';
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: MARGIN,
    autoFirstPage: false,
    font: FONT_FILES.regular,
    info: { Title: table.title, Creator: 'HàiLòng', Author: issuer.preparedBy, Subject: table.subtitle },
  });
  const finished = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('close', resolve);
    output.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(output);
  let pageNumber = 0;
  doc.on('pageAdded', () => {
    pageNumber += 1;
    pageFooter(doc, pageNumber);
  });
  doc.addPage();

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  let x = left;
  const cells = table.columns.map((column) => {
    const cell = { x, width: (width * column.width) / total };
    x += cell.width;
    return cell;
  });
  const page: Layout = {
    doc,
    left,
    width,
    bottom: doc.page.height - MARGIN.bottom - FOOTER,
    columns: table.columns,
    cells,
  };

  let y = heading(page, table, issuer, MARGIN.top);
  y = tableHeader(page, y);
  for await (const rows of rowPages(table.rows)) {
    y = tableRows(page, rows, y);
    // Let the client read (and other requests run) between pages of a large export.
    await drained(output);
  }
  y = footnotes(page, table.footnotes, y + 6);
  y = signatures(page, issuer, y + 12);
  // The charts follow the signed table, as the annex of the report.
  const chartWidth = Math.min(width, 640);
  for (const chart of table.charts)
    y = drawChart(page, renderChartSvg(chart, chartWidth, page.bottom - MARGIN.top), y + 16);
  doc.end();
  await finished;
}

// ── text helpers ────────────────────────────────────────────────────────────────────────────

interface TextStyle {
  font?: FontName;
  size?: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * Fonts are selected by file, not by a registered name: pdfkit caches a face under the key it
 * was asked for, except when the face was already loaded under another key (the document's
 * default font), in which case it would read and parse the file again on every call.
 */
function setFont(doc: Doc, style: TextStyle): void {
  doc
    .font(FONT_FILES[style.font ?? 'regular'])
    .fontSize(style.size ?? SIZE.body)
    .fillColor(INK);
}

function textHeight(doc: Doc, text: string, width: number, style: TextStyle): number {
  setFont(doc, style);
  return doc.heightOfString(text, { width });
}

/** Writes a block of text at (x, y) within `width` and returns the y below it. */
function write(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
  const height = textHeight(doc, text, width, style);
  doc.text(text, x, y, { width, align: style.align ?? 'left' });
  return y + height;
}

function rule(doc: Doc, x1: number, x2: number, y: number): void {
  doc.save().lineWidth(LINE).strokeColor(INK).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

/** "Trang n" centred under the content (written when the page is added: the PDF streams). */
function pageFooter(doc: Doc, n: number): void {
  const bottom = doc.page.margins.bottom;
  // Writing below the bottom margin would make pdfkit start a new page: lift it meanwhile.
  doc.page.margins.bottom = 0;
  setFont(doc, { size: SIZE.page });
  doc.text(`Trang ${n}`, MARGIN.left, doc.page.height - MARGIN.bottom - SIZE.page, {
    width: doc.page.width - MARGIN.left - MARGIN.right,
    align: 'center',
    lineBreak: false,
  });
  doc.page.margins.bottom = bottom;
}

/** Starts a new page and answers its top. */
function newPage(page: Layout): number {
  page.doc.addPage();
  return MARGIN.top;
}

// ── blocks ──────────────────────────────────────────────────────────────────────────────────

/** The heading: agency (and unit) | national name and motto, date; then title and period. */
function heading(page: Layout, table: ReportTable, issuer: ReportIssuer, top: number): number {
  const { doc, left, width } = page;
  const leftWidth = width * 0.42;
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  const bold: TextStyle = { font: 'bold', size: SIZE.heading, align: 'center' };

  let leftY = write(doc, issuer.agency.toLocaleUpperCase('vi'), left, top, leftWidth, bold);
  if (issuer.subUnit !== null)
    leftY = write(doc, issuer.subUnit.toLocaleUpperCase('vi'), left, leftY, leftWidth, bold);
  const ruleWidth = Math.min(leftWidth * 0.4, 90);
  rule(doc, left + leftWidth / 2 - ruleWidth / 2, left + leftWidth / 2 + ruleWidth / 2, leftY + 2);

  let rightY = write(doc, NATIONAL_NAME, rightX, top, rightWidth, bold);
  rightY = write(doc, NATIONAL_MOTTO, rightX, rightY, rightWidth, bold);
  setFont(doc, bold);
  const mottoWidth = doc.widthOfString(NATIONAL_MOTTO);
  rule(doc, rightX + rightWidth / 2 - mottoWidth / 2, rightX + rightWidth / 2 + mottoWidth / 2, rightY + 1);
  rightY = write(doc, placeAndDate(issuer.place, issuer.issuedAt), rightX, rightY + 6, rightWidth, {
    size: SIZE.heading,
    align: 'center',
  });

  let y = Math.max(leftY, rightY) + 14;
  y = write(doc, table.title, left, y, width, { font: 'bold', size: SIZE.title, align: 'center' });
  y = write(doc, table.subtitle, left, y + 2, width, { size: SIZE.subtitle, align: 'center' });
  return y + 10;
}

/** A bordered cell with its text (centred, or aligned by `align`), top-aligned. */
function cell(
  doc: Doc,
  text: string,
  box: { x: number; y: number; width: number; height: number },
  style: TextStyle & { fill?: string; middle?: boolean },
): void {
  if (style.fill !== undefined)
    doc.save().rect(box.x, box.y, box.width, box.height).fill(style.fill).restore();
  doc.save().lineWidth(LINE).strokeColor(INK).rect(box.x, box.y, box.width, box.height).stroke().restore();
  const inner = box.width - 2 * CELL_PAD;
  setFont(doc, style);
  const offset =
    style.middle === true
      ? Math.max(CELL_PAD, (box.height - doc.heightOfString(text, { width: inner })) / 2)
      : CELL_PAD;
  doc.text(text, box.x + CELL_PAD, box.y + offset, { width: inner, align: style.align ?? 'center' });
}

/** The table's header (one row, or two under grouped columns) at y; returns the y below it. */
function tableHeader(page: Layout, top: number): number {
  const { doc, columns, cells } = page;
  const style: TextStyle = { font: 'bold', size: SIZE.header, align: 'center' };
  const depth = headerDepth(columns);
  const runs = groupRuns(columns);
  const lineHeight = (text: string, width: number) =>
    textHeight(doc, text, width - 2 * CELL_PAD, style) + 2 * CELL_PAD;
  const groupHeight =
    depth === 1
      ? 0
      : Math.max(
          ...runs.map((run) =>
            lineHeight(run.group, cells[run.to]!.x + cells[run.to]!.width - cells[run.from]!.x),
          ),
        );
  const leafHeight = Math.max(
    ...columns.map((column, index) =>
      column.group === undefined && depth === 2
        ? lineHeight(column.header, cells[index]!.width) - groupHeight
        : lineHeight(column.header, cells[index]!.width),
    ),
  );
  const height = groupHeight + leafHeight;
  let y = top;
  if (y + height + 20 > page.bottom) y = newPage(page);
  const fill = { ...style, fill: HEADER_FILL, middle: true };
  columns.forEach((column, index) => {
    const { x, width } = cells[index]!;
    if (column.group === undefined) cell(doc, column.header, { x, y, width, height }, fill);
    else cell(doc, column.header, { x, y: y + groupHeight, width, height: leafHeight }, fill);
  });
  for (const run of runs) {
    const x = cells[run.from]!.x;
    const width = cells[run.to]!.x + cells[run.to]!.width - x;
    cell(doc, run.group, { x, y, width, height: groupHeight }, fill);
  }
  return y + height;
}

/** Rows of the table from y, breaking pages under a repeated header; returns the y below them. */
function tableRows(page: Layout, rows: readonly ReportRow[], top: number): number {
  const { doc, columns, cells } = page;
  let y = top;
  for (const values of rows) {
    const texts = columns.map((column, index) => formatCell(column.kind, values[index] ?? null));
    const height =
      Math.max(
        ...texts.map((text, index) =>
          textHeight(doc, text, cells[index]!.width - 2 * CELL_PAD, { size: SIZE.body }),
        ),
      ) +
      2 * CELL_PAD;
    if (y + height > page.bottom) y = tableHeader(page, newPage(page));
    columns.forEach((column, index) => {
      const { x, width } = cells[index]!;
      const align =
        column.kind === 'text' && values[index] !== null
          ? 'left'
          : column.kind === 'text'
            ? 'center'
            : 'right';
      cell(doc, texts[index]!, { x, y, width, height }, { size: SIZE.body, align });
    });
    y += height;
  }
  return y;
}

function footnotes(page: Layout, notes: readonly string[], top: number): number {
  let y = top;
  for (const note of notes) {
    const height = textHeight(page.doc, note, page.width, { size: SIZE.note });
    if (y + height > page.bottom) y = newPage(page);
    y = write(page.doc, note, page.left, y, page.width, { size: SIZE.note }) + 2;
  }
  return y;
}

/** Draws a chart's SVG (vectors, text in the embedded font), on a new page if it does not fit. */
function drawChart(page: Layout, chart: { svg: string; width: number; height: number }, top: number): number {
  let y = top;
  if (y + chart.height > page.bottom) y = newPage(page);
  const x = page.left + (page.width - chart.width) / 2;
  SVGtoPDF(page.doc, chart.svg, x, y, {
    width: chart.width,
    height: chart.height,
    assumePt: true,
    fontCallback: (_family, bold) => FONT_FILES[bold ? 'bold' : 'regular'],
    warningCallback: () => undefined,
  });
  return y + chart.height;
}

/** NGƯỜI LẬP BIỂU (with the preparer's name) | THỦ TRƯỞNG ĐƠN VỊ, kept together on one page. */
function signatures(page: Layout, issuer: ReportIssuer, top: number): number {
  const { doc, left, width } = page;
  const blockHeight = 110;
  let y = top;
  if (y + blockHeight > page.bottom) y = newPage(page);
  const half = width / 2;
  const bold: TextStyle = { font: 'bold', size: SIZE.heading, align: 'center' };
  const hint: TextStyle = { size: SIZE.note, align: 'center' };
  let leftY = write(doc, SIGNATURES.preparer, left, y, half, bold);
  leftY = write(doc, SIGNATURES.preparerHint, left, leftY, half, hint);
  const bottom = write(doc, issuer.preparedBy, left, leftY + 60, half, bold);
  const rightY = write(doc, SIGNATURES.head, left + half, y, half, bold);
  write(doc, SIGNATURES.headHint, left + half, rightY, half, hint);
  return bottom;
}
