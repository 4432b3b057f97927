import { QUESTIONNAIRE, type QuestionnaireLang } from '#shared/questionnaire.ts';

/** The kiosk's own words; the questionnaire itself is the one every channel shares. */
export const KIOSK_TEXT = {
  vi: {
    ...QUESTIONNAIRE.vi,
    pairTitle: 'Ghép nối thiết bị đánh giá',
    pairIntro:
      'Nhập mã ghép nối do quản trị viên cấp cho quầy này. Thiết bị tự tạo khóa riêng; khóa không rời khỏi thiết bị.',
    pairCode: 'Mã ghép nối (8 ký tự)',
    pair: 'Ghép nối',
    pairing: 'Đang ghép nối…',
    welcome: 'Xin mời ông/bà đánh giá việc giải quyết hồ sơ',
    welcomeHint:
      'Cán bộ sẽ mời ông/bà đánh giá trên màn hình này, hoặc ông/bà quét mã QR trên phiếu đánh giá.',
    scanLabel: 'Quét mã QR trên phiếu đánh giá',
    scanInvalid: 'Mã quét không phải mã QR của phiếu đánh giá. Vui lòng quét lại.',
    rateTitle: 'Đánh giá việc giải quyết hồ sơ',
    dossier: 'Hồ sơ',
    scannedSlip: 'Phiếu đánh giá đã quét',
    chooseLevel: 'Vui lòng chọn mức độ hài lòng.',
    submit: 'Gửi đánh giá',
    cancel: 'Hủy',
    thanks: 'Cảm ơn ông/bà đã đánh giá!',
    thanksHint: 'Đánh giá đã được ghi nhận. Màn hình sẽ trở về trang đầu.',
    done: 'Về trang đầu',
    online: 'Đã kết nối máy chủ',
    offline: 'Mất kết nối: đánh giá được lưu trên thiết bị và tự gửi khi có mạng',
    waiting: (n: number) => `${n} đánh giá chờ gửi`,
    refused: (n: number) => `${n} đánh giá bị từ chối (xem nhật ký thiết bị)`,
    noAccount: 'Đánh giá không chứa thông tin cá nhân.',
    other: 'English',
    error: 'Không thực hiện được',
  },
  en: {
    ...QUESTIONNAIRE.en,
    pairTitle: 'Pair this rating device',
    pairIntro:
      'Type the pairing code the administrator issued for this counter. The device makes its own key; the key never leaves it.',
    pairCode: 'Pairing code (8 characters)',
    pair: 'Pair',
    pairing: 'Pairing…',
    welcome: 'Please rate how your dossier was handled',
    welcomeHint:
      'The official will invite you to rate on this screen, or scan the QR code on your evaluation slip.',
    scanLabel: 'Scan the QR code on your slip',
    scanInvalid: 'That is not the QR code of an evaluation slip. Please scan again.',
    rateTitle: 'Rate the handling of your dossier',
    dossier: 'Dossier',
    scannedSlip: 'Scanned evaluation slip',
    chooseLevel: 'Please choose your level of satisfaction.',
    submit: 'Send',
    cancel: 'Cancel',
    thanks: 'Thank you for your rating!',
    thanksHint: 'Your rating has been recorded. The screen will return to the start.',
    done: 'Back to start',
    online: 'Connected to the server',
    offline: 'Offline: ratings are kept on this device and sent when the network is back',
    waiting: (n: number) => `${n} rating(s) waiting to be sent`,
    refused: (n: number) => `${n} rating(s) refused (see the device log)`,
    noAccount: 'Ratings hold no personal data.',
    other: 'Tiếng Việt',
    error: 'Could not complete',
  },
} as const satisfies Record<QuestionnaireLang, object>;

export type KioskText = (typeof KIOSK_TEXT)[QuestionnaireLang];
