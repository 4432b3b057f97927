import { sql } from 'kysely';
import type { Period } from '#domain/periods/period.ts';
import { scoreQd766 } from '#domain/scoring/qd766.ts';
import { rankAgencies } from '#domain/scoring/rank.ts';
import type { Qd766Scheme } from '#domain/scoring/load-scheme.ts';
import { DomainError } from '#domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { agencySubtreeIds } from '../catalog/agency-subtree.ts';
import { defaultSchemeRegistry } from './scheme-registry.ts';

interface RateRow {
  agency_id: string;
  received: number;
  handled: number;
  on_time: number;
  procedures: number;
  procedures_online: number;
  online_counted: number;
  fee_dossiers: number;
  paid_online: number;
  paper_result_finished: number;
  electronic_result: number;
  digitised_with_result: number;
}

/**
 * Rates behind the Quyết định 766 index that HàiLòng's own data can give (legal-rules §5.3):
 * 2.1 on time, 3.1 procedures offered online, 3.3 online dossiers, 3.6 paid online, 4.1
 * electronic results, 4.2 digitised. The others (publication, synchronisation with the national
 * portal, fee integration, re-use of data, feedback, satisfaction) need data this phase does not
 * hold yet: they are N/A and count 0, as the specification says for an empty denominator.
 */
async function rateRows(deps: AppDeps, period: Period): Promise<RateRow[]> {
  const from = new Date(`${period.from}T00:00:00+07:00`);
  const to = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);
  const result = await sql<RateRow>`
    WITH d AS (
      SELECT d.*, p.online_level, p.fee_vnd, p.result_type,
             (d.received_at >= ${from} AND d.received_at < ${to}) AS received_in_period,
             (d.finished_at >= ${from} AND d.finished_at < ${to}) AS finished_in_period,
             (d.refused_at >= ${from} AND d.refused_at < ${to}) OR (d.stopped_at >= ${from} AND d.stopped_at < ${to}) AS ended_in_period
      FROM dossier d JOIN procedure p ON p.id = d.procedure_id
      WHERE (d.received_at >= ${from} AND d.received_at < ${to}) OR (d.finished_at >= ${from} AND d.finished_at < ${to})
         OR (d.received_at < ${to} AND d.finished_at IS NULL AND d.refused_at IS NULL AND d.stopped_at IS NULL)
    )
    SELECT agency_id,
      count(*) FILTER (WHERE received_in_period)::int AS received,
      count(*)::int AS handled,
      -- 2.1: finished early or on time, or still open within time at the period's end; more than one supplement request is late.
      count(*) FILTER (WHERE supplement_count <= 1 AND (
        (finished_in_period AND timeliness IN ('early', 'on_time'))
        OR (finished_at IS NULL AND refused_at IS NULL AND stopped_at IS NULL AND due_legal_date >= ${period.to}::date)
        OR (ended_in_period AND (coalesce(refused_at, stopped_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= due_legal_date)))::int AS on_time,
      count(DISTINCT procedure_id) FILTER (WHERE received_in_period)::int AS procedures,
      count(DISTINCT procedure_id) FILTER (WHERE received_in_period AND online_level <> 'none')::int AS procedures_online,
      -- 3.3: an online dossier of a paper-result procedure counts only with an electronic result.
      count(*) FILTER (WHERE received_in_period AND channel = 'online'
        AND (result_type NOT IN ('paper') OR has_electronic_result))::int AS online_counted,
      count(*) FILTER (WHERE received_in_period AND fee_vnd > 0)::int AS fee_dossiers,
      count(*) FILTER (WHERE received_in_period AND fee_vnd > 0 AND is_paid_online)::int AS paid_online,
      count(*) FILTER (WHERE finished_in_period AND result_type IN ('paper', 'paper_and_electronic'))::int AS paper_result_finished,
      count(*) FILTER (WHERE finished_in_period AND result_type IN ('paper', 'paper_and_electronic') AND has_electronic_result)::int AS electronic_result,
      count(*) FILTER (WHERE finished_in_period AND result_type IN ('paper', 'paper_and_electronic')
        AND has_electronic_result AND digitised_components > 0)::int AS digitised_with_result
    FROM d GROUP BY agency_id`.execute(deps.db);
  return result.rows;
}

/** The 766 index per agency for a period, with the rate behind every point (Quyết định 766/QĐ-TTg). */
export async function getQd766Scores(deps: AppDeps, period: Period, options: { rootAgencyId?: string } = {}) {
  const scheme = (deps.schemes ?? defaultSchemeRegistry()).inForce('qd766', period.to);
  if (scheme.kind !== 'qd766') throw new DomainError('SCHEME_NOT_FOUND');
  const qd766: Qd766Scheme = scheme;
  const [rows, agencies] = await Promise.all([
    rateRows(deps, period),
    deps.db.selectFrom('agency').select(['id', 'code', 'name']).execute(),
  ]);
  const scope = options.rootAgencyId ? new Set(await agencySubtreeIds(deps.db, options.rootAgencyId)) : null;
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  const results = rows
    .filter((row) => scope === null || scope.has(row.agency_id))
    .flatMap((row) => {
      const agency = byId.get(row.agency_id);
      if (!agency) return [];
      const result = scoreQd766(qd766, {
        '2.1': { numerator: row.on_time, denominator: row.handled },
        '3.1': { numerator: row.procedures_online, denominator: row.procedures },
        '3.3': { numerator: row.online_counted, denominator: row.received },
        '3.6': { numerator: row.paid_online, denominator: row.fee_dossiers },
        '4.1': { numerator: row.electronic_result, denominator: row.paper_result_finished },
        '4.2': { numerator: row.digitised_with_result, denominator: row.paper_result_finished },
      });
      return [{ id: agency.id, name: agency.name, total: result.total, agency, result }];
    });
  // Equal totals share a rank (1, 2, 2, 4), as in the Thông tư 01/2018 table.
  return { scheme: qd766, period, rows: rankAgencies(results, 'shared_rank') };
}
