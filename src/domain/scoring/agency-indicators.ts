import { viPercent } from './format.ts';
import { percentToBp, reachesShare, shareBp } from './rounding.ts';
import { TT01_RULES } from './rules.ts';
import type { AgencyLevel, Tt01Scheme } from './scheme-spec.ts';
import type { AgencyIndicatorValue, Points } from './types.ts';

/**
 * Agency-level indicators 5, 8 and 9 computed from data (Thông tư 01/2018 Điều 13; legal-rules
 * §9.4). Shares are shown in basis points rounded half up, but every legal threshold is compared
 * exactly on the fraction (part × 10000 ≥ threshold × whole): 19 999 of 20 000 PAKN on time is
 * 99,995%, shown as 100%, and is still not "100%".
 */

const LEVEL_LABELS: Readonly<Record<AgencyLevel, string>> = {
  province: 'cấp tỉnh',
  department: 'sở, ban, ngành',
  district: 'cấp huyện',
  commune: 'cấp xã',
  unit: 'đơn vị',
};

function value(points: Points, note: string, facts: string[], rule: string): AgencyIndicatorValue {
  return { points, note, facts, rule };
}

/**
 * Indicator 5 from data (Điều 13, chỉ số 5): 2 points when every eligible procedure is received
 * and returned at the desk and the desk itself decides at least the level's share of procedures
 * (four-step procedures); 1 point when every eligible procedure is received and returned there;
 * else 0. The levels are read as cumulative: 2 points presupposes the 1-point condition.
 */
export function scoreCs5FromData(
  scheme: Tt01Scheme,
  input: {
    level: AgencyLevel;
    proceduresTotal: number;
    proceduresFourStep: number;
    allReceivedAtDesk: boolean;
  },
): AgencyIndicatorValue {
  const thresholdPercent = scheme.cs5Thresholds[input.level];
  const thresholdBp = percentToBp(thresholdPercent);
  const share = shareBp(input.proceduresFourStep, input.proceduresTotal);
  const facts = [
    `${LEVEL_LABELS[input.level]}: ngưỡng ${viPercent(thresholdBp)} thủ tục do Bộ phận Một cửa tự tiếp nhận, thẩm định, phê duyệt (bộ chỉ số ${scheme.id} ${scheme.version}).`,
    input.proceduresTotal === 0
      ? 'Không có thủ tục nào trong kỳ.'
      : `${input.proceduresFourStep}/${input.proceduresTotal} thủ tục do Bộ phận Một cửa tự giải quyết (${viPercent(share)}).`,
    input.allReceivedAtDesk
      ? 'Mọi thủ tục đủ điều kiện được tiếp nhận, trả kết quả tại Bộ phận Một cửa.'
      : 'Có thủ tục đủ điều kiện không được tiếp nhận, trả kết quả tại Bộ phận Một cửa.',
  ];
  let points: Points;
  if (!input.allReceivedAtDesk) points = 0;
  else if (
    input.proceduresTotal > 0 &&
    reachesShare(input.proceduresFourStep, input.proceduresTotal, thresholdBp)
  )
    points = 2;
  else points = 1;
  const note =
    points === 2
      ? `Bộ phận Một cửa tự giải quyết ${viPercent(share)} thủ tục (ngưỡng ${viPercent(thresholdBp)}).`
      : points === 1
        ? `100% thủ tục tiếp nhận, trả kết quả tại Bộ phận Một cửa; tự giải quyết ${viPercent(share)} (dưới ngưỡng ${viPercent(thresholdBp)}).`
        : 'Chưa đạt 100% thủ tục đủ điều kiện tiếp nhận, trả kết quả tại Bộ phận Một cửa.';
  return value(points, note, facts, TT01_RULES.cs5);
}

/**
 * Indicator 9 from data (Điều 13, chỉ số 9; "mức độ 3, 4" read as online "toàn trình / một phần"):
 * any online dossier unsettled or late → 0; no procedure online → 0; procedures online ≥ 20% and
 * online dossiers ≥ 30% → 2; online dossiers ≥ 15% → 1; else 0.
 */
