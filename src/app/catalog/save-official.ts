import { DomainError } from '#domain/errors.ts';
import type { OfficialInput } from '#shared/catalog.schema.ts';
import type { Db } from '../deps.ts';
import { requireAgencyId } from './lookups.ts';
import type { SaveMode, SavedRow } from './save-agency.ts';

/** Creates or updates an official (cán bộ, công chức) with their agency, roles and active dates. */
export async function saveOfficial(
  db: Db,
  input: OfficialInput,
  newId: () => string,
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
    .select('id')
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
    await db
      .updateTable('official')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  const id = newId();
  await db
    .insertInto('official')
    .values({ id, code: input.code, ...values })
    .execute();
  return { id, created: true };
}
