import { DomainError } from '#domain/errors.ts';
import type { AgencyInput } from '#shared/catalog.schema.ts';
import type { Db } from '../deps.ts';
import { agencySubtreeIds } from './agency-subtree.ts';

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
  newId: () => string,
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
    .select('id')
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
    await db
      .updateTable('agency')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  const id = newId();
  await db
    .insertInto('agency')
    .values({ id, code: input.code, ...values })
    .execute();
  return { id, created: true };
}

/** True when `candidateId` is `rootId` or one of its descendants. */
async function isInSubtree(db: Db, rootId: string, candidateId: string): Promise<boolean> {
  return (await agencySubtreeIds(db, rootId)).includes(candidateId);
}
