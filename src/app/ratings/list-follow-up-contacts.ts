import { DomainError } from '#domain/errors.ts';
import { findDossier } from '#db/repositories/dossier.repository.ts';
import type { AppDeps } from '../deps.ts';

export interface FollowUpContactRow {
  id: string;
  ratingId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  consentedAt: Date;
}

/**
 * The contact details citizens left, with their consent, for a follow-up on their rating of a
 * dossier (issue 4, point 10), oldest first; for the staff who call them back.
 */
export async function listFollowUpContacts(
  deps: AppDeps,
  ref: { id?: string; code?: string },
): Promise<{ dossierCode: string; contacts: FollowUpContactRow[] }> {
  const dossier = await findDossier(deps.db, ref, false);
  if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND');
  const rows = await deps.db
    .selectFrom('rating_contact')
    .select(['id', 'rating_id', 'name', 'phone', 'email', 'consented_at'])
    .where('agency_id', '=', dossier.agency_id)
    .where('dossier_id', '=', dossier.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    dossierCode: dossier.code,
    contacts: rows.map((row) => ({
      id: row.id,
      ratingId: row.rating_id,
      name: row.name,
      phone: row.phone,
      email: row.email,
      consentedAt: row.consented_at,
    })),
  };
}
