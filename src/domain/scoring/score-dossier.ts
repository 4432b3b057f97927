import type { Timeliness } from '#domain/dossiers/timeliness.ts';
import { TIMELINESS_LABELS, viDate } from './format.ts';
import { TT01_RULES } from './rules.ts';
import type { Attribution, CitizenVsSystem, Tt01Scheme } from './scheme-spec.ts';
import type { DossierFacts, DossierScore, IndicatorOutcome, Points, Tt01DossierIndicator } from './types.ts';

/** Điều 13, chỉ số 1, 2 and 7: sớm hơn 2, bằng 1, quá hạn 0. */
const TIMELINESS_POINTS: Readonly<Record<Timeliness, Points>> = { early: 2, on_time: 1, late: 0 };

const CHANNEL_LABELS: Readonly<Record<DossierFacts['channel'], string>> = {
  in_person: 'nộp trực tiếp',
  post: 'nộp qua dịch vụ bưu chính',
  online: 'nộp trực tuyến',
};

const PRECEDENCE_LABELS: Readonly<Record<CitizenVsSystem, string>> = {
  system: 'dùng điểm của hệ thống',
  citizen: 'dùng điểm người dân đánh giá',
  lower: 'dùng điểm thấp hơn',
};

/**
 * A dossier counts as finished once it has a finish date and was neither refused nor stopped.
 * Time-based and contact-based indicators (1, 2, 3, 4, 7) are scored only then: before that the
 * total time and the contacts are not known, and refused / stopped dossiers have no handling time
 * to compare (design choice, docs/scoring.md).
 */
function isFinished(facts: DossierFacts): boolean {
  return facts.finishedDate !== null && facts.status !== 'refused' && facts.status !== 'stopped';
}

function notFinishedFact(facts: DossierFacts): string {
  if (facts.status === 'refused') return 'Hồ sơ bị từ chối: chỉ số này không được chấm.';
  if (facts.status === 'stopped') return 'Hồ sơ đã dừng giải quyết: chỉ số này không được chấm.';
  return 'Hồ sơ chưa giải quyết xong: chỉ số này chưa được chấm.';
}

