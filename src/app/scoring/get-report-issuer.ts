import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { currentRequestContext } from '../request-context.ts';

/** The agency a report is limited to (with its subtree): by code, by id, or none (every agency). */
export interface ReportScopeRef {
  agencyCode?: string | undefined;
  agencyId?: string | undefined;
}

/** Who issues an exported report, and the agency it is limited to. */
export interface ReportIssuerData {
  /** The agency the report is limited to (with its subtree); null for every agency. */
  scope: { id: string; code: string; name: string } | null;
  /** The agency written at the top left. */
  agency: string;
  /** The unit under it, when the report is limited to an agency below the top. */
  subUnit: string | null;
  /** The top agency of the tree (the province): the place of the date line. */
  provinceName: string;
  /** The display name of the signed-in user (NGƯỜI LẬP BIỂU). */
  preparedBy: string;
  issuedAt: number;
}

/**
 * The heading of an exported report (Nghị định 30/2020/NĐ-CP Điều 8 khoản 3: the issuing agency
 * under the name of its direct superior): limited to an agency, that agency under its parent (a
 * top agency stands alone); for every agency, the top agency (the province). The preparer is
 * the signed-in user; an unknown agency is AGENCY_NOT_FOUND.
 */
export async function getReportIssuer(deps: AppDeps, ref: ReportScopeRef): Promise<ReportIssuerData> {
  const agencies = await deps.db.selectFrom('agency').select(['id', 'code', 'name', 'parent_id']).execute();
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  let scoped: (typeof agencies)[number] | undefined;
  if (ref.agencyId !== undefined || ref.agencyCode !== undefined) {
    scoped = agencies.find(
      (agency) =>
        (ref.agencyId === undefined || agency.id === ref.agencyId.toLowerCase()) &&
        (ref.agencyCode === undefined || agency.code === ref.agencyCode),
    );
    if (scoped === undefined) throw new DomainError('AGENCY_NOT_FOUND');
  }
  const tops = agencies
    .filter((agency) => agency.parent_id === null)
    .sort((a, b) => a.code.localeCompare(b.code));
  let top = scoped ?? tops[0];
  for (let depth = 0; top?.parent_id && depth < 32; depth += 1) top = byId.get(top.parent_id);
  const parent = scoped?.parent_id ? byId.get(scoped.parent_id) : undefined;
  const { actor } = currentRequestContext();
  return {
    scope: scoped === undefined ? null : { id: scoped.id, code: scoped.code, name: scoped.name },
    agency: parent?.name ?? scoped?.name ?? top?.name ?? '',
    subUnit: parent === undefined ? null : (scoped?.name ?? null),
    provinceName: top?.name ?? '',
    preparedBy: actor.kind === 'staff' ? actor.displayName : '',
    issuedAt: deps.now(),
  };
}
