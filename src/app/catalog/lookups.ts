import { DomainError } from '#domain/errors.ts';
import type { Db } from '../deps.ts';

/** The id of the agency with `code`, or AGENCY_NOT_FOUND naming the field. */
export async function requireAgencyId(db: Db, code: string, field = 'agencyCode'): Promise<string> {
  const row = await db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirst();
  if (!row)
    throw new DomainError('AGENCY_NOT_FOUND', {
      problems: [{ field, message: `không có cơ quan mã ${code}` }],
    });
  return row.id;
}
