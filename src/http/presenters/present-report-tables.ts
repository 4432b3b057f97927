import type { PeriodScoredDossier } from '#app/scoring/list-period-scored-dossiers.ts';
import { toLocalDate } from '#domain/calendar/time.ts';
import type { Period } from '#domain/periods/period.ts';
import type {
  AgencyScoresView,
  OfficialScoresView,
  Qd766View,
  SatisfactionView,
} from '#shared/score.view.ts';
import { QUESTIONNAIRE, SATISFACTION_LEVELS } from '#shared/questionnaire.ts';
import {
  displayDate,
  type ReportChart,
  type ReportColumn,
  type ReportRow,
  type ReportTable,
} from '../../documents/report-table.ts';

/**
 * The score tables as report tables (src/documents/report-table.ts), built from the views the
 * JSON API answers — the same presented numbers, never recomputed — so an exported file holds
 * exactly what `GET /api/v1/scores/…` shows for the same period and scope.
 */

/** What the period line says: the period, and the subtree when the report is scoped. */
export interface ReportScope {
  period: Period;
  /** The agency whose subtree the report is limited to; null for every agency. */
  agencyName: string | null;
}

/** Indicator names (Thông tư 01/2018/TT-VPCP Điều 13), as the web's legend names them. */
const TT01_INDICATORS = {
  cs1: 'Thời gian giải quyết',
  cs2: 'Thời gian xử lý của từng đơn vị',
  cs3: 'Số lần liên hệ để hoàn thiện hồ sơ',
  cs4: 'Số cơ quan phải liên hệ',
  cs5: 'Tiếp nhận, giải quyết tại Bộ phận Một cửa',
  cs6: 'Công khai thủ tục hành chính',
  cs7: 'Thái độ của công chức',
  cs8: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
  cs9: 'Dịch vụ công trực tuyến',
} as const;
type Tt01Indicator = keyof typeof TT01_INDICATORS;

const AGENCY_INDICATORS = ['cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cs7', 'cs8', 'cs9'] as const;
const OFFICIAL_INDICATORS = ['cs1', 'cs2', 'cs3', 'cs4', 'cs7'] as const;
const DOSSIER_INDICATORS = ['cs1', 'cs2', 'cs3', 'cs4', 'cs6', 'cs7'] as const;

const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

/** "Quý III/2025", "Năm 2025", or the dates of a custom range. */
function periodName(period: Period): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period.key);
  if (quarter) return `Quý ${ROMAN[Number(quarter[2])] ?? quarter[2]}/${quarter[1]}`;
  if (/^\d{4}$/.test(period.key)) return `Năm ${period.key}`;
  return `Từ ngày ${displayDate(period.from)} đến ngày ${displayDate(period.to)}`;
}

/** "Kỳ đánh giá: Quý III/2025 (từ 01/07/2025 đến 30/09/2025) — Sở Tư pháp và các đơn vị trực thuộc". */
export function periodLine(scope: ReportScope): string {
  const { period } = scope;
  const name = periodName(period);
  const dates = name.startsWith('Từ ')
    ? ''
    : ` (từ ${displayDate(period.from)} đến ${displayDate(period.to)})`;
  const subtree = scope.agencyName === null ? '' : ` — ${scope.agencyName} và các đơn vị trực thuộc`;
  return `Kỳ đánh giá: ${name}${dates}${subtree}`;
}

/** The period in a file name: "2025-Q3", "2025" or "2025-07-01_2025-08-15". */
export function periodSlug(period: Period): string {
  return period.key.replace(/\.\./g, '_');
}

function schemeNote(scheme: { id: string; version: string; name: string }): string {
  return `Bộ tiêu chí: ${scheme.name} (mã ${scheme.id}, phiên bản ${scheme.version}).`;
}

function indicatorNames(indicators: readonly Tt01Indicator[]): string {
  return `Các chỉ số: ${indicators.map((indicator) => `${indicator.toUpperCase()} – ${TT01_INDICATORS[indicator]}`).join('; ')}.`;
}

const NOT_SCORED_NOTE =
  '"–": chưa đủ dữ liệu, không tính vào tổng (Thông tư 01/2018/TT-VPCP Điều 15 khoản 4).';
const AVERAGE_NOTE =
  'Điểm chỉ số = tổng điểm các hồ sơ / số hồ sơ, làm tròn một chữ số thập phân (Thông tư 01/2018/TT-VPCP Điều 15 khoản 2).';

/** The ranking chart: at most this many bars (the best ones), so it fits one page. */
const CHART_BARS = 30;

