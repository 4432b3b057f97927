/**
 * A report as an Excel workbook in the layout officials file (issue 6, point 2): the heading of
 * an administrative document (Nghị định 30/2020/NĐ-CP Phụ lục I: issuing agency at the left, the
 * national motto at the right, place and date), the title and period, the table with borders
 * and wrapped (grouped) headers frozen above the rows, footnotes, and the signature block;
 * printed on A4 landscape, fitted to the page width, the header rows repeated on every page.
 *
 * Numbers stay numbers with a number format (one decimal for scores, two for QĐ 766 points and
 * percentages), so a spreadsheet can compute with them and LibreOffice's CSV shows the values
 * the API answers. The workbook is written with exceljs's streaming writer: rows are committed
 * page by page to the output stream, so a large export never sits whole in memory.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  groupRuns,
  headerDepth,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  NOT_SCORED,
  placeAndDate,
  rowPages,
  SIGNATURES,
  type ColumnKind,
  type ReportColumn,
  type ReportIssuer,
  type ReportTable,
  type ReportValue,
} from './report-table.ts';

/**
 * Excel's code of A4 paper. exceljs types it as an ambient const enum, which cannot be read
 * under verbatimModuleSyntax; the number is what that enum would inline.
 */
const A4_PAPER: number = 9;

/** Nghị định 30/2020/NĐ-CP Phụ lục I: administrative documents are set in Times New Roman. */
const FONT_NAME = 'Times New Roman';
const SIZE = { body: 11, heading: 12, title: 14 } as const;

const NUMBER_FORMAT: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  integer: '#,##0',
  tenths: '0.0',
  hundredths: '0.00',
  percent: '0.00%',
};

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };

/** Rows of the heading block before the table's header (agency/motto, date, title, period, gaps). */
const HEADING_ROWS = 7;

/** The spans of the two heading columns: the left ~40 % and the right ~55 % of the table. */
function headingSpans(count: number): { left: [number, number]; right: [number, number] } {
  if (count < 4) throw new Error('a report table needs at least 4 columns for its heading');
  const leftEnd = Math.max(1, Math.floor(count * 0.4));
  const rightStart = Math.max(leftEnd + 1, count - Math.ceil(count * 0.55) + 1);
  return { left: [1, leftEnd], right: [rightStart, count] };
}

/** A valid sheet name: at most 31 characters, none of []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Báo cáo';
}

/**
 * Writes the report to `output` as .xlsx and resolves when the workbook is complete (the stream
 * is ended by exceljs). Rows given as pages are read and committed one page at a time.
 */
