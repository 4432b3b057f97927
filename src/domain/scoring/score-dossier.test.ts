import { describe, expect, it } from 'vitest';
import tt01File from '../../../schemes/tt01-2018.json' with { type: 'json' };
import { parseScheme, type Tt01Scheme } from './load-scheme.ts';
import { scoreDossierTt01 } from './score-dossier.ts';
import type { DossierFacts, IndicatorOutcome, Tt01DossierIndicator } from './types.ts';

const loaded = parseScheme(tt01File, 'tt01-2018.json');
if (loaded.kind !== 'tt01') throw new Error('tt01-2018.json is not a tt01 scheme');
const scheme: Tt01Scheme = loaded;

/** A finished in-person dossier, on time, no steps, no supplement, no citizen answer. */
function dossierFacts(overrides: Partial<DossierFacts> = {}): DossierFacts {
  return {
    dossierId: 'd1',
    code: '000.00.12.H56-250303-0001',
    agencyId: 'agency-a',
    sector: 'Hộ tịch',
    receivedDate: '2025-03-03',
    finishedDate: '2025-03-07',
    channel: 'in_person',
    status: 'returned',
    timeliness: 'on_time',
    steps: [],
    supplementsNotAtFault: 0,
    supplementsAtFault: 0,
    receivingOfficialId: 'off-receiving',
    handlingOfficialId: 'off-handling',
    extraOrganisationsContacted: 0,
    hasSubstantiatedConductComplaint: false,
    procedurePublication: { noticeBoard: true, electronic: true },
    citizenAnswers: null,
    ...overrides,
  };
}

function outcomeOf(
  indicator: Tt01DossierIndicator,
  overrides: Partial<DossierFacts>,
  s: Tt01Scheme = scheme,
): IndicatorOutcome {
  const found = scoreDossierTt01(s, dossierFacts(overrides)).indicators.find(
    (o) => o.indicator === indicator,
  );
  if (!found) throw new Error(`no outcome for ${indicator}`);
  return found;
}

const unfinished: [string, Partial<DossierFacts>][] = [
  ['open', { status: 'processing', finishedDate: null, timeliness: null }],
  ['refused', { status: 'refused', finishedDate: null, timeliness: null }],
  ['stopped', { status: 'stopped', finishedDate: null, timeliness: null }],
];

