import type { AppDeps } from '../deps.ts';

/** The bus topic of recorded ratings (live dashboards listen on it). */
export const RATING_RECORDED_TOPIC = 'rating.recorded';

/** What is said about a new rating: its agency only — no dossier, no citizen, nothing personal. */
export interface RatingRecordedEvent {
  agencyId: string;
}

/** Reads a bus payload back (another process may have sent anything on the channel). */
export function asRatingRecorded(payload: unknown): RatingRecordedEvent | null {
  if (typeof payload !== 'object' || payload === null || !('agencyId' in payload)) return null;
  const { agencyId } = payload;
  return typeof agencyId === 'string' ? { agencyId } : null;
}

/**
 * Tells the live dashboards that a rating of `agencyId` was recorded. Called after the commit
 * (a dashboard that refetches must see the rating); a lost notice only delays a refresh, so a
 * bus failure never fails the rating the citizen already gave.
 */
export async function publishRatingRecorded(deps: AppDeps, agencyId: string): Promise<void> {
  try {
    await deps.bus?.publish(RATING_RECORDED_TOPIC, { agencyId } satisfies RatingRecordedEvent);
  } catch {
    // The rating is stored; the dashboards catch up on their next refresh.
  }
}
