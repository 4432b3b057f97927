import type { ProcedureInput } from '#shared/catalog.schema.ts';
import type { DossierEventInput, ListDossiersQuery } from '#shared/dossier.schema.ts';
import type { DossierSummary } from '#shared/dossier.view.ts';
import type { SignalKindView } from '#shared/integrity.view.ts';
import type {
  AgencyScoresView,
  DossierScoreView,
  SatisfactionView,
  ScoredDossiersView,
} from '#shared/score.view.ts';

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

/** The nine indicators of Thông tư 01/2018/TT-VPCP Điều 13 ('cs1' … 'cs9'). */
export type ScoreIndicator = keyof AgencyScoresView['rows'][number]['indicators'];
/** The indicators scored per dossier (Điều 14 khoản 1): the ones a drill-down can list. */
export type DossierIndicator = keyof ScoredDossiersView['items'][number]['points'];
/** Where an agency indicator's score comes from. */
export type AgencyScoreSource = NonNullable<AgencyScoresView['rows'][number]['indicators']['cs1']['source']>;
/** Who gave a dossier indicator's points. */
export type DossierScoreSource = NonNullable<DossierScoreView['indicators'][number]['source']>;

/** The five stored satisfaction levels: 5 Rất hài lòng … 1 Rất không hài lòng. */
export type SatisfactionLevel = keyof SatisfactionView['overall']['counts'];
/** The three levels of Thông tư 32/2017/TT-BTTTT: Rất hài lòng / Hài lòng / Chưa hài lòng. */
export type ThreeLevel = keyof SatisfactionView['overall']['threeLevel']['counts'];
/** How sure the QĐ 766 scheme is of a sub-indicator's maximum and threshold. */
export type Qd766Confidence = 'confirmed' | 'secondary' | 'unconfirmed';
/** The channels a citizen rating comes through (`rating.channel`). */
export type RatingChannel = 'qr' | 'device' | 'paper' | 'online' | 'hotline' | 'other';

/** Best first, as the rating forms list them. */
export const SATISFACTION_LEVELS = ['5', '4', '3', '2', '1'] as const satisfies readonly SatisfactionLevel[];
export const THREE_LEVELS = [
  'rat_hai_long',
  'hai_long',
  'chua_hai_long',
] as const satisfies readonly ThreeLevel[];

export const INDICATOR_ORDER = [
  'cs1',
  'cs2',
  'cs3',
  'cs4',
  'cs5',
  'cs6',
  'cs7',
  'cs8',
  'cs9',
] as const satisfies readonly ScoreIndicator[];

export const DOSSIER_INDICATORS = [
  'cs1',
  'cs2',
  'cs3',
  'cs4',
  'cs6',
  'cs7',
] as const satisfies readonly DossierIndicator[];

/** The indicators that evaluate officials (Điều 15 khoản 1): maximum 10 points. */
export const OFFICIAL_INDICATORS = [
  'cs1',
  'cs2',
  'cs3',
  'cs4',
  'cs7',
] as const satisfies readonly DossierIndicator[];

const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

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
/** Grades and classes: the scheme's own (Vietnamese) labels are shown as they are. */
const VI_SCHEME_LABELS: Partial<Record<string, string>> = {};

