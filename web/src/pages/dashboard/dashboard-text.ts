import { formatCount, type Lang } from '../../i18n.ts';

const vi = {
  nav: 'Tổng quan',
  title: 'Tổng quan',
  intro:
    'Số liệu của kỳ đang xem cho các cơ quan, đơn vị bạn được xem. Bấm vào biểu đồ để xem chi tiết: cơ quan → cán bộ → hồ sơ → giải thích điểm.',
  received: (n: number) => `${formatCount('vi', n)} lượt đánh giá đã nhận`,
  counting: (n: number) => `${formatCount('vi', n)} lượt được tính`,
  latest: (at: string) => `mới nhất lúc ${at}`,
  noneYet: 'chưa có lượt đánh giá nào',
  live: 'Cập nhật trực tiếp',
  liveTitle: 'Trang tự cập nhật khi có lượt đánh giá mới.',
  offline: 'Tạm mất kết nối cập nhật trực tiếp — đang thử lại',
  refreshing: 'Đang cập nhật…',
  showData: 'Xem số liệu dạng bảng',
  loadingChart: 'Đang tải biểu đồ…',
  chartFailed: 'Không tải được biểu đồ; số liệu vẫn có trong bảng bên dưới.',
  trend: {
    title: 'Tiến độ giải quyết theo tháng',
    label: (period: string) => `Số hồ sơ đã giải quyết theo tháng, ${period}: sớm hạn, đúng hạn, trễ hạn`,
    month: 'Tháng',
    monthName: (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`,
    total: 'Tổng',
    onTimeShare: 'Sớm và đúng hạn',
    note: 'Hồ sơ tính vào tháng có kết quả giải quyết; so với hạn giải quyết theo quy định.',
  },
  satisfaction: {
    title: 'Mức độ hài lòng',
    label: (period: string, n: number) =>
      `Phân bố ${formatCount('vi', n)} lượt đánh giá được tính theo 5 mức, ${period}`,
    level: 'Mức',
    count: 'Số lượt',
    share: 'Tỷ lệ',
  },
  ranking: {
    title: 'Xếp hạng cơ quan, đơn vị',
    label: (period: string) => `Tổng điểm (trên 18) của các cơ quan, đơn vị, ${period}, theo thứ hạng`,
    hint: 'Bấm vào một cơ quan để xem cán bộ, công chức của cơ quan đó.',
    rank: 'Hạng',
    agency: 'Cơ quan, đơn vị',
    total: 'Tổng điểm',
    grade: 'Xếp loại',
    officials: (agency: string) => `Cán bộ, công chức của ${agency}`,
  },
  heatmap: {
    title: 'Điểm từng chỉ số theo cơ quan',
    label: (period: string) =>
      `Bản đồ nhiệt: điểm (0–2) của 9 chỉ số Thông tư 01/2018 theo cơ quan, đơn vị, ${period}`,
    hint: 'Bấm vào một ô để xem điểm của cơ quan đó và hồ sơ phía sau. Ô trống: chỉ số chưa được chấm.',
    notScored: 'chưa chấm',
    detail: (agency: string) => `Điểm của ${agency}`,
  },
  integrity: {
    title: 'Dấu hiệu bất thường',
    label: (from: string, to: string) => `Số dấu hiệu bất thường theo loại, từ ${from} đến ${to}`,
    hint: 'Bấm vào một loại để mở trang dấu hiệu bất thường.',
    kind: 'Loại dấu hiệu',
    signals: 'Số dấu hiệu',
    ratings: 'Số lượt đánh giá liên quan',
    open: 'Xem chi tiết dấu hiệu bất thường',
  },
  empty: 'Không có số liệu trong kỳ này.',
};

export type DashboardText = typeof vi;

const en: DashboardText = {
  nav: 'Overview',
  title: 'Overview',
  intro:
    'Figures of the selected period for the agencies you may see. Click a chart to drill down: agency → official → dossier → score explanation.',
  received: (n: number) => `${formatCount('en', n)} ratings received`,
  counting: (n: number) => `${formatCount('en', n)} counted`,
  latest: (at: string) => `latest at ${at}`,
  noneYet: 'no ratings yet',
  live: 'Live',
  liveTitle: 'The page updates itself when a new rating arrives.',
  offline: 'Live updates interrupted — reconnecting',
  refreshing: 'Updating…',
  showData: 'Show the figures as a table',
  loadingChart: 'Loading chart…',
  chartFailed: 'The chart could not be loaded; the figures are in the table below.',
  trend: {
    title: 'Processing timeliness per month',
    label: (period: string) => `Dossiers finished per month, ${period}: early, on time, late`,
    month: 'Month',
    monthName: (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`,
    total: 'Total',
    onTimeShare: 'Early or on time',
    note: 'A dossier counts in the month its result was ready, against its legal due date.',
  },
  satisfaction: {
    title: 'Citizen satisfaction',
    label: (period: string, n: number) => `${formatCount('en', n)} counted ratings on 5 levels, ${period}`,
    level: 'Level',
    count: 'Ratings',
    share: 'Share',
  },
  ranking: {
    title: 'Agency ranking',
    label: (period: string) => `Total score (of 18) of the agencies, ${period}, by rank`,
    hint: 'Click an agency to see its officials.',
    rank: 'Rank',
    agency: 'Agency',
    total: 'Total',
    grade: 'Grade',
    officials: (agency: string) => `Officials of ${agency}`,
  },
  heatmap: {
    title: 'Indicator scores per agency',
    label: (period: string) =>
      `Heatmap: points (0–2) of the 9 indicators of Circular 01/2018 per agency, ${period}`,
    hint: "Click a cell to see that agency's scores and the dossiers behind them. Empty: not scored.",
    notScored: 'not scored',
    detail: (agency: string) => `Scores of ${agency}`,
  },
  integrity: {
    title: 'Integrity signals',
    label: (from: string, to: string) => `Integrity signals per kind, ${from} to ${to}`,
    hint: 'Click a kind to open the integrity signals page.',
    kind: 'Kind of signal',
    signals: 'Signals',
    ratings: 'Ratings concerned',
    open: 'Open the integrity signals',
  },
  empty: 'No figures for this period.',
};

/** Words of the dashboard (kept beside it, like the devices and audit pages; shared labels come from i18n.ts). */
export const DASHBOARD_TEXT: Readonly<Record<Lang, DashboardText>> = { vi, en };

/** The dashboard's words in `lang`. */
export function dashboardText(lang: Lang): DashboardText {
  return DASHBOARD_TEXT[lang];
}