describe('golden: every level of the per-dossier indicators (Thông tư 01/2018 Điều 13)', () => {
  // [article, indicator, facts, expected points]
  const rows: [string, Tt01DossierIndicator, Partial<DossierFacts>, 0 | 1 | 2 | null][] = [
    ['Điều 13 chỉ số 1: sớm hơn thời hạn → 2', 'cs1', { timeliness: 'early' }, 2],
    ['Điều 13 chỉ số 1: bằng thời hạn → 1', 'cs1', { timeliness: 'on_time' }, 1],
    ['Điều 13 chỉ số 1: quá thời hạn → 0', 'cs1', { timeliness: 'late' }, 0],
    ...unfinished.map(([name, f]): [string, Tt01DossierIndicator, Partial<DossierFacts>, null] => [
      `Điều 13 chỉ số 1: ${name} → not scored`,
      'cs1',
      f,
      null,
    ]),
    ['Điều 13 chỉ số 2: the one unit early → 2', 'cs2', { steps: [step('u1', 'early')] }, 2],
    ['Điều 13 chỉ số 2: the one unit on time → 1', 'cs2', { steps: [step('u1', 'on_time')] }, 1],
    ['Điều 13 chỉ số 2: the one unit late → 0', 'cs2', { steps: [step('u1', 'late')] }, 0],
    [
      'Điều 13 chỉ số 2: units 2 and 1 → dossier min 1 (§9.2 design choice)',
      'cs2',
      { steps: [step('u1', 'early'), step('u2', 'on_time')] },
      1,
    ],
    [
      'Điều 13 chỉ số 2: no steps → the receiving agency, cs1 points',
      'cs2',
      { steps: [], timeliness: 'early' },
      2,
    ],
    ['Điều 13 chỉ số 2: a step not handed over is not scored', 'cs2', { steps: [step('u1', null)] }, null],
    [
      'Điều 13 chỉ số 2: open dossier → not scored',
      'cs2',
      { status: 'processing', finishedDate: null, steps: [step('u1', 'early')] },
      null,
    ],
    ['Điều 13 chỉ số 3: no contact → 2', 'cs3', { supplementsNotAtFault: 0 }, 2],
    ['Điều 13 chỉ số 3: one contact → 1', 'cs3', { supplementsNotAtFault: 1 }, 1],
    ['Điều 13 chỉ số 3: more than one → 0', 'cs3', { supplementsNotAtFault: 2 }, 0],
    [
      'Điều 13 chỉ số 3 exception: at-fault requests do not count (0 + 3 at fault → 2)',
      'cs3',
      { supplementsNotAtFault: 0, supplementsAtFault: 3 },
      2,
    ],
    [
      'Điều 13 chỉ số 3 exception: 1 + 2 at fault → 1',
      'cs3',
      { supplementsNotAtFault: 1, supplementsAtFault: 2 },
      1,
    ],
    ['Điều 13 chỉ số 3: refused → not scored', 'cs3', { status: 'refused', finishedDate: null }, null],
    ['Điều 13 chỉ số 4: online, no visit → 2', 'cs4', { channel: 'online' }, 2],
    ['Điều 13 chỉ số 4: in person, only the desk → 1', 'cs4', { channel: 'in_person' }, 1],
    ['Điều 13 chỉ số 4: by post, only the desk → 1', 'cs4', { channel: 'post' }, 1],
    [
      'Điều 13 chỉ số 4: plus a site inspection body → more than one → 0',
      'cs4',
      { extraOrganisationsContacted: 1 },
      0,
    ],
    [
      'Điều 13 chỉ số 4: online plus an appraisal council → 0',
      'cs4',
      { channel: 'online', extraOrganisationsContacted: 1 },
      0,
    ],
    ['Điều 13 chỉ số 4: open → not scored', 'cs4', { status: 'received', finishedDate: null }, null],
    [
      'Điều 13 chỉ số 6: notice board and electronic → 2',
      'cs6',
      { procedurePublication: { noticeBoard: true, electronic: true } },
      2,
    ],
    [
      'Điều 13 chỉ số 6: notice board only → 1',
      'cs6',
      { procedurePublication: { noticeBoard: true, electronic: false } },
      1,
    ],
    [
      'Điều 13 chỉ số 6: electronic only → 1',
      'cs6',
      { procedurePublication: { noticeBoard: false, electronic: true } },
      1,
    ],
    [
      'Điều 13 chỉ số 6: neither → 0',
      'cs6',
      { procedurePublication: { noticeBoard: false, electronic: false } },
      0,
    ],
    ['Điều 13 chỉ số 6: unknown → not scored', 'cs6', { procedurePublication: null }, null],
    [
      'Điều 13 chỉ số 6: scored even while open (publication does not depend on the dossier)',
      'cs6',
      { status: 'processing', finishedDate: null },
      2,
    ],
    ['Điều 13 chỉ số 7: early, no complaint → 2', 'cs7', { timeliness: 'early' }, 2],
    ['Điều 13 chỉ số 7: on time, no complaint → 1', 'cs7', { timeliness: 'on_time' }, 1],
    [
      'Điều 13 chỉ số 7: substantiated complaint → 0 even when early',
      'cs7',
      { timeliness: 'early', hasSubstantiatedConductComplaint: true },
      0,
    ],
    ['Điều 13 chỉ số 7 gap (§9.2): late, no complaint → 0', 'cs7', { timeliness: 'late' }, 0],
    [
      'Điều 13 chỉ số 7: open → not scored',
      'cs7',
      { status: 'processing', finishedDate: null, timeliness: null },
      null,
    ],
  ];
  it.each(rows)('%s', (_article, indicator, facts, expected) => {
    const outcome = outcomeOf(indicator, facts);
    expect(outcome.points).toBe(expected);
    expect(outcome.rule).toMatch(
      new RegExp(`^Thông tư 01/2018/TT-VPCP Điều 13, chỉ số ${indicator.slice(2)} `),
    );
    expect(outcome.facts.length).toBeGreaterThan(0);
    if (expected === null) {
      expect(outcome.officialIds).toEqual([]);
      expect(outcome.agencyIds).toEqual([]);
    }
  });
});

