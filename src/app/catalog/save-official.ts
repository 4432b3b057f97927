import { DomainError } from '#domain/errors.ts';
import type { OfficialInput } from '#shared/catalog.schema.ts';
import type { AppDeps, Db } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import { requireAgencyId } from './lookups.ts';
import type { SaveMode, SavedRow } from './save-agency.ts';

/** Creates or updates an official (cán bộ, công chức) with their agency, roles and active dates. */
export async function saveOfficial(
  db: Db,
  input: OfficialInput,
  deps: AppDeps,
  mode: SaveMode,
): Promise<SavedRow> {
  if (input.activeTo !== null && input.activeTo < input.activeFrom) {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: 'activeTo', message: 'ngày kết thúc phải sau ngày bắt đầu' }],
    });
  }
  const agencyId = await requireAgencyId(db, input.agencyCode);
  const existing = await db
    .selectFrom('official')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirst();
  const values = {
    agency_id: agencyId,
    full_name: input.fullName,
    roles: [...new Set(input.roles)],
    active_from: input.activeFrom,
    active_to: input.activeTo,
    email: input.email,
  };
  if (existing) {
    if (mode === 'create') {
      throw new DomainError('OFFICIAL_CODE_TAKEN', {
        problems: [{ field: 'code', message: `mã ${input.code} đã có` }],
      });
    }
    const after = await db
      .updateTable('official')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = { table: 'official', key: existing.id };
    await appendAudit(db, deps, {
      agencyId,
      action: 'catalog.official.saved',
      target,
      before: existing,
      after,
    });
    return { id: existing.id, created: false };
  }
  const id = deps.newId();
  const after = await db
    .insertInto('official')
    .values({ id, code: input.code, ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, deps, {
    agencyId,
    action: 'catalog.official.saved',
    target: { table: 'official', key: id },
    after,
  });
  return { id, created: true };
}
