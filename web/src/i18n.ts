import type { ProcedureInput } from '#shared/catalog.schema.ts';
import type { DossierEventInput, ListDossiersQuery } from '#shared/dossier.schema.ts';
import type { DossierSummary } from '#shared/dossier.view.ts';

/** The two interface languages; Vietnamese is the default (glossary: UI text is Vietnamese first). */
export type Lang = 'vi' | 'en';
export const LANGS = ['vi', 'en'] as const satisfies readonly Lang[];

export type DossierStatus = DossierSummary['status'];
export type Channel = DossierSummary['channel'];
export type TimelinessFilter = NonNullable<ListDossiersQuery['timeliness']>;
export type TimeLimitUnit = ProcedureInput['timeLimitUnit'];
export type EventType = DossierEventInput['type'] | 'received';
export type SupplementStage = Extract<DossierEventInput, { type: 'supplement_requested' }>['stage'];
export type StopKind = Extract<DossierEventInput, { type: 'stopped' }>['kind'];

/** Order of the status filter's options (every status once; checked by `Messages['status']`). */
export const STATUS_ORDER = [
  'received',
  'processing',
  'awaiting_supplement',
  'finished',
  'returned',
  'refused',
  'stopped',
] as const satisfies readonly DossierStatus[];

/** Order of the timeliness filter's options: finished dossiers first, then open ones. */
export const TIMELINESS_ORDER = [
  'early',
  'on_time',
  'late',
  'within_time',
  'overdue',
] as const satisfies readonly TimelinessFilter[];

/** The server already answers in Vietnamese: no overrides needed. */
const VI_ERROR_MESSAGES: Partial<Record<string, string>> = {};

