import { DomainError } from '#domain/errors.ts';
import type { CounterInput, DeskInput } from '#shared/catalog.schema.ts';
import type { AppDeps, Db } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import type { SaveMode, SavedRow } from './save-agency.ts';
import { requireAgencyId } from './lookups.ts';

/** Creates or updates a one-stop desk (Bộ phận Một cửa) or service centre of an agency. */
export async function saveDesk(db: Db, input: DeskInput, deps: AppDeps, mode: SaveMode): Promise<SavedRow> {
  const agencyId = await requireAgencyId(db, input.agencyCode);
  const existing = await db
    .selectFrom('desk')
    .selectAll()
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
    const after = await db
      .updateTable('desk')
      .set(values)
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = { table: 'desk', key: existing.id };
    await appendAudit(db, deps, { agencyId, action: 'catalog.desk.saved', target, before: existing, after });
    return { id: existing.id, created: false };
  }
  const id = deps.newId();
  const after = await db
    .insertInto('desk')
    .values({ id, agency_id: agencyId, code: input.code, ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, deps, {
    agencyId,
    action: 'catalog.desk.saved',
    target: { table: 'desk', key: id },
    after,
  });
  return { id, created: true };
}

/** Creates or updates a counter (quầy) of a desk. */
export async function saveCounter(
  db: Db,
  input: CounterInput,
  deps: AppDeps,
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
    .selectAll()
    .where('desk_id', '=', desk.id)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (existing) {
    if (mode === 'create') {
      throw new DomainError('COUNTER_CODE_TAKEN', {
        problems: [{ field: 'code', message: `mã ${input.code} đã có` }],
      });
    }
    const after = await db
      .updateTable('counter')
      .set({ name: input.name })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = { table: 'counter', key: existing.id };
    await appendAudit(db, deps, {
      agencyId,
      action: 'catalog.counter.saved',
      target,
      before: existing,
      after,
    });
    return { id: existing.id, created: false };
  }
  const id = deps.newId();
  const after = await db
    .insertInto('counter')
    .values({ id, desk_id: desk.id, code: input.code, name: input.name })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, deps, {
    agencyId,
    action: 'catalog.counter.saved',
    target: { table: 'counter', key: id },
    after,
  });
  return { id, created: true };
}
