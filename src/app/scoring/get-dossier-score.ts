import { DomainError } from '#domain/errors.ts';
import { findDossier } from '#db/repositories/dossier.repository.ts';
import type { DossierFacts } from '#domain/scoring/types.ts';
import type { AppDeps } from '../deps.ts';
import { loadDossierFacts } from './load-dossier-facts.ts';
import { defaultSchemeRegistry } from './scheme-registry.ts';
import { scoreFacts } from './store-dossier-scores.ts';

/**
 * A dossier's score with its explanation: the facts, the rule and the article behind each
 * indicator, the scheme version, and what is stored for the period rollups. An open, refused
 * or stopped dossier is not scored yet; the answer says so.
 */
export async function getDossierScore(deps: AppDeps, ref: { id?: string; code?: string }) {
  const dossier = await findDossier(deps.db, ref);
  if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
  const [facts] = await loadDossierFacts(deps.db, { dossierIds: [dossier.id] });
  const scored = facts
    ? scoreFacts(deps.schemes ?? defaultSchemeRegistry(), { ...facts, names: await namesOf(deps, facts) })
    : null;
  const stored = await deps.db
    .selectFrom('dossier_score')
    .selectAll()
    .where('agency_id', '=', dossier.agency_id)
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirst();
  return { dossier, scored, stored };
}

/** Names of the units and officials a dossier's explanation mentions. */
async function namesOf(deps: AppDeps, facts: DossierFacts): Promise<Record<string, string>> {
  const agencyIds = [facts.agencyId, ...facts.steps.map((step) => step.unitAgencyId)];
  const officialIds = [
    facts.receivingOfficialId,
    facts.handlingOfficialId,
    ...facts.steps.map((step) => step.officialId),
  ].filter((id): id is string => id !== null);
  const [agencies, officials] = await Promise.all([
    deps.db.selectFrom('agency').select(['id', 'name']).where('id', 'in', agencyIds).execute(),
    officialIds.length === 0
      ? []
      : deps.db
          .selectFrom('official')
          .select(['id', 'code', 'full_name'])
          .where('id', 'in', officialIds)
          .execute(),
  ]);
  const names: Record<string, string> = {};
  for (const agency of agencies) names[agency.id] = agency.name;
  for (const official of officials) names[official.id] = `${official.full_name} (${official.code})`;
  return names;
}
