import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNAL_THRESHOLDS,
  findIntegritySignals,
  summarizeSignals,
  type RatingFact,
} from './integrity-signals.ts';

const T0 = Date.parse('2025-06-02T08:00:00+07:00');
const MIN = 60_000;

let serial = 0;
/** A plain, unremarkable counting rating; tests override what they look at. */
function rating(overrides: Partial<RatingFact> = {}): RatingFact {
  serial += 1;
  const id = `r${String(serial).padStart(4, '0')}`;
  return {
    ratingId: id,
    agencyId: 'A',
    dossierId: `d-${id}`,
    channel: 'online',
    satisfaction: 4,
    submittedAt: T0 + serial * MIN,
    recordedAt: T0 + serial * MIN,
    isDuplicate: false,
    keyedByOfficialId: null,
    deviceId: null,
    counterId: null,
    invitedAt: null,
    dossierReceivedAt: T0 - 5 * 86_400_000,
    dossierResultAt: T0 - 3_600_000,
    originNetwork: null,
    fromStaffNetwork: false,
    fromStaffSession: false,
    disagreements: [],
    hasCitizenAnswers: false,
    ...overrides,
  };
}

const kinds = (facts: RatingFact[]) => findIntegritySignals(facts).map((signal) => signal.kind);

describe('findIntegritySignals', () => {
  it('finds nothing in ordinary ratings', () => {
    expect(findIntegritySignals([rating(), rating({ satisfaction: 5 }), rating({ channel: 'qr' })])).toEqual(
      [],
    );
  });

  it('groups staff-network ratings per agency; staff sessions are a separate (reserved) kind', () => {
    const signals = findIntegritySignals([
      rating({ fromStaffNetwork: true }),
      rating({ fromStaffNetwork: true }),
      rating({ fromStaffNetwork: true, agencyId: 'B' }),
      rating({ fromStaffSession: true }),
      rating(),
    ]);
    expect(signals.map((s) => [s.kind, s.agencyId, s.count, s.severity])).toEqual([
      ['staff_network', 'A', 2, 'high'],
      ['staff_network', 'B', 1, 'high'],
      ['staff_session', 'A', 1, 'high'],
    ]);
  });

  it('flags one network with at least the threshold of ratings on one day (UTC+7), not one fewer', () => {
    const n = DEFAULT_SIGNAL_THRESHOLDS.sharedNetworkPerDay;
    const some = (count: number, network: string) =>
      Array.from({ length: count }, () => rating({ originNetwork: network }));
    expect(kinds(some(n - 1, 'net1'))).toEqual([]);
    const signals = findIntegritySignals(some(n, 'net2'));
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      kind: 'shared_network',
      network: 'net2',
      day: '2025-06-02',
      count: n,
    });
    // The same network across two Vietnamese days is two groups below the threshold.
    const split = [
      ...Array.from({ length: n - 1 }, () => rating({ originNetwork: 'net3' })),
      rating({ originNetwork: 'net3', submittedAt: T0 + 86_400_000 }),
    ];
    expect(kinds(split)).toEqual([]);
  });

  it('flags device ratings seconds after the invitation, before the result, or seconds after receipt', () => {
    const device = { channel: 'device' as const, deviceId: 'dev1', counterId: 'c1' };
    const fast = rating({ ...device, invitedAt: T0 + 100 * MIN, submittedAt: T0 + 100 * MIN + 4_000 });
    const early = rating({ ...device, dossierResultAt: T0 + 500 * MIN, submittedAt: T0 + 200 * MIN });
    const unfinished = rating({ ...device, dossierResultAt: null });
    const atReceipt = rating({
      ...device,
      dossierReceivedAt: T0 + 300 * MIN,
      dossierResultAt: T0 + 300 * MIN,
      submittedAt: T0 + 300 * MIN + 2_000,
    });
    const slowEnough = rating({ ...device, invitedAt: T0 + 400 * MIN, submittedAt: T0 + 400 * MIN + 5_000 });
    const withinGrace = rating({ ...device, dossierResultAt: T0 + 605 * MIN, submittedAt: T0 + 600 * MIN });
    const online = rating({ dossierResultAt: null });
    const signals = findIntegritySignals([
      fast,
      early,
      unfinished,
      atReceipt,
      slowEnough,
      withinGrace,
      online,
    ]);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      kind: 'fast_device_rating',
      deviceId: 'dev1',
      counterId: 'c1',
      count: 4,
      severity: 'high',
      breakdown: { after_invitation: 1, before_result: 2, after_receipt: 1 },
    });
    expect(new Set(signals[0]!.ratingIds)).toEqual(
      new Set([fast.ratingId, early.ratingId, unfinished.ratingId, atReceipt.ratingId]),
    );
  });

  it('finds a streak of K top ratings from one device in submitted order, not K-1', () => {
    const k = DEFAULT_SIGNAL_THRESHOLDS.topStreak;
    const device = { channel: 'device' as const, deviceId: 'dev1', counterId: 'c1' };
    const fives = (count: number) =>
      Array.from({ length: count }, () => rating({ ...device, satisfaction: 5 }));
    const broken = [...fives(k - 1), rating({ ...device, satisfaction: 4 }), ...fives(k - 1)];
    expect(kinds(broken)).toEqual([]);
    const run = fives(k);
    // Given out of order: the order is the submitted time, not the input order.
    const signals = findIntegritySignals([rating({ ...device, satisfaction: 3 }), ...[...run].reverse()]);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: 'top_streak', deviceId: 'dev1', counterId: 'c1', count: k });
    expect(signals[0]!.ratingIds).toEqual(run.map((r) => r.ratingId));
  });

  it('finds a counter streak split across two devices once, and a one-device streak only once', () => {
    const k = DEFAULT_SIGNAL_THRESHOLDS.topStreak;
    const split = Array.from({ length: k }, (_, index) =>
      rating({
        channel: 'device',
        deviceId: index % 2 === 0 ? 'dev1' : 'dev2',
        counterId: 'c1',
        satisfaction: 5,
      }),
    );
    const signals = findIntegritySignals(split);
    expect(signals.map((s) => [s.kind, s.deviceId, s.counterId, s.count])).toEqual([
      ['top_streak', null, 'c1', k],
    ]);
  });

  it('counts disagreeing answers per agency with their share among answered ratings', () => {
    const signals = findIntegritySignals([
      rating({ hasCitizenAnswers: true, disagreements: ['cs1'] }),
      rating({ hasCitizenAnswers: true, disagreements: ['cs1', 'cs4'] }),
      rating({ hasCitizenAnswers: true }),
      rating({ hasCitizenAnswers: true }),
      rating({ hasCitizenAnswers: true, disagreements: ['cs1'], isDuplicate: true }),
      rating({ agencyId: 'B', hasCitizenAnswers: true }),
    ]);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      kind: 'answer_disagreement',
      agencyId: 'A',
      count: 2,
      total: 4,
      severity: 'high',
      breakdown: { cs1: 2, cs4: 1 },
    });
    expect(findIntegritySignals([rating({ hasCitizenAnswers: true })], {})).toEqual([]);
  });

  it('finds bursts of paper slips keyed by one official', () => {
    const n = DEFAULT_SIGNAL_THRESHOLDS.paperBurstCount;
    const slips = (count: number, official: string, spacing: number) =>
      Array.from({ length: count }, (_, index) =>
        rating({ channel: 'paper', keyedByOfficialId: official, recordedAt: T0 + index * spacing }),
      );
    expect(kinds(slips(n - 1, 'o1', 10_000))).toEqual([]);
    expect(kinds(slips(n, 'o2', 2 * MIN))).toEqual([]);
    const signals = findIntegritySignals(slips(n, 'o3', 10_000));
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: 'late_paper_keying', officialId: 'o3', count: n });
  });

  it('takes thresholds as parameters', () => {
    const facts = [1, 2, 3].map(() =>
      rating({ originNetwork: 'net', channel: 'device', deviceId: 'd', satisfaction: 5 }),
    );
    expect(kinds(facts)).toEqual([]);
    expect(findIntegritySignals(facts, { sharedNetworkPerDay: 3, topStreak: 3 }).map((s) => s.kind)).toEqual([
      'shared_network',
      'top_streak',
    ]);
  });
});

describe('summarizeSignals', () => {
  it('lists every kind with its signals and ratings', () => {
    const summary = summarizeSignals(findIntegritySignals([rating({ fromStaffNetwork: true })]));
    expect(summary).toHaveLength(7);
    expect(summary.find((row) => row.kind === 'staff_network')).toEqual({
      kind: 'staff_network',
      signals: 1,
      ratings: 1,
    });
    expect(summary.find((row) => row.kind === 'top_streak')).toEqual({
      kind: 'top_streak',
      signals: 0,
      ratings: 0,
    });
  });
});