export function scoreCs9FromData(
  scheme: Tt01Scheme,
  input: {
    proceduresTotal: number;
    proceduresOnline: number;
    dossiersTotal: number;
    dossiersOnline: number;
    onlineLateOrOverdue: number;
  },
): AgencyIndicatorValue {
  const procMinBp = percentToBp(scheme.cs9.proceduresOnlineMinPercent);
  const fullBp = percentToBp(scheme.cs9.dossiersOnlineFullPercent);
  const partialBp = percentToBp(scheme.cs9.dossiersOnlinePartialPercent);
  const procShare = shareBp(input.proceduresOnline, input.proceduresTotal);
  const dossierShare = shareBp(input.dossiersOnline, input.dossiersTotal);
  const facts = [
    `${input.proceduresOnline}/${input.proceduresTotal} thủ tục cung cấp dịch vụ công trực tuyến (${viPercent(procShare)}; ngưỡng ${viPercent(procMinBp)}).`,
    `${input.dossiersOnline}/${input.dossiersTotal} hồ sơ nộp trực tuyến (${viPercent(dossierShare)}; ngưỡng ${viPercent(fullBp)} cho 2 điểm, ${viPercent(partialBp)} cho 1 điểm).`,
    input.onlineLateOrOverdue === 0
      ? 'Không có hồ sơ trực tuyến tồn đọng, quá hạn.'
      : `${input.onlineLateOrOverdue} hồ sơ trực tuyến tồn đọng hoặc quá hạn.`,
  ];
  const procOk =
    input.proceduresTotal > 0 && reachesShare(input.proceduresOnline, input.proceduresTotal, procMinBp);
  const dossierFull =
    input.dossiersTotal > 0 && reachesShare(input.dossiersOnline, input.dossiersTotal, fullBp);
  const dossierPartial =
    input.dossiersTotal > 0 && reachesShare(input.dossiersOnline, input.dossiersTotal, partialBp);
  let points: Points;
  let note: string;
  if (input.onlineLateOrOverdue > 0) {
    points = 0;
    note = `Có ${input.onlineLateOrOverdue} hồ sơ trực tuyến tồn đọng, quá hạn.`;
  } else if (input.proceduresOnline === 0) {
    points = 0;
    note = 'Không cung cấp dịch vụ công trực tuyến.';
  } else if (procOk && dossierFull) {
    points = 2;
    note = `${viPercent(procShare)} thủ tục trực tuyến, ${viPercent(dossierShare)} hồ sơ trực tuyến.`;
  } else if (dossierPartial) {
    points = 1;
    note = `Có cung cấp trực tuyến (${viPercent(procShare)} thủ tục), ${viPercent(dossierShare)} hồ sơ trực tuyến.`;
  } else {
    points = 0;
    note = `Hồ sơ trực tuyến ${viPercent(dossierShare)}, dưới ${viPercent(partialBp)}.`;
  }
  return value(points, note, facts, TT01_RULES.cs9);
}

/**
 * Indicator 8 from data (Điều 13, chỉ số 8): no PAKN → 2; any long-running case → 0; 100% on time
 * → 2; ≥ 90% → 1; else 0 (percentages from the scheme).
 */
export function scoreCs8FromData(
  scheme: Tt01Scheme,
  input: { feedbackTotal: number; feedbackOnTime: number; longRunning: number },
): AgencyIndicatorValue {
  const fullBp = percentToBp(scheme.cs8.fullPercent);
  const partialBp = percentToBp(scheme.cs8.partialPercent);
  if (input.feedbackTotal === 0) {
    return value(
      2,
      'Không có phản ánh, kiến nghị trong kỳ.',
      ['Không có phản ánh, kiến nghị trong kỳ → 2 điểm.'],
      TT01_RULES.cs8,
    );
  }
  const share = shareBp(input.feedbackOnTime, input.feedbackTotal);
  const facts = [
    `${input.feedbackOnTime}/${input.feedbackTotal} phản ánh, kiến nghị xử lý đúng hạn (${viPercent(share)}; ngưỡng ${viPercent(fullBp)} cho 2 điểm, ${viPercent(partialBp)} cho 1 điểm).`,
    input.longRunning === 0
      ? 'Không có vụ việc kéo dài.'
      : `${input.longRunning} phản ánh, kiến nghị kéo dài.`,
  ];
  let points: Points;
  if (input.longRunning > 0) points = 0;
  else if (reachesShare(input.feedbackOnTime, input.feedbackTotal, fullBp)) points = 2;
  else if (reachesShare(input.feedbackOnTime, input.feedbackTotal, partialBp)) points = 1;
  else points = 0;
  const note =
    input.longRunning > 0
      ? `Có ${input.longRunning} phản ánh, kiến nghị kéo dài.`
      : `${viPercent(share)} phản ánh, kiến nghị xử lý đúng hạn.`;
  return value(points, note, facts, TT01_RULES.cs8);
}
