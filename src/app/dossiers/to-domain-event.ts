import { DomainError } from '#domain/errors.ts';
import type { DossierEvent } from '#domain/dossiers/dossier-event.ts';
import type { DossierEventInput } from '#shared/dossier.schema.ts';
import { requireAgencyId } from '../catalog/lookups.ts';
import { uuidFromKey } from '../ids.ts';
import type { Db } from '../deps.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Steps are stored under a UUID; a sending system's own step reference maps to a stable one. */
function stepUuid(ref: string): string {
  return UUID.test(ref) ? ref.toLowerCase() : uuidFromKey(`step:${ref}`);
}

/** The id of the official with `code` (null when no code), or OFFICIAL_NOT_FOUND. */
export async function resolveOfficialId(db: Db, code: string | undefined): Promise<string | null> {
  if (code === undefined) return null;
  const row = await db.selectFrom('official').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) {
    throw new DomainError('OFFICIAL_NOT_FOUND', {
      problems: [{ field: 'officialCode', message: `không có cán bộ mã ${code}` }],
    });
  }
  return row.id;
}

/** Turns an API/import event (catalog codes) into a domain event (ids). */
export async function toDomainEvent(db: Db, input: DossierEventInput, id: string): Promise<DossierEvent> {
  const base = {
    id,
    occurredAt: Date.parse(input.occurredAt),
    officialId: await resolveOfficialId(db, input.officialCode),
  };
  switch (input.type) {
    case 'forwarded':
      return {
        ...base,
        type: input.type,
        toAgencyId: await requireAgencyId(db, input.toAgencyCode, 'toAgencyCode'),
      };
    case 'step_received':
      return {
        ...base,
        type: input.type,
        stepId: input.stepId === undefined ? id : stepUuid(input.stepId),
        unitAgencyId: await requireAgencyId(db, input.unitAgencyCode, 'unitAgencyCode'),
        allotted: { value: input.allottedValue, unit: input.allottedUnit },
      };
    case 'step_handed_over':
      return { ...base, type: input.type, stepId: stepUuid(input.stepId) };
    case 'supplement_requested':
      return {
        ...base,
        type: input.type,
        reason: input.reason,
        applicantAtFault: input.applicantAtFault,
        stage: input.stage,
      };
    case 'refused':
      return { ...base, type: input.type, reason: input.reason };
    case 'stopped':
      return { ...base, type: input.type, reason: input.reason, kind: input.kind };
    case 'apology_issued':
      return { ...base, type: input.type, reason: input.reason, newDueDate: input.newDueDate };
    case 'paid_online':
      return { ...base, type: input.type, amount: input.amount };
    case 'digitised':
      return { ...base, type: input.type, components: input.components };
    case 'supplement_completed':
    case 'finished':
    case 'result_returned':
    case 'electronic_result_issued':
      return { ...base, type: input.type };
  }
}
