/**
 * The citizen's questionnaire, one wording for every channel (online form, counter device,
 * paper slip): the 5-level satisfaction (decision 7) and the indicators a citizen can judge
 * (Thông tư 01/2018 Điều 14: indicators 1, 3, 4 and 7 from the citizen's answers).
 */
export type QuestionnaireLang = 'vi' | 'en';
export type SatisfactionLevel = 1 | 2 | 3 | 4 | 5;
export type AnswerPoints = 0 | 1 | 2;

export const SATISFACTION_LEVELS: readonly SatisfactionLevel[] = [5, 4, 3, 2, 1];
export const SATISFACTION_FACES: Readonly<Record<SatisfactionLevel, string>> = {
  5: '😄',
  4: '🙂',
  3: '😐',
  2: '🙁',
  1: '😠',
};

export interface QuestionnaireText {
  satisfaction: string;
  levels: Readonly<Record<SatisfactionLevel, string>>;
  optional: string;
  q1: string;
  q1a: Readonly<Record<AnswerPoints, string>>;
  q3: string;
  q3a: Readonly<Record<AnswerPoints, string>>;
  q4: string;
  q4a: Readonly<Record<AnswerPoints, string>>;
  q7: string;
  q7a: Readonly<{ no: string; yes: string }>;
  comment: string;
}

export const QUESTIONNAIRE: Readonly<Record<QuestionnaireLang, QuestionnaireText>> = {
  vi: {
    satisfaction: 'Mức độ hài lòng của ông/bà',
    levels: {
      5: 'Rất hài lòng',
      4: 'Hài lòng',
      3: 'Bình thường',
      2: 'Không hài lòng',
      1: 'Rất không hài lòng',
    },
    optional: '(không bắt buộc)',
    q1: 'Thời gian giải quyết so với giấy hẹn',
    q1a: { 2: 'Sớm hơn hẹn', 1: 'Đúng hẹn', 0: 'Trễ hẹn' },
    q3: 'Số lần phải liên hệ để bổ sung, hoàn thiện hồ sơ',
    q3a: { 2: 'Không lần nào', 1: 'Một lần', 0: 'Nhiều hơn một lần' },
    q4: 'Số cơ quan, tổ chức phải liên hệ',
    q4a: { 2: 'Không phải liên hệ', 1: 'Chỉ Bộ phận Một cửa', 0: 'Nhiều hơn một cơ quan' },
    q7: 'Cán bộ có gây phiền hà, nhũng nhiễu hoặc có hành vi không đúng mực không?',
    q7a: { no: 'Không', yes: 'Có' },
    comment: 'Góp ý thêm',
  },
  en: {
    satisfaction: 'How satisfied are you?',
    levels: { 5: 'Very satisfied', 4: 'Satisfied', 3: 'Neutral', 2: 'Dissatisfied', 1: 'Very dissatisfied' },
    optional: '(optional)',
    q1: 'Time taken compared with the appointment',
    q1a: { 2: 'Earlier', 1: 'On the day', 0: 'Late' },
    q3: 'Times you had to come back to complete the dossier',
    q3a: { 2: 'None', 1: 'Once', 0: 'More than once' },
    q4: 'Offices you had to contact',
    q4a: { 2: 'None', 1: 'Only the one-stop desk', 0: 'More than one' },
    q7: 'Did any official cause trouble, harass you or behave improperly?',
    q7a: { no: 'No', yes: 'Yes' },
    comment: 'Other comments',
  },
};

/** The citizen's ticks, as the form and the device send them. */
export interface QuestionnaireAnswers {
  cs1?: AnswerPoints | undefined;
  cs3?: AnswerPoints | undefined;
  cs4?: AnswerPoints | undefined;
  conduct?: 'no' | 'yes' | undefined;
}

/**
 * The citizen's answers as indicator points. Indicator 7 from the citizen: improper conduct
 * scores 0; otherwise it follows their answer on time (Thông tư 01/2018 Điều 13, chỉ số 7).
 */
export function answersToPoints(answers: QuestionnaireAnswers): {
  cs1?: AnswerPoints;
  cs3?: AnswerPoints;
  cs4?: AnswerPoints;
  cs7?: AnswerPoints;
} {
  const cs7 = answers.conduct === 'yes' ? 0 : answers.conduct === 'no' ? answers.cs1 : undefined;
  return {
    ...(answers.cs1 !== undefined ? { cs1: answers.cs1 } : {}),
    ...(answers.cs3 !== undefined ? { cs3: answers.cs3 } : {}),
    ...(answers.cs4 !== undefined ? { cs4: answers.cs4 } : {}),
    ...(cs7 !== undefined ? { cs7 } : {}),
  };
}
