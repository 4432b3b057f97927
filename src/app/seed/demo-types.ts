import type { Instant, IsoDate, TimeLimit } from '#domain/calendar/types.ts';
import type { DossierEvent } from '#domain/dossiers/dossier-event.ts';
import type { DossierState } from '#domain/dossiers/dossier-state.ts';
import type {
  AGENCY_LEVELS,
  DESK_KINDS,
  OFFICIAL_ROLES,
  ONLINE_LEVELS,
  RESULT_TYPES,
} from '#shared/catalog.schema.ts';

export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export type ResultType = (typeof RESULT_TYPES)[number];
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type DeskKind = (typeof DESK_KINDS)[number];

export interface DemoAgency {
  id: string;
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface DemoDesk {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  kind: DeskKind;
  address: string | null;
}

export interface DemoCounter {
  id: string;
  deskId: string;
  code: string;
  name: string;
}

export interface DemoOfficial {
  id: string;
  agencyId: string;
  code: string;
  fullName: string;
  roles: OfficialRole[];
  activeFrom: IsoDate;
  activeTo: IsoDate | null;
  email: string | null;
}

export interface DemoProcedure {
  id: string;
  code: string;
  name: string;
  sector: string;
  limit: TimeLimit;
  feeVnd: number;
  onlineLevel: OnlineLevel;
  resultType: ResultType;
  isFourStep: boolean;
  receiptCutoff: string;
  /** Agency ids that receive and decide this procedure's dossiers. */
  handlerIds: string[];
}

/** The demo province's catalog, ready to insert. */
export interface DemoCatalog {
  agencies: DemoAgency[];
  desks: DemoDesk[];
  counters: DemoCounter[];
  officials: DemoOfficial[];
  procedures: DemoProcedure[];
}

/** One generated dossier: its identity, its events (in order) and the state they fold to. */
export interface DemoDossier {
  id: string;
  agencyId: string;
  code: string;
  procedureId: string;
  events: DossierEvent[];
  state: DossierState;
}

/** Last daily serial used per receiving unit and date, so later codes continue after the demo ones. */
export interface DemoSerial {
  agencyId: string;
  receiptDate: IsoDate;
  lastSerial: number;
}

export interface DemoOptions {
  seed: number;
  dossiers: number;
  asOf: Instant;
}
