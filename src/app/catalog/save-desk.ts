import { DomainError } from '#domain/errors.ts';
import type { CounterInput, DeskInput } from '#shared/catalog.schema.ts';
import type { Db } from '../deps.ts';
import type { SaveMode, SavedRow } from './save-agency.ts';
import { requireAgencyId } from './lookups.ts';

/** Creates or updates a one-stop desk (Bộ phận Một cửa) or service centre of an agency. */
export async function saveDesk(
  db: Db,
  input: DeskInput,
  newId: () => string,
  mode: SaveMode,
): Promise<SavedRow> {
  const agencyId = await requireAgencyId(db, input.agencyCode);
  const existing = await db
    .selectFrom('desk')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  const values = { name: input.name, kind: input.kind, address: input.address };
  if (existing) {
    if (mode === 'create') {
      throw new DomainError('VALIDATION_FAILED', {
        message: 'Mã Bộ phận Một cửa đã tồn tại trong cơ quan này.',
        problems: [{ field: 'code', message: `mã ${input.code} đã có` }],
      });
    }
    await db.updateTable('desk').set(values).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const id = newId();
  await db
    .insertInto('desk')
    .values({ id, agency_id: agencyId, code: input.code, ...values })
    .execute();
  return { id, created: true };
}

/** Creates or updates a counter (quầy) of a desk. */
export async function saveCounter(
  db: Db,
  input: CounterInput,
  newId: () => string,
  mode: SaveMode,
): Promise<SavedRow> {
  const agencyId = await requireAgencyId(db, input.agencyCode);
  const desk = await db
    .selectFrom('desk')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('code', '=', input.deskCode)
    .executeTakeFirst();
  if (!desk) {
    throw new DomainError('DESK_NOT_FOUND', {
      problems: [{ field: 'deskCode', message: `không có quầy mã ${input.deskCode}` }],
    });
  }
  const existing = await db
    .selectFrom('counter')
    .select('id')
    .where('desk_id', '=', desk.id)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (existing) {
    if (mode === 'create') {
      throw new DomainError('COUNTER_CODE_TAKEN', {
        problems: [{ field: 'code', message: `mã ${input.code} đã có` }],
      });
    }
    await db.updateTable('counter').set({ name: input.name }).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const id = newId();
  await db
    .insertInto('counter')
    .values({ id, desk_id: desk.id, code: input.code, name: input.name })
    .execute();
  return { id, created: true };
}