function finishFact(facts: DossierFacts): string {
  const finished = facts.finishedDate === null ? '' : `Hoàn thành ngày ${viDate(facts.finishedDate)}`;
  if (facts.timeliness === null) return `${finished}; chưa xác định được tiến độ so với thời hạn.`;
  const due = facts.legalDueDate ? ` (hạn giải quyết ${viDate(facts.legalDueDate)})` : '';
  return `${finished}, ${TIMELINESS_LABELS[facts.timeliness]}${due}.`;
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** The officials an indicator counts for under the scheme's attribution (decision 8, legal-rules §9.3). */
function attributedOfficials(mode: Attribution, facts: DossierFacts): string[] {
  switch (mode) {
    case 'receiving':
      return unique([facts.receivingOfficialId]);
    case 'handling':
      return unique([facts.handlingOfficialId]);
    case 'both':
      return unique([facts.receivingOfficialId, facts.handlingOfficialId]);
    case 'step':
      if (facts.steps.length === 0) return unique([facts.handlingOfficialId]);
      return unique(facts.steps.map((step) => step.officialId ?? facts.handlingOfficialId));
  }
}

interface Combined {
  points: Points | null;
  source: 'system' | 'citizen' | null;
  disagreement: boolean;
  facts: string[];
}

/** System and citizen side by side; the scheme says which wins (legal-rules §9.2 "keep both, report which"). */
function combine(precedence: CitizenVsSystem, system: Points | null, citizen: Points | null): Combined {
  if (system === null && citizen === null)
    return { points: null, source: null, disagreement: false, facts: [] };
  if (citizen === null) return { points: system, source: 'system', disagreement: false, facts: [] };
  const citizenFact = `Người dân đánh giá: ${citizen} điểm.`;
  if (system === null) {
    return {
      points: citizen,
      source: 'citizen',
      disagreement: false,
      facts: [citizenFact, 'Không có dữ liệu hệ thống: dùng đánh giá của người dân.'],
    };
  }
  if (system === citizen) {
    return {
      points: system,
      source: 'system',
      disagreement: false,
      facts: [`${citizenFact} Trùng với hệ thống.`],
    };
  }
  const useCitizen = precedence === 'citizen' || (precedence === 'lower' && citizen < system);
  return {
    points: useCitizen ? citizen : system,
    source: useCitizen ? 'citizen' : 'system',
    disagreement: true,
    facts: [
      citizenFact,
      `Hệ thống (${system} điểm) và người dân (${citizen} điểm) khác nhau; theo bộ chỉ số: ${PRECEDENCE_LABELS[precedence]}.`,
    ],
  };
}

function outcome(
  indicator: Tt01DossierIndicator,
  parts: {
    system: Points | null;
    citizen: Points | null;
    combined: Combined;
    facts: string[];
    officialIds: string[];
    agencyIds: string[];
  },
): IndicatorOutcome {
  const { combined } = parts;
  return {
    indicator,
    points: combined.points,
    source: combined.source,
    systemPoints: parts.system,
    citizenPoints: parts.citizen,
    disagreement: combined.disagreement,
    rule: TT01_RULES[indicator],
    facts: [...parts.facts, ...combined.facts],
    officialIds: combined.points === null ? [] : parts.officialIds,
    agencyIds: combined.points === null ? [] : parts.agencyIds,
  };
}

/** Thông tư 01/2018 Điều 13, chỉ số 1: total time against the legal limit. */
function scoreCs1(scheme: Tt01Scheme, facts: DossierFacts, finished: boolean): IndicatorOutcome {
  const citizen = facts.citizenAnswers?.cs1 ?? null;
  if (!finished) {
    return outcome('cs1', {
      system: null,
      citizen,
      combined: combine(scheme.citizenVsSystem.cs1, null, null),
      facts: [notFinishedFact(facts)],
      officialIds: [],
      agencyIds: [],
    });
  }
  const system = facts.timeliness === null ? null : TIMELINESS_POINTS[facts.timeliness];
  return outcome('cs1', {
    system,
    citizen,
    combined: combine(scheme.citizenVsSystem.cs1, system, citizen),
    facts: [finishFact(facts)],
    officialIds: attributedOfficials(scheme.attribution.cs1, facts),
    agencyIds: [facts.agencyId],
  });
}

/** Thông tư 01/2018 Điều 13, chỉ số 2: each participating unit against its own limit (Mẫu 05). */
function scoreCs2(
  scheme: Tt01Scheme,
  facts: DossierFacts,
  finished: boolean,
): { outcome: IndicatorOutcome; unitPoints: DossierScore['unitPoints'] } {
  const none = combine('system', null, null);
  if (!finished) {
    return {
      outcome: outcome('cs2', {
        system: null,
        citizen: null,
        combined: none,
        facts: [notFinishedFact(facts)],
        officialIds: [],
        agencyIds: [],
      }),
      unitPoints: [],
    };
  }
  const unitPoints: DossierScore['unitPoints'] = [];
  const lines: string[] = [];
  if (facts.steps.length === 0) {
    // No inter-unit steps: the receiving agency did all the work, so its time is the dossier's time.
    if (facts.timeliness !== null) {
      const points = TIMELINESS_POINTS[facts.timeliness];
      unitPoints.push({
        agencyId: facts.agencyId,
        officialId: facts.handlingOfficialId,
        points,
        timeliness: facts.timeliness,
      });
      lines.push(
        `Không có bước liên thông: cơ quan tiếp nhận là đơn vị duy nhất, ${TIMELINESS_LABELS[facts.timeliness]} → ${points} điểm.`,
      );
    } else {
      lines.push('Không có bước liên thông và chưa xác định được tiến độ: không chấm.');
    }
  }
  facts.steps.forEach((step, i) => {
    const official = step.officialId ?? facts.handlingOfficialId;
    const name = (id: string): string => facts.names?.[id] ?? id;
    const who = `Bước ${i + 1} — đơn vị ${name(step.unitAgencyId)}${official === null ? '' : `, cán bộ ${name(official)}`}`;
    if (step.timeliness === null) {
      lines.push(`${who}: chưa bàn giao hoặc chưa xác định tiến độ, không chấm.`);
      return;
    }
    const points = TIMELINESS_POINTS[step.timeliness];
    unitPoints.push({
      agencyId: step.unitAgencyId,
      officialId: official,
      points,
      timeliness: step.timeliness,
    });
    lines.push(`${who}: ${TIMELINESS_LABELS[step.timeliness]} → ${points} điểm.`);
  });
  const system = unitPoints.reduce<Points | null>(
    (min, row) => (min === null || row.points < min ? row.points : min),
    null,
  );
  if (system !== null && unitPoints.length > 1)
    lines.push(`Điểm chung của hồ sơ: thấp nhất trong các đơn vị, ${system} điểm.`);
  return {
    outcome: outcome('cs2', {
      system,
      citizen: null,
      combined: combine('system', system, null),
      facts: lines,
      // 'step': the officials of the steps actually scored (each is credited with its own step in unitPoints).
      officialIds:
        scheme.attribution.cs2 === 'step'
          ? unique(unitPoints.map((row) => row.officialId))
          : attributedOfficials(scheme.attribution.cs2, facts),
      agencyIds: unique(unitPoints.map((row) => row.agencyId)),
    }),
    unitPoints,
  };
}

/** Thông tư 01/2018 Điều 13, chỉ số 3: contacts to complete the dossier, applicant-at-fault requests excluded. */
function scoreCs3(scheme: Tt01Scheme, facts: DossierFacts, finished: boolean): IndicatorOutcome {
  const citizen = facts.citizenAnswers?.cs3 ?? null;
  if (!finished) {
    return outcome('cs3', {
      system: null,
      citizen,
      combined: combine(scheme.citizenVsSystem.cs3, null, null),
      facts: [notFinishedFact(facts)],
      officialIds: [],
      agencyIds: [],
    });
  }
  const n = facts.supplementsNotAtFault;
  const system: Points = n === 0 ? 2 : n === 1 ? 1 : 0;
  const lines = [`Số lần yêu cầu bổ sung, hoàn thiện hồ sơ không do lỗi người nộp: ${n} → ${system} điểm.`];
  if (facts.supplementsAtFault > 0) {
    lines.push(
      `${facts.supplementsAtFault} lần yêu cầu do lỗi của người nộp không được tính (ngoại lệ của chỉ số 3).`,
    );
  }
  return outcome('cs3', {
    system,
    citizen,
    combined: combine(scheme.citizenVsSystem.cs3, system, citizen),
    facts: lines,
    officialIds: attributedOfficials(scheme.attribution.cs3, facts),
    agencyIds: [facts.agencyId],
  });
}

/**
 * Thông tư 01/2018 Điều 13, chỉ số 4: organisations contacted. The system infers it: an online
 * dossier needs no visit (2 points, when the scheme says so); in person or by post the desk is
 * the one organisation (1 point); any extra body the law makes the applicant attend (site
 * inspection, appraisal council) makes more than one (0 points).
 */
function scoreCs4(scheme: Tt01Scheme, facts: DossierFacts, finished: boolean): IndicatorOutcome {
  const citizen = facts.citizenAnswers?.cs4 ?? null;
  if (!finished) {
    return outcome('cs4', {
      system: null,
      citizen,
      combined: combine(scheme.citizenVsSystem.cs4, null, null),
      facts: [notFinishedFact(facts)],
      officialIds: [],
      agencyIds: [],
    });
  }
  let system: Points;
  let line: string;
  if (facts.extraOrganisationsContacted > 0) {
    system = 0;
    line = `Hồ sơ ${CHANNEL_LABELS[facts.channel]}; phải liên hệ thêm ${facts.extraOrganisationsContacted} cơ quan, tổ chức (kiểm tra thực địa, hội đồng thẩm định) ngoài Bộ phận Một cửa → quá một cơ quan, 0 điểm.`;
  } else if (facts.channel === 'online' && scheme.cs4.onlineCountsAsNoContact) {
    system = 2;
    line = 'Hồ sơ nộp trực tuyến, không phải đến cơ quan, tổ chức nào → 2 điểm.';
  } else {
    system = 1;
    line = `Hồ sơ ${CHANNEL_LABELS[facts.channel]}; chỉ liên hệ Bộ phận Một cửa → 1 điểm.`;
  }
  return outcome('cs4', {
    system,
    citizen,
    combined: combine(scheme.citizenVsSystem.cs4, system, citizen),
    facts: [line],
    officialIds: attributedOfficials(scheme.attribution.cs4, facts),
    agencyIds: [facts.agencyId],
  });
}

/** Thông tư 01/2018 Điều 13, chỉ số 6 (per dossier, Điều 14): publication of the dossier's procedure. Not an official indicator. */
function scoreCs6(facts: DossierFacts): IndicatorOutcome {
  const pub = facts.procedurePublication;
  if (pub === null) {
    return outcome('cs6', {
      system: null,
      citizen: null,
      combined: combine('system', null, null),
      facts: ['Chưa có thông tin công khai thủ tục: không chấm.'],
      officialIds: [],
      agencyIds: [],
    });
  }
  const count = (pub.noticeBoard ? 1 : 0) + (pub.electronic ? 1 : 0);
  const system: Points = count === 2 ? 2 : count === 1 ? 1 : 0;
  const yesNo = (value: boolean): string => (value ? 'có' : 'không');
  return outcome('cs6', {
    system,
    citizen: null,
    combined: combine('system', system, null),
    facts: [
      `Thủ tục được niêm yết: ${yesNo(pub.noticeBoard)}; công khai điện tử: ${yesNo(pub.electronic)} → ${system} điểm.`,
    ],
    officialIds: [],
    agencyIds: [facts.agencyId],
  });
}

/** Thông tư 01/2018 Điều 13, chỉ số 7: conduct; a substantiated complaint gives 0, else the timeliness. */
function scoreCs7(scheme: Tt01Scheme, facts: DossierFacts, finished: boolean): IndicatorOutcome {
  const citizen = facts.citizenAnswers?.cs7 ?? null;
  if (!finished) {
    return outcome('cs7', {
      system: null,
      citizen,
      combined: combine(scheme.citizenVsSystem.cs7, null, null),
      facts: [notFinishedFact(facts)],
      officialIds: [],
      agencyIds: [],
    });
  }
  let system: Points | null;
  const lines: string[] = [];
  if (facts.hasSubstantiatedConductComplaint) {
    system = 0;
    lines.push('Có phản ánh, kiến nghị về hành vi của cán bộ, công chức đã được xác minh là đúng → 0 điểm.');
  } else if (facts.timeliness === null) {
    system = null;
    lines.push('Không có phản ánh đã xác minh; chưa xác định được tiến độ nên không chấm từ hệ thống.');
  } else {
    system = TIMELINESS_POINTS[facts.timeliness];
    lines.push(
      'Không có phản ánh, kiến nghị về hành vi của cán bộ, công chức đã được xác minh.',
      finishFact(facts),
    );
    if (facts.timeliness === 'late') {
      lines.push('Quá hạn nhưng không có phản ánh: văn bản không quy định, chấm 0 điểm (legal-rules §9.2).');
    }
  }
  return outcome('cs7', {
    system,
    citizen,
    combined: combine(scheme.citizenVsSystem.cs7, system, citizen),
    facts: lines,
    officialIds: attributedOfficials(scheme.attribution.cs7, facts),
    agencyIds: [facts.agencyId],
  });
}

/**
 * Scores one dossier under a Thông tư 01/2018 scheme (Điều 13 and 14: indicators 1, 2, 3, 4, 6, 7
 * per dossier), keeping the system's and the citizen's points side by side with the facts and
 * the rule behind each. Pure: the same facts always give the same score.
 */
export function scoreDossierTt01(scheme: Tt01Scheme, facts: DossierFacts): DossierScore {
  const finished = isFinished(facts);
  const cs2 = scoreCs2(scheme, facts, finished);
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    indicators: [
      scoreCs1(scheme, facts, finished),
      cs2.outcome,
      scoreCs3(scheme, facts, finished),
      scoreCs4(scheme, facts, finished),
      scoreCs6(facts),
      scoreCs7(scheme, facts, finished),
    ],
    unitPoints: cs2.unitPoints,
  };
}
