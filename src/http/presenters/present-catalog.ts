import type { listAgencies, listDesks, listOfficials, listProcedures } from '#app/catalog/list-catalog.ts';

type AgencyRow = Awaited<ReturnType<typeof listAgencies>>[number];
type DeskRow = Awaited<ReturnType<typeof listDesks>>[number];
type OfficialRow = Awaited<ReturnType<typeof listOfficials>>[number];
type ProcedureRow = Awaited<ReturnType<typeof listProcedures>>[number];

export interface AgencyNode {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  children: AgencyNode[];
}

/** An agency as the API shows it (flat). */
export function presentAgency(row: AgencyRow): Omit<AgencyNode, 'children'> {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** Agencies nested as a tree (roots first, children sorted by Vietnamese name). */
export function presentAgencyTree(rows: readonly AgencyRow[]): AgencyNode[] {
  const collator = new Intl.Collator('vi');
  const nodes = new Map(rows.map((row) => [row.id, { ...presentAgency(row), children: [] as AgencyNode[] }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: AgencyNode[]): void => {
    list.sort((a, b) => collator.compare(a.name, b.name));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** A desk with its counters. */
export function presentDesk(row: DeskRow) {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    code: row.code,
    name: row.name,
    kind: row.kind,
    address: row.address,
    counters: row.counters.map((counter) => ({ id: counter.id, code: counter.code, name: counter.name })),
  };
}

/** An official (no personal data beyond the work identity). */
export function presentOfficial(row: OfficialRow) {
  return {
    id: row.id,
    code: row.code,
    fullName: row.full_name,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    roles: row.roles,
    activeFrom: row.active_from,
    activeTo: row.active_to,
  };
}

/** A procedure with its legal time limit. */
export function presentProcedure(row: ProcedureRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sector: row.sector,
    timeLimit: { value: row.time_limit_value, unit: row.time_limit_unit },
    feeVnd: row.fee_vnd,
    onlineLevel: row.online_level,
    resultType: row.result_type,
    isFourStep: row.is_four_step,
    receiptCutoff: row.receipt_cutoff,
  };
}
