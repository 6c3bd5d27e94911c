import { foldVietnamese } from '@dvc/domain';

/**
 * Words that say what is asked, not about which procedure: left out of the procedure search, so a
 * question is matched on what remains ("lệ phí khai sinh bao nhiêu" is searched as "khai sinh").
 */
export const QUESTION_WORDS = new Set(
  (
    'can gi nhung bao nhieu lau lam the nao o dau toi minh e em anh chi muon hoi cho xin thi la co khong ko k a ah vay nhi ha ' +
    'roi di duoc phai nop ho so le phi phi tien mat ngay thoi gian giay to thu tuc ket qua truc tuyen online mang qua tren ' +
    'dang ky cua va voi de khi nao may gio viec mo bay chu nhat nghi tet tinh trang trang thai den xong chua ma ' +
    'thanh phan gom chuan bi mang theo ban sao hien nay bay gio xem giup voi oi ad admin shop sao han ' +
    'ca duoc phan nua chua cho mot luc lien he so dien thoai goi dau co quan noi nao chon the ạ nha nhe hoai bi ' +
    'tra cuu kiem tra hom nay cung len xa phuong huyen ubnd hay bo me ong vo chong moi nguoi giai quyet xu ly con ma van rat nhanh bao gio toan trinh truc tiep den luon duoc khong'
  ).split(' '),
);

/** Chat shorthand, spelled out: "can j" is "cần gì", "dc ko" is "được không". */
const SHORTHAND: Record<string, string> = {
  j: 'gi',
  ji: 'gi',
  ko: 'khong',
  k: 'khong',
  kh: 'khong',
  hok: 'khong',
  hem: 'khong',
  dc: 'duoc',
  bn: 'bao nhieu',
  bnhieu: 'bao nhieu',
  ntn: 'nhu the nao',
  onl: 'online',
  hs: 'ho so',
  gplx: 'giay phep lai xe',
  gpkd: 'giay phep kinh doanh',
  hkd: 'ho kinh doanh',
  bhyt: 'bao hiem y te',
};

/** Folded words of a text: diacritics, case, punctuation and chat shorthand gone. */
export function words(text: string): string[] {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0)
    .flatMap((w) => (SHORTHAND[w] ?? w).split(' '));
}

export type Intent = 'papers' | 'fee' | 'duration' | 'where' | 'online' | 'status' | 'hours' | 'faq' | 'unknown';

/** Phrases (folded, space-joined words) by intent, tried in this order: the first that occurs wins. */
const INTENT_PHRASES: Array<[Exclude<Intent, 'unknown' | 'faq'>, RegExp]> = [
  [
    'status',
    /\b(ho so (cua )?(toi|minh|em|anh|chi|nha)|den dau roi|toi dau roi|tinh trang|trang thai|tra cuu ho so|xong chua|co ket qua chua|duoc chua|xu ly toi dau|xu ly den dau|ma ho so)\b/,
  ],
  [
    'hours',
    /\b(gio lam viec|may gio|gio hanh chinh|mo cua|lam viec (vao )?(thu bay|chu nhat)|thu bay|chu nhat|ngay le|nghi le|nghi tet|tet|ngay nghi|lich nghi|lich lam viec|buoi trua|lam viec khong)\b/,
  ],
  [
    'duration',
    /\b(bao lau|may ngay|bao nhieu ngay|thoi gian (giai quyet|xu ly|tra)|khi nao co|bao gio co|bao gio lay|mat bao lau|lau khong|thoi han)\b/,
  ],
  [
    'fee',
    /\b(le phi|(?<!chi |tang )phi|bao nhieu tien|het bao nhieu|ton bao nhieu|mat bao nhieu|tra tien|nop tien|dong tien|mat tien|ton tien|het tien|bao nhieu|mien phi)\b/,
  ],
  ['online', /\b(truc tuyen|online|onl|qua mang|tren mang|toan trinh|khong can den|khong phai den|tai nha|dien thoai)\b/],
  [
    'where',
    /\b(o dau|cho nao|noi nao|co quan nao|den dau nop|nop dau|lam dau|nop tai|lam tai|o cho nao|len dau|dau lam|di dau)\b/,
  ],
  [
    'papers',
    /\b(can gi|can nhung gi|giay to|ho so gom|thanh phan|chuan bi|mang theo|can mang|giay gi|can nhung giay|lam the nao|lam sao|thu tuc)\b/,
  ],
];

export function intentOf(folded: string): Exclude<Intent, 'unknown' | 'faq'> | undefined {
  return INTENT_PHRASES.find(([, pattern]) => pattern.test(folded))?.[0];
}