const vi = {
  appName: 'HàiLòng',
  appTagline: 'Đánh giá giải quyết thủ tục hành chính',
  skipToContent: 'Bỏ qua, đến nội dung chính',
  nav: { label: 'Điều hướng chính', dossiers: 'Hồ sơ' },
  /** The switch shows the *other* language, written in that language. */
  switchTo: { label: 'English', title: 'Switch the interface to English' },
  loading: 'Đang tải…',
  none: '—',
  yes: 'Có',
  no: 'Không',
  notFoundPage: {
    title: 'Không tìm thấy trang',
    body: 'Địa chỉ này không có trong hệ thống.',
    back: 'Về danh sách hồ sơ',
  },
  list: {
    title: 'Danh sách hồ sơ',
    filters: 'Tìm kiếm và lọc hồ sơ',
    code: 'Mã hồ sơ',
    codeHint: 'Nhập toàn bộ hoặc một phần mã, ví dụ 250602',
    agency: 'Cơ quan, đơn vị',
    agencyHint: 'Gồm cả các đơn vị trực thuộc',
    allAgencies: 'Tất cả cơ quan, đơn vị',
    status: 'Trạng thái',
    allStatuses: 'Tất cả',
    timeliness: 'Tiến độ',
    allTimeliness: 'Tất cả',
    finishedGroup: 'Đã có kết quả',
    openGroup: 'Đang giải quyết',
    from: 'Tiếp nhận từ ngày',
    to: 'Tiếp nhận đến ngày',
    dateOrder: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
    dateInvalid: 'Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 02/06/2025.',
    datePlaceholder: 'dd/mm/yyyy',
    dateHint: 'Ngày nhập theo dạng ngày/tháng/năm (dd/mm/yyyy).',
    submit: 'Tìm kiếm',
    reset: 'Xóa bộ lọc',
    results: 'Kết quả tìm kiếm',
    total: (n: number) => `Tìm thấy ${formatCount('vi', n)} hồ sơ`,
    range: (first: number, last: number, n: number) =>
      `Hiển thị ${formatCount('vi', first)}–${formatCount('vi', last)} trên tổng số ${formatCount('vi', n)}`,
    empty: 'Không có hồ sơ nào phù hợp với điều kiện tìm kiếm.',
    pageOutOfRange: 'Trang này không còn hồ sơ nào.',
    firstPage: 'Về trang đầu',
    agenciesFailed: 'Không tải được danh sách cơ quan, đơn vị.',
    columns: {
      code: 'Mã hồ sơ',
      procedure: 'Thủ tục',
      agency: 'Cơ quan, đơn vị',
      channel: 'Hình thức',
      received: 'Tiếp nhận',
      due: 'Hạn giải quyết',
      status: 'Trạng thái',
      timeliness: 'Tiến độ',
    },
    pagination: 'Phân trang',
    page: (page: number, pages: number) => `Trang ${formatCount('vi', page)}/${formatCount('vi', pages)}`,
    previous: 'Trang trước',
    next: 'Trang sau',
    pageSize: 'Số hồ sơ mỗi trang',
    rescheduled: (date: string) => `hẹn lại ${date}`,
  },
  detail: {
    title: 'Chi tiết hồ sơ',
    codePrefix: 'Hồ sơ',
    back: 'Danh sách hồ sơ',
    notFound: 'Không tìm thấy hồ sơ này. Có thể mã hoặc đường dẫn không đúng.',
    general: 'Thông tin chung',
    procedure: 'Thủ tục hành chính',
    sector: 'Lĩnh vực',
    timeLimit: 'Thời hạn giải quyết theo quy định',
    agency: 'Cơ quan, đơn vị tiếp nhận',
    channel: 'Hình thức nộp',
    receivedAt: 'Thời điểm tiếp nhận',
    receivingOfficial: 'Cán bộ tiếp nhận',
    dueDates: 'Thời hạn và tiến độ',
    dueInitial: 'Hạn giải quyết ban đầu',
    dueLegal: 'Hạn giải quyết theo quy định',
    dueLegalHint: 'Tính lại từ đầu sau mỗi lần bổ sung hồ sơ',
    dueRescheduled: 'Ngày hẹn lại (thư xin lỗi)',
    apologyLate: 'Xin lỗi muộn',
    apologyLateHint: 'Thư xin lỗi phải gửi chậm nhất 01 ngày trước hạn',
    timelinessLegal: 'Tiến độ so với hạn quy định',
    timelinessRescheduled: 'Tiến độ so với ngày hẹn lại',
    openTimeliness: 'Tình trạng hiện tại',
    finishedAt: 'Thời điểm có kết quả',
    returnedAt: 'Thời điểm trả kết quả',
    at: (time: string) => `lúc ${time}`,
    explanation: 'Căn cứ tính hạn',
    explanationNote: 'Diễn giải của hệ thống, kèm điều khoản áp dụng',
    paidOnline: 'Thanh toán trực tuyến',
    digitised: 'Thành phần hồ sơ đã số hóa',
    electronicResult: 'Kết quả điện tử',
    timeline: 'Diễn biến xử lý',
    timelineEmpty: 'Chưa có sự kiện nào.',
    official: 'Cán bộ',
    steps: 'Các bước xử lý liên thông',
    stepsEmpty: 'Hồ sơ chưa qua bước xử lý nào giữa các đơn vị.',
    stepColumns: {
      seq: 'STT',
      unit: 'Đơn vị',
      official: 'Cán bộ',
      allotted: 'Thời gian cho phép',
      received: 'Nhận',
      due: 'Hạn',
      handedOver: 'Bàn giao',
      timeliness: 'Tiến độ',
    },
    supplements: 'Yêu cầu bổ sung hồ sơ',
    supplementsEmpty: 'Không có yêu cầu bổ sung.',
    supplementColumns: {
      seq: 'Lần',
      requested: 'Ngày yêu cầu',
      stage: 'Giai đoạn',
      reason: 'Lý do',
      applicantAtFault: 'Lỗi của người nộp',
      completed: 'Ngày bổ sung',
    },
    notCompleted: 'Chưa bổ sung',
    notHandedOver: 'Chưa bàn giao',
    details: {
      channel: 'Hình thức',
      toAgency: 'Chuyển đến',
      unit: 'Đơn vị',
      allotted: 'Thời gian cho phép',
      reason: 'Lý do',
      applicantAtFault: 'Lỗi của người nộp',
      stage: 'Giai đoạn',
      kind: 'Hình thức',
      newDueDate: 'Ngày hẹn mới',
      amount: 'Số tiền',
      components: 'Số thành phần',
      source: 'Nguồn',
    },
  },
  status: {
    received: 'Đã tiếp nhận',
    processing: 'Đang xử lý',
    awaiting_supplement: 'Chờ bổ sung',
    finished: 'Đã có kết quả',
    returned: 'Đã trả kết quả',
    refused: 'Từ chối',
    stopped: 'Dừng hoặc rút',
  } satisfies Record<DossierStatus, string>,
  channel: {
    in_person: 'Trực tiếp',
    post: 'Bưu chính',
    online: 'Trực tuyến',
  } satisfies Record<Channel, string>,
  timeliness: {
    early: 'Sớm hạn',
    on_time: 'Đúng hạn',
    late: 'Trễ hạn',
    within_time: 'Trong hạn',
    overdue: 'Quá hạn',
  } satisfies Record<TimelinessFilter, string>,
  unit: {
    working_days: (n: number) => `${formatCount('vi', n)} ngày làm việc`,
    calendar_days: (n: number) => `${formatCount('vi', n)} ngày`,
    hours: (n: number) => `${formatCount('vi', n)} giờ làm việc`,
  } satisfies Record<TimeLimitUnit, (n: number) => string>,
  event: {
    received: 'Tiếp nhận',
    forwarded: 'Chuyển xử lý',
    step_received: 'Đơn vị nhận xử lý',
    step_handed_over: 'Bàn giao',
    supplement_requested: 'Yêu cầu bổ sung',
    supplement_completed: 'Đã bổ sung',
    refused: 'Từ chối',
    stopped: 'Dừng hoặc rút',
    apology_issued: 'Xin lỗi và hẹn lại',
    finished: 'Có kết quả',
    result_returned: 'Trả kết quả',
    paid_online: 'Thanh toán trực tuyến',
    digitised: 'Số hóa',
    electronic_result_issued: 'Kết quả điện tử',
  } satisfies Record<EventType, string>,
  stage: {
    receipt_check: 'Kiểm tra khi tiếp nhận',
    appraisal: 'Thẩm định',
  } satisfies Record<SupplementStage, string>,
  stopKind: {
    stopped: 'Dừng giải quyết',
    withdrawn: 'Rút hồ sơ',
  } satisfies Record<StopKind, string>,
  source: {
    api: 'API',
    import: 'Nhập từ tệp',
    ui: 'Trang quản trị',
    seed: 'Dữ liệu mẫu',
  },
  errors: {
    title: 'Đã có lỗi',
    network: 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    problems: 'Chi tiết',
    /** Messages by API error code; other codes show the server's (Vietnamese) message. */
    codes: VI_ERROR_MESSAGES,
  },
};

