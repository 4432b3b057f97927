import { DomainError } from '#domain/errors.ts';
import type { ProcedureInput } from '#shared/catalog.schema.ts';
import type { AppDeps, Db } from '../deps.ts';
import { appendAudit } from '../audit/append-audit-entry.ts';
import type { SaveMode, SavedRow } from './save-agency.ts';

/**
 * Creates or updates a procedure (thủ tục hành chính): legal time limit with its unit,
 * fee, online level, result type, four-step flag and receipt cut-off (default 15:00,
 * Nghị định 61/2018 Điều 18).
 */
export async function saveProcedure(
  db: Db,
  input: ProcedureInput,
  deps: AppDeps,
  mode: SaveMode,
): Promise<SavedRow> {
  const existing = await db
    .selectFrom('procedure')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirst();
  const values = {
    name: input.name,
    sector: input.sector,
    time_limit_value: input.timeLimitValue,
    time_limit_unit: input.timeLimitUnit,
    fee_vnd: input.feeVnd,
    online_level: input.onlineLevel,
    result_type: input.resultType,
    is_four_step: input.isFourStep,
    receipt_cutoff: input.receiptCutoff,
  };
  if (existing) {
    if (mode === 'create') {
      throw new DomainError('PROCEDURE_CODE_TAKEN', {
        problems: [{ field: 'code', message: `mã ${input.code} đã có` }],
      });
    }
    const after = await db
      .updateTable('procedure')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const target = { table: 'procedure', key: existing.id };
    await appendAudit(db, deps, {
      agencyId: null,
      action: 'catalog.procedure.saved',
      target,
      before: existing,
      after,
    });
    return { id: existing.id, created: false };
  }
  const id = deps.newId();
  const after = await db
    .insertInto('procedure')
    .values({ id, code: input.code, ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, deps, {
    agencyId: null,
    action: 'catalog.procedure.saved',
    target: { table: 'procedure', key: id },
    after,
  });
  return { id, created: true };
}