const vi = {
  appName: 'HàiLòng',
  appTagline: 'Đánh giá giải quyết thủ tục hành chính',
  skipToContent: 'Bỏ qua, đến nội dung chính',
  nav: {
    label: 'Điều hướng chính',
    dossiers: 'Hồ sơ',
    scores: 'Điểm đánh giá',
    agencyScores: 'Xếp hạng',
    officialScores: 'Cán bộ',
    qd766: 'Chỉ số 766',
    satisfaction: 'Hài lòng',
    integrity: 'Bất thường',
  },
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
  scores: {
    /** Thông tư 01/2018/TT-VPCP Điều 13: the name of each indicator. */
    indicators: {
      cs1: 'Thời gian giải quyết',
      cs2: 'Thời gian xử lý của từng đơn vị',
      cs3: 'Số lần liên hệ để hoàn thiện hồ sơ',
      cs4: 'Số cơ quan phải liên hệ',
      cs5: 'Tiếp nhận, giải quyết tại Bộ phận Một cửa',
      cs6: 'Công khai thủ tục hành chính',
      cs7: 'Thái độ của công chức',
      cs8: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
      cs9: 'Dịch vụ công trực tuyến',
    } satisfies Record<ScoreIndicator, string>,
    indicatorCode: (indicator: string) => indicator.toUpperCase(),
    indicatorTitle: (indicator: string, name: string) => `Chỉ số ${indicator.replace(/^cs/, '')}: ${name}`,
    filters: 'Chọn kỳ đánh giá và cơ quan, đơn vị',
    year: 'Năm',
    quarter: 'Quý',
    wholeYear: 'Cả năm',
    quarterOption: (q: number) => `Quý ${ROMAN[q] ?? q}`,
    periodName: (year: number, quarter: number | null) =>
      quarter === null ? `Năm ${year}` : `Quý ${ROMAN[quarter] ?? quarter}/${year}`,
    periodHint: 'Mặc định là quý gần nhất đã kết thúc.',
    show: 'Xem kết quả',
    scheme: (name: string, version: string) => `Bộ tiêu chí: ${name} (phiên bản ${version})`,
    source: {
      dossiers: 'Hồ sơ',
      data: 'Dữ liệu',
      self: 'Tự đánh giá',
      appraisal: 'Thẩm định',
    } satisfies Record<AgencyScoreSource, string>,
    notScored: '–',
    notScoredTitle: 'Chưa đủ dữ liệu, không tính vào tổng',
    candidates: 'Các nguồn điểm',
    export: {
      excel: 'Xuất Excel',
      pdf: 'Xuất PDF',
      excelTitle: 'Tải bảng này dạng Excel theo mẫu báo cáo (kỳ và phạm vi đang xem)',
      pdfTitle: 'Tải bảng này dạng PDF theo mẫu báo cáo (kỳ và phạm vi đang xem)',
    },
    sourcesShort: 'Nguồn',
    close: 'Đóng',
    candidatePoints: (points: string) => `${points} điểm`,
    used: 'đang dùng',
    drillLink: (indicator: string, subject: string) => `Các hồ sơ được chấm ${indicator} của ${subject}`,
    /** Grade labels by code; other codes (and all in Vietnamese) show the scheme's own label. */
    grades: VI_SCHEME_LABELS,
    classes: VI_SCHEME_LABELS,
    legend: {
      title: 'Chú giải',
      indicators: 'Các chỉ số (Thông tư 01/2018/TT-VPCP Điều 13)',
      notScored: 'chưa đủ dữ liệu, không tính vào tổng — Điều 15 khoản 4',
      average:
        'Điểm chỉ số = tổng điểm các hồ sơ / số hồ sơ, làm tròn một chữ số thập phân (Điều 15 khoản 2). Bấm vào điểm để xem các hồ sơ.',
      sources:
        'Chỉ số 5, 8, 9 (và 6 khi không chấm theo hồ sơ) chấm theo cơ quan: từ dữ liệu hệ thống, tự đánh giá hoặc thẩm định; bấm để xem các nguồn.',
    },
    agencies: {
      title: 'Xếp hạng cơ quan, đơn vị',
      caption: (period: string) => `Kết quả đánh giá cơ quan, đơn vị theo Thông tư 01/2018, ${period}`,
      count: (n: number) => `${formatCount('vi', n)} cơ quan, đơn vị`,
      empty: 'Chưa có cơ quan, đơn vị nào được đánh giá trong kỳ này.',
      columns: {
        rank: 'Hạng',
        agency: 'Cơ quan, đơn vị',
        dossiers: 'Số hồ sơ',
        total: 'Tổng điểm',
        totalOf: '/18',
        scored: 'Số chỉ số',
        grade: 'Xếp loại',
      },
      rescaled: (value: string) => `quy đổi: ${value}`,
      officialsOf: (agency: string) => `Xem cán bộ, công chức của ${agency}`,
    },
    officials: {
      title: 'Kết quả đánh giá cán bộ, công chức',
      caption: (period: string) => `Kết quả đánh giá cán bộ, công chức theo Thông tư 01/2018, ${period}`,
      count: (n: number) => `${formatCount('vi', n)} cán bộ, công chức`,
      empty: 'Chưa có cán bộ, công chức nào được đánh giá trong kỳ này.',
      columns: {
        official: 'Cán bộ, công chức',
        agency: 'Cơ quan, đơn vị',
        total: 'Tổng điểm',
        totalOf: '/10',
        scored: 'Số chỉ số',
        class: 'Mức hoàn thành nhiệm vụ',
      },
      legend:
        'Cán bộ, công chức được đánh giá theo các chỉ số 1, 2, 3, 4, 7 (tối đa 10 điểm, Điều 15 khoản 3).',
      dossiersOf: (official: string) => `Xem các hồ sơ được chấm điểm của ${official}`,
    },
    drill: {
      title: 'Hồ sơ được chấm điểm',
      subjectAgency: 'Cơ quan, đơn vị',
      subjectOfficial: 'Cán bộ, công chức',
      indicator: 'Chỉ số',
      allIndicators: 'Tất cả chỉ số',
      points: 'Điểm',
      allPoints: 'Tất cả',
      pointsOption: (n: number) => `${formatCount('vi', n)} điểm`,
      period: 'Kỳ đánh giá',
      backAgency: 'Xếp hạng cơ quan, đơn vị',
      backOfficial: 'Kết quả đánh giá cán bộ, công chức',
      invalid: 'Đường dẫn chưa cho biết cơ quan hoặc cán bộ cần xem. Hãy chọn từ bảng xếp hạng.',
      total: (n: number) => `${formatCount('vi', n)} hồ sơ`,
      empty: 'Không có hồ sơ nào ứng với con số này.',
      columns: {
        code: 'Mã hồ sơ',
        finished: 'Có kết quả',
        timeliness: 'Tiến độ',
        scheme: 'Phiên bản',
      },
      selected: 'chỉ số đang xem',
    },
    dossier: {
      title: 'Điểm đánh giá (Thông tư 01/2018)',
      notScored: 'Hồ sơ chưa được chấm điểm.',
      scheme: 'Bộ tiêu chí',
      period: 'Kỳ đánh giá',
      stored: 'Lưu vào tổng hợp',
      storedValue: (version: string, period: string, at: string) =>
        `phiên bản ${version}, ${period}, lúc ${at}`,
      storedNone: 'Chưa lưu vào tổng hợp của kỳ',
      storedStale: 'Phiên bản đã lưu khác phiên bản đang áp dụng: cần tính lại.',
      caption: 'Điểm từng chỉ số của hồ sơ, nguồn, căn cứ và diễn giải',
      columns: {
        indicator: 'Chỉ số',
        points: 'Điểm',
        source: 'Nguồn',
        basis: 'Diễn giải và căn cứ',
      },
      source: { system: 'Hệ thống', citizen: 'Người dân' } satisfies Record<DossierScoreSource, string>,
      noPoints: 'Không chấm',
      disagreement: 'Không thống nhất',
      disagreementDetail: (system: string, citizen: string) => `Hệ thống: ${system} · Người dân: ${citizen}`,
      rule: 'Căn cứ',
      units: 'Chỉ số 2 theo từng đơn vị tham gia giải quyết',
      unitColumns: { unit: 'Đơn vị', official: 'Cán bộ', points: 'Điểm', timeliness: 'Tiến độ' },
    },
    qd766: {
      title: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)',
      caption: (period: string) =>
        `Chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/QĐ-TTg, ${period}`,
      count: (n: number) => `${formatCount('vi', n)} cơ quan, đơn vị`,
      empty: 'Chưa có cơ quan, đơn vị nào có hồ sơ trong kỳ này.',
      columns: {
        rank: 'Hạng',
        agency: 'Cơ quan, đơn vị',
        total: 'Tổng điểm',
        class: 'Xếp loại',
        details: 'Chỉ số thành phần',
      },
      /** Column header of a group ("Nhóm 3a") and its full name (tooltip, card label). */
      groupCode: (id: string) => `Nhóm ${id}`,
      groupTitle: (id: string, name: string) => `Nhóm ${id}: ${name}`,
      /** Group and sub-indicator names by id; in Vietnamese the scheme's own names are shown. */
      groups: VI_SCHEME_LABELS,
      indicators: VI_SCHEME_LABELS,
      outOf: (max: string) => `/${max}`,
      maxPoints: (max: string) => `tối đa ${max} điểm`,
      available: (n: number, of: number) => `${n}/${of} chỉ số có dữ liệu`,
      toggle: 'Chi tiết',
      toggleLabel: (agency: string) => `các chỉ số thành phần của ${agency}`,
      detailCaption: (agency: string) =>
        `Các chỉ số thành phần của ${agency}: tỷ lệ, điểm, ngưỡng và cách tính`,
      detailColumns: {
        indicator: 'Chỉ số',
        rate: 'Tỷ lệ',
        points: 'Điểm',
        threshold: 'Ngưỡng',
        rule: 'Cách tính',
      },
      noData: 'Chưa có dữ liệu',
      noDataPoints: 'tính 0 điểm',
      noThreshold: 'Không có ngưỡng',
      threshold: (percent: string) => `từ ${percent}`,
      confidence: {
        confirmed: 'đã xác nhận',
        secondary: 'nguồn thứ cấp',
        unconfirmed: 'chưa xác nhận',
      } satisfies Record<Qd766Confidence, string>,
      confidenceTitle: {
        confirmed: 'Điểm tối đa và ngưỡng theo văn bản gốc',
        secondary: 'Điểm tối đa và ngưỡng theo nguồn thứ cấp, cần đối chiếu văn bản gốc',
        unconfirmed: 'Điểm tối đa và ngưỡng là ước lượng, chưa đối chiếu phụ lục Quyết định 766',
      } satisfies Record<Qd766Confidence, string>,
      legend: {
        groups: 'Các nhóm chỉ số (Quyết định 766/QĐ-TTg)',
        noData: 'Chỉ số chưa có dữ liệu được tính 0 điểm (QĐ 766, mô tả kỹ thuật: mẫu số bằng 0)',
        rates:
          'Tỷ lệ = tử số / mẫu số, làm tròn hai chữ số thập phân. Tỷ lệ từ ngưỡng trở lên được điểm tối đa; dưới ngưỡng, điểm tính theo tỷ lệ. Bấm "Chi tiết" để xem từng chỉ số thành phần.',
        classes:
          'Xếp loại theo tổng điểm (tối đa 100): Xuất sắc từ 90, Tốt từ 80, Khá từ 70, Trung bình từ 50, dưới 50 là Yếu.',
        confidence:
          'Nhãn "chưa xác nhận": điểm tối đa hoặc ngưỡng là ước lượng, cần đối chiếu phụ lục Quyết định 766; "nguồn thứ cấp": theo tài liệu hướng dẫn, chưa đối chiếu văn bản gốc.',
        ruleLanguage: '',
      },
    },
    satisfaction: {
      title: 'Mức độ hài lòng',
      count: (n: number) => `${formatCount('vi', n)} lượt đánh giá`,
      countUnit: (_n: number) => 'lượt đánh giá',
      overall: 'Tổng hợp',
      overallTitle: (period: string) => `Tổng hợp ${period}`,
      totalLabel: 'Tổng số lượt đánh giá',
      fiveLevels: 'Theo 5 mức',
      threeLevels: 'Theo 3 mức (Thông tư 32/2017/TT-BTTTT)',
      levels: {
        '5': 'Rất hài lòng',
        '4': 'Hài lòng',
        '3': 'Bình thường',
        '2': 'Không hài lòng',
        '1': 'Rất không hài lòng',
      } satisfies Record<SatisfactionLevel, string>,
      threeLevelNames: {
        rat_hai_long: 'Rất hài lòng',
        hai_long: 'Hài lòng',
        chua_hai_long: 'Chưa hài lòng',
      } satisfies Record<ThreeLevel, string>,
      /** The text equivalent of a bar (read by screen readers instead of the coloured parts). */
      barLabel: (parts: string) => `Phân bố ${parts}`,
      levelShare: (label: string, share: string, count: number) =>
        `${label}: ${share} (${formatCount('vi', count)} lượt)`,
      ratings: (n: number) => `${formatCount('vi', n)} lượt`,
      noRatings: 'Chưa có lượt đánh giá nào trong kỳ này.',
      agencies: 'Theo cơ quan, đơn vị',
      agenciesCaption: (period: string) => `Mức độ hài lòng theo cơ quan, đơn vị, ${period}`,
      officials: 'Theo cán bộ, công chức',
      officialsCaption: (period: string) => `Mức độ hài lòng theo cán bộ, công chức, ${period}`,
      officialsNote: 'Mỗi lượt đánh giá được tính cho cả cán bộ tiếp nhận và cán bộ giải quyết hồ sơ.',
      columns: {
        agency: 'Cơ quan, đơn vị',
        official: 'Cán bộ, công chức',
        total: 'Số lượt',
        distribution: 'Phân bố',
        threeLevels: 'Theo 3 mức (%)',
        fiveLevels: 'Theo 5 mức (số lượt)',
      },
      levelCount: (label: string) => `${label} (số lượt)`,
      levelShareHeader: (label: string) => `${label} (%)`,
      legend: {
        counted:
          'Chỉ tính lượt đánh giá đầu tiên của mỗi hồ sơ (các lượt gửi lại được lưu nhưng không tính), gửi trong kỳ đang xem.',
        threeLevels:
          'Quy đổi sang 3 mức theo Thông tư 32/2017/TT-BTTTT: Rất hài lòng (mức 5), Hài lòng (mức 4), Chưa hài lòng (mức 3, 2, 1).',
        shares: 'Tỷ lệ mỗi mức làm tròn riêng đến hai chữ số thập phân, nên tổng có thể lệch 0,01–0,02%.',
      },
    },
  },
  ratings: {
    nav: 'Phiếu giấy',
    paper: {
      title: 'Nhập phiếu đánh giá giấy',
      intro:
        'Quét mã vạch hoặc mã QR trên phiếu bằng máy quét (hoặc gõ mã hồ sơ rồi nhấn Enter), đánh dấu đúng như người dân đã đánh dấu trên phiếu, rồi lưu phiếu.',
      scanLabel: 'Quét mã vạch hoặc mã QR trên phiếu',
      scanHint: 'Máy quét tự gõ mã và nhấn Enter. Có thể gõ tay mã hồ sơ.',
      lookup: 'Tìm hồ sơ',
      looking: 'Đang tìm hồ sơ…',
      found: 'Hồ sơ trên phiếu',
      code: 'Mã hồ sơ',
      procedure: 'Thủ tục hành chính',
      agency: 'Cơ quan, đơn vị',
      status: 'Trạng thái',
      alreadyRated: 'Hồ sơ này đã được đánh giá trước đó: phiếu vẫn được lưu nhưng không tính vào kết quả.',
      questionnaire: 'Nội dung phiếu',
      satisfaction: 'Mức độ hài lòng',
      optional: '(không bắt buộc)',
      q1: 'Thời gian giải quyết so với giấy hẹn',
      q1a: { '2': 'Sớm hơn hẹn', '1': 'Đúng hẹn', '0': 'Trễ hẹn' },
      q3: 'Số lần phải liên hệ để bổ sung, hoàn thiện hồ sơ',
      q3a: { '2': 'Không lần nào', '1': 'Một lần', '0': 'Nhiều hơn một lần' },
      q4: 'Số cơ quan, tổ chức phải liên hệ',
      q4a: { '2': 'Không phải liên hệ', '1': 'Chỉ Bộ phận Một cửa', '0': 'Nhiều hơn một cơ quan' },
      q7: 'Cán bộ có gây phiền hà, nhũng nhiễu hoặc có hành vi không đúng mực không?',
      q7a: { no: 'Không', yes: 'Có' },
      clear: 'Bỏ chọn',
      comment: 'Góp ý thêm',
      date: 'Ngày ghi trên phiếu',
      dateHint: 'Ngày/tháng/năm, ví dụ 05/07/2025; mặc định là hôm nay.',
      dateInvalid: 'Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm.',
      keyedBy: 'Cán bộ nhập phiếu',
      satisfactionRequired: 'Hãy chọn mức độ hài lòng ghi trên phiếu.',
      save: 'Lưu phiếu',
      saving: 'Đang lưu…',
      cancel: 'Bỏ qua phiếu này',
      savedCounted: (code: string) => `Đã lưu phiếu của hồ sơ ${code}: đánh giá được tính.`,
      savedNotCounted: (code: string) =>
        `Đã lưu phiếu của hồ sơ ${code}. Hồ sơ đã được đánh giá trước đó: phiếu được lưu nhưng không tính.`,
      savedAgain: 'Phiếu này đã được nhập trước đó; không ghi thêm bản mới.',
      next: 'Quét phiếu tiếp theo.',
    },
    section: {
      title: 'Đánh giá của người dân',
      empty: 'Chưa có đánh giá nào cho hồ sơ này.',
      caption: 'Các lượt đánh giá của hồ sơ, cũ nhất trước',
      columns: {
        channel: 'Kênh',
        satisfaction: 'Mức độ hài lòng',
        submittedAt: 'Thời điểm',
        counts: 'Kết quả',
        keyedBy: 'Người nhập',
        comment: 'Góp ý',
      },
      counted: 'Được tính',
      duplicate: 'Bản trùng, không tính',
      slip: 'Phiếu đánh giá',
      slipIntro:
        'Phiếu in kèm kết quả: người dân quét mã QR hoặc nhập mã hồ sơ và mã xác thực để đánh giá trực tuyến.',
      makeToken: 'Tạo mã đánh giá',
      makingToken: 'Đang tạo…',
      link: 'Đường dẫn đánh giá (mã QR)',
      verificationCode: 'Mã xác thực',
      printSlip: 'In phiếu đánh giá (PDF)',
      newTab: '(mở trong thẻ mới)',
    },
    /** Corrections (two people) and appeals of a rating (issue 4 point 8). */
    corrections: {
      title: 'Sửa và khiếu nại đánh giá',
      intro:
        'Đánh giá không bao giờ bị sửa hay xóa. Một cán bộ đề nghị sửa (ví dụ nhập nhầm phiếu giấy) và một cán bộ khác duyệt; cả hai bản đều được giữ, báo cáo tính bản được đánh dấu. Cán bộ bị đánh giá có thể khiếu nại; khiếu nại không làm thay đổi đánh giá.',
      ratingHeading: (channel: string, date: string) => `Đánh giá qua kênh ${channel}, ${date}`,
      original: 'Bản gốc',
      correction: 'Bản sửa',
      counted: 'Bản được tính',
      notCounted: 'Không tính',
      duplicateNote: 'Đánh giá trùng: không bản nào của lượt này được tính.',
      status: { pending: 'Chờ duyệt', approved: 'Đã duyệt', rejected: 'Đã từ chối' },
      proposedBy: (name: string) => `Đề nghị: ${name}`,
      decidedBy: (name: string) => `Người quyết định: ${name}`,
      reason: 'Lý do',
      answers: 'Trả lời',
      noAnswers: 'Không có trả lời',
      propose: 'Đề nghị sửa',
      proposeTitle: 'Đề nghị sửa đánh giá',
      satisfaction: 'Mức độ hài lòng đúng',
      indicator: {
        cs1: 'Thời gian giải quyết (chỉ số 1)',
        cs3: 'Số lần phải liên hệ (chỉ số 3)',
        cs4: 'Số cơ quan phải liên hệ (chỉ số 4)',
        cs7: 'Thái độ, nhũng nhiễu (chỉ số 7)',
      },
      points: (n: number) => `${n} điểm`,
      blank: '— Không trả lời —',
      comment: 'Góp ý',
      submitPropose: 'Gửi đề nghị sửa',
      cancel: 'Hủy',
      decisionReason: 'Ghi chú (không bắt buộc)',
      approve: 'Duyệt',
      reject: 'Từ chối',
      appeal: 'Khiếu nại đánh giá',
      submitAppeal: 'Gửi khiếu nại',
      appeals: 'Khiếu nại',
      appealBy: (name: string) => `Khiếu nại của ${name}`,
      sending: 'Đang gửi…',
      reasonRequired: 'Cần nêu lý do.',
    },
    channels: {
      qr: 'Mã QR',
      device: 'Thiết bị tại quầy',
      paper: 'Phiếu giấy',
      online: 'Cổng trực tuyến',
      hotline: 'Đường dây nóng',
      other: 'Khác',
    } satisfies Record<RatingChannel, string>,
  },
  integrity: {
    nav: 'Bất thường',
    title: 'Dấu hiệu bất thường',
    intro:
      'Các mẫu trong đánh giá của người dân cho thấy lượt đánh giá có thể không do người dân tự chọn. Đây là gợi ý để kiểm tra, không phải kết luận: các lượt đánh giá vẫn được tính.',
    from: 'Từ ngày',
    to: 'Đến ngày',
    show: 'Xem',
    filters: 'Chọn khoảng thời gian',
    summary: 'Tổng hợp theo loại dấu hiệu',
    summaryCaption: (from: string, to: string) => `Số dấu hiệu từ ${from} đến ${to}`,
    periodSummary: (from: string, to: string, n: number) =>
      `Từ ${from} đến ${to} · ${formatCount('vi', n)} dấu hiệu`,
    none: 'Không có dấu hiệu bất thường nào trong khoảng thời gian này.',
    kinds: {
      staff_network: 'Đánh giá từ mạng nội bộ cơ quan',
      staff_session: 'Đánh giá từ phiên đăng nhập của cán bộ',
      shared_network: 'Nhiều đánh giá từ cùng một mạng',
      fast_device_rating: 'Đánh giá trên thiết bị quá nhanh',
      top_streak: 'Chuỗi "Rất hài lòng" liên tiếp',
      answer_disagreement: 'Câu trả lời trái với dữ liệu hệ thống',
      late_paper_keying: 'Nhập dồn phiếu giấy',
    } satisfies Record<SignalKindView, string>,
    explain: {
      staff_network:
        'Lượt đánh giá gửi từ mạng của cơ quan (HAILONG_STAFF_NETWORKS): người dân không ở trong mạng này.',
      staff_session: 'Chưa có phiên đăng nhập của cán bộ (sẽ có cùng chức năng đăng nhập).',
      shared_network:
        'Từ một mạng (dải địa chỉ, đã mã hóa) có nhiều lượt đánh giá một cơ quan trong một ngày.',
      fast_device_rating:
        'Đánh giá trên máy tại quầy chỉ vài giây sau khi mời, trước khi trả kết quả, hoặc vài giây sau khi tiếp nhận.',
      top_streak: 'Nhiều lượt "Rất hài lòng" liền nhau từ cùng một máy hoặc một quầy.',
      answer_disagreement:
        'Người dân trả lời khác dữ liệu hệ thống (ví dụ nói đúng hạn khi hồ sơ trễ hạn). Tỷ lệ tính trên các lượt có trả lời.',
      late_paper_keying: 'Một cán bộ nhập nhiều phiếu giấy trong thời gian ngắn.',
    } satisfies Record<SignalKindView, string>,
    columns: {
      kind: 'Loại dấu hiệu',
      signals: 'Số dấu hiệu',
      ratings: 'Số lượt đánh giá',
      agency: 'Cơ quan, đơn vị',
      where: 'Nơi phát sinh',
      count: 'Số lượt',
      severity: 'Mức độ',
      dossiers: 'Hồ sơ',
    },
    severity: { high: 'Cao', medium: 'Trung bình', low: 'Thấp' },
    device: (name: string) => `Máy: ${name}`,
    counter: (name: string, desk: string) => (desk ? `Quầy: ${name} (${desk})` : `Quầy: ${name}`),
    official: (name: string) => `Cán bộ nhập: ${name}`,
    network: (digest: string) => `Mạng: ${digest}`,
    day: (day: string) => `Ngày ${day}`,
    share: (percent: string, total: number) => `${percent} của ${formatCount('vi', total)} lượt có trả lời`,
    breakdown: {
      after_invitation: 'ngay sau khi mời',
      before_result: 'trước khi trả kết quả',
      after_receipt: 'ngay sau khi tiếp nhận',
    },
    showDossiers: (n: number) => `Xem ${formatCount('vi', n)} hồ sơ`,
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
  nav: {
    label: 'Main navigation',
    dossiers: 'Dossiers',
    scores: 'Scores',
    agencyScores: 'Ranking',
    officialScores: 'Officials',
    qd766: '766 index',
    satisfaction: 'Satisfaction',
    integrity: 'Anomalies',
  },
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
  scores: {
    indicators: {
      cs1: 'Handling time',
      cs2: 'Processing time of each unit',
      cs3: 'Contacts needed to complete the dossier',
      cs4: 'Bodies that had to be contacted',
      cs5: 'Receipt and handling at the one-stop desk',
      cs6: 'Publication of procedures',
      cs7: 'Attitude of officials',
      cs8: 'Handling of feedback and petitions',
      cs9: 'Online public services',
    },
    indicatorCode: (indicator: string) => indicator.toUpperCase(),
    indicatorTitle: (indicator: string, name: string) => `Indicator ${indicator.replace(/^cs/, '')}: ${name}`,
    filters: 'Choose the period and the agency',
    year: 'Year',
    quarter: 'Quarter',
    wholeYear: 'Whole year',
    quarterOption: (q: number) => `Q${q}`,
    periodName: (year: number, quarter: number | null) =>
      quarter === null ? `Year ${year}` : `Q${quarter} ${year}`,
    periodHint: 'By default, the last quarter that has ended.',
    show: 'Show results',
    scheme: (name: string, version: string) => `Scheme: ${name} (version ${version})`,
    source: {
      dossiers: 'Dossiers',
      data: 'Data',
      self: 'Self-assessment',
      appraisal: 'Appraisal',
    },
    notScored: '–',
    notScoredTitle: 'Not enough data, left out of the total',
    candidates: 'Sources of the score',
    export: {
      excel: 'Export to Excel',
      pdf: 'Export to PDF',
      excelTitle: 'Download this table as an Excel report (the period and scope shown)',
      pdfTitle: 'Download this table as a PDF report (the period and scope shown)',
    },
    sourcesShort: 'Sources',
    close: 'Close',
    candidatePoints: (points: string) => `${points} ${points === '1' ? 'point' : 'points'}`,
    used: 'used',
    drillLink: (indicator: string, subject: string) => `Dossiers scored on ${indicator} for ${subject}`,
    grades: {
      xuat_sac: 'Excellent',
      tot: 'Good',
      kha: 'Fair',
      trung_binh: 'Average',
      yeu: 'Poor',
    },
    classes: {
      hoan_thanh_100: 'Completed 100% of tasks',
      hoan_thanh_70_100: 'Completed 70% to under 100% of tasks',
      hoan_thanh_duoi_70: 'Completed under 70% of tasks',
    },
    legend: {
      title: 'Legend',
      indicators: 'Indicators (Circular 01/2018/TT-VPCP Article 13)',
      notScored: 'not enough data, left out of the total — Article 15(4)',
      average:
        'Indicator score = sum of the dossiers’ points / number of dossiers, rounded to one decimal (Article 15(2)). Click a score to see the dossiers.',
      sources:
        'Indicators 5, 8, 9 (and 6 when not scored per dossier) are scored per agency: from system data, a self-assessment or an appraisal; click to see every source.',
    },
    agencies: {
      title: 'Agency ranking',
      caption: (period: string) => `Agency results under Circular 01/2018, ${period}`,
      count: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'agency' : 'agencies'}`,
      empty: 'No agency has been evaluated in this period yet.',
      columns: {
        rank: 'Rank',
        agency: 'Agency',
        dossiers: 'Dossiers',
        total: 'Total',
        totalOf: '/18',
        scored: 'Indicators',
        grade: 'Grade',
      },
      rescaled: (value: string) => `rescaled: ${value}`,
      officialsOf: (agency: string) => `Officials of ${agency}`,
    },
    officials: {
      title: 'Results of officials',
      caption: (period: string) => `Results of officials under Circular 01/2018, ${period}`,
      count: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'official' : 'officials'}`,
      empty: 'No official has been evaluated in this period yet.',
      columns: {
        official: 'Official',
        agency: 'Agency',
        total: 'Total',
        totalOf: '/10',
        scored: 'Indicators',
        class: 'Task completion',
      },
      legend: 'Officials are evaluated on indicators 1, 2, 3, 4 and 7 (at most 10 points, Article 15(3)).',
      dossiersOf: (official: string) => `Scored dossiers of ${official}`,
    },
    drill: {
      title: 'Scored dossiers',
      subjectAgency: 'Agency',
      subjectOfficial: 'Official',
      indicator: 'Indicator',
      allIndicators: 'All indicators',
      points: 'Points',
      allPoints: 'All',
      pointsOption: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'point' : 'points'}`,
      period: 'Period',
      backAgency: 'Agency ranking',
      backOfficial: 'Results of officials',
      invalid: 'This link does not say which agency or official to show. Choose one from the ranking.',
      total: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'dossier' : 'dossiers'}`,
      empty: 'No dossier is behind this number.',
      columns: {
        code: 'Code',
        finished: 'Finished',
        timeliness: 'Timeliness',
        scheme: 'Version',
      },
      selected: 'indicator shown',
    },
    dossier: {
      title: 'Score (Circular 01/2018)',
      notScored: 'This dossier has not been scored.',
      scheme: 'Scheme',
      period: 'Period',
      stored: 'Stored for the period totals',
      storedValue: (version: string, period: string, at: string) => `version ${version}, ${period}, at ${at}`,
      storedNone: 'Not stored in the period totals yet',
      storedStale: 'The stored version differs from the scheme in force: a recompute is needed.',
      caption: 'Points of each indicator of the dossier, their source, rule and explanation',
      columns: {
        indicator: 'Indicator',
        points: 'Points',
        source: 'Source',
        basis: 'Explanation and rule',
      },
      source: { system: 'System', citizen: 'Citizen' },
      noPoints: 'Not scored',
      disagreement: 'Disagreement',
      disagreementDetail: (system: string, citizen: string) => `System: ${system} · Citizen: ${citizen}`,
      rule: 'Rule',
      units: 'Indicator 2 for each participating unit',
      unitColumns: { unit: 'Unit', official: 'Official', points: 'Points', timeliness: 'Timeliness' },
    },
    qd766: {
      title: 'Service index for citizens and businesses (Decision 766)',
      caption: (period: string) =>
        `Service index for citizens and businesses under Decision 766/QĐ-TTg, ${period}`,
      count: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'agency' : 'agencies'}`,
      empty: 'No agency has dossiers in this period yet.',
      columns: {
        rank: 'Rank',
        agency: 'Agency',
        total: 'Total',
        class: 'Grade',
        details: 'Sub-indicators',
      },
      groupCode: (id: string) => `Group ${id}`,
      groupTitle: (id: string, name: string) => `Group ${id}: ${name}`,
      groups: {
        '1': 'Publicity and transparency',
        '2': 'Progress and results of handling',
        '3a': 'Online public services',
        '3b': 'Online payment',
        '4': 'Digitisation of dossiers',
        '5': 'Satisfaction',
      },
      indicators: {
        '1.1': 'Procedures published on time',
        '1.2': 'Procedures updated and published on time in the national procedure database',
        '1.3': 'Procedures published with all their parts',
        '1.4': 'Dossiers synchronised with the National Public Service Portal',
        '2.1': 'Dossiers handled early or on time',
        '3.1': 'Procedures offered as online public services',
        '3.2': 'Online public services that received dossiers',
        '3.3': 'Online dossiers',
        '3.5': 'Procedures with fees integrated with online payment',
        '3.6': 'Dossiers paid online',
        '4.1': 'Dossiers with an electronic result',
        '4.2': 'Digitised dossiers',
        '4.3': 'Dossiers re-using digitised data',
        '4.4': 'Digitised dossiers linked to the citizen’s data store',
        '4.5': 'Use of population data',
        '5.1': 'Feedback and petitions by type',
        '5.2': 'Progress in handling feedback and petitions',
        '5.3': 'Satisfaction with the handling of feedback and petitions',
        '5.4': 'Satisfaction with the receipt and handling of procedures',
      },
      outOf: (max: string) => `/${max}`,
      maxPoints: (max: string) => `at most ${max} points`,
      available: (n: number, of: number) => `${n} of ${of} indicators with data`,
      toggle: 'Details',
      toggleLabel: (agency: string) => `sub-indicators of ${agency}`,
      detailCaption: (agency: string) => `Sub-indicators of ${agency}: rate, points, threshold and rule`,
      detailColumns: {
        indicator: 'Indicator',
        rate: 'Rate',
        points: 'Points',
        threshold: 'Threshold',
        rule: 'Rule (in Vietnamese)',
      },
      noData: 'No data yet',
      noDataPoints: 'counts 0 points',
      noThreshold: 'No threshold',
      threshold: (percent: string) => `from ${percent}`,
      confidence: {
        confirmed: 'confirmed',
        secondary: 'secondary source',
        unconfirmed: 'not confirmed',
      },
      confidenceTitle: {
        confirmed: 'Maximum and threshold from the original text',
        secondary: 'Maximum and threshold from a secondary source, to be checked against the original text',
        unconfirmed: 'Maximum and threshold are estimates, not yet checked against the annex of Decision 766',
      },
      legend: {
        groups: 'Indicator groups (Decision 766/QĐ-TTg)',
        noData:
          'An indicator without data counts 0 points (Decision 766, technical description: zero denominator)',
        rates:
          'Rate = numerator / denominator, rounded to two decimals. A rate at or above the threshold earns the maximum; below it, points are proportional to the rate. Click “Details” to see every sub-indicator.',
        classes:
          'Grade by total (at most 100): Excellent from 90, Good from 80, Fair from 70, Average from 50, Poor below 50.',
        confidence:
          '“Not confirmed”: the maximum or threshold is an estimate, to be checked against the annex of Decision 766; “secondary source”: from guidance documents, not yet checked against the original text.',
        ruleLanguage: 'The rules are written in Vietnamese, as the scheme states them.',
      },
    },
    satisfaction: {
      title: 'Citizen satisfaction',
      count: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'rating' : 'ratings'}`,
      countUnit: (n: number) => (n === 1 ? 'rating' : 'ratings'),
      overall: 'Overall',
      overallTitle: (period: string) => `Overall, ${period}`,
      totalLabel: 'Ratings',
      fiveLevels: 'On 5 levels',
      threeLevels: 'On 3 levels (Circular 32/2017/TT-BTTTT)',
      levels: {
        '5': 'Very satisfied',
        '4': 'Satisfied',
        '3': 'Neutral',
        '2': 'Dissatisfied',
        '1': 'Very dissatisfied',
      },
      threeLevelNames: {
        rat_hai_long: 'Very satisfied',
        hai_long: 'Satisfied',
        chua_hai_long: 'Not satisfied yet',
      },
      barLabel: (parts: string) => `Distribution: ${parts}`,
      levelShare: (label: string, share: string, count: number) =>
        `${label}: ${share} (${formatCount('en', count)} ${count === 1 ? 'rating' : 'ratings'})`,
      ratings: (n: number) => `${formatCount('en', n)} ${n === 1 ? 'rating' : 'ratings'}`,
      noRatings: 'No rating was submitted in this period.',
      agencies: 'By agency',
      agenciesCaption: (period: string) => `Citizen satisfaction by agency, ${period}`,
      officials: 'By official',
      officialsCaption: (period: string) => `Citizen satisfaction by official, ${period}`,
      officialsNote: 'Each rating counts for both the receiving and the handling official of the dossier.',
      columns: {
        agency: 'Agency',
        official: 'Official',
        total: 'Ratings',
        distribution: 'Distribution',
        threeLevels: 'On 3 levels (%)',
        fiveLevels: 'On 5 levels (ratings)',
      },
      levelCount: (label: string) => `${label} (ratings)`,
      levelShareHeader: (label: string) => `${label} (%)`,
      legend: {
        counted:
          'Only the first rating of each dossier counts (later ones are kept but not counted), submitted in the period shown.',
        threeLevels:
          'The 3 levels of Circular 32/2017/TT-BTTTT: Very satisfied (level 5), Satisfied (level 4), Not satisfied yet (levels 3, 2, 1).',
        shares: 'Each share is rounded on its own to two decimals, so they may add up to 100% ± 0.02%.',
      },
    },
  },
  ratings: {
    nav: 'Paper slips',
    paper: {
      title: 'Key in paper evaluation slips',
      intro:
        'Scan the barcode or QR code on the slip with the scanner (or type the dossier code and press Enter), tick exactly what the citizen ticked on the slip, then save it.',
      scanLabel: 'Scan the barcode or QR code on the slip',
      scanHint: 'The scanner types the code and presses Enter. You can also type the dossier code.',
      lookup: 'Find dossier',
      looking: 'Looking up the dossier…',
      found: 'Dossier on the slip',
      code: 'Dossier code',
      procedure: 'Administrative procedure',
      agency: 'Agency',
      status: 'Status',
      alreadyRated:
        'This dossier has already been rated: the slip is still kept but will not count in the results.',
      questionnaire: 'The slip',
      satisfaction: 'Satisfaction',
      optional: '(optional)',
      q1: 'Time taken compared with the appointment',
      q1a: { '2': 'Earlier', '1': 'On the day', '0': 'Late' },
      q3: 'Times the citizen had to come back to complete the dossier',
      q3a: { '2': 'None', '1': 'Once', '0': 'More than once' },
      q4: 'Offices the citizen had to contact',
      q4a: { '2': 'None', '1': 'Only the one-stop desk', '0': 'More than one' },
      q7: 'Did any official cause trouble, harass or behave improperly?',
      q7a: { no: 'No', yes: 'Yes' },
      clear: 'Clear',
      comment: 'Other comments',
      date: 'Date written on the slip',
      dateHint: 'Day/month/year, e.g. 05/07/2025; today by default.',
      dateInvalid: 'Not a valid date: write it as day/month/year.',
      keyedBy: 'Keyed in by',
      satisfactionRequired: 'Choose the satisfaction level written on the slip.',
      save: 'Save slip',
      saving: 'Saving…',
      cancel: 'Skip this slip',
      savedCounted: (code: string) => `Slip of dossier ${code} saved: the rating counts.`,
      savedNotCounted: (code: string) =>
        `Slip of dossier ${code} saved. The dossier had already been rated: the slip is kept but not counted.`,
      savedAgain: 'This slip had been keyed in before; no new record was made.',
      next: 'Scan the next slip.',
    },
    section: {
      title: 'Citizen ratings',
      empty: 'No ratings for this dossier yet.',
      caption: "The dossier's ratings, oldest first",
      columns: {
        channel: 'Channel',
        satisfaction: 'Satisfaction',
        submittedAt: 'Submitted',
        counts: 'Result',
        keyedBy: 'Keyed in by',
        comment: 'Comment',
      },
      counted: 'Counted',
      duplicate: 'Duplicate, not counted',
      slip: 'Evaluation slip',
      slipIntro:
        'Printed with the result: the citizen scans the QR code, or enters the dossier code and the verification code, to rate online.',
      makeToken: 'Create rating code',
      makingToken: 'Creating…',
      link: 'Rating link (QR code)',
      verificationCode: 'Verification code',
      printSlip: 'Print the evaluation slip (PDF)',
      newTab: '(opens in a new tab)',
    },
    corrections: {
      title: 'Corrections and appeals',
      intro:
        'Ratings are never edited or deleted. One staff member proposes a correction (e.g. a mis-keyed paper slip) and another approves it; both versions are kept, and reports count the marked one. The rated official can appeal; an appeal does not change the rating.',
      ratingHeading: (channel: string, date: string) => `Rating via ${channel}, ${date}`,
      original: 'Original',
      correction: 'Correction',
      counted: 'Counted version',
      notCounted: 'Not counted',
      duplicateNote: 'Duplicate rating: no version of it counts.',
      status: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' },
      proposedBy: (name: string) => `Proposed by ${name}`,
      decidedBy: (name: string) => `Decided by ${name}`,
      reason: 'Reason',
      answers: 'Answers',
      noAnswers: 'No answers',
      propose: 'Propose a correction',
      proposeTitle: 'Propose a correction',
      satisfaction: 'Correct satisfaction',
      indicator: {
        cs1: 'Handling time (indicator 1)',
        cs3: 'Contacts needed (indicator 3)',
        cs4: 'Offices contacted (indicator 4)',
        cs7: 'Conduct, harassment (indicator 7)',
      },
      points: (n: number) => `${n} point${n === 1 ? '' : 's'}`,
      blank: '— No answer —',
      comment: 'Comment',
      submitPropose: 'Send the proposal',
      cancel: 'Cancel',
      decisionReason: 'Note (optional)',
      approve: 'Approve',
      reject: 'Reject',
      appeal: 'Appeal the rating',
      submitAppeal: 'Send the appeal',
      appeals: 'Appeals',
      appealBy: (name: string) => `Appeal by ${name}`,
      sending: 'Sending…',
      reasonRequired: 'A reason is required.',
    },
    channels: {
      qr: 'QR code',
      device: 'Counter device',
      paper: 'Paper slip',
      online: 'Online portal',
      hotline: 'Hotline',
      other: 'Other',
    } satisfies Record<RatingChannel, string>,
  },
  integrity: {
    nav: 'Anomalies',
    title: 'Integrity signals',
    intro:
      "Patterns in the citizens' ratings that suggest a rating may not be the citizen's own choice. They are leads to check, not verdicts: the ratings still count.",
    from: 'From',
    to: 'To',
    show: 'Show',
    filters: 'Choose the period',
    summary: 'Summary by kind of signal',
    summaryCaption: (from: string, to: string) => `Signals from ${from} to ${to}`,
    periodSummary: (from: string, to: string, n: number) =>
      `${from} to ${to} · ${formatCount('en', n)} ${n === 1 ? 'signal' : 'signals'}`,
    none: 'No integrity signal in this period.',
    kinds: {
      staff_network: 'Ratings from an agency network',
      staff_session: 'Ratings from a staff login session',
      shared_network: 'Many ratings from one network',
      fast_device_rating: 'Device ratings too fast',
      top_streak: 'Streak of "Very satisfied"',
      answer_disagreement: 'Answers contradicting system data',
      late_paper_keying: 'Paper slips keyed in bulk',
    } satisfies Record<SignalKindView, string>,
    explain: {
      staff_network:
        'Ratings sent from an agency network (HAILONG_STAFF_NETWORKS): citizens are not inside it.',
      staff_session: 'Staff login sessions do not exist yet (they come with staff sign-in).',
      shared_network: 'Many ratings of one agency from one network (address range, keyed digest) on one day.',
      fast_device_rating:
        'Counter device ratings seconds after the invitation, before the result was returned, or seconds after receipt.',
      top_streak: 'Many consecutive "Very satisfied" ratings from one device or one counter.',
      answer_disagreement:
        'The citizen\'s answer contradicts the system data (e.g. "on time" for a late dossier). The share is of the ratings with answers.',
      late_paper_keying: 'One official keyed many paper slips within a short time.',
    } satisfies Record<SignalKindView, string>,
    columns: {
      kind: 'Kind of signal',
      signals: 'Signals',
      ratings: 'Ratings',
      agency: 'Agency',
      where: 'Where',
      count: 'Ratings',
      severity: 'Severity',
      dossiers: 'Dossiers',
    },
    severity: { high: 'High', medium: 'Medium', low: 'Low' },
    device: (name: string) => `Device: ${name}`,
    counter: (name: string, desk: string) => (desk ? `Counter: ${name} (${desk})` : `Counter: ${name}`),
    official: (name: string) => `Keyed by: ${name}`,
    network: (digest: string) => `Network: ${digest}`,
    day: (day: string) => `On ${day}`,
    share: (percent: string, total: number) => `${percent} of ${formatCount('en', total)} answered ratings`,
    breakdown: {
      after_invitation: 'right after the invitation',
      before_result: 'before the result',
      after_receipt: 'right after receipt',
    },
    showDossiers: (n: number) => `Show ${formatCount('en', n)} ${n === 1 ? 'dossier' : 'dossiers'}`,
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
      OFFICIAL_NOT_FOUND: 'Official not found.',
      RATING_TOKEN_INVALID: 'The scanned QR code is not a valid rating code.',
      RATING_NOT_FOUND: 'Rating not found.',
      CORRECTION_NOT_FOUND: 'Correction not found.',
      CORRECTION_PENDING: 'This rating already has a correction waiting for a decision.',
      CORRECTION_SAME_PERSON:
        'The approver must be another staff member than the proposer: a correction needs two different people.',
      CORRECTION_ALREADY_DECIDED: 'This correction has already been approved or rejected.',
      UNIT_REPORT_NOT_FOUND: 'The unit has not written a report for this period yet.',
      UNIT_REPORT_SUBMITTED:
        'The report has been submitted and cannot be edited; start a correction and give its reason.',
      UNIT_REPORT_NOT_DRAFT: 'There is no draft to submit: the report of this period has been submitted.',
      UNIT_REPORT_NO_CORRECTION:
        'The report has not been submitted, so no correction is needed; edit the draft.',
      PERIOD_INVALID: 'The period is not valid (e.g. 2025-Q3, 2025, 2026-07-01..2026-08-15).',
      PUBLICATION_NOT_FOUND: 'No published results for this period (or this version).',
      PUBLICATION_AGENCY_NOT_FOUND: 'This agency is not in any published results.',
      PUBLICATION_REASON_REQUIRED:
        'This period has already been published: publishing it again makes a new version and needs a reason.',
      PUBLICATION_INCONSISTENT:
        'Not published: recomputing from the open data does not match the ranking (the rollups differ from the per-dossier scores). Run `hailong score recompute`, then publish again.',
      PUBLICATION_BUSY:
        'The data keeps changing, so no audit checkpoint could be fixed for publishing. Please try again.',
      OPEN_DATA_INVALID: 'The open data file is not valid.',
      APPEAL_NOT_RATED_OFFICIAL:
        'Only an official who received or handled the dossier can appeal its rating.',
      ACCOUNT_NOT_LINKED_TO_OFFICIAL:
        'Your account is not linked to an official of the catalog, so you cannot do this. Ask an administrator to link it.',
      INTERNAL: 'Internal server error.',
      UNAUTHENTICATED: 'You need to sign in to do this.',
      FORBIDDEN: 'You are not allowed to do this.',
      CSRF_INVALID: 'Your session is not valid (the anti-forgery token is missing). Reload the page.',
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

/**
 * A score with one decimal, as Thông tư 01/2018 Điều 15 khoản 2 rounds it: "1,7" in Vietnamese,
 * "1.7" in English (the server has already rounded; this only writes the number).
 */
export function formatScore(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A number with exactly two decimals (QĐ 766 points): "17,14" in Vietnamese, "17.14" in English. */
export function formatHundredths(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** A number with at most two decimals and no trailing zeros (a maximum, a threshold): "20", "4,5". */
export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** A percentage already rounded by the server, with two decimals: "85,71%" / "85.71%". */
export function formatPercent(lang: Lang, value: number): string {
  return `${formatHundredths(lang, value)}%`;
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
