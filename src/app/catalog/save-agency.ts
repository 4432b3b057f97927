import { DomainError } from '#domain/errors.ts';
import type { AgencyInput } from '#shared/catalog.schema.ts';
import type { AppDeps, Db } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { agencySubtreeIds } from './agency-subtree.ts';
import { forgetAgencyPaths } from '../auth/agency-path.ts';

export type SaveMode = 'create' | 'upsert';

export interface SavedRow {
  id: string;
  created: boolean;
}

/**
 * Creates an agency (or, in upsert mode, updates the one with the same code). Agencies form a
 * tree of any depth: province → department / district → commune (districts exist in data
 * before 1 July 2025), so a parent change is refused when it would make a cycle.
 */
export async function saveAgency(
  db: Db,
  input: AgencyInput,
  deps: AppDeps,
  mode: SaveMode,
): Promise<SavedRow> {
  let parentId: string | null = null;
  if (input.parentCode !== null) {
    const parent = await db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', input.parentCode)
      .executeTakeFirst();
    if (!parent) {
      throw new DomainError('AGENCY_NOT_FOUND', {
        problems: [{ field: 'parentCode', message: `không có cơ quan mã ${input.parentCode}` }],
      });
    }
    parentId = parent.id;
  }
  const existing = await db
    .selectFrom('agency')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (existing && mode === 'create') {
    throw new DomainError('AGENCY_CODE_TAKEN', {
      problems: [{ field: 'code', message: `mã ${input.code} đã có` }],
    });
  }
  const values = {
    name: input.name,
    level: input.level,
    parent_id: parentId,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  };
  if (existing) {
    if (parentId !== null && (await isInSubtree(db, existing.id, parentId))) {
      throw new DomainError('AGENCY_CYCLE', { problems: [{ field: 'parentCode', message: 'tạo vòng lặp' }] });
    }
    const after = await db
      .updateTable('agency')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A move changes who may act on the agency's subtree: drop the cached paths of this process
    // (other processes see the move when their 30-second cache expires, app/auth/agency-path.ts).
    if (existing.parent_id !== parentId) forgetAgencyPaths();
    const target = { table: 'agency', key: existing.id };
    await appendAudit(db, deps, {
      agencyId: existing.id,
      action: 'catalog.agency.saved',
      target,
      before: existing,
      after,
    });
    return { id: existing.id, created: false };
  }
  const id = deps.newId();
  const after = await db
    .insertInto('agency')
    .values({ id, code: input.code, ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, deps, {
    agencyId: id,
    action: 'catalog.agency.saved',
    target: { table: 'agency', key: id },
    after,
  });
  return { id, created: true };
}

/** True when `candidateId` is `rootId` or one of its descendants. */
async function isInSubtree(db: Db, rootId: string, candidateId: string): Promise<boolean> {
  return (await agencySubtreeIds(db, rootId)).includes(candidateId);
}
