import type { Tt01Indicator } from './types.ts';

/**
 * The legal text behind each Thông tư 01/2018/TT-VPCP indicator, as shown in explanations
 * (Điều 13; legal-rules §2.2 [CONFIRMED]). Interpretations where the text is silent are said
 * so in the sentence itself, so an explanation never presents a design choice as the law.
 */
export const TT01_RULES: Readonly<Record<Tt01Indicator, string>> = {
  cs1:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 1 — tổng thời gian giải quyết so với thời hạn quy định: ' +
    'sớm hơn thời hạn 2 điểm; bằng thời hạn 1 điểm; quá thời hạn 0 điểm.',
  cs2:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 2 — thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết, ' +
    'kể cả đơn vị phối hợp: sớm hơn thời hạn 2 điểm; đúng thời hạn 1 điểm; quá thời hạn 0 điểm. ' +
    'Mỗi đơn vị nhận điểm của bước mình; điểm chung của hồ sơ là điểm thấp nhất (lựa chọn thiết kế).',
  cs3:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 3 — số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ, ' +
    'kể cả trực tuyến: không phải liên hệ 2 điểm; một lần 1 điểm; quá một lần 0 điểm, ' +
    'trừ trường hợp lỗi thuộc về tổ chức, cá nhân (các lần yêu cầu bổ sung do lỗi người nộp không được tính).',
  cs4:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 4 — số cơ quan, tổ chức phải liên hệ để hoàn thiện hồ sơ, ' +
    'kể cả trực tuyến: không phải liên hệ 2 điểm; chỉ liên hệ Bộ phận Một cửa 1 điểm (cơ quan tổ chức kiểm tra ' +
    'thực địa, hội đồng thẩm định theo quy định được tính thêm); quá một cơ quan, tổ chức 0 điểm.',
  cs5:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 5 — tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa: ' +
    'Bộ phận Một cửa tự tiếp nhận, thẩm định, phê duyệt hoặc trình kết quả cho ít nhất 20% (bộ, tỉnh, sở), ' +
    '50% (huyện), 100% (xã) số thủ tục 2 điểm; 100% thủ tục đủ điều kiện được tiếp nhận, trả kết quả tại ' +
    'Bộ phận Một cửa 1 điểm; dưới 100% 0 điểm.',
  cs6:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 6 — công khai thủ tục hành chính: công khai chính xác, đầy đủ, ' +
    'kịp thời bằng cả niêm yết và điện tử 2 điểm; bằng một trong hai hình thức 1 điểm; không công khai ' +
    'chính xác, đầy đủ, kịp thời 0 điểm.',
  cs7:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 7 — thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, ' +
    'giải quyết hồ sơ: giải quyết sớm hơn thời hạn và không có phản ánh, kiến nghị về hành vi nhũng nhiễu, ' +
    'gây phiền hà, không tuân thủ pháp luật 2 điểm; đúng thời hạn và không có phản ánh 1 điểm; có phản ánh ' +
    '0 điểm (phản ánh đã được xác minh là sai sự thật không tính). Hồ sơ quá hạn không có phản ánh: văn bản ' +
    'không quy định, chấm 0 điểm.',
  cs8:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 8 — tiếp nhận, xử lý phản ánh, kiến nghị: không có phản ánh, ' +
    'kiến nghị hoặc 100% được xử lý đúng hạn và không có vụ việc kéo dài 2 điểm; từ 90% xử lý đúng hạn và ' +
    'không có vụ việc kéo dài 1 điểm; dưới 90% hoặc có vụ việc kéo dài 0 điểm.',
  cs9:
    'Thông tư 01/2018/TT-VPCP Điều 13, chỉ số 9 — tiến độ, chất lượng cung cấp dịch vụ công trực tuyến mức độ 3, 4 ' +
    '(nay: toàn trình, một phần theo Nghị định 42/2022): từ 20% thủ tục đủ điều kiện được cung cấp trực tuyến, ' +
    'hồ sơ trực tuyến từ 30% và không có hồ sơ trực tuyến tồn đọng, quá hạn 2 điểm; có cung cấp, hồ sơ trực ' +
    'tuyến từ 15% đến dưới 30% và không tồn đọng, quá hạn 1 điểm; không cung cấp, dưới 15% hoặc có hồ sơ ' +
    'trực tuyến tồn đọng, quá hạn 0 điểm.',
};

/** Điều 15 khoản 3: classification of officials (indicators 1, 2, 3, 4, 7; maximum 10). */
export const OFFICIAL_CLASS_RULE =
  'Thông tư 01/2018/TT-VPCP Điều 15 khoản 2–3 — điểm chỉ số = tổng điểm các hồ sơ / số hồ sơ, làm tròn một ' +
  'chữ số thập phân; cán bộ, công chức (chỉ số 1, 2, 3, 4, 7; tối đa 10 điểm): từ 5 điểm hoàn thành 100% nhiệm ' +
  'vụ; từ 3,5 đến dưới 5 điểm hoàn thành từ 70% đến dưới 100%; dưới 3,5 điểm hoàn thành dưới 70%. ' +
  'Chỉ số chưa đủ thông tin không được tính vào tổng (Điều 15 khoản 4 điểm b).';

/** Điều 15 khoản 3: grades of agencies (9 indicators; maximum 18). */
export const AGENCY_GRADE_RULE =
  'Thông tư 01/2018/TT-VPCP Điều 15 khoản 1–3 — cơ quan, đơn vị (9 chỉ số; tối đa 18 điểm): từ 15 điểm Xuất ' +
  'sắc; từ 12 đến dưới 15 Tốt; từ 9 đến dưới 12 Khá; từ 6 đến dưới 9 Trung bình; dưới 6 Yếu. Chỉ số chưa đủ ' +
  'thông tin không được tính vào tổng (Điều 15 khoản 4 điểm b).';

/** The sentence that explains the missing-indicator policy in force (legal-rules §9.5). */
export function policySentence(policy: 'literal' | 'rescale', scored: number, outOf: number): string {
  return policy === 'literal'
    ? `${scored}/${outOf} chỉ số được chấm; xếp loại theo tổng điểm thực tế với ngưỡng giữ nguyên (cách đọc nguyên văn).`
    : `${scored}/${outOf} chỉ số được chấm; tổng điểm được quy đổi theo tỷ lệ về thang đầy đủ trước khi xếp loại (bộ chỉ số chọn "rescale").`;
}
