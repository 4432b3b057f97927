import type { Lang } from '../../i18n.ts';

/**
 * Words of the rating pages about who acts (kept beside them): the signed-in staff member
 * proposes, decides, appeals and keys slips in; no page asks "who are you" any more.
 */
export const RATINGS_TEXT = {
  vi: {
    actingNote:
      'Mỗi thao tác được ghi nhận theo tài khoản đang đăng nhập (và cán bộ gắn với tài khoản). Người duyệt phải là người khác người đề nghị.',
    proposer: (name: string) => `Người đề nghị: ${name}`,
    approver: (name: string) => `Người duyệt: ${name} (phải khác người đề nghị)`,
    appellant: (name: string) => `Người khiếu nại: ${name}`,
    appealHint: 'Chỉ tài khoản gắn với cán bộ đã tiếp nhận hoặc xử lý hồ sơ mới được khiếu nại.',
    keyedBy: (name: string) => `Người nhập phiếu: ${name}`,
    keyedByHint: 'Phiếu được ghi nhận theo tài khoản đang đăng nhập.',
  },
  en: {
    actingNote:
      'Every action is recorded as the signed-in account (and the official it is linked to). The approver must be another person than the proposer.',
    proposer: (name: string) => `Proposed by: ${name}`,
    approver: (name: string) => `Approver: ${name} (must differ from the proposer)`,
    appellant: (name: string) => `Appellant: ${name}`,
    appealHint: 'Only an account linked to an official who received or handled the dossier can appeal.',
    keyedBy: (name: string) => `Keyed in by: ${name}`,
    keyedByHint: 'The slip is recorded as the signed-in account.',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

/** Who did something on a rating, as the API shows it (src/http/presenters/present-rating-corrections.ts). */
export interface StaffRef {
  userId: string | null;
  name: string;
  official: { id: string; code: string; name: string } | null;
}

/** "Display name (CB001)" when the account is linked to an official, else the name alone. */
export function staffLabel(ref: StaffRef): string {
  return ref.official === null ? ref.name : `${ref.name} (${ref.official.code})`;
}
