/**
 * The public pages' own words (a small dictionary of their own, so that the public bundle carries
 * none of the back office's). Vietnamese first; English for visitors who ask for it.
 */
export type PublicLang = 'vi' | 'en';

const vi = {
  lang: 'vi' as PublicLang,
  appName: 'HàiLòng',
  title: 'Công khai kết quả đánh giá',
  subtitle:
    'Kết quả đánh giá việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông (Thông tư 01/2018/TT-VPCP, Điều 16).',
  switchTo: 'English',
  switchLabel: 'Switch to English',
  loading: 'Đang tải…',
  empty: 'Chưa có kết quả nào được công bố',
  emptyHint: 'Kết quả được công bố sau khi cơ quan tổng hợp chốt số liệu của kỳ đánh giá.',
  error: 'Không tải được dữ liệu',
  networkError: 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
  retry: 'Thử lại',
  period: 'Kỳ đánh giá',
  version: 'Phiên bản',
  versionOption: (v: number, latest: boolean) => `Phiên bản ${v}${latest ? ' (mới nhất)' : ''}`,
  periodLabel: (key: string) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
    return quarter === null ? `Năm ${key}` : `Quý ${quarter[2]} năm ${quarter[1]}`;
  },
  rankingHeading: (period: string) => `Xếp hạng cơ quan, đơn vị — ${period}`,
  publishedAt: 'Công bố lúc',
  newerVersion: 'Đã có phiên bản mới hơn',
  seeLatest: (v: number) => `Xem phiên bản ${v}`,
  versionsHeading: 'Các phiên bản đã công bố',
  firstVersion: 'Công bố lần đầu',
  reason: 'Lý do công bố lại',
  rank: 'Hạng',
  agency: 'Cơ quan, đơn vị',
  total: 'Tổng điểm (/18)',
  scored: 'Số chỉ số (n/9)',
  grade: 'Xếp loại',
  chartLabel: (period: string) => `Biểu đồ thanh: tổng điểm của từng cơ quan, đơn vị, ${period}`,
  tableSummary: 'Xem số liệu dạng bảng',
  chartFailed: 'Không tải được biểu đồ; số liệu có trong bảng dưới đây.',
  aboutHeading: 'Bộ chỉ số, mốc kiểm toán và dữ liệu mở',
  scheme: 'Bộ chỉ số',
  checkpoint: 'Mốc kiểm toán (checkpoint)',
  checkpointAt: 'Thời điểm',
  checkpointHead: 'Đầu chuỗi hệ thống (seq, hash)',
  checkpointChains: (n: number) => `${n} chuỗi nhật ký`,
  checkpointDownload: 'Tải mốc kiểm toán đã ký (JSON)',
  openData: 'Dữ liệu mở',
  downloadJson: 'Tải dữ liệu mở (JSON)',
  downloadCsv: 'Tải bảng xếp hạng (CSV)',
  sha256: 'SHA-256 của tệp JSON',
  recompute: 'Tự tính lại bảng xếp hạng từ tệp JSON:',
  noPersonalData: 'Dữ liệu công khai không chứa thông tin cá nhân của công dân hay cán bộ.',
  agencyHeading: 'Kết quả qua các kỳ',
  backHome: '← Bảng xếp hạng',
  agencyChartLabel: (name: string) =>
    `Biểu đồ thanh: tổng điểm của ${name} qua các kỳ đã công bố, tô màu theo xếp loại`,
  gradeLegend: 'Màu theo xếp loại',
  indicatorsHeading: 'Điểm 9 chỉ số theo kỳ',
  indicator: (n: number) => `Chỉ số ${n}`,
  rankOf: (rank: number, of: number) => `${rank}/${of}`,
  notScored: '—',
  notFound: 'Không tìm thấy',
  footer: 'Kết quả đã công bố không thay đổi; mỗi lần công bố lại là một phiên bản mới có ghi lý do.',
  errors: {} as Partial<Record<string, string>>,
};

export type PublicText = typeof vi;

