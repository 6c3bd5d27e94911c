/**
 * English for the Vietnamese field messages (issue 15: a citizen reading the app in English sees
 * English beside the fields). The messages are built in Vietnamese, once, by the schemas the phone
 * and the server share; this table knows each message's shape and says it in English, naming the
 * field by the English noun phrase the vocabulary gives. A message it cannot say whole (a shape it
 * does not know, a field with no English name) stays Vietnamese: never half of each.
 */

export interface EnglishVocabulary {
  /** Vietnamese noun phrase of a field ("tên hộ kinh doanh") → English ("the business name"). */
  names: ReadonlyMap<string, string>;
  /**
   * A definition's own messages, Vietnamese → English; `{date}` and `{days}` in a key stand for
   * the values the message was built with (a notice rule's earliest day).
   */
  messages: ReadonlyMap<string, string>;
}

export type MessageLocale = 'vi' | 'en';

/** The phrases of the shared schemas (forms/common, identity numbers, sign-up) and of the field types. */
const COMMON_NAMES: Record<string, string> = {
  'họ và tên': 'your full name',
  'mật khẩu': 'your password',
  'số điện thoại': 'the phone number',
  'số điện thoại di động': 'your mobile phone number',
  'số định danh cá nhân': 'the citizen ID number',
  'địa chỉ thư điện tử': 'the email address',
  'giới tính': 'the sex',
  'cách nhận kết quả': 'how to receive the result',
  'mã số đăng ký hộ kinh doanh': 'the business registration number',
  'xã, phường, đặc khu': 'the commune or ward',
  'tên hộ kinh doanh': 'the business name',
  'mã số thuế': 'the tax code',
  'mã ngành': 'the industry code',
  'tên ngành, nghề': 'the name of the business line',
  'số nhà, đường, thôn/tổ dân phố': 'the house number, street, hamlet or residential group',
  'ngày sinh': 'the date of birth',
  'mật khẩu hiện tại': 'your current password',
};

const EXACT: Record<string, string> = {
  'Vui lòng nhập thông tin này': 'Please fill in this field',
  'Vui lòng nhập một số': 'Please enter a number',
  'Vui lòng chọn Có hoặc Không': 'Please choose Yes or No',
  'Vui lòng chọn ít nhất một mục': 'Please choose at least one item',
  'Thông tin không đúng dạng': 'This value is not in the expected form',
  'Không hợp lệ': 'Not valid',
  'Số điện thoại di động không hợp lệ (10 chữ số, bắt đầu bằng 03, 05, 07, 08, 09 hoặc +84)':
    'This mobile phone number is not valid (10 digits starting with 03, 05, 07, 08, 09, or +84)',
  'Số định danh cá nhân phải gồm đúng 12 chữ số': 'The citizen ID number must have exactly 12 digits',
  'Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh nơi đăng ký khai sinh':
    'The first three digits of the citizen ID number are not the code of a province of birth registration',
  'Ngày sinh không hợp lệ (định dạng YYYY-MM-DD)': 'The date of birth is not valid (format YYYY-MM-DD)',
  'Mật khẩu phải có ít nhất 8 ký tự': 'The password must have at least 8 characters',
  'Mật khẩu không được dài quá 128 ký tự': 'The password cannot be longer than 128 characters',
  'Mật khẩu phải có cả chữ cái và chữ số': 'The password must contain both letters and digits',
  'Mã xác thực gồm 6 chữ số': 'The verification code has 6 digits',
  'Mã số đăng ký hộ kinh doanh chỉ gồm chữ cái, chữ số và dấu "-", "/", "."':
    'The business registration number may only contain letters, digits and "-", "/", "."',
  'Vui lòng chọn xã, phường, đặc khu trong danh sách': 'Please choose a commune or ward from the list',
  'Vui lòng nhập địa chỉ thư điện tử hợp lệ': 'Please enter a valid email address',
  'Cho biết đây có phải ngành chính không': 'Say whether this is the main business line',
  'Vui lòng chọn ít nhất một ngành, nghề kinh doanh': 'Please choose at least one business line',
  'Chọn một ngành, nghề kinh doanh chính': 'Choose one main business line',
  'Chỉ được chọn một ngành, nghề kinh doanh chính': 'Only one business line can be the main one',
  'Mỗi mục chỉ được chọn một lần': 'Each item can be chosen only once',
  'Người khai phải là công dân Việt Nam': 'The declarant must be a Vietnamese citizen',
  'Mã ngành phải gồm đúng 4 chữ số (ngành cấp 4 của VSIC 2018)':
    'The industry code must have exactly 4 digits (a level-4 line of VSIC 2018)',
  'Viết đúng cụm từ "Hộ kinh doanh" (có dấu) ở đầu tên':
    'Write the words "Hộ kinh doanh" (with diacritics) at the start of the name',
  'Tên hộ kinh doanh phải bắt đầu bằng cụm từ "Hộ kinh doanh", sau đó là tên riêng':
    'The business name must start with "Hộ kinh doanh", followed by its own name',
  'Thiếu tên riêng sau cụm từ "Hộ kinh doanh"': 'The own name after "Hộ kinh doanh" is missing',
  'Tên riêng phải có ít nhất một chữ cái hoặc chữ số': 'The own name must contain at least one letter or digit',
  'Tên riêng có từ ngữ vi phạm thuần phong mỹ tục của dân tộc': 'The own name contains words against public decency',
  'Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số dạng 0123456789-001 đối với đơn vị phụ thuộc':
    'The tax code must have 10 digits, or 13 digits like 0123456789-001 for a dependent unit',
  'Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng, vui lòng kiểm tra lại':
    'The tax code is not valid: its check digit (the 10th) is wrong, please check it',
  'Bước khai báo không tồn tại': 'This step does not exist',
  // The account's own (sign-up, sign-in, password reset, profile).
  'Số điện thoại đã được đăng ký': 'This phone number is already registered',
  'Mã xác thực không đúng': 'The verification code is wrong',
  'Mã xác thực đã hết hạn': 'The verification code has expired',
  'Mã gồm 6 chữ số': 'The code has 6 digits',
  'Mã không đúng hoặc đã hết hạn': 'The code is wrong or has expired',
  'Mật khẩu hiện tại không đúng': 'The current password is wrong',
  'Không sửa được họ tên đã xác thực': 'A verified name cannot be changed',
  'Địa chỉ e-mail không hợp lệ': 'The email address is not valid',
  'Thành phần hồ sơ không thuộc thủ tục này': 'This paper does not belong to this procedure',
};

