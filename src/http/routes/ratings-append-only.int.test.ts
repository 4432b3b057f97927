import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRating } from '#app/ratings/record-rating.ts';
import type { DossierDetail } from '#shared/dossier.view.ts';
import { TEST_CATALOG } from '#test/support/factories.ts';
import { createTestApp, type TestApp } from '#test/support/http.ts';

const SRC = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
}

describe('ratings are append-only (Nghị định 61/2018 Điều 27; issue 4)', () => {
  let t: TestApp;
  let dossier: DossierDetail;
  let ratingId: string;
  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    dossier = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: {
          agencyCode: TEST_CATALOG.department,
          procedureCode: TEST_CATALOG.procedure5Days,
          channel: 'in_person',
          receivedAt: '2025-07-07T09:00:00+07:00',
        },
      })
    ).json<DossierDetail>();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier.id}/events`,
      payload: { type: 'finished', occurredAt: '2025-07-09T09:00:00+07:00' },
    });
    ratingId = (
      await recordRating(t.deps, {
        dossierId: dossier.id,
        channel: 'device',
        satisfaction: 3,
        answers: { cs3: 2 },
        submittedAt: '2025-07-10T09:00:00+07:00',
      })
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('no source file updates or deletes a rating row', () => {
    const offenders = sourceFiles(SRC).filter((file) =>
      /(updateTable|deleteFrom)\(\s*['"]rating['"]|(UPDATE|DELETE\s+FROM)\s+rating\b/i.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('walking every route of the OpenAPI document with every method changes no stored rating', async () => {
    const before = await t.deps.db.selectFrom('rating').selectAll().orderBy('id').execute();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<OpenApi>();
    const calls: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        // Fill every path parameter with the rated dossier's or the rating's own identifiers.
        for (const value of [dossier.id, dossier.code, ratingId]) {
          const url = path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
          const response = await t.app.inject({
            method,
            url,
            payload:
              method === 'GET' || method === 'DELETE'
                ? undefined
                : { satisfaction: 5, id: ratingId, dossierId: dossier.id, is_duplicate: true },
          });
          calls.push(`${method} ${url} → ${response.statusCode}`);
          expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
        }
      }
      expect(Object.keys(operations).length).toBeGreaterThan(0);
    }
    expect(calls.length).toBeGreaterThan(100);
    const after = await t.deps.db.selectFrom('rating').selectAll().orderBy('id').execute();
    // Appends may happen; nothing that was stored has changed or gone.
    for (const row of before) expect(after.find((candidate) => candidate.id === row.id)).toEqual(row);
  });
});
