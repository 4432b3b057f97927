import type { DossierEventInput, ReceiveDossierInput } from '#shared/dossier.schema.ts';
import { uuidFromKey } from '../ids.ts';
import type { ImportRecord } from './import-record.ts';

/**
 * Stable ids for what an import file does not name, so that importing the same file again —
 * or a later export of the same dossiers with more events — lands on the same rows:
 * - the dossier is known by its code, else by its received event id, else by what was
 *   received (agency, procedure, channel, instant, official) and how many dossiers before it
 *   in the file had exactly that;
 * - an event is known by its dossier, type, instant, what tells two events of that type
 *   apart (the step, the agency forwarded to) and its rank among identical ones.
 */
export interface RecordIds {
  dossierKey: string;
  receivedEventId: string | undefined;
  eventIds: string[];
}

/** Counts the codeless dossiers seen so far per receipt signature (one counter per import run). */
export class ReceiptCounter {
  private readonly seen = new Map<string, number>();

  /** The rank (1, 2, …) of this receipt among identical ones met so far in the file. */
  next(dossier: ReceiveDossierInput): number {
    const signature = receiptSignature(dossier);
    const rank = (this.seen.get(signature) ?? 0) + 1;
    this.seen.set(signature, rank);
    return rank;
  }
}

function receiptSignature(dossier: ReceiveDossierInput): string {
  return [
    dossier.agencyCode,
    dossier.procedureCode,
    dossier.channel,
    Date.parse(dossier.receivedAt),
    dossier.officialCode ?? '',
  ].join('|');
}

/** What tells apart two events of one type at one instant: the step, or the agency forwarded to. */
function eventDistinction(event: DossierEventInput): string {
  if (event.type === 'forwarded') return event.toAgencyCode;
  if (event.type === 'step_received') return event.stepId ?? event.unitAgencyCode;
  if (event.type === 'step_handed_over') return event.stepId;
  return '';
}

function eventSignature(event: DossierEventInput): string {
  return `${event.type}|${Date.parse(event.occurredAt)}|${eventDistinction(event)}`;
}

/** The ids of a record's dossier and events (given ids win; `counter` ranks codeless receipts). */
export function deriveRecordIds(record: ImportRecord, counter: ReceiptCounter): RecordIds {
  const dossier = record.dossier?.value;
  let dossierKey: string;
  if (record.code !== undefined) dossierKey = `code:${record.code}`;
  else if (dossier?.eventId !== undefined) dossierKey = `event:${dossier.eventId}`;
  else if (dossier !== undefined)
    dossierKey = `receipt:${receiptSignature(dossier)}#${counter.next(dossier)}`;
  else throw new Error('an import record names its dossier by code or carries the received dossier');
  const ranks = new Map<string, number>();
  const eventIds = record.events.map(({ value }) => {
    const signature = eventSignature(value);
    const rank = (ranks.get(signature) ?? 0) + 1;
    ranks.set(signature, rank);
    return value.id ?? uuidFromKey(`import:${dossierKey}:event:${signature}#${rank}`);
  });
  return {
    dossierKey,
    receivedEventId:
      dossier === undefined ? undefined : (dossier.eventId ?? uuidFromKey(`import:${dossierKey}:received`)),
    eventIds,
  };
}