type Say = (name: (vi: string) => string | undefined, ...parts: string[]) => string | undefined;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const low = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
/** A capitalised name at the start of a message ("Vốn kinh doanh phải…") is looked up lower-cased. */
const named = (vi: string, name: (vi: string) => string | undefined, rest: (en: string) => string) => {
  const en = name(vi) ?? name(low(vi));
  return en === undefined ? undefined : rest(en);
};

/** Shapes of the built messages, most specific first (the money prompt before the plain one). */
const SHAPES: Array<[RegExp, Say]> = [
  [/^Vui lòng nhập (.+) \(số tiền bằng đồng\)$/, (n, a) => named(a!, n, (en) => `Please enter ${en} (an amount in đồng)`)],
  [/^Vui lòng nhập (.+)$/, (n, a) => named(a!, n, (en) => `Please enter ${en}`)],
  [/^Vui lòng chọn (.+)$/, (n, a) => named(a!, n, (en) => `Please choose ${en}`)],
  [
    /^(.+) không được dài quá (\d+) ký tự$/,
    (n, a, m) => named(a!, n, (en) => `${cap(en)} cannot be longer than ${m} characters`),
  ],
  [/^(.+) phải là chữ$/, (n, a) => named(a!, n, (en) => `${cap(en)} must be text`)],
  [/^(.+) không hợp lệ$/, (n, a) => named(a!, n, (en) => `${cap(en)} is not valid`)],
  [/^(.+) không đúng định dạng$/, (n, a) => named(a!, n, (en) => `${cap(en)} is not in the expected format`)],
  [/^(.+) phải là số nguyên đồng$/, (n, a) => named(a!, n, (en) => `${cap(en)} must be a whole number of đồng`)],
  [/^(.+) phải là số nguyên$/, (n, a) => named(a!, n, (en) => `${cap(en)} must be a whole number`)],
  [/^(.+) không được âm$/, (n, a) => named(a!, n, (en) => `${cap(en)} cannot be negative`)],
  [/^(.+) phải lớn hơn 0 đồng$/, (n, a) => named(a!, n, (en) => `${cap(en)} must be more than 0 đồng`)],
  [/^(.+) phải lớn hơn 0$/, (n, a) => named(a!, n, (en) => `${cap(en)} must be more than 0`)],
  [/^(.+) phải từ (-?[\d.,]+) trở lên$/, (n, a, m) => named(a!, n, (en) => `${cap(en)} must be ${m} or more`)],
  [/^(.+) không được lớn hơn (-?[\d.,]+)$/, (n, a, m) => named(a!, n, (en) => `${cap(en)} cannot be more than ${m}`)],
  [/^Lựa chọn không có trong danh sách (.+)$/, (n, a) => named(a!, n, (en) => `This choice is not in the list of ${en}`)],
  [
    /^(.+) sớm nhất là (\d{2}\/\d{2}\/\d{4}) \(hồ sơ phải nộp trước ít nhất (\d+) ngày làm việc\)$/,
    (n, a, date, days) =>
      named(a!, n, (en) => `${cap(en)} can be ${date} at the earliest (the dossier must arrive ${days} working days before)`),
  ],
  [
    /^Số định danh cá nhân không khớp với năm sinh (\d{4}) \(số định danh cho biết năm sinh (\d{4})\)$/,
    (_, y, id) => `The citizen ID number does not match the birth year ${y} (the number says ${id})`,
  ],
  [
    /^Năm sinh (\d{4}) không khớp với số định danh cá nhân \(số định danh cho biết năm sinh (\d{4})\)$/,
    (_, y, id) => `The birth year ${y} does not match the citizen ID number (the number says ${id})`,
  ],
  [
    /^Giới tính không khớp với số định danh cá nhân \(chữ số thứ 4 cho biết giới tính (nam|nữ)\)$/,
    (_, s) => `The sex does not match the citizen ID number (its 4th digit says ${s === 'nam' ? 'male' : 'female'})`,
  ],
  [/^Trường không được hỗ trợ: (.+)$/, (_, keys) => `Unsupported field: ${keys}`],
  [/^Ngành (\S+) đã được chọn$/, (_, code) => `Business line ${code} is already chosen`],
  [
    /^Mã ngành (\S+) không thuộc nhóm ngành nào của Hệ thống ngành kinh tế Việt Nam 2018$/,
    (_, code) => `Industry code ${code} belongs to no group of the Vietnam Standard Industrial Classification 2018`,
  ],
  [/^Không được dùng cụm từ "(.+)" trong tên hộ kinh doanh$/, (_, p) => `The words "${p}" cannot be used in a business name`],
  [
    /^Tên riêng có ký tự không được dùng: (.+) \(chỉ dùng chữ cái tiếng Việt, F, J, Z, W, chữ số và ký hiệu\)$/,
    (_, chars) =>
      `The own name has characters that cannot be used: ${chars} (use Vietnamese letters, F, J, Z, W, digits and symbols)`,
  ],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A definition's message with `{date}`/`{days}` as a pattern whose groups carry the values over. */
function templateShape(vi: string, en: string): [RegExp, (m: RegExpExecArray) => string] {
  const keys: string[] = [];
  const source = escapeRegExp(vi).replace(/\\\{(date|days)\\\}/g, (_, key: string) => {
    keys.push(key);
    return '(.+?)';
  });
  return [new RegExp(`^${source}$`), (m) => keys.reduce((text, key, i) => text.replaceAll(`{${key}}`, m[i + 1]!), en)];
}

/** The English of one message, or undefined when it cannot be said whole. */
export function englishMessage(message: string, vocabulary?: EnglishVocabulary): string | undefined {
  const own = vocabulary?.messages.get(message);
  if (own) return own;
  if (EXACT[message]) return EXACT[message];
  for (const [vi, en] of vocabulary?.messages ?? []) {
    if (!vi.includes('{')) continue;
    const [shape, say] = templateShape(vi, en);
    const m = shape.exec(message);
    if (m) return say(m);
  }
  const name = (vi: string) => vocabulary?.names.get(vi) ?? COMMON_NAMES[vi];
  for (const [shape, say] of SHAPES) {
    const m = shape.exec(message);
    if (m) return say(name, ...m.slice(1));
  }
  return undefined;
}

/** The errors in the reader's language: English where the message can be said in English, else as built. */
export function localizeFieldErrors<E extends { message: string }>(
  errors: readonly E[],
  locale: MessageLocale,
  vocabulary?: EnglishVocabulary,
): E[] {
  if (locale !== 'en') return [...errors];
  return errors.map((e) => ({ ...e, message: englishMessage(e.message, vocabulary) ?? e.message }));
}

/** 'en' when the request's first language (Accept-Language) is English, else Vietnamese. */
export function messageLocaleOf(acceptLanguage: string | undefined): MessageLocale {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'vi';
}
