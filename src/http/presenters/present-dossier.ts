import type { DossierDetailData } from '#app/dossiers/get-dossier.ts';
import type { DossierListRow } from '#app/dossiers/list-dossiers.ts';
import type { DossierDetail, DossierSummary } from '#shared/dossier.view.ts';
import { CHANNEL_VALUES, DOSSIER_STATUS_VALUES } from '#shared/dossier.schema.ts';

const OPEN = new Set(['received', 'processing', 'awaiting_supplement']);

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

function oneOf<T extends string>(values: readonly T[], value: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unexpected value ${value}`);
  return found;
}

function timeliness(value: string | null): 'early' | 'on_time' | 'late' | null {
  return value === null ? null : oneOf(['early', 'on_time', 'late'] as const, value);
}

function openTimeliness(status: string, dueDate: string, today: string): 'within_time' | 'overdue' | null {
  if (!OPEN.has(status)) return null;
  return today > dueDate ? 'overdue' : 'within_time';
}

/** A dossier row of the list, as the API shows it. */
export function presentDossierSummary(row: DossierListRow, today: string): DossierSummary {
  return {
    id: row.id,
    code: row.code,
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    procedure: {
      id: row.procedure_id,
      code: row.procedure_code,
      name: row.procedure_name,
      sector: row.procedure_sector,
    },
    channel: oneOf(CHANNEL_VALUES, row.channel),
    status: oneOf(DOSSIER_STATUS_VALUES, row.status),
    receivedAt: row.received_at.toISOString(),
    dueDate: row.due_legal_date,
    dueRescheduledDate: row.due_rescheduled_date,
    finishedAt: iso(row.finished_at),
    timeliness: timeliness(row.timeliness),
    openTimeliness: openTimeliness(row.status, row.due_legal_date, today),
    supplementCount: row.supplement_count,
  };
}

/** One dossier with its timeline, as the API shows it. */
export function presentDossierDetail(data: DossierDetailData): DossierDetail {
  const { dossier, agency, procedure, officials, today } = data;
  const official = (id: string | null) => (id === null ? null : (officials.get(id) ?? null));
  return {
    ...presentDossierSummary(
      {
        ...dossier,
        agency_id: agency.id,
        agency_code: agency.code,
        agency_name: agency.name,
        procedure_id: procedure.id,
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        procedure_sector: procedure.sector,
      },
      today,
    ),
    procedure: {
      id: procedure.id,
      code: procedure.code,
      name: procedure.name,
      sector: procedure.sector,
      timeLimit: { value: procedure.time_limit_value, unit: procedure.time_limit_unit },
      receiptCutoff: procedure.receipt_cutoff,
    },
    receivingOfficial: official(dossier.receiving_official_id),
    dueInitialDate: dossier.due_initial_date,
    dueLegalAt: dossier.due_legal_at.toISOString(),
    timelinessRescheduled: timeliness(dossier.timeliness_rescheduled),
    isApologyLate: dossier.is_apology_late,
    returnedAt: iso(dossier.returned_at),
    supplementNotAtFaultCount: dossier.supplement_not_at_fault_count,
    isPaidOnline: dossier.is_paid_online,
    digitisedComponents: dossier.digitised_components,
    hasElectronicResult: dossier.has_electronic_result,
    events: data.events.map((event) => ({
      id: event.id,
      seq: event.seq,
      type: event.type,
      occurredAt: event.occurred_at.toISOString(),
      official: official(event.official_id),
      details: event.payload,
      source: event.source,
    })),
    steps: data.steps.map((step) => ({
      stepId: step.step_id,
      seq: step.seq,
      unit: { id: step.unit_agency_id, code: step.unit_code, name: step.unit_name },
      official: official(step.official_id),
      allotted: { value: step.allotted_value, unit: step.allotted_unit },
      receivedAt: step.received_at.toISOString(),
      dueDate: step.due_date,
      dueAt: step.due_at.toISOString(),
      handedOverAt: iso(step.handed_over_at),
      timeliness: timeliness(step.timeliness),
      openTimeliness:
        step.handed_over_at === null && OPEN.has(dossier.status)
          ? today > step.due_date
            ? 'overdue'
            : 'within_time'
          : null,
    })),
    supplements: data.supplements.map((episode) => ({
      seq: episode.seq,
      requestedAt: episode.requested_at.toISOString(),
      reason: episode.reason,
      applicantAtFault: episode.applicant_at_fault,
      stage: episode.stage,
      completedAt: iso(episode.completed_at),
    })),
    dueExplanation: data.dueExplanation,
  };
}
