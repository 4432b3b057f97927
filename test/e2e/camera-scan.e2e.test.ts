import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedTestDossier } from '#test/support/dossiers.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

/**
 * A Y4M video (what Chromium's fake camera plays) of one grey image: the slip rendered by
 * poppler as PGM, cropped to even sides, with neutral chroma.
 */
function pgmToY4m(pgm: Buffer): Buffer {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  const w = width - (width % 2);
  const h = height - (height % 2);
  const luma = Buffer.alloc(w * h);
  for (let y = 0; y < h; y += 1) pixels.copy(luma, y * w, y * width, y * width + w);
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`),
    Buffer.from('FRAME\n'),
    luma,
    chroma,
  ]);
}

describe('paper slip entry with the camera: barcode-detector with its wasm served by us (issue 4)', () => {
  let server: E2eServer;
  let dir: string;
  let code: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hailong-camera-'));
    // Chromium opens the fake camera's file when the page asks for the camera, so the video can
    // be written after the launch, from the slip the running server prints.
    const video = join(dir, 'slip.y4m');
    server = await startE2eServer({
      now: () => Date.parse('2025-07-20T10:00:00+07:00'),
      chromiumArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    ({ code } = await finishedTestDossier(server.deps));
    // The slip as the desk prints it: over HTTP, by a signed-in official.
    const { cookie } = await server.signInWithRole('counter_official', TEST_CATALOG.department);
    const pdf = await fetch(`${server.base}/api/v1/dossiers/${code}/slip.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    writeFileSync(join(dir, 'slip.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const rendered = spawnSync('pdftoppm', [
      '-r',
      '90',
      '-gray',
      '-singlefile',
      join(dir, 'slip.pdf'),
      join(dir, 'slip'),
    ]);
    if (rendered.status !== 0) throw new Error(`pdftoppm failed: ${String(rendered.stderr)}`);
    writeFileSync(video, pgmToY4m(readFileSync(join(dir, 'slip.pgm'))));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the slip held up to the camera and finds its dossier, with no request leaving our server', async () => {
    const { browser, base } = server;
    const context = await browser.newContext({ permissions: ['camera'] });
    await server.signIn(context);
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (
        !request.url().startsWith(base) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      )
        foreign.push(request.url());
    });
    const wasm: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.wasm'))
        wasm.push(`${response.status()} ${response.headers()['content-type']}`);
    });
    await page.goto(`${base}/phieu-giay`);
    await page.getByRole('button', { name: 'Quét bằng camera' }).click();
    // The QR code was read from the camera picture: the scan field holds its link and the slip's dossier is shown.
    await page
      .getByRole('heading', { name: new RegExp(`Hồ sơ trên phiếu.*${code}`) })
      .waitFor({ timeout: 20_000 });
    await expect(page.getByLabel('Quét mã vạch hoặc mã QR trên phiếu').inputValue()).resolves.toMatch(
      /\/r\/[A-Za-z0-9_-]{40,}$|^H99/,
    );
    expect(wasm).toEqual(['200 application/wasm']);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
