import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { MAX_SLIPS_PER_BATCH, printEvaluationSlips } from '#app/ratings/print-evaluation-slips.ts';
import type { DossierScoreView } from '#shared/score.view.ts';
import { finishedTestDossier, receivedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

/**
 * The evaluation slip PDF (issue 4, deliverable 2) checked with independent tools: poppler
 * (pdfinfo, pdffonts, pdftotext, pdftoppm) reads the PDF, zbar (zbarimg) decodes the printed
 * QR code and Code 128 from the rendered page, and the decoded link is followed to rate.
 */

const A5_POINTS = '419.53 x 595.28 pts';

/** Is a Debian tool installed? Missing in CI is a failure; on a developer machine the checks are skipped. */
function hasTool(tool: string): boolean {
  const found = spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;
  if (!found && process.env.CI) {
    throw new Error(`${tool} is missing: .ci/run installs poppler-utils and zbar-tools`);
  }
  if (!found) console.warn(`slips.int.test.ts: ${tool} not found; its checks are skipped (not in CI)`);
  return found;
}

const tools = {
  poppler: ['pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'].every(hasTool),
  zbar: hasTool('zbarimg'),
};

function skipWithout(ctx: TestContext, available: boolean, what: string): void {
  if (!available)
    ctx.skip(`${what} not installed (apt-get install poppler-utils zbar-tools); skipped outside CI`);
}

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.normalize('NFC');
}

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('evaluation slip PDF: single and batch, QR and Code 128 decoded back (issue 4)', () => {
  let t: TestApp;
  let dir: string;
  let finished: TestDossier;
  let second: TestDossier;
  let third: TestDossier;
  let unprinted: TestDossier;
  let saved = 0;

  /** Writes a response body to a file of the temporary folder. */
  const save = (body: Buffer): string => {
    saved += 1;
    const file = join(dir, `slip-${saved}.pdf`);
    writeFileSync(file, body);
    return file;
  };

  /** Renders page `page` at 200 dpi and decodes the codes of one symbology (zbarimg exits 4 on none). */
  const decode = (pdf: string, page: number, symbology: 'qrcode' | 'code128'): string[] => {
    const png = `${pdf.replace(/\.pdf$/, '')}-page-${page}`;
    run('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, png]);
    const out = run('zbarimg', ['--raw', '-q', '-Sdisable', `-S${symbology}.enable`, `${png}.png`]);
    return out.split('\n').filter((line) => line !== '');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hailong-slip-'));
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    const receive = (receivedAt: string) => receivedTestDossier(t.deps, { receivedAt });
    finished = await finishedTestDossier(t.deps, { finishedAt: '2025-07-10T09:00:00+07:00' });
    second = await receive('2025-07-14T09:00:00+07:00');
    third = await receive('2025-07-15T09:00:00+07:00');
    unprinted = await receive('2025-07-16T09:00:00+07:00');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issued = async (code: string) =>
    (await t.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/rating-token` })).json<{
      token: string;
      verificationCode: string;
    }>();

  it('prints one A5 page with the fonts embedded and the Vietnamese text intact', async (ctx) => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/dossiers/${finished.code}/slip.pdf` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `inline; filename="phieu-danh-gia-${finished.code}.pdf"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.rawPayload;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Without poppler: one page object and the A5 MediaBox, read from the file itself.
    const raw = body.toString('latin1');
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(raw).toContain('/MediaBox [0 0 419.53 595.28]');

    skipWithout(ctx, tools.poppler, 'poppler-utils');
    const file = save(body);
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(new RegExp(`^Page size:\\s+${A5_POINTS}`, 'm'));
    const fonts = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) {
      expect(line, 'only Be Vietnam Pro, embedded').toMatch(
        /\+BeVietnamPro-(Regular|Bold)\s.*\syes\s+yes\s+yes\s/,
      );
    }
    const text = run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('PHIẾU ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('SỞ TƯ PHÁP');
    expect(text).toContain(finished.code);
    expect(text).toContain('Cấp phiếu lý lịch tư pháp');
    expect(text).toContain('07/07/2025');
    for (const word of ['Rất hài lòng', 'Không hài lòng', 'Rất không hài lòng', 'Trễ hẹn', 'Góp ý thêm']) {
      expect(text).toContain(word);
    }
    expect(text).toContain('Mỗi hồ sơ chỉ được tính một lần đánh giá.');
    const { verificationCode } = await issued(finished.code);
    expect(text).toContain(`${verificationCode.slice(0, 4)} ${verificationCode.slice(4)}`);
    expect(text).toContain('http://localhost:80/danh-gia');

    // The same slip by the dossier's id.
    const byId = await t.inject({ method: 'GET', url: `/api/v1/dossiers/${finished.id}/slip.pdf` });
    expect(byId.statusCode).toBe(200);
    expect(byId.headers['content-disposition']).toContain(`phieu-danh-gia-${finished.code}.pdf`);
  });

  it('acceptance: PDF → PNG → QR decoded by zbarimg → link opened → rating counted in the score', async (ctx) => {
    skipWithout(ctx, tools.poppler && tools.zbar, 'poppler-utils / zbar-tools');
    const response = await t.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${finished.code}/slip.pdf`,
      headers: { host: 'hailong.test:8080' },
    });
    expect(response.statusCode).toBe(200);
    const file = save(response.rawPayload);
    const { token } = await issued(finished.code);
    const ratingUrl = `http://hailong.test:8080/r/${token}`;
    expect(decode(file, 1, 'qrcode')).toEqual([ratingUrl]);
    expect(decode(file, 1, 'code128')).toEqual([finished.code]);

    const scoreOf = async () =>
      (
        await t.inject({ method: 'GET', url: `/api/v1/dossiers/${finished.code}/score` })
      ).json<DossierScoreView>();
    const cs4 = (score: DossierScoreView) => score.indicators.find((i) => i.indicator === 'cs4');
    expect(cs4(await scoreOf())).toMatchObject({ source: 'system', citizenPoints: null });

    const decoded = new URL(decode(file, 1, 'qrcode')[0]!);
    const page = await t.inject({ method: 'GET', url: decoded.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(finished.code);
    const rated = await t.inject({
      method: 'POST',
      url: decoded.pathname,
      // "More than one office": the citizen's answer differs from the system's and wins (cs4).
      ...form({ satisfaction: '5', cs1: '2', cs3: '2', cs4: '0', conduct: 'no' }),
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.body).toContain('Cảm ơn');

    expect(cs4(await scoreOf())).toMatchObject({
      source: 'citizen',
      citizenPoints: 0,
      points: 0,
      disagreement: true,
    });
    const rating = await t.deps.db
      .selectFrom('rating')
      .selectAll()
      .where('dossier_id', '=', finished.id)
      .executeTakeFirstOrThrow();
    expect(rating).toMatchObject({ channel: 'qr', satisfaction: 5, is_duplicate: false });
  });

  it('points the QR code at HAILONG_PUBLIC_URL when it is set', async (ctx) => {
    skipWithout(ctx, tools.poppler && tools.zbar, 'poppler-utils / zbar-tools');
    const previous = process.env.HAILONG_PUBLIC_URL;
    process.env.HAILONG_PUBLIC_URL = 'https://danhgia.example.gov.vn/';
    try {
      const response = await t.inject({ method: 'GET', url: `/api/v1/dossiers/${second.code}/slip.pdf` });
      expect(response.statusCode).toBe(200);
      const file = save(response.rawPayload);
      const { token } = await issued(second.code);
      expect(decode(file, 1, 'qrcode')).toEqual([`https://danhgia.example.gov.vn/r/${token}`]);
      expect(run('pdftotext', [file, '-'])).toContain('https://danhgia.example.gov.vn/danh-gia');
    } finally {
      if (previous === undefined) delete process.env.HAILONG_PUBLIC_URL;
      else process.env.HAILONG_PUBLIC_URL = previous;
    }
  });

  it('prints a batch as one PDF, one page per dossier in the order given (codes or ids)', async (ctx) => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/slips',
      payload: { dossiers: [third.code, finished.id, second.code] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('inline; filename="phieu-danh-gia-3-ho-so.pdf"');
    expect(response.rawPayload.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(3);

    skipWithout(ctx, tools.poppler, 'poppler-utils');
    const file = save(response.rawPayload);
    expect(run('pdfinfo', [file])).toMatch(/^Pages:\s+3$/m);
    [third.code, finished.code, second.code].forEach((code, index) => {
      const page = String(index + 1);
      expect(run('pdftotext', ['-f', page, '-l', page, file, '-'])).toContain(code);
    });
    if (tools.zbar) {
      const { token } = await issued(third.code);
      expect(decode(file, 1, 'qrcode')).toEqual([`http://localhost:80/r/${token}`]);
      expect(decode(file, 3, 'code128')).toEqual([second.code]);
    }
  });

  it('refuses a batch with an unknown dossier, naming it, with no PDF and no token issued', async () => {
    const tokenOfUnprinted = () =>
      t.deps.db.selectFrom('rating_token').select('nonce').where('dossier_id', '=', unprinted.id).execute();
    for (const unknown of [
      'H99.01-990101-9999',
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid-or-code',
    ]) {
      const response = await t.inject({
        method: 'POST',
        url: '/api/v1/slips',
        payload: { dossiers: [unprinted.code, unknown] },
      });
      expect(response.statusCode, unknown).toBe(404);
      expect(response.headers['content-type']).toContain('application/json');
      const error = response.json<{
        error: { code: string; message: string; details: { dossier: string } };
      }>().error;
      expect(error.code).toBe('DOSSIER_NOT_FOUND');
      expect(error.message).toContain(unknown);
      expect(error.details.dossier).toBe(unknown);
    }
    // Every dossier is looked up before any token is issued.
    expect(await tokenOfUnprinted()).toEqual([]);
    const single = await t.inject({ method: 'GET', url: '/api/v1/dossiers/H99.01-990101-9999/slip.pdf' });
    expect(single.statusCode).toBe(404);
    expect(single.json<{ error: { code: string } }>().error.code).toBe('DOSSIER_NOT_FOUND');
  });

  it('refuses an empty batch and one of more than 500 dossiers', async () => {
    for (const dossiers of [[], Array.from({ length: 501 }, () => finished.code)]) {
      const response = await t.inject({ method: 'POST', url: '/api/v1/slips', payload: { dossiers } });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    // The use case holds the limit too, for callers other than this route.
    const refs = Array.from({ length: MAX_SLIPS_PER_BATCH + 1 }, () => ({ code: finished.code }));
    await expect(printEvaluationSlips(t.deps, refs, 'http://localhost')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