function rankingChart(
  title: string,
  rows: readonly { name: string; value: number }[],
  max: number,
): ReportChart {
  const shown = rows.slice(0, CHART_BARS);
  return {
    title: rows.length > shown.length ? `${title} (${shown.length} đơn vị đứng đầu)` : title,
    kind: 'ranking',
    categories: shown.map((row) => row.name),
    series: [{ name: 'Tổng điểm', values: shown.map((row) => row.value), color: '#1565c0' }],
    max,
  };
}

/** The agency table of a period (Thông tư 01/2018 Điều 15): 9 indicators, total /18, n/9, grade, rank. */
export function agencyReportTable(view: AgencyScoresView, scope: ReportScope): ReportTable {
  const group = 'Điểm các chỉ số (Thông tư 01/2018/TT-VPCP Điều 13)';
  const rescaled = view.rows.some((row) => row.rescaledTotal !== null);
  const columns: ReportColumn[] = [
    { header: 'Hạng', kind: 'integer', width: 6 },
    { header: 'Cơ quan, đơn vị', kind: 'text', width: 30 },
    { header: 'Mã', kind: 'text', width: 10 },
    { header: 'Số hồ sơ', kind: 'integer', width: 9 },
    ...AGENCY_INDICATORS.map((indicator): ReportColumn => ({
      header: indicator.toUpperCase(),
      kind: 'tenths',
      width: 6,
      group,
    })),
    { header: 'Tổng điểm (tối đa 18)', kind: 'tenths', width: 9 },
    ...(rescaled ? [{ header: 'Tổng điểm quy đổi', kind: 'tenths', width: 9 } satisfies ReportColumn] : []),
    { header: 'Số chỉ số được chấm (/9)', kind: 'integer', width: 9 },
    { header: 'Xếp loại', kind: 'text', width: 12 },
  ];
  const rows: ReportRow[] = view.rows.map((row) => [
    row.rank,
    row.agency.name,
    row.agency.code,
    row.dossiers,
    ...AGENCY_INDICATORS.map((indicator) => row.indicators[indicator].score),
    row.total,
    ...(rescaled ? [row.rescaledTotal] : []),
    row.scored,
    row.grade.label,
  ]);
  return {
    title: 'KẾT QUẢ ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA CƠ QUAN, ĐƠN VỊ',
    subtitle: periodLine(scope),
    columns,
    rows,
    footnotes: [
      schemeNote(view.scheme),
      indicatorNames(AGENCY_INDICATORS),
      AVERAGE_NOTE,
      `Tổng điểm tối đa 18 điểm; "Số chỉ số được chấm": n/9 chỉ số có dữ liệu; ${NOT_SCORED_NOTE}`,
      'Căn cứ: Thông tư 01/2018/TT-VPCP Điều 13–15; Nghị định 61/2018/NĐ-CP Chương VI.',
    ],
    charts:
      view.rows.length === 0
        ? []
        : [
            rankingChart(
              'Tổng điểm theo cơ quan, đơn vị',
              view.rows.map((row) => ({ name: row.agency.name, value: row.total })),
              18,
            ),
          ],
    sheetName: 'Cơ quan, đơn vị',
  };
}

/** The official table of a period (Điều 15 khoản 1, 3): indicators 1, 2, 3, 4, 7, total /10, class. */
export function officialReportTable(view: OfficialScoresView, scope: ReportScope): ReportTable {
  const group = 'Điểm các chỉ số (Thông tư 01/2018/TT-VPCP Điều 13)';
  const columns: ReportColumn[] = [
    { header: 'STT', kind: 'integer', width: 6 },
    { header: 'Cán bộ, công chức', kind: 'text', width: 24 },
    { header: 'Mã', kind: 'text', width: 9 },
    { header: 'Cơ quan, đơn vị', kind: 'text', width: 24 },
    ...OFFICIAL_INDICATORS.map((indicator): ReportColumn => ({
      header: indicator.toUpperCase(),
      kind: 'tenths',
      width: 6,
      group,
    })),
    { header: 'Tổng điểm (tối đa 10)', kind: 'tenths', width: 9 },
    { header: 'Số chỉ số được chấm (/5)', kind: 'integer', width: 9 },
    { header: 'Mức hoàn thành nhiệm vụ', kind: 'text', width: 20 },
  ];
  const rows: ReportRow[] = view.rows.map((row, index) => [
    index + 1,
    row.official.name,
    row.official.code,
    row.agency.name,
    ...OFFICIAL_INDICATORS.map((indicator) => row.indicators[indicator]),
    row.total,
    row.scored,
    row.class.label,
  ]);
  return {
    title: 'KẾT QUẢ ĐÁNH GIÁ CÁN BỘ, CÔNG CHỨC TRONG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    subtitle: periodLine(scope),
    columns,
    rows,
    footnotes: [
      schemeNote(view.scheme),
      indicatorNames(OFFICIAL_INDICATORS),
      AVERAGE_NOTE,
      `Tổng điểm tối đa 10 điểm; "Số chỉ số được chấm": n/5 chỉ số có dữ liệu; ${NOT_SCORED_NOTE}`,
      'Căn cứ: Thông tư 01/2018/TT-VPCP Điều 13, Điều 15 khoản 1 và 3.',
    ],
    charts: [],
    sheetName: 'Cán bộ, công chức',
  };
}

