/**
 * The one error type of HàiLòng. Every expected failure carries a stable machine code and a
 * Vietnamese message for people; `src/http/errors.ts` is the only place that maps codes to
 * HTTP statuses.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  AGENCY_NOT_FOUND: 'Không tìm thấy cơ quan, đơn vị.',
  AGENCY_CODE_TAKEN: 'Mã cơ quan đã tồn tại.',
  AGENCY_CYCLE: 'Cơ quan cấp trên không hợp lệ: tạo thành vòng lặp trong cây cơ quan.',
  DESK_NOT_FOUND: 'Không tìm thấy Bộ phận Một cửa.',
  COUNTER_CODE_TAKEN: 'Mã quầy đã tồn tại trong Bộ phận Một cửa này.',
  OFFICIAL_NOT_FOUND: 'Không tìm thấy cán bộ, công chức.',
  OFFICIAL_CODE_TAKEN: 'Mã cán bộ đã tồn tại.',
  PROCEDURE_NOT_FOUND: 'Không tìm thấy thủ tục hành chính.',
  PROCEDURE_CODE_TAKEN: 'Mã thủ tục hành chính đã tồn tại.',
  DOSSIER_NOT_FOUND: 'Không tìm thấy hồ sơ.',
  DOSSIER_CODE_TAKEN: 'Mã hồ sơ đã tồn tại.',
  DOSSIER_CODE_INVALID: 'Mã hồ sơ không đúng định dạng <mã đơn vị>-YYMMDD-NNNN.',
  EVENT_NOT_ALLOWED: 'Sự kiện không hợp lệ ở trạng thái hiện tại của hồ sơ.',
  EVENT_OUT_OF_ORDER: 'Thời điểm của sự kiện sớm hơn sự kiện trước đó của hồ sơ.',
  EVENT_ID_CONFLICT: 'Mã sự kiện đã được dùng cho một nội dung khác.',
  STEP_NOT_FOUND: 'Không tìm thấy bước xử lý liên thông.',
  STEP_ALREADY_OPEN: 'Bước xử lý này đã được tiếp nhận.',
  STEP_STILL_OPEN: 'Còn bước xử lý chưa bàn giao, chưa thể kết thúc hồ sơ.',
  APOLOGY_ALREADY_ISSUED:
    'Hồ sơ đã được hẹn lại ngày trả kết quả một lần; pháp luật chỉ cho phép hẹn lại một lần.',
  APOLOGY_DATE_INVALID: 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.',
  CALENDAR_DATE_INVALID: 'Ngày không hợp lệ.',
  IMPORT_FILE_INVALID: 'Tệp nhập không đọc được.',
  RATING_NOT_FOUND: 'Không tìm thấy lượt đánh giá.',
  CORRECTION_NOT_FOUND: 'Không tìm thấy đề nghị sửa đánh giá.',
  CORRECTION_PENDING:
    'Lượt đánh giá này đang có một đề nghị sửa chờ duyệt; hãy duyệt hoặc từ chối đề nghị đó trước.',
  CORRECTION_SAME_PERSON:
    'Người duyệt phải khác người đề nghị sửa: việc sửa đánh giá cần hai cán bộ khác nhau (một người đề nghị, một người duyệt).',
  CORRECTION_ALREADY_DECIDED: 'Đề nghị sửa đánh giá này đã được duyệt hoặc từ chối trước đó.',
  APPEAL_NOT_RATED_OFFICIAL:
    'Chỉ cán bộ đã tiếp nhận hoặc xử lý hồ sơ mới được khiếu nại lượt đánh giá của hồ sơ đó.',
  ACCOUNT_NOT_LINKED_TO_OFFICIAL:
    'Tài khoản của bạn chưa được gắn với một cán bộ, công chức trong danh mục nên không thể thực hiện thao tác này. Đề nghị quản trị viên gắn tài khoản với cán bộ của bạn.',
  RATING_TOKEN_INVALID:
    'Mã đánh giá không hợp lệ. Vui lòng kiểm tra lại mã QR hoặc mã hồ sơ và mã xác thực trên phiếu.',
  RATING_TOKEN_USED: 'Hồ sơ này đã được đánh giá bằng mã này. Cảm ơn ông/bà đã đánh giá.',
  RATING_TOKEN_EXPIRED: 'Mã đánh giá đã hết hạn.',
  RATING_NOT_READY: 'Hồ sơ chưa có kết quả: ông/bà có thể đánh giá sau khi nhận kết quả.',
  COUNTER_NOT_FOUND: 'Không tìm thấy quầy giao dịch.',
  DEVICE_NOT_FOUND: 'Không tìm thấy thiết bị đánh giá.',
  DEVICE_PAIRING_INVALID: 'Mã ghép nối không đúng hoặc đã hết hạn. Đề nghị quản trị viên cấp mã mới.',
  DEVICE_UNAUTHORIZED:
    'Thiết bị không được xác thực: thiết bị chưa ghép nối, đã bị thu hồi hoặc chữ ký không hợp lệ.',
  DEVICE_NOT_PAIRED: 'Thiết bị đánh giá chưa được ghép nối.',
  INTEGRATION_UNAUTHORIZED: 'Yêu cầu không được xác thực: khóa tích hợp, chữ ký hoặc thời điểm không hợp lệ.',
  SCHEME_INVALID: 'Bộ chỉ số (scheme) không hợp lệ.',
  SCHEME_NOT_FOUND: 'Không có bộ chỉ số áp dụng cho thời điểm này.',
  PERIOD_INVALID: 'Kỳ đánh giá không hợp lệ (ví dụ 2025-Q3, 2025, 2026-07-01..2026-08-15).',
  UNIT_REPORT_NOT_FOUND: 'Đơn vị chưa lập báo cáo cho kỳ này.',
  UNIT_REPORT_SUBMITTED:
    'Báo cáo đã gửi cấp trên nên không sửa được; muốn sửa phải lập bản điều chỉnh và ghi rõ lý do điều chỉnh.',
  UNIT_REPORT_NOT_DRAFT: 'Không có bản nháp nào để gửi: báo cáo của kỳ này đã được gửi.',
  UNIT_REPORT_NO_CORRECTION: 'Báo cáo chưa được gửi nên không cần lập bản điều chỉnh; hãy sửa bản nháp.',
  PUBLICATION_NOT_FOUND: 'Không tìm thấy kết quả đã công bố của kỳ này (hoặc phiên bản này).',
  PUBLICATION_AGENCY_NOT_FOUND: 'Cơ quan, đơn vị này không có trong kết quả đã công bố nào.',
  PUBLICATION_REASON_REQUIRED:
    'Kỳ này đã được công bố: công bố lại tạo phiên bản mới và phải ghi rõ lý do công bố lại.',
  PUBLICATION_INCONSISTENT:
    'Không công bố được: tính lại từ dữ liệu mở không khớp với bảng xếp hạng (dữ liệu tổng hợp lệch với điểm từng hồ sơ). Chạy `hailong score recompute` rồi công bố lại.',
  PUBLICATION_BUSY:
    'Dữ liệu đang thay đổi liên tục nên chưa chốt được mốc kiểm toán để công bố. Vui lòng thử lại.',
  OPEN_DATA_INVALID: 'Tệp dữ liệu mở không hợp lệ.',
  UNAUTHENTICATED: 'Bạn cần đăng nhập để thực hiện thao tác này.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  SIGN_IN_FAILED: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  ACCOUNT_LOCKED: 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.',
  ACCOUNT_DISABLED: 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.',
  CSRF_INVALID: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo yêu cầu). Vui lòng tải lại trang.',
  PASSWORD_WEAK: 'Mật khẩu không đạt yêu cầu.',
  PASSWORD_INCORRECT: 'Mật khẩu hiện tại không đúng.',
  USERNAME_TAKEN: 'Tên đăng nhập đã tồn tại.',
  USER_NOT_FOUND: 'Không tìm thấy tài khoản.',
  ROLE_SCOPE_INVALID: 'Phạm vi của vai trò không hợp lệ.',
  DATABASE_LOCKED: 'Cơ sở dữ liệu đang được một tiến trình HàiLòng khác sử dụng.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
  RATE_LIMITED: 'Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
  INTERNAL: 'Lỗi hệ thống. Vui lòng thử lại sau.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A problem with one field, in the single "field: message" format. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The single error class; `details` explains what was wrong without leaking internals. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly FieldProblem[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    options: { message?: string; problems?: readonly FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(options.message ?? ERROR_CODES[code]);
    this.name = 'DomainError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.details = options.details ?? {};
  }
}

/** True when `value` is a DomainError (also across module copies). */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