/** Every interface string; `en` must provide exactly the same keys as `vi`. */
export type Messages = typeof vi;

const en: Messages = {
  appName: 'HàiLòng',
  appTagline: 'Evaluation of administrative procedure handling',
  skipToContent: 'Skip to main content',
  nav: { label: 'Main navigation', dossiers: 'Dossiers' },
  switchTo: { label: 'Tiếng Việt', title: 'Chuyển giao diện sang tiếng Việt' },
  loading: 'Loading…',
  none: '—',
  yes: 'Yes',
  no: 'No',
  notFoundPage: {
    title: 'Page not found',
    body: 'This address does not exist.',
    back: 'Back to the dossier list',
  },
  list: {
    title: 'Dossier list',
    filters: 'Search and filter dossiers',
    code: 'Dossier code',
    codeHint: 'The whole code or part of it, e.g. 250602',
    agency: 'Agency or unit',
    agencyHint: 'Includes its subordinate units',
    allAgencies: 'All agencies and units',
    status: 'Status',
    allStatuses: 'All',
    timeliness: 'Timeliness',
    allTimeliness: 'All',
    finishedGroup: 'Finished',
    openGroup: 'In progress',
    from: 'Received from',
    to: 'Received until',
    dateOrder: 'The start date must be on or before the end date.',
    dateInvalid: 'Not a valid date: type day/month/year, e.g. 02/06/2025.',
    datePlaceholder: 'dd/mm/yyyy',
    dateHint: 'Dates are typed day/month/year (dd/mm/yyyy).',
    submit: 'Search',
    reset: 'Clear filters',
    results: 'Search results',
    total: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'dossier' : 'dossiers'} found`,
    range: (first: number, last: number, n: number) =>
      `Showing ${formatCount('en', first)}–${formatCount('en', last)} of ${formatCount('en', n)}`,
    empty: 'No dossier matches these criteria.',
    pageOutOfRange: 'This page has no dossiers any more.',
    firstPage: 'Back to the first page',
    agenciesFailed: 'The list of agencies could not be loaded.',
    columns: {
      code: 'Code',
      procedure: 'Procedure',
      agency: 'Agency',
      channel: 'Channel',
      received: 'Received',
      due: 'Due date',
      status: 'Status',
      timeliness: 'Timeliness',
    },
    pagination: 'Pagination',
    page: (page: number, pages: number) => `Page ${formatCount('en', page)} of ${formatCount('en', pages)}`,
    previous: 'Previous page',
    next: 'Next page',
    pageSize: 'Dossiers per page',
    rescheduled: (date: string) => `rescheduled to ${date}`,
  },
  detail: {
    title: 'Dossier detail',
    codePrefix: 'Dossier',
    back: 'Dossier list',
    notFound: 'This dossier was not found. The code or the link may be wrong.',
    general: 'General information',
    procedure: 'Administrative procedure',
    sector: 'Sector',
    timeLimit: 'Legal time limit',
    agency: 'Receiving agency',
    channel: 'Channel',
    receivedAt: 'Received at',
    receivingOfficial: 'Received by',
    dueDates: 'Due dates and timeliness',
    dueInitial: 'Initial due date',
    dueLegal: 'Legal due date',
    dueLegalHint: 'Restarts from the beginning after each supplement',
    dueRescheduled: 'Rescheduled date (apology letter)',
    apologyLate: 'Late apology',
    apologyLateHint: 'The apology must be sent at least one day before the due date',
    timelinessLegal: 'Timeliness against the legal due date',
    timelinessRescheduled: 'Timeliness against the rescheduled date',
    openTimeliness: 'Current state',
    finishedAt: 'Result ready at',
    returnedAt: 'Result returned at',
    at: (time: string) => `at ${time}`,
    explanation: 'How the due date was computed',
    explanationNote: 'Explanation given by the system, in Vietnamese, with the articles applied',
    paidOnline: 'Paid online',
    digitised: 'Digitised components',
    electronicResult: 'Electronic result',
    timeline: 'Timeline',
    timelineEmpty: 'No event yet.',
    official: 'Official',
    steps: 'Inter-unit handling steps',
    stepsEmpty: 'The dossier has not gone through any step between units.',
    stepColumns: {
      seq: 'No.',
      unit: 'Unit',
      official: 'Official',
      allotted: 'Allotted time',
      received: 'Received',
      due: 'Due',
      handedOver: 'Handed over',
      timeliness: 'Timeliness',
    },
    supplements: 'Supplement requests',
    supplementsEmpty: 'No supplement was requested.',
    supplementColumns: {
      seq: 'No.',
      requested: 'Requested',
      stage: 'Stage',
      reason: 'Reason',
      applicantAtFault: 'Applicant at fault',
      completed: 'Completed',
    },
    notCompleted: 'Not completed',
    notHandedOver: 'Not handed over',
    details: {
      channel: 'Channel',
      toAgency: 'Forwarded to',
      unit: 'Unit',
      allotted: 'Allotted time',
      reason: 'Reason',
      applicantAtFault: 'Applicant at fault',
      stage: 'Stage',
      kind: 'Kind',
      newDueDate: 'New due date',
      amount: 'Amount',
      components: 'Components',
      source: 'Source',
    },
  },
  status: {
    received: 'Received',
    processing: 'Processing',
    awaiting_supplement: 'Awaiting supplement',
    finished: 'Finished',
    returned: 'Result returned',
    refused: 'Refused',
    stopped: 'Stopped or withdrawn',
  },
  channel: {
    in_person: 'In person',
    post: 'By post',
    online: 'Online',
  },
  timeliness: {
    early: 'Early',
    on_time: 'On time',
    late: 'Late',
    within_time: 'Within time',
    overdue: 'Overdue',
  },
  unit: {
    working_days: (n: number) => `${formatCount('en', n)} working ${n === 1 ? 'day' : 'days'}`,
    calendar_days: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'day' : 'days'}`,
    hours: (n: number) => `${formatCount('en', n)} working ${n === 1 ? 'hour' : 'hours'}`,
  },
  event: {
    received: 'Received',
    forwarded: 'Forwarded for handling',
    step_received: 'Taken over by a unit',
    step_handed_over: 'Handed over',
    supplement_requested: 'Supplement requested',
    supplement_completed: 'Supplement completed',
    refused: 'Refused',
    stopped: 'Stopped or withdrawn',
    apology_issued: 'Apology and new date',
    finished: 'Result ready',
    result_returned: 'Result returned',
    paid_online: 'Paid online',
    digitised: 'Digitised',
    electronic_result_issued: 'Electronic result issued',
  },
  stage: {
    receipt_check: 'Check at receipt',
    appraisal: 'Appraisal',
  },
  stopKind: {
    stopped: 'Handling stopped',
    withdrawn: 'Withdrawn',
  },
  source: {
    api: 'API',
    import: 'File import',
    ui: 'Back office',
    seed: 'Demo data',
  },
  errors: {
    title: 'Something went wrong',
    network: 'The server could not be reached. Check the network and try again.',
    retry: 'Try again',
    problems: 'Details',
    codes: {
      NOT_FOUND: 'Not found.',
      DOSSIER_NOT_FOUND: 'Dossier not found.',
      VALIDATION_FAILED: 'Some values are not valid.',
      DATABASE_LOCKED: 'The database is busy. Try again in a moment.',
      INTERNAL: 'Internal server error.',
    },
  },
};

/** The dictionaries, by language. */
export const MESSAGES: Readonly<Record<Lang, Messages>> = { vi, en };

/** Narrows a stored or requested value to a supported language. */
export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** An integer with the language's grouping (1.234 in Vietnamese, 1,234 in English). */
export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
}

/** The label of an event type; an unknown (newer) type shows as is. */
export function eventLabel(messages: Messages, type: string): string {
  return isKeyOf(messages.event, type) ? messages.event[type] : type;
}

/** A time limit ("5 ngày làm việc"); an unknown unit shows its raw name. */
export function timeLimitLabel(messages: Messages, limit: { value: number; unit: string }): string {
  return isKeyOf(messages.unit, limit.unit)
    ? messages.unit[limit.unit](limit.value)
    : `${limit.value} ${limit.unit}`;
}

/** True when `key` is an own key of `record` (narrows API strings to our label keys). */
export function isKeyOf<T extends object>(record: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(record, key);
}