const en: PublicText = {
  lang: 'en',
  appName: 'HàiLòng',
  title: 'Published evaluation results',
  subtitle:
    'Results of the evaluation of administrative procedures handled through the one-stop shop (Circular 01/2018/TT-VPCP, Article 16).',
  switchTo: 'Tiếng Việt',
  switchLabel: 'Chuyển sang tiếng Việt',
  loading: 'Loading…',
  empty: 'No results have been published yet',
  emptyHint: 'Results are published once the provincial office has closed the figures of a period.',
  error: 'The data could not be loaded',
  networkError: 'The server could not be reached. Check the network and try again.',
  retry: 'Try again',
  period: 'Period',
  version: 'Version',
  versionOption: (v: number, latest: boolean) => `Version ${v}${latest ? ' (latest)' : ''}`,
  periodLabel: (key: string) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
    return quarter === null ? `Year ${key}` : `Q${quarter[2]} ${quarter[1]}`;
  },
  rankingHeading: (period: string) => `Ranking of agencies — ${period}`,
  publishedAt: 'Published at',
  newerVersion: 'A newer version exists',
  seeLatest: (v: number) => `See version ${v}`,
  versionsHeading: 'Published versions',
  firstVersion: 'First publication',
  reason: 'Reason for publishing again',
  rank: 'Rank',
  agency: 'Agency',
  total: 'Total (/18)',
  scored: 'Indicators (n/9)',
  grade: 'Grade',
  chartLabel: (period: string) => `Bar chart: total score of each agency, ${period}`,
  tableSummary: 'Show the figures as a table',
  chartFailed: 'The chart could not be loaded; the figures are in the table below.',
  aboutHeading: 'Scheme, audit checkpoint and open data',
  scheme: 'Scheme',
  checkpoint: 'Audit checkpoint',
  checkpointAt: 'Time',
  checkpointHead: 'System chain head (seq, hash)',
  checkpointChains: (n: number) => `${n} log chains`,
  checkpointDownload: 'Download the signed checkpoint (JSON)',
  openData: 'Open data',
  downloadJson: 'Download the open data (JSON)',
  downloadCsv: 'Download the ranking (CSV)',
  sha256: 'SHA-256 of the JSON file',
  recompute: 'Recompute the ranking yourself from the JSON file:',
  noPersonalData: 'The public data holds no personal data of citizens or officials.',
  agencyHeading: 'Results over time',
  backHome: '← Ranking',
  agencyChartLabel: (name: string) =>
    `Bar chart: total score of ${name} in each published period, coloured by grade`,
  gradeLegend: 'Colour by grade',
  indicatorsHeading: 'The 9 indicators per period',
  indicator: (n: number) => `Indicator ${n}`,
  rankOf: (rank: number, of: number) => `${rank} of ${of}`,
  notScored: '—',
  notFound: 'Not found',
  footer: 'Published results never change; publishing again makes a new version with its reason.',
  errors: {
    NOT_FOUND: 'Not found.',
    PUBLICATION_NOT_FOUND: 'No published results for this period (or this version).',
    PUBLICATION_AGENCY_NOT_FOUND: 'This agency is not in any published results.',
    RATE_LIMITED: 'Too many requests. Please wait a moment and try again.',
    INTERNAL: 'Internal server error.',
  },
};

export const PUBLIC_TEXT: Readonly<Record<PublicLang, PublicText>> = { vi, en };

/** A score with one decimal (the server has rounded it, Thông tư 01/2018 Điều 15 khoản 2). */
export function formatScore(lang: PublicLang, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** An instant in Vietnam's time: dd/mm/yyyy hh:mm. */
export function formatInstant(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** Colours of the grades (Điều 15 khoản 3), dark enough for white text and distinct in grey. */
export const GRADE_COLORS: Readonly<Record<string, string>> = {
  xuat_sac: '#1d6b34',
  tot: '#0a58a8',
  kha: '#6a4c93',
  trung_binh: '#8a4b00',
  yeu: '#8a1c1c',
};

export function gradeColor(code: string): string {
  return GRADE_COLORS[code] ?? '#4a5566';
}
