import { DomainError } from '#domain/errors.ts';
import type { DossierContext } from '#domain/dossiers/dossier-state.ts';
import type { Db } from '../deps.ts';
import type { LoadedCalendar } from '../calendar/load-calendar.ts';

/** The rule context of a dossier: its procedure's time limit and cut-off, and the calendar. */
export async function loadDossierContext(
  db: Db,
  procedureId: string,
  calendar: LoadedCalendar,
): Promise<DossierContext> {
  const procedure = await db
    .selectFrom('procedure')
    .select(['time_limit_value', 'time_limit_unit', 'receipt_cutoff'])
    .where('id', '=', procedureId)
    .executeTakeFirst();
  if (!procedure) throw new DomainError('PROCEDURE_NOT_FOUND');
  return {
    procedure: {
      limit: { value: procedure.time_limit_value, unit: procedure.time_limit_unit },
      receiptCutoff: procedure.receipt_cutoff,
    },
    calendar: calendar.calendar,
    settings: calendar.settings,
  };
}
