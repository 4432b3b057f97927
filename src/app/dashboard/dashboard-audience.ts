import { can } from '#domain/auth/policy.ts';
import { agencyPath } from '../auth/agency-path.ts';
import type { AppDeps } from '../deps.ts';
import { currentRequestContext } from '../request-context.ts';

/**
 * Who a live dashboard stream speaks to: captures the caller of the current request (the bus
 * delivers outside any request) and answers, per recorded rating, whether that caller may read
 * the scores of its agency — the same policy as the dashboard itself, with the agency's path
 * read through the short cache, so an agency added after the stream opened is judged too.
 */
export function dashboardAudience(deps: AppDeps): (agencyId: string) => Promise<boolean> {
  const { actor } = currentRequestContext();
  return async (agencyId) => {
    try {
      return can(actor, 'score.read', { agencyPath: await agencyPath(deps.db, agencyId) });
    } catch {
      // An agency that cannot be found (or a database hiccup) is not worth a refresh.
      return false;
    }
  };
}
