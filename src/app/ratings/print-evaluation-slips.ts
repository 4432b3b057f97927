import { DomainError } from '#domain/errors.ts';
import { renderEvaluationSlips, type SlipData } from '../../documents/evaluation-slip.ts';
import type { AppDeps, Db } from '../deps.ts';
import { issueRatingToken } from './rating-tokens.ts';

/** At most this many slips in one batch (one PDF). */
export const MAX_SLIPS_PER_BATCH = 500;

/** A dossier named by its id or its code. */
export interface DossierRef {
  id?: string;
  code?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DossierNames {
  id: string;
  code: string;
  agencyId: string;
  agencyName: string;
  procedureName: string;
  receivedAt: Date;
}

/**
 * The evaluation slips of the given dossiers as one PDF, one A5 page each, in the order asked
 * (Thông tư 01/2018/TT-VPCP Điều 12; Nghị định 61/2018/NĐ-CP Điều 29; issue 4). Each slip
 * carries the dossier's rating token — issued on first print, the same one on every reprint —
 * as a QR code to `<publicBaseUrl>/r/<token>`, and its verification code for `/danh-gia`.
 *
 * Every dossier is looked up before any token is issued: an unknown one refuses the whole
 * batch with DOSSIER_NOT_FOUND naming it, and no PDF is made.
 */
export async function printEvaluationSlips(
  deps: AppDeps,
  refs: readonly DossierRef[],
  publicBaseUrl: string,
): Promise<Buffer> {
  return (await printEvaluationSlipsWithCodes(deps, refs, publicBaseUrl)).pdf;
}

/** The same, with the codes of the printed dossiers (for the file name of the PDF). */
export async function printEvaluationSlipsWithCodes(
  deps: AppDeps,
  refs: readonly DossierRef[],
  publicBaseUrl: string,
): Promise<{ pdf: Buffer; dossierCodes: string[] }> {
  checkBatch(refs);
  const base = publicBaseUrl.replace(/\/+$/, '');
  const dossiers = await loadDossiers(deps.db, refs);
  const desks = await loadDeskNames(deps.db, [...new Set(dossiers.map((dossier) => dossier.agencyId))]);
  const slips: SlipData[] = [];
  for (const dossier of dossiers) {
    const issued = await issueRatingToken(deps, { id: dossier.id });
    const deskName = desks.get(dossier.agencyId);
    slips.push({
      agencyName: dossier.agencyName,
      ...(deskName === undefined ? {} : { deskName }),
      dossierCode: dossier.code,
      procedureName: dossier.procedureName,
      receivedAt: dossier.receivedAt,
      ratingUrl: `${base}/r/${issued.token}`,
      verificationCode: issued.verificationCode,
      ratingPageUrl: `${base}/danh-gia`,
    });
  }
  return { pdf: await renderEvaluationSlips(slips), dossierCodes: dossiers.map((dossier) => dossier.code) };
}

function checkBatch(refs: readonly DossierRef[]): void {
  if (refs.length === 0 || refs.length > MAX_SLIPS_PER_BATCH) {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [
        { field: 'dossiers', message: `cần từ 1 đến ${MAX_SLIPS_PER_BATCH} hồ sơ (nhận ${refs.length})` },
      ],
    });
  }
  const unnamed = refs.findIndex((ref) => ref.id === undefined && ref.code === undefined);
  if (unnamed !== -1) {
    throw new DomainError('VALIDATION_FAILED', {
      problems: [{ field: `dossiers.${unnamed}`, message: 'cần mã hồ sơ hoặc id' }],
    });
  }
}

function notFound(ref: DossierRef): DomainError {
  const name = ref.code ?? ref.id ?? '';
  return new DomainError('DOSSIER_NOT_FOUND', {
    message: `Không tìm thấy hồ sơ ${name}.`,
    details: { dossier: name },
  });
}

/** The dossiers with their agency and procedure names, in the order of `refs`. */
async function loadDossiers(db: Db, refs: readonly DossierRef[]): Promise<DossierNames[]> {
  // A malformed id can name no dossier (and must not reach a uuid column).
  const ids = refs.flatMap((ref) =>
    ref.id !== undefined && UUID.test(ref.id) ? [ref.id.toLowerCase()] : [],
  );
  const codes = refs.flatMap((ref) => (ref.id === undefined && ref.code !== undefined ? [ref.code] : []));
  if (ids.length === 0 && codes.length === 0) throw notFound(refs[0]!);
  const rows = await db
    .selectFrom('dossier')
    .innerJoin('agency', 'agency.id', 'dossier.agency_id')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.agency_id as agencyId',
      'dossier.received_at as receivedAt',
      'agency.name as agencyName',
      'procedure.name as procedureName',
    ])
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('dossier.id', 'in', ids)] : []),
        ...(codes.length > 0 ? [eb('dossier.code', 'in', codes)] : []),
      ]),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return refs.map((ref) => {
    const row = ref.id !== undefined ? byId.get(ref.id.toLowerCase()) : byCode.get(ref.code ?? '');
    if (!row) throw notFound(ref);
    return row;
  });
}

/**
 * The one-stop desk printed under the agency: a dossier does not record its desk, so the name
 * is shown only when the agency has exactly one desk (its Bộ phận Một cửa).
 */
async function loadDeskNames(db: Db, agencyIds: readonly string[]): Promise<Map<string, string>> {
  if (agencyIds.length === 0) return new Map();
  const desks = await db
    .selectFrom('desk')
    .select(['agency_id', 'name'])
    .where('agency_id', 'in', agencyIds)
    .execute();
  const names = new Map<string, string[]>();
  for (const desk of desks) names.set(desk.agency_id, [...(names.get(desk.agency_id) ?? []), desk.name]);
  return new Map(
    [...names].flatMap(([agencyId, list]) => (list.length === 1 ? [[agencyId, list[0]!] as const] : [])),
  );
}
