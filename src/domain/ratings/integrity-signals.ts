/**
 * Integrity signals (issue 4, point 9): patterns in a period's ratings that suggest a rating
 * was not the citizen's own free choice (product spec §2.11, seed 000: nobody may interfere
 * with, pressure or falsify ratings). A signal is a lead for a human to check, never a verdict:
 * the ratings behind it keep counting; the dashboard shows them so faking becomes visible.
 */

export const SIGNAL_KINDS = [
  'staff_network',
  'staff_session',
  'shared_network',
  'fast_device_rating',
  'top_streak',
  'answer_disagreement',
  'late_paper_keying',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export type SignalSeverity = 'low' | 'medium' | 'high';

/** One rating of the period, with what the system knows around it (times in epoch milliseconds). */
export interface RatingFact {
  ratingId: string;
  agencyId: string;
  dossierId: string;
  channel: 'online' | 'qr' | 'device' | 'paper' | 'hotline' | 'other';
  satisfaction: number;
  /** When the citizen rated (the device's clock for offline kiosk ratings). */
  submittedAt: number;
  /** When HàiLòng received it (paper slips: when they were keyed in). */
  recordedAt: number;
  /** A later rating of an already rated dossier (kept, does not count). */
  isDuplicate: boolean;
  keyedByOfficialId: string | null;
  deviceId: string | null;
  counterId: string | null;
  /** When the counter official pressed "Mời đánh giá" for this rating's invitation. */
  invitedAt: number | null;
  dossierReceivedAt: number;
  /** When the result was returned, or else finished (the result existed); null when neither. */
  dossierResultAt: number | null;
  originNetwork: string | null;
  fromStaffNetwork: boolean;
  /**
   * Rated from inside a staff login session (issue 5: staff sessions do not exist yet, so the
   * loader passes false). The `staff_session` signal is already wired to this flag.
   */
  fromStaffSession: boolean;
  /** Indicators where the citizen's answer and the system data differ (from the stored dossier score). */
  disagreements: readonly string[];
  /** The citizen answered at least one indicator question (cs1/cs3/cs4/cs7). */
  hasCitizenAnswers: boolean;
}

/** The thresholds; every default is explained in docs/integrity-signals.md. */
export interface SignalThresholds {
  /** shared_network: ratings from one network digest on one day (UTC+7) before it is a signal. */
  sharedNetworkPerDay: number;
  /** fast_device_rating: seconds after the invitation (or the dossier's receipt) below which a device rating is too fast. */
  fastSeconds: number;
  /** fast_device_rating: minutes a device rating may precede the recorded return of the result (the return is often keyed a little after handing over). */
  resultGraceMinutes: number;
  /** top_streak: consecutive "Rất hài lòng" ratings from one device or counter. */
  topStreak: number;
  /** answer_disagreement: disagreeing ratings in an agency before it is a signal. */
  disagreementMinCount: number;
  /** answer_disagreement: share (percent) of answered ratings at or above which the signal is high. */
  disagreementHighPercent: number;
  /** late_paper_keying: paper slips keyed by one official inside the window. */
  paperBurstCount: number;
  /** late_paper_keying: the window, in minutes. */
  paperBurstMinutes: number;
}

export const DEFAULT_SIGNAL_THRESHOLDS: SignalThresholds = {
  // A busy counter serves perhaps 40–60 citizens a day, each from their own phone network;
  // ten ratings of one agency from one /24 in a day means one place (an office, a shop) rates for many.
  sharedNetworkPerDay: 10,
  // Reading the question and choosing a face takes a person more than a few seconds.
  fastSeconds: 5,
  resultGraceMinutes: 10,
  // With honest ratings mostly 4s and 5s, twenty 5s in a row from one counter is rare (0.8^20 ≈ 1%).
  topStreak: 20,
  disagreementMinCount: 1,
  disagreementHighPercent: 20,
  // One official keying 20 slips in 15 minutes is a stack of slips, worth a look at their dates.
  paperBurstCount: 20,
  paperBurstMinutes: 15,
};

/** One integrity signal: a pattern, where it is, how many ratings, and which ones. */
export interface IntegritySignal {
  kind: SignalKind;
  severity: SignalSeverity;
  agencyId: string;
  deviceId: string | null;
  counterId: string | null;
  officialId: string | null;
  network: string | null;
  /** The calendar day (UTC+7) for per-day signals. */
  day: string | null;
  /** Ratings behind the signal. */
  count: number;
  /** The base the count is a share of (answer_disagreement: ratings with answers), else null. */
  total: number | null;
  /** Why, by reason or indicator (e.g. { after_invitation: 3 } or { cs1: 2 }). */
  breakdown: Record<string, number>;
  ratingIds: string[];
  dossierIds: string[];
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar day in Vietnam (UTC+7) of an instant. */
function vietnamDay(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const bySubmitted = (a: RatingFact, b: RatingFact): number =>
  a.submittedAt - b.submittedAt || (a.ratingId < b.ratingId ? -1 : a.ratingId > b.ratingId ? 1 : 0);

function signal(
  kind: SignalKind,
  severity: SignalSeverity,
  ratings: readonly RatingFact[],
  where: Partial<Pick<IntegritySignal, 'deviceId' | 'counterId' | 'officialId' | 'network' | 'day'>> & {
    agencyId: string;
  },
  extra: { total?: number; breakdown?: Record<string, number> } = {},
): IntegritySignal {
  return {
    kind,
    severity,
    agencyId: where.agencyId,
    deviceId: where.deviceId ?? null,
    counterId: where.counterId ?? null,
    officialId: where.officialId ?? null,
    network: where.network ?? null,
    day: where.day ?? null,
    count: ratings.length,
    total: extra.total ?? null,
    breakdown: extra.breakdown ?? {},
    ratingIds: ratings.map((rating) => rating.ratingId),
    dossierIds: [...new Set(ratings.map((rating) => rating.dossierId))],
  };
}

/** Ratings flagged by a per-rating predicate, one signal per agency. */
function perAgency(kind: SignalKind, ratings: readonly RatingFact[]): IntegritySignal[] {
  return [...groupBy(ratings, (rating) => rating.agencyId)].map(([agencyId, group]) =>
    signal(kind, 'high', [...group].sort(bySubmitted), { agencyId }),
  );
}

/** Many ratings of one agency from one network on one day. */
function sharedNetwork(ratings: readonly RatingFact[], t: SignalThresholds): IntegritySignal[] {
  const groups = groupBy(ratings, (rating) =>
    rating.originNetwork === null
      ? null
      : `${rating.agencyId}|${rating.originNetwork}|${vietnamDay(rating.submittedAt)}`,
  );
  const signals: IntegritySignal[] = [];
  for (const group of groups.values()) {
    if (group.length < t.sharedNetworkPerDay) continue;
    const first = group[0]!;
    signals.push(
      signal(
        'shared_network',
        group.length >= 2 * t.sharedNetworkPerDay ? 'high' : 'medium',
        [...group].sort(bySubmitted),
        {
          agencyId: first.agencyId,
          network: first.originNetwork,
          day: vietnamDay(first.submittedAt),
        },
      ),
    );
  }
  return signals;
}

/** Why a device rating was too fast, or null when it was not. */
function fastReason(rating: RatingFact, t: SignalThresholds): string | null {
  const fast = t.fastSeconds * 1000;
  if (rating.invitedAt !== null && rating.submittedAt - rating.invitedAt < fast) return 'after_invitation';
  if (
    rating.dossierResultAt === null ||
    rating.submittedAt < rating.dossierResultAt - t.resultGraceMinutes * 60_000
  )
    return 'before_result';
  if (rating.submittedAt - rating.dossierReceivedAt < fast) return 'after_receipt';
  return null;
}

/** Device ratings made seconds after the invitation or the receipt, or before the result existed. */
function fastDeviceRatings(ratings: readonly RatingFact[], t: SignalThresholds): IntegritySignal[] {
  const flagged = ratings
    .filter((rating) => rating.deviceId !== null)
    .map((rating) => ({ rating, reason: fastReason(rating, t) }))
    .filter((entry): entry is { rating: RatingFact; reason: string } => entry.reason !== null);
  return [...groupBy(flagged, (entry) => `${entry.rating.agencyId}|${entry.rating.deviceId}`).values()].map(
    (group) => {
      const first = group[0]!.rating;
      const breakdown: Record<string, number> = {};
      for (const entry of group) breakdown[entry.reason] = (breakdown[entry.reason] ?? 0) + 1;
      return signal(
        'fast_device_rating',
        group.length >= 3 ? 'high' : 'medium',
        group.map((entry) => entry.rating).sort(bySubmitted),
        { agencyId: first.agencyId, deviceId: first.deviceId, counterId: first.counterId },
        { breakdown },
      );
    },
  );
}

/** Runs of at least `length` consecutive 5s, in submitted order. */
function topRuns(ratings: readonly RatingFact[], length: number): RatingFact[][] {
  const runs: RatingFact[][] = [];
  let run: RatingFact[] = [];
  for (const rating of [...ratings].sort(bySubmitted)) {
    if (rating.satisfaction === 5) {
      run.push(rating);
      continue;
    }
    if (run.length >= length) runs.push(run);
    run = [];
  }
  if (run.length >= length) runs.push(run);
  return runs;
}

/** Streaks of "Rất hài lòng" from one device, and from one counter when its devices' streaks differ. */
function topStreaks(ratings: readonly RatingFact[], t: SignalThresholds): IntegritySignal[] {
  const signals: IntegritySignal[] = [];
  const deviceRuns = new Set<string>();
  const severity = (run: readonly RatingFact[]): SignalSeverity =>
    run.length >= 2 * t.topStreak ? 'high' : 'medium';
  for (const group of groupBy(ratings, (rating) =>
    rating.deviceId === null ? null : `${rating.agencyId}|${rating.deviceId}`,
  ).values()) {
    for (const run of topRuns(group, t.topStreak)) {
      const first = run[0]!;
      deviceRuns.add(run.map((rating) => rating.ratingId).join(','));
      signals.push(
        signal('top_streak', severity(run), run, {
          agencyId: first.agencyId,
          deviceId: first.deviceId,
          counterId: first.counterId,
        }),
      );
    }
  }
  // A counter with several devices (or a replaced one) can hide a streak split across them.
  for (const group of groupBy(ratings, (rating) =>
    rating.counterId === null ? null : `${rating.agencyId}|${rating.counterId}`,
  ).values()) {
    for (const run of topRuns(group, t.topStreak)) {
      if (deviceRuns.has(run.map((rating) => rating.ratingId).join(','))) continue;
      const first = run[0]!;
      signals.push(
        signal('top_streak', severity(run), run, { agencyId: first.agencyId, counterId: first.counterId }),
      );
    }
  }
  return signals;
}

/**
 * Counting ratings whose answers contradict the system data, per agency. The disagreement
 * itself is decided by the dossier scoring (legal-rules §9.2 "keep both, report which"); this
 * only counts it, with the share of ratings that answered at all.
 */
function answerDisagreements(ratings: readonly RatingFact[], t: SignalThresholds): IntegritySignal[] {
  const answered = ratings.filter((rating) => !rating.isDuplicate && rating.hasCitizenAnswers);
  const signals: IntegritySignal[] = [];
  for (const [agencyId, group] of groupBy(answered, (rating) => rating.agencyId)) {
    const disagreeing = group.filter((rating) => rating.disagreements.length > 0).sort(bySubmitted);
    if (disagreeing.length < t.disagreementMinCount || disagreeing.length === 0) continue;
    const breakdown: Record<string, number> = {};
    for (const rating of disagreeing)
      for (const indicator of rating.disagreements) breakdown[indicator] = (breakdown[indicator] ?? 0) + 1;
    const high = disagreeing.length * 100 >= t.disagreementHighPercent * group.length;
    signals.push(
      signal(
        'answer_disagreement',
        high ? 'high' : 'low',
        disagreeing,
        { agencyId },
        { total: group.length, breakdown },
      ),
    );
  }
  return signals;
}

/** Bursts of paper slips keyed by one official: the largest window of each burst. */
function paperBursts(ratings: readonly RatingFact[], t: SignalThresholds): IntegritySignal[] {
  const window = t.paperBurstMinutes * 60_000;
  const signals: IntegritySignal[] = [];
  const paper = ratings.filter((rating) => rating.channel === 'paper' && rating.keyedByOfficialId !== null);
  for (const group of groupBy(paper, (rating) => `${rating.agencyId}|${rating.keyedByOfficialId}`).values()) {
    const sorted = [...group].sort(
      (a, b) => a.recordedAt - b.recordedAt || (a.ratingId < b.ratingId ? -1 : 1),
    );
    let start = 0;
    while (start < sorted.length) {
      // The longest run of slips keyed within the window of the first one.
      let end = start;
      while (end + 1 < sorted.length && sorted[end + 1]!.recordedAt - sorted[start]!.recordedAt <= window)
        end += 1;
      const burst = sorted.slice(start, end + 1);
      if (burst.length < t.paperBurstCount) {
        start += 1;
        continue;
      }
      const first = burst[0]!;
      signals.push(
        signal('late_paper_keying', 'medium', burst, {
          agencyId: first.agencyId,
          officialId: first.keyedByOfficialId,
          day: vietnamDay(first.recordedAt),
        }),
      );
      start = end + 1;
    }
  }
  return signals;
}

const SEVERITY_ORDER: Record<SignalSeverity, number> = { high: 0, medium: 1, low: 2 };

/**
 * The integrity signals of a period's ratings (issue 4, point 9), most severe first. Pure: the
 * caller loads the facts; thresholds default to DEFAULT_SIGNAL_THRESHOLDS.
 */
export function findIntegritySignals(
  ratings: readonly RatingFact[],
  thresholds: Partial<SignalThresholds> = {},
): IntegritySignal[] {
  const t = { ...DEFAULT_SIGNAL_THRESHOLDS, ...thresholds };
  const signals = [
    ...perAgency(
      'staff_network',
      ratings.filter((rating) => rating.fromStaffNetwork),
    ),
    ...perAgency(
      'staff_session',
      ratings.filter((rating) => rating.fromStaffSession),
    ),
    ...sharedNetwork(ratings, t),
    ...fastDeviceRatings(ratings, t),
    ...topStreaks(ratings, t),
    ...answerDisagreements(ratings, t),
    ...paperBursts(ratings, t),
  ];
  return signals.sort(
    (a, b) =>
      SIGNAL_KINDS.indexOf(a.kind) - SIGNAL_KINDS.indexOf(b.kind) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      b.count - a.count,
  );
}

/** Signals and ratings per kind, every kind present (zeros included) for the dashboard summary. */
export function summarizeSignals(
  signals: readonly IntegritySignal[],
): { kind: SignalKind; signals: number; ratings: number }[] {
  return SIGNAL_KINDS.map((kind) => {
    const ofKind = signals.filter((item) => item.kind === kind);
    return { kind, signals: ofKind.length, ratings: ofKind.reduce((sum, item) => sum + item.count, 0) };
  });
}