const hundredthsText = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** The Quyết định 766/QĐ-TTg index per agency: points per group, total /100, class, rank. */
export function qd766ReportTable(view: Qd766View, scope: ReportScope): ReportTable {
  const group = 'Điểm theo nhóm chỉ số';
  const groups = view.rows[0]?.groups ?? [];
  const max = view.rows[0]?.max ?? 100;
  const columns: ReportColumn[] = [
    { header: 'Hạng', kind: 'integer', width: 6 },
    { header: 'Cơ quan, đơn vị', kind: 'text', width: 30 },
    { header: 'Mã', kind: 'text', width: 10 },
    ...groups.map((g): ReportColumn => ({
      header: `Nhóm ${g.id}: ${g.name} (tối đa ${hundredthsText.format(g.max)})`,
      kind: 'hundredths',
      width: 14,
      group,
    })),
    { header: `Tổng điểm (tối đa ${hundredthsText.format(max)})`, kind: 'hundredths', width: 10 },
    { header: 'Xếp loại', kind: 'text', width: 14 },
  ];
  const rows: ReportRow[] = view.rows.map((row) => [
    row.rank,
    row.agency.name,
    row.agency.code,
    ...groups.map((g) => row.groups.find((candidate) => candidate.id === g.id)?.points ?? null),
    row.total,
    row.class.label,
  ]);
  return {
    title: 'CHỈ SỐ CHỈ ĐẠO, ĐIỀU HÀNH VÀ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP',
    subtitle: periodLine(scope),
    columns,
    rows,
    footnotes: [
      schemeNote(view.scheme),
      'Điểm và tỷ lệ làm tròn hai chữ số thập phân; chỉ số thành phần chưa có dữ liệu tính 0 điểm.',
      'Căn cứ: Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.',
    ],
    charts:
      view.rows.length === 0
        ? []
        : [
            rankingChart(
              'Tổng điểm Chỉ số phục vụ theo cơ quan, đơn vị',
              view.rows.map((row) => ({ name: row.agency.name, value: row.total })),
              max,
            ),
          ],
    sheetName: 'QD 766',
  };
}

const LEVEL_COLORS: Readonly<Record<(typeof SATISFACTION_LEVELS)[number], string>> = {
  '5': '#1b5e20',
  '4': '#66bb6a',
  '3': '#bdbdbd',
  '2': '#ef6c00',
  '1': '#b71c1c',
};

