/**
 * The questions of a satisfaction rating, and its scale.
 *
 * Decision 766/QĐ-TTg (2022) scores a province's "Mức độ hài lòng" group from the national portal's
 * evaluation of each dossier, whose content follows Decree 61/2018/NĐ-CP art. 31 and Circular
 * 01/2018/TT-VPCP (criteria: time taken against the rule, how many times the citizen had to come
 * back, the officers' conduct, whether the result is as the law says, how the agency answered
 * feedback). The wording below is ours, written from those criteria; the portal's exact questions
 * and answer labels could not be checked here. (verify) every label against dichvucong.gov.vn's
 * "Đánh giá chất lượng giải quyết thủ tục hành chính" form before a real evaluation is synced.
 */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_LABELS: Record<RatingLevel, { vi: string; en: string }> = {
  // (verify) the portal's three answers
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
};

export interface RatingQuestion {
  code: string;
  vi: string;
  en: string;
}

// Codes are single words: the database layer turns snake_case keys of JSON answers into camelCase.
export const RATING_QUESTIONS: readonly RatingQuestion[] = [
  {
    code: 'guidance',
    // (verify) Decree 61/2018 art. 31: hồ sơ được hướng dẫn đầy đủ, một lần
    vi: 'Việc hướng dẫn kê khai, hoàn thiện hồ sơ (đầy đủ, rõ ràng, một lần)',
    en: 'Guidance on filling in and completing the dossier (complete, clear, once)',
  },
  {
    code: 'conduct',
    // (verify) art. 31: thái độ, tác phong của cán bộ, công chức
    vi: 'Thái độ, tác phong của cán bộ tiếp nhận và giải quyết hồ sơ',
    en: 'Conduct of the officers who received and handled the dossier',
  },
  {
    code: 'timeliness',
    // (verify) art. 31: tổng thời gian giải quyết so với quy định
    vi: 'Thời gian giải quyết so với thời hạn đã hẹn',
    en: 'Time taken compared with the promised date',
  },
  {
    code: 'visits',
    // (verify) art. 31: số lần phải liên hệ để hoàn thiện hồ sơ
    vi: 'Số lần phải liên hệ, đi lại để hoàn thiện hồ sơ',
    en: 'How many times you had to get in touch or come back to complete the dossier',
  },
  {
    code: 'result',
    // (verify) art. 31: tính đúng quy định của kết quả giải quyết
    vi: 'Kết quả giải quyết đúng quy định, đúng nội dung đề nghị',
    en: 'The result is lawful and answers what was asked',
  },
  {
    code: 'overall',
    vi: 'Mức độ hài lòng chung',
    en: 'Overall satisfaction',
  },
];

/** How long after the first rating the citizen may still change it. */
export const RATING_EDIT_DAYS = 7;