function step(
  unitAgencyId: string,
  timeliness: 'early' | 'on_time' | 'late' | null,
  officialId: string | null = `off-${unitAgencyId}`,
): DossierFacts['steps'][number] {
  return { unitAgencyId, officialId, timeliness };
}

describe('indicator 2 per participating unit (Điều 13 chỉ số 2; legal-rules §9.2)', () => {
  it('lists each scored step with its own points; the dossier takes the minimum', () => {
    const score = scoreDossierTt01(
      scheme,
      dossierFacts({ steps: [step('u1', 'early'), step('u2', 'late', null), step('u3', null)] }),
    );
    expect(score.unitPoints).toEqual([
      { agencyId: 'u1', officialId: 'off-u1', points: 2, timeliness: 'early' },
      // A step without an official falls back to the handling official.
      { agencyId: 'u2', officialId: 'off-handling', points: 0, timeliness: 'late' },
    ]);
    const cs2 = score.indicators.find((o) => o.indicator === 'cs2');
    expect(cs2?.points).toBe(0);
    expect(cs2?.agencyIds).toEqual(['u1', 'u2']);
    expect(cs2?.officialIds).toEqual(['off-u1', 'off-handling']);
    expect(cs2?.facts.join(' ')).toMatch(/Bước 3 — đơn vị u3.*không chấm/);
  });

  it('no steps: the receiving agency is the only unit and gets the cs1 points', () => {
    const score = scoreDossierTt01(scheme, dossierFacts({ timeliness: 'late' }));
    expect(score.unitPoints).toEqual([
      { agencyId: 'agency-a', officialId: 'off-handling', points: 0, timeliness: 'late' },
    ]);
  });
});

describe('system and citizen side by side (Điều 14; legal-rules §9.2 "keep both, report which")', () => {
  it('cs1 default: the system wins (time is measured), the disagreement is reported', () => {
    const o = outcomeOf('cs1', { timeliness: 'early', citizenAnswers: { cs1: 1 } });
    expect(o).toMatchObject({
      points: 2,
      source: 'system',
      systemPoints: 2,
      citizenPoints: 1,
      disagreement: true,
    });
    expect(o.facts.join(' ')).toMatch(
      /Hệ thống \(2 điểm\) và người dân \(1 điểm\) khác nhau; theo bộ chỉ số: dùng điểm của hệ thống/,
    );
  });

  it('cs3, cs4, cs7 default: the citizen wins (what the citizen lived)', () => {
    expect(outcomeOf('cs3', { citizenAnswers: { cs3: 0 } })).toMatchObject({
      points: 0,
      source: 'citizen',
      systemPoints: 2,
      disagreement: true,
    });
    expect(outcomeOf('cs4', { channel: 'online', citizenAnswers: { cs4: 1 } })).toMatchObject({
      points: 1,
      source: 'citizen',
    });
    expect(outcomeOf('cs7', { timeliness: 'early', citizenAnswers: { cs7: 1 } })).toMatchObject({
      points: 1,
      source: 'citizen',
      systemPoints: 2,
    });
  });

  it("'lower' takes the lower points whichever side they come from", () => {
    const lower: Tt01Scheme = {
      ...scheme,
      citizenVsSystem: { cs1: 'lower', cs3: 'lower', cs4: 'lower', cs7: 'lower' },
    };
    expect(outcomeOf('cs1', { timeliness: 'early', citizenAnswers: { cs1: 1 } }, lower)).toMatchObject({
      points: 1,
      source: 'citizen',
    });
    expect(outcomeOf('cs1', { timeliness: 'on_time', citizenAnswers: { cs1: 2 } }, lower)).toMatchObject({
      points: 1,
      source: 'system',
    });
  });

  it('agreement is not a disagreement; a citizen answer alone is used when the system has none', () => {
    expect(outcomeOf('cs1', { timeliness: 'early', citizenAnswers: { cs1: 2 } })).toMatchObject({
      points: 2,
      source: 'system',
      disagreement: false,
    });
    expect(outcomeOf('cs1', { timeliness: null, citizenAnswers: { cs1: 1 } })).toMatchObject({
      points: 1,
      source: 'citizen',
      systemPoints: null,
      disagreement: false,
    });
  });

  it('a citizen answer on an unfinished dossier is kept but not scored', () => {
    expect(
      outcomeOf('cs1', {
        status: 'refused',
        finishedDate: null,
        timeliness: null,
        citizenAnswers: { cs1: 0 },
      }),
    ).toMatchObject({
      points: null,
      source: null,
      citizenPoints: 0,
    });
  });
});