/** Citizen satisfaction of a period per agency (5 levels, and the 3-level view), with the overall row. */
export function satisfactionReportTable(view: SatisfactionView, scope: ReportScope): ReportTable {
  const levels = QUESTIONNAIRE.vi.levels;
  const countGroup = 'Số lượt đánh giá theo mức độ hài lòng';
  const shareGroup = 'Tỷ lệ theo 3 mức (%)';
  const columns: ReportColumn[] = [
    { header: 'STT', kind: 'integer', width: 6 },
    { header: 'Cơ quan, đơn vị', kind: 'text', width: 30 },
    { header: 'Mã', kind: 'text', width: 10 },
    { header: 'Tổng số lượt đánh giá', kind: 'integer', width: 10 },
    ...SATISFACTION_LEVELS.map((level): ReportColumn => ({
      header: levels[level],
      kind: 'integer',
      width: 10,
      group: countGroup,
    })),
    { header: 'Rất hài lòng', kind: 'percent', width: 10, group: shareGroup },
    { header: 'Hài lòng', kind: 'percent', width: 10, group: shareGroup },
    { header: 'Chưa hài lòng', kind: 'percent', width: 10, group: shareGroup },
  ];
  type Stats = SatisfactionView['overall'];
  const values = (stats: Stats) => [
    stats.total,
    ...SATISFACTION_LEVELS.map((level) => stats.counts[level]),
    stats.threeLevel.sharesPercent.rat_hai_long,
    stats.threeLevel.sharesPercent.hai_long,
    stats.threeLevel.sharesPercent.chua_hai_long,
  ];
  const rows: ReportRow[] = [
    ...view.agencies.map((row, index): ReportRow => [
      index + 1,
      row.agency.name,
      row.agency.code,
      ...values(row.stats),
    ]),
    ['', 'Tổng cộng', '', ...values(view.overall)],
  ];
  return {
    title: 'KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN, DOANH NGHIỆP',
    subtitle: periodLine(scope),
    columns,
    rows,
    footnotes: [
      'Mỗi hồ sơ tính một lượt đánh giá: lượt hợp lệ đầu tiên, với giá trị đã được điều chỉnh (nếu có).',
      '3 mức: "Rất hài lòng" (mức 5), "Hài lòng" (mức 4), "Chưa hài lòng" (mức 1–3); tỷ lệ làm tròn hai chữ số thập phân.',
      'Căn cứ: Nghị định 61/2018/NĐ-CP Điều 29; Thông tư 01/2018/TT-VPCP Điều 12.',
    ],
    charts:
      view.agencies.length === 0
        ? []
        : [
            {
              title:
                view.agencies.length > CHART_BARS
                  ? `Tỷ lệ các mức độ hài lòng theo cơ quan, đơn vị (%), ${CHART_BARS} đơn vị đầu danh sách`
                  : 'Tỷ lệ các mức độ hài lòng theo cơ quan, đơn vị (%)',
              kind: 'stacked',
              categories: view.agencies.slice(0, CHART_BARS).map((row) => row.agency.name),
              series: SATISFACTION_LEVELS.map((level) => ({
                name: levels[level],
                values: view.agencies.slice(0, CHART_BARS).map((row) => row.stats.sharesPercent[level]),
                color: LEVEL_COLORS[level],
              })),
              max: 100,
            },
          ],
    sheetName: 'Mức độ hài lòng',
  };
}

const TIMELINESS: Readonly<Record<string, string>> = {
  early: 'Sớm hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
};

function localDay(date: Date | null): string {
  return date === null ? '' : displayDate(toLocalDate(date.getTime()));
}

/** The scored dossiers of a period, one row each, streamed page by page from the database. */
export function dossierReportTable(
  pages: AsyncIterable<readonly PeriodScoredDossier[]>,
  scope: ReportScope,
): ReportTable {
  const group = 'Điểm từng chỉ số (0–2)';
  const columns: ReportColumn[] = [
    { header: 'STT', kind: 'integer', width: 7 },
    { header: 'Cơ quan, đơn vị', kind: 'text', width: 16 },
    { header: 'Mã hồ sơ', kind: 'text', width: 28 },
    { header: 'Thủ tục hành chính', kind: 'text', width: 19 },
    { header: 'Ngày tiếp nhận', kind: 'text', width: 11 },
    { header: 'Ngày có kết quả', kind: 'text', width: 11 },
    { header: 'Tiến độ', kind: 'text', width: 8 },
    ...DOSSIER_INDICATORS.map((indicator): ReportColumn => ({
      header: indicator.toUpperCase(),
      kind: 'integer',
      width: 5,
      group,
    })),
    { header: 'Bộ tiêu chí', kind: 'text', width: 10 },
    { header: 'Phiên bản', kind: 'text', width: 6 },
  ];
  async function* rows(): AsyncGenerator<readonly ReportRow[]> {
    let n = 0;
    for await (const page of pages) {
      yield page.map((dossier): ReportRow => {
        n += 1;
        return [
          n,
          dossier.agencyName,
          dossier.code,
          dossier.procedureName,
          localDay(dossier.receivedAt),
          localDay(dossier.finishedAt),
          dossier.timeliness === null ? '' : (TIMELINESS[dossier.timeliness] ?? dossier.timeliness),
          ...DOSSIER_INDICATORS.map((indicator) => dossier[indicator]),
          dossier.schemeId,
          dossier.schemeVersion,
        ];
      });
    }
  }
  return {
    title: 'DANH SÁCH HỒ SƠ ĐƯỢC CHẤM ĐIỂM',
    subtitle: periodLine(scope),
    columns,
    rows: rows(),
    footnotes: [
      indicatorNames(DOSSIER_INDICATORS),
      'Bộ tiêu chí, phiên bản: mã và phiên bản của bộ tiêu chí đã chấm hồ sơ (bộ có hiệu lực vào ngày tiếp nhận).',
      'Điểm của từng hồ sơ theo Thông tư 01/2018/TT-VPCP Điều 13 (0, 1 hoặc 2 điểm); "–": chỉ số không chấm cho hồ sơ này.',
      'Căn cứ: Thông tư 01/2018/TT-VPCP Điều 13–15.',
    ],
    charts: [],
    sheetName: 'Hồ sơ được chấm điểm',
  };
}