export async function writeReportXlsx(
  table: ReportTable,
  issuer: ReportIssuer,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'HàiLòng';
  workbook.created = new Date(issuer.issuedAt);
  const count = table.columns.length;
  const depth = headerDepth(table.columns);
  const headerTop = HEADING_ROWS + 1;
  const headerBottom = headerTop + depth - 1;
  const pageSetup: Omit<Partial<ExcelJS.PageSetup>, 'paperSize'> & { paperSize: number } = {
    paperSize: A4_PAPER,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerTop}:${headerBottom}`,
  };
  const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
    pageSetup,
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerBottom, topLeftCell: `A${headerBottom + 1}` }],
  });
  sheet.columns = table.columns.map((column) => ({ width: column.width }));

  const spans = headingSpans(count);
  let rowNumber = 1;
  /** Writes one merged, styled text cell over columns [from, to] of the current row. */
  const text = (
    row: ExcelJS.Row,
    [from, to]: [number, number],
    value: string,
    font: Partial<ExcelJS.Font> = {},
    alignment: Partial<ExcelJS.Alignment> = {},
  ) => {
    const cell = row.getCell(from);
    cell.value = value;
    cell.font = { name: FONT_NAME, size: SIZE.heading, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, ...alignment };
    if (to > from) sheet.mergeCells(row.number, from, row.number, to);
  };
  const nextRow = (height?: number): ExcelJS.Row => {
    const row = sheet.getRow(rowNumber);
    if (height !== undefined) row.height = height;
    rowNumber += 1;
    return row;
  };
  const all: [number, number] = [1, count];

  // Heading: agency | national name; unit | motto (underlined); date at the right.
  let row = nextRow(18);
  text(row, spans.left, issuer.agency.toLocaleUpperCase('vi'), { bold: true });
  text(row, spans.right, NATIONAL_NAME, { bold: true });
  row.commit();
  row = nextRow(18);
  if (issuer.subUnit !== null)
    text(row, spans.left, issuer.subUnit.toLocaleUpperCase('vi'), { bold: true, underline: true });
  text(row, spans.right, NATIONAL_MOTTO, { bold: true, underline: true });
  row.commit();
  row = nextRow(18);
  text(row, spans.right, placeAndDate(issuer.place, issuer.issuedAt), { italic: true });
  row.commit();
  nextRow().commit();
  row = nextRow(22);
  text(row, all, table.title, { bold: true, size: SIZE.title });
  row.commit();
  row = nextRow(18);
  text(row, all, table.subtitle, { italic: true });
  row.commit();
  nextRow().commit();

  // The table's header: grouped columns under a merged group cell; the others span both rows.
  const top = nextRow(depth === 1 ? 36 : 22);
  const bottom = depth === 2 ? nextRow(36) : top;
  const runs = groupRuns(table.columns);
  table.columns.forEach((column, index) => {
    const col = index + 1;
    const headerCell = (target: ExcelJS.Row, value: string) => {
      const cell = target.getCell(col);
      cell.value = value;
      cell.font = { name: FONT_NAME, size: SIZE.body, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BOX;
      cell.fill = HEADER_FILL;
    };
    if (column.group === undefined) {
      headerCell(top, column.header);
      if (depth === 2) {
        headerCell(bottom, '');
        sheet.mergeCells(top.number, col, bottom.number, col);
      }
    } else {
      headerCell(top, column.group);
      headerCell(bottom, column.header);
    }
  });
  for (const run of runs)
    if (run.to > run.from) sheet.mergeCells(top.number, run.from + 1, top.number, run.to + 1);
  top.commit();
  bottom.commit();

  // The rows, committed page by page.
  for await (const page of rowPages(table.rows)) {
    for (const values of page) {
      const body = nextRow(rowHeight(table.columns, values));
      table.columns.forEach((column, index) =>
        writeBodyCell(body.getCell(index + 1), column, values[index] ?? null),
      );
      body.commit();
    }
  }

  // Footnotes, then the signature block.
  nextRow().commit();
  for (const note of table.footnotes) {
    row = nextRow(Math.max(16, 15 * Math.ceil(note.length / (totalWidth(table.columns) * 1.1))));
    text(row, all, note, { size: SIZE.body - 1, italic: true }, { horizontal: 'left' });
    row.commit();
  }
  nextRow().commit();
  row = nextRow(18);
  text(row, spans.left, SIGNATURES.preparer, { bold: true });
  text(row, spans.right, SIGNATURES.head, { bold: true });
  row.commit();
  row = nextRow(16);
  text(row, spans.left, SIGNATURES.preparerHint, { italic: true, size: SIZE.body });
  text(row, spans.right, SIGNATURES.headHint, { italic: true, size: SIZE.body });
  row.commit();
  for (let gap = 0; gap < 4; gap += 1) nextRow().commit();
  row = nextRow(18);
  text(row, spans.left, issuer.preparedBy, { bold: true });
  row.commit();

  sheet.commit();
  await workbook.commit();
}

/** Points per line of body text (11 pt Times New Roman with its leading). */
const LINE_HEIGHT = 15;

/**
 * A body row's height from the lines its wrapped texts need (about 1.1 characters per unit of
 * column width). Given explicitly because LibreOffice otherwise measures every wrapped cell on
 * opening, which takes minutes for a large export.
 */
function rowHeight(columns: readonly ReportColumn[], values: readonly ReportValue[]): number {
  let lines = 1;
  columns.forEach((column, index) => {
    const value = values[index];
    if (typeof value !== 'string') return;
    const perLine = Math.max(1, Math.floor(column.width * 1.1));
    const needed = value
      .split('\n')
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return lines * LINE_HEIGHT;
}

function totalWidth(columns: readonly ReportColumn[]): number {
  return columns.reduce((sum, column) => sum + column.width, 0);
}

function writeBodyCell(cell: ExcelJS.Cell, column: ReportColumn, value: ReportValue): void {
  cell.font = { name: FONT_NAME, size: SIZE.body };
  cell.border = BOX;
  if (value === null || typeof value === 'string' || column.kind === 'text') {
    cell.value = value === null ? NOT_SCORED : String(value);
    const centred = value === null || column.kind !== 'text';
    cell.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'top', wrapText: true };
    return;
  }
  // A percentage is kept as the fraction Excel's % format expects (12.5 % → 0.125).
  cell.value = column.kind === 'percent' ? value / 100 : value;
  const format = NUMBER_FORMAT[column.kind];
  if (format !== undefined) cell.numFmt = format;
  cell.alignment = { horizontal: 'right', vertical: 'top' };
}