describe('attribution (decision 8; legal-rules §9.3)', () => {
  it('default: cs1, cs7 → handling official; cs2 → each step official; cs3, cs4 → receiving official; cs6 → nobody', () => {
    const score = scoreDossierTt01(
      scheme,
      dossierFacts({ steps: [step('u1', 'early'), step('u2', 'early')] }),
    );
    const ids = Object.fromEntries(score.indicators.map((o) => [o.indicator, o.officialIds]));
    expect(ids).toEqual({
      cs1: ['off-handling'],
      cs2: ['off-u1', 'off-u2'],
      cs3: ['off-receiving'],
      cs4: ['off-receiving'],
      cs6: [],
      cs7: ['off-handling'],
    });
  });

  it("'both' credits the receiving and the handling official once each; missing officials are dropped", () => {
    const both: Tt01Scheme = { ...scheme, attribution: { ...scheme.attribution, cs1: 'both' } };
    expect(outcomeOf('cs1', {}, both).officialIds).toEqual(['off-receiving', 'off-handling']);
    expect(outcomeOf('cs1', { receivingOfficialId: 'x', handlingOfficialId: 'x' }, both).officialIds).toEqual(
      ['x'],
    );
    expect(outcomeOf('cs1', { handlingOfficialId: null }).officialIds).toEqual([]);
  });

  it('points count for the dossier agency; cs2 for each participating unit', () => {
    expect(outcomeOf('cs3', {}).agencyIds).toEqual(['agency-a']);
    expect(outcomeOf('cs2', { steps: [step('u1', 'early'), step('u1', 'late')] }).agencyIds).toEqual(['u1']);
  });
});

describe('explanations', () => {
  it('name the facts in Vietnamese with dd/mm/yyyy dates', () => {
    const o = outcomeOf('cs1', {
      timeliness: 'early',
      finishedDate: '2025-03-07',
      legalDueDate: '2025-03-10',
    });
    expect(o.facts).toEqual(['Hoàn thành ngày 07/03/2025, trước hạn (hạn giải quyết 10/03/2025).']);
    expect(outcomeOf('cs3', { supplementsNotAtFault: 1, supplementsAtFault: 2 }).facts).toEqual([
      'Số lần yêu cầu bổ sung, hoàn thiện hồ sơ không do lỗi người nộp: 1 → 1 điểm.',
      '2 lần yêu cầu do lỗi của người nộp không được tính (ngoại lệ của chỉ số 3).',
    ]);
    expect(outcomeOf('cs1', { status: 'refused', finishedDate: null }).facts).toEqual([
      'Hồ sơ bị từ chối: chỉ số này không được chấm.',
    ]);
  });

  it('carry the scheme id and version', () => {
    const score = scoreDossierTt01(scheme, dossierFacts());
    expect([score.schemeId, score.schemeVersion]).toEqual(['tt01-2018', '1.0.0']);
    expect(score.indicators.map((o) => o.indicator)).toEqual(['cs1', 'cs2', 'cs3', 'cs4', 'cs6', 'cs7']);
  });
});
