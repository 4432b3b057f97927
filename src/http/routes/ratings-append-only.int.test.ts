import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRatingCorrection } from '#app/ratings/decide-rating-correction.ts';
import { proposeRatingCorrection } from '#app/ratings/propose-rating-correction.ts';
import { recordRating } from '#app/ratings/record-rating.ts';
import { finishedTestDossier, type TestDossier } from '#test/support/dossiers.ts';
import { createStaffUser } from '#test/support/factories.ts';
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
  let dossier: TestDossier;
  let ratingId: string;
  let correctionId: string;
  beforeAll(async () => {
    t = await createTestApp({ now: () => Date.parse('2025-07-20T10:00:00+07:00') });
    dossier = await finishedTestDossier(t.deps);
    ratingId = (
      await recordRating(t.deps, {
        dossierId: dossier.id,
        channel: 'device',
        satisfaction: 3,
        answers: { cs3: 2 },
        submittedAt: '2025-07-10T09:00:00+07:00',
      })
    ).id;
    // A correction (decided) and an appeal exist too: the walk must leave them as they are.
    const [proposer, approver] = await t.deps.db
      .selectFrom('official')
      .select('id')
      .orderBy('code')
      .execute();
    correctionId = (
      await proposeRatingCorrection(t.deps, {
        ratingId,
        satisfaction: 4,
        answers: { cs3: 1 },
        reason: 'Nhập nhầm',
        proposedBy: {
          userId: await createStaffUser(t.deps, { username: 'de-nghi', officialId: proposer!.id }),
          officialId: proposer!.id,
        },
      })
    ).id;
    await decideRatingCorrection(t.deps, {
      correctionId,
      decision: 'approved',
      decidedBy: {
        userId: await createStaffUser(t.deps, { username: 'duyet', officialId: approver!.id }),
        officialId: approver!.id,
      },
    });
    await t.deps.db
      .insertInto('rating_appeal')
      .values({
        agency_id: dossier.agencyId,
        id: t.deps.newId(),
        rating_id: ratingId,
        dossier_id: dossier.id,
        official_id: proposer!.id,
        reason: 'Khiếu nại',
        filed_at: new Date('2025-07-12T09:00:00+07:00'),
      })
      .execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it('no source file updates or deletes a rating, a correction, a decision or an appeal row', () => {
    // rating_correction, rating_correction_decision and rating_appeal are append-only too (issue 4 point 8).
    const table = String.raw`rating(?:_correction|_correction_decision|_appeal)?`;
    const writes = new RegExp(
      String.raw`(updateTable|deleteFrom)\(\s*['"]${table}(?:\s+as\s+\w+)?['"]|(UPDATE|DELETE\s+FROM)\s+${table}\b`,
      'i',
    );
    const offenders = sourceFiles(SRC).filter((file) => writes.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  const snapshot = async () => ({
    rating: await t.deps.db.selectFrom('rating').selectAll().orderBy('id').execute(),
    rating_correction: await t.deps.db.selectFrom('rating_correction').selectAll().orderBy('id').execute(),
    rating_correction_decision: await t.deps.db
      .selectFrom('rating_correction_decision')
      .selectAll()
      .orderBy('id')
      .execute(),
    rating_appeal: await t.deps.db.selectFrom('rating_appeal').selectAll().orderBy('id').execute(),
  });

  it('walking every route of the OpenAPI document with every method changes no stored rating, correction, decision or appeal', async () => {
    const stored = await snapshot();
    expect(Object.values(stored).map((rows) => rows.length)).toEqual([1, 1, 1, 1]);
    const doc = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<OpenApi>();
    const calls: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        // Fill every path parameter with the rated dossier's or the rating's own identifiers.
        for (const value of [dossier.id, dossier.code, ratingId, correctionId]) {
          const url = path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
          const response = await t.inject({
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
    const after = await snapshot();
    // Appends may happen; nothing that was stored has changed or gone.
    for (const table of Object.keys(stored) as (keyof typeof stored)[]) {
      for (const row of stored[table]) {
        expect(
          after[table].find((candidate) => candidate.id === row.id),
          table,
        ).toEqual(row);
      }
    }
  });
});
