import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyScoresView, OfficialScoresView, SatisfactionView } from '#shared/score.view.ts';
import { importCatalog } from '#app/catalog/import-catalog.ts';
import { issueRatingToken } from '#app/ratings/rating-tokens.ts';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

/**
 * Issue 6 acceptance (exports): the Excel file opened by LibreOffice holds the API's numbers;
 * the PDF's text holds the Vietnamese names intact, its fonts are embedded, the wide agency
 * table is on landscape A4; the exports keep the JSON tables' policies; a large per-dossier
 * export streams to the end.
 */

const run = promisify(execFile);
const PERIOD = '2025-Q3';
/** Names with diacritics of every kind (NFC), added to the test catalog. */
const WARD = { code: 'H99.P01', name: 'UBND phường Hưng Hòa Đức Thắng' };

let t: TestApp;
let dir: string;

beforeAll(async () => {
  // The ratings are submitted at this moment: inside the period, so satisfaction has data.
  t = await createTestApp({ now: () => Date.parse('2025-09-05T09:30:00+07:00') });
  dir = await mkdtemp(join(tmpdir(), 'hailong-exports-'));
  await importCatalog(
    t.deps,
    'agencies',
    JSON.stringify([
      { code: WARD.code, name: WARD.name, level: 'commune', parentCode: TEST_CATALOG.province },
    ]),
    'json',
  );
  // Dossiers finished early, on time and late in three agencies, some rated: different scores.
  const finishes = ['2025-07-08T09:00:00+07:00', '2025-07-14T16:00:00+07:00', '2025-07-25T10:00:00+07:00'];
  const plan: { agencyCode: string; officialCode?: string; count: number }[] = [
    { agencyCode: TEST_CATALOG.department, officialCode: TEST_CATALOG.handlingOfficial, count: 5 },
    { agencyCode: TEST_CATALOG.department2, officialCode: 'CB003', count: 4 },
    { agencyCode: WARD.code, count: 3 },
  ];
  for (const { agencyCode, officialCode, count } of plan) {
    for (let i = 0; i < count; i += 1) {
      const dossier = await finishedTestDossier(t.deps, {
        agencyCode,
        finishedAt: finishes[i % finishes.length]!,
        ...(officialCode === undefined ? {} : { finishedBy: officialCode }),
      });
      if (i % 2 === 0) {
        const { token } = await issueRatingToken(t.deps, { id: dossier.id });
        const rated = await t.app.inject({
          method: 'POST',
          url: `/r/${token}`,
          payload: new URLSearchParams({
            satisfaction: String(5 - (i % 3)),
            cs3: '2',
            conduct: 'no',
          }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(rated.statusCode, rated.body).toBe(201);
      }
    }
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function download(url: string, name: string): Promise<string> {
  const response = await t.inject({ method: 'GET', url });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const file = join(dir, name);
  await writeFile(file, response.rawPayload);
  return file;
}

/** The first sheet as rows of cells, as LibreOffice headless writes it (UTF-8, values as shown). */
async function xlsxRows(file: string): Promise<string[][]> {
  const profile = await mkdtemp(join(tmpdir(), 'hailong-soffice-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 90_000, env: { ...process.env, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' } },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const csv = await readFile(file.replace(/\.xlsx$/, '.csv'), 'utf8');
  const rows: string[][] = parse(csv, { relax_column_count: true });
  return rows;
}

/** A numeric cell of the CSV ("1,234" and "12.50%" as shown) as a number; "–" (not scored) as null. */
function numberOf(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '–') return null;
  return Number(text.replace(/[,%]/g, ''));
}

async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
}

describe('report exports (issue 6, point 2)', () => {
  it('the agency workbook holds the API numbers, rank, grade, motto and title (LibreOffice CSV)', async () => {
    const api = await t.inject({ method: 'GET', url: `/api/v1/scores/agencies?period=${PERIOD}` });
    const view = api.json<AgencyScoresView>();
    expect(view.rows.length).toBeGreaterThanOrEqual(3);
    const file = await download(`/api/v1/reports/agencies.xlsx?period=${PERIOD}`, 'agencies.xlsx');
    // The print setup and the frozen header, as Excel reads them back.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe('8:9');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    const rows = await xlsxRows(file);
    const text = rows.map((row) => row.join('|')).join('\n');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('KẾT QUẢ ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA CƠ QUAN, ĐƠN VỊ');
    expect(text).toContain('Kỳ đánh giá: Quý III/2025');
    expect(text).toContain('UBND TỈNH THỬ NGHIỆM');
    expect(text).toContain('Thử Nghiệm, ngày 05 tháng 9 năm 2025');
    expect(text).toContain('NGƯỜI LẬP BIỂU');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    const header = rows.findIndex((row) => row[0] === 'Hạng');
    expect(header).toBeGreaterThan(0);
    const leaf = rows[header + 1]!;
    const column = (name: string) => {
      const index = leaf.indexOf(name) >= 0 ? leaf.indexOf(name) : rows[header]!.indexOf(name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      return index;
    };
    for (const row of view.rows) {
      const line = rows.find((candidate) => candidate[column('Mã')] === row.agency.code);
      expect(line, row.agency.code).toBeDefined();
      expect(line![column('Cơ quan, đơn vị')]).toBe(row.agency.name);
      expect(numberOf(line![column('Hạng')])).toBe(row.rank);
      expect(numberOf(line![column('Số hồ sơ')])).toBe(row.dossiers);
      for (const indicator of ['cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cs7', 'cs8', 'cs9'] as const)
        expect(numberOf(line![column(indicator.toUpperCase())]), `${row.agency.code} ${indicator}`).toBe(
          row.indicators[indicator].score,
        );
      expect(numberOf(line![column('Tổng điểm (tối đa 18)')])).toBe(row.total);
      expect(numberOf(line![column('Số chỉ số được chấm (/9)')])).toBe(row.scored);
      expect(line![column('Xếp loại')]).toBe(row.grade.label);
    }
  }, 120_000);

  it('the official and satisfaction workbooks hold the API numbers too', async () => {
    const officials = (
      await t.inject({ method: 'GET', url: `/api/v1/scores/officials?period=${PERIOD}` })
    ).json<OfficialScoresView>();
    expect(officials.rows.length).toBeGreaterThan(0);
    const officialRows = await xlsxRows(
      await download(`/api/v1/reports/officials.xlsx?period=${PERIOD}`, 'officials.xlsx'),
    );
    for (const row of officials.rows) {
      const line = officialRows.find((candidate) => candidate[2] === row.official.code);
      expect(line, row.official.code).toBeDefined();
      expect(line![1]).toBe(row.official.name);
      expect(line!.slice(4, 10).map(numberOf)).toEqual([
        row.indicators.cs1,
        row.indicators.cs2,
        row.indicators.cs3,
        row.indicators.cs4,
        row.indicators.cs7,
        row.total,
      ]);
      expect(line![11]).toBe(row.class.label);
    }

    const satisfaction = (
      await t.inject({ method: 'GET', url: `/api/v1/scores/satisfaction?period=${PERIOD}` })
    ).json<SatisfactionView>();
    expect(satisfaction.overall.total).toBeGreaterThan(0);
    const satisfactionRows = await xlsxRows(
      await download(`/api/v1/reports/satisfaction.xlsx?period=${PERIOD}`, 'satisfaction.xlsx'),
    );
    const stats = (s: SatisfactionView['overall']) => [
      s.total,
      s.counts['5'],
      s.counts['4'],
      s.counts['3'],
      s.counts['2'],
      s.counts['1'],
      s.threeLevel.sharesPercent.rat_hai_long,
      s.threeLevel.sharesPercent.hai_long,
      s.threeLevel.sharesPercent.chua_hai_long,
    ];
    for (const row of satisfaction.agencies) {
      const line = satisfactionRows.find((candidate) => candidate[2] === row.agency.code);
      expect(line!.slice(3, 12).map(numberOf), row.agency.code).toEqual(stats(row.stats));
    }
    const overall = satisfactionRows.find((candidate) => candidate[1] === 'Tổng cộng');
    expect(overall!.slice(3, 12).map(numberOf)).toEqual(stats(satisfaction.overall));
  }, 120_000);

  it('the agency PDF: Vietnamese names intact, motto and period, embedded fonts only, A4 landscape', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/reports/agencies.pdf?period=${PERIOD}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="ket-qua-co-quan-don-vi-2025-Q3.pdf"; filename*=UTF-8''${encodeURIComponent('Kết quả đánh giá cơ quan, đơn vị 2025-Q3.pdf')}`,
    );
    const file = join(dir, 'agencies.pdf');
    await writeFile(file, response.rawPayload);
    const text = (await pdfText(file)).normalize('NFC');
    const view = (
      await t.inject({ method: 'GET', url: `/api/v1/scores/agencies?period=${PERIOD}` })
    ).json<AgencyScoresView>();
    for (const row of view.rows) expect(text).toContain(row.agency.name.normalize('NFC'));
    expect(text).toContain(WARD.name);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Quý III/2025');
    expect(text).toContain('Tổng điểm theo cơ quan, đơn vị'); // the chart's title, drawn from its SVG
    const fonts = (await run('pdffonts', [file])).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // name type encoding emb sub uni object ID: "emb" is the 4th column from the end of the flags.
      const flags = line.trim().split(/\s+/).slice(-5, -2);
      expect(flags[0], line).toBe('yes');
      expect(line).toMatch(/BeVietnamPro/);
    }
    const info = (await run('pdfinfo', [file])).stdout;
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/.exec(info);
    expect(size?.[3]).toBe('A4');
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
  }, 60_000);

  it('scoped to an agency: its subtree only, the agency under the province in the heading', async () => {
    const file = await download(
      `/api/v1/reports/agencies.xlsx?period=${PERIOD}&agency=${TEST_CATALOG.department}`,
      'scoped.xlsx',
    );
    const rows = await xlsxRows(file);
    const text = rows.map((row) => row.join('|')).join('\n');
    expect(text).toContain('SỞ TƯ PHÁP');
    expect(text).toContain('Sở Tư pháp và các đơn vị trực thuộc');
    expect(text).not.toContain('Sở Xây dựng');
    const unknown = await t.inject({
      method: 'GET',
      url: `/api/v1/reports/agencies.pdf?period=${PERIOD}&agency=KHONG`,
    });
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('AGENCY_NOT_FOUND');
    const badPeriod = await t.inject({ method: 'GET', url: '/api/v1/reports/agencies.pdf?period=2025-Q9' });
    expect(badPeriod.statusCode).toBe(400);
  }, 120_000);

  it('keeps the JSON tables’ policies: 401 anonymous, 403 without score.read or out of scope', async () => {
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/agencies.xlsx?period=${PERIOD}`,
    });
    expect(anonymous.statusCode).toBe(401);
    const integration = await t.signInWithRole('integration', null);
    const noRead = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/agencies.pdf?period=${PERIOD}`,
      headers: integration.headers,
    });
    expect(noRead.statusCode).toBe(403);
    const official = await t.signInWithRole('handling_official', TEST_CATALOG.department);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/dossiers.xlsx?period=${PERIOD}&agency=${TEST_CATALOG.department2}`,
      headers: official.headers,
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
    // Without a scope, the per-dossier list is the caller's agencies only.
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/dossiers.pdf?period=${PERIOD}`,
      headers: official.headers,
    });
    expect(own.statusCode).toBe(200);
    const file = join(dir, 'own.pdf');
    await writeFile(file, own.rawPayload);
    const text = await pdfText(file);
    expect(text).toContain('Sở Tư pháp');
    expect(text).not.toContain('Sở Xây dựng');
    // Portrait? No: the per-dossier table is wide too; but the pages are A4.
    expect((await run('pdfinfo', [file])).stdout).toMatch(/Page size:.*\(A4\)/);
  }, 60_000);

  it('streams a per-dossier export of a few thousand scored dossiers to the last row', async () => {
    const agency = await t.deps.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', TEST_CATALOG.commune)
      .executeTakeFirstOrThrow();
    const seed = await finishedTestDossier(t.deps, { agencyCode: TEST_CATALOG.commune });
    // Copies of one really scored dossier (its row and its score row, new ids and codes).
    await sql`
      WITH g AS (SELECT n, gen_random_uuid() AS id FROM generate_series(1, 2999) AS n),
      copies AS (
        INSERT INTO dossier
        SELECT (jsonb_populate_record(d, jsonb_build_object('id', g.id, 'code', d.code || '-' || lpad(n::text, 4, '0')))).*
        FROM dossier d, g WHERE d.agency_id = ${agency.id} AND d.id = ${seed.id}
        RETURNING id)
      INSERT INTO dossier_score
      SELECT (jsonb_populate_record(s, jsonb_build_object('dossier_id', g.id))).*
      FROM dossier_score s, g WHERE s.agency_id = ${agency.id} AND s.dossier_id = ${seed.id}`.execute(
      t.deps.db,
    );
    const api = await t.inject({
      method: 'GET',
      url: `/api/v1/scores/dossiers?period=${PERIOD}&subjectKind=agency&subjectId=${agency.id}&pageSize=1`,
    });
    const total = api.json<{ total: number }>().total;
    expect(total).toBe(3000);
    const file = await download(
      `/api/v1/reports/dossiers.xlsx?period=${PERIOD}&agency=${TEST_CATALOG.commune}`,
      'dossiers.xlsx',
    );
    const rows = await xlsxRows(file);
    const header = rows.findIndex((row) => row[0] === 'STT');
    const body = rows.slice(header + 2).filter((row) => /^\d/.test(row[0] ?? ''));
    expect(body.length).toBe(total);
    expect(numberOf(body.at(-1)![0])).toBe(total);
    expect(new Set(body.map((row) => row[2])).size).toBe(total);
    const pdf = await t.inject({
      method: 'GET',
      url: `/api/v1/reports/dossiers.pdf?period=${PERIOD}&agency=${TEST_CATALOG.commune}`,
    });
    expect(pdf.statusCode).toBe(200);
    const pdfFile = join(dir, 'dossiers.pdf');
    await writeFile(pdfFile, pdf.rawPayload);
    const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdfFile])).stdout)?.[1]);
    expect(pages).toBeGreaterThan(50);
    expect(await pdfText(pdfFile)).toContain(`${seed.code}-2999`);
  }, 240_000);
});
