import { foldVietnamese } from './text';

/**
 * Household business names (tên hộ kinh doanh). Source: Decree 168/2025/NĐ-CP art. 86 (from
 * 1 Jul 2025), formerly Decree 01/2021/NĐ-CP art. 88:
 * - two elements in this order: the phrase "Hộ kinh doanh", then the proper name;
 * - the proper name is written with letters of the Vietnamese alphabet, the letters F, J, Z, W,
 *   optionally digits and symbols;
 * - no words or symbols offending the nation's history, culture, morals or customs;
 * - not the phrases "công ty", "tổng công ty", "tập đoàn", "doanh nghiệp" (168/2025 added the
 *   middle two to the 01/2021 list);
 * - the proper name must not be identical ("trùng") to that of a household business already
 *   registered with the same registering authority (district before 1 Jul 2025, commune now).
 * The uniqueness check needs the register, so it is the server's; this module gives the key.
 * Protected trade names and marks (also barred) cannot be checked here: an officer's call.
 */

export const BUSINESS_NAME_PREFIX = 'Hộ kinh doanh';

const TONES = '\u0300\u0301\u0303\u0309\u0323';
/** Vowel modifiers allowed per base letter: circumflex ^, breve ˘, horn ʼ. */
const MODIFIERS: Record<string, string> = { a: '\u0302\u0306', e: '\u0302', o: '\u0302\u031b', u: '\u031b' };
const VOWELS = 'aeiouy';
/** Symbols ("ký hiệu"): ASCII punctuation and the typographic marks phones insert. */
const SYMBOL = /^[!-/:-@[-`{-~–—“”‘’…·°]$/;

/** Phrases reserved to enterprises, compared without diacritics so "cong ty" is caught too. */
const ENTERPRISE_PHRASES = ['tổng công ty', 'công ty', 'tập đoàn', 'doanh nghiệp'];

/**
 * A deliberately small list of vulgar words, compared with their diacritics (folding would turn
 * "đĩ" into "di", a common syllable). Anything subtler is for the officer who examines the dossier.
 */
const OFFENSIVE_WORDS = ['đụ', 'địt', 'lồn', 'buồi', 'cặc', 'đéo', 'đĩ', 'điếm', 'chó đẻ', 'mẹ kiếp'];

function tidy(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Splits "Hộ kinh doanh Minh Phát" into its two elements; `properName` is undefined without the prefix. */
export function splitBusinessName(name: string): { hasPrefix: boolean; properName: string | undefined } {
  const clean = tidy(name);
  const head = clean.slice(0, BUSINESS_NAME_PREFIX.length).toLocaleLowerCase('vi');
  const rest = clean.slice(BUSINESS_NAME_PREFIX.length);
  if (head !== BUSINESS_NAME_PREFIX.toLocaleLowerCase('vi') || (rest !== '' && !rest.startsWith(' '))) {
    return { hasPrefix: false, properName: undefined };
  }
  return { hasPrefix: true, properName: rest.trim() };
}

/** True for one NFC character that is a letter of the Vietnamese alphabet or F, J, Z, W. */
function isAllowedLetter(char: string): boolean {
  const lower = char.toLocaleLowerCase('vi');
  if (lower === 'đ') return true;
  const [base = '', ...marks] = [...lower.normalize('NFD')];
  if (!/^[a-z]$/.test(base)) return false;
  if (marks.length === 0) return true;
  if (!VOWELS.includes(base)) return false;
  const modifiers = marks.filter((m) => !TONES.includes(m));
  const tones = marks.filter((m) => TONES.includes(m));
  if (tones.length > 1 || modifiers.length > 1) return false;
  return modifiers.every((m) => (MODIFIERS[base] ?? '').includes(m));
}

type CharKind = 'letter' | 'digit' | 'space' | 'symbol' | 'invalid';

function charKind(char: string): CharKind {
  if (char === ' ') return 'space';
  if (/^[0-9]$/.test(char)) return 'digit';
  if (isAllowedLetter(char)) return 'letter';
  if (SYMBOL.test(char)) return 'symbol';
  return 'invalid';
}

function containsPhrase(haystackWords: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= haystackWords.length; i++) {
    if (phrase.every((w, j) => haystackWords[i + j] === w)) return true;
  }
  return false;
}

/** Words of a text, split on anything that is not a letter, mark or digit. */
function words(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** The problems of a proposed name, in Vietnamese; an empty list means the name follows the rules. */
export function checkBusinessName(name: string): string[] {
  const clean = tidy(name);
  if (clean === '') return ['Vui lòng nhập tên hộ kinh doanh'];
  const { hasPrefix, properName } = splitBusinessName(clean);
  if (!hasPrefix || properName === undefined) {
    const folded = foldVietnamese(clean);
    const headIsExact =
      clean.slice(0, BUSINESS_NAME_PREFIX.length).toLocaleLowerCase('vi') === BUSINESS_NAME_PREFIX.toLocaleLowerCase('vi');
    return /^ho kinh doanh( |$)/.test(folded) && !headIsExact
      ? ['Viết đúng cụm từ "Hộ kinh doanh" (có dấu) ở đầu tên']
      : ['Tên hộ kinh doanh phải bắt đầu bằng cụm từ "Hộ kinh doanh", sau đó là tên riêng'];
  }
  if (properName === '') return ['Thiếu tên riêng sau cụm từ "Hộ kinh doanh"'];

  const problems: string[] = [];
  const chars = [...properName];
  const invalid = [...new Set(chars.filter((c) => charKind(c) === 'invalid'))];
  if (invalid.length > 0) {
    problems.push(
      `Tên riêng có ký tự không được dùng: ${invalid.map((c) => `"${c}"`).join(', ')} (chỉ dùng chữ cái tiếng Việt, F, J, Z, W, chữ số và ký hiệu)`,
    );
  }
  if (!chars.some((c) => charKind(c) === 'letter' || charKind(c) === 'digit')) {
    problems.push('Tên riêng phải có ít nhất một chữ cái hoặc chữ số');
  }
  const foldedWords = words(foldVietnamese(properName));
  for (const phrase of ENTERPRISE_PHRASES) {
    if (phrase === 'công ty' && containsPhrase(foldedWords, words(foldVietnamese('tổng công ty')))) continue;
    if (containsPhrase(foldedWords, words(foldVietnamese(phrase)))) {
      problems.push(`Không được dùng cụm từ "${phrase}" trong tên hộ kinh doanh`);
    }
  }
  const lowerWords = words(properName.toLocaleLowerCase('vi'));
  const offensive = OFFENSIVE_WORDS.filter((w) => containsPhrase(lowerWords, words(w)));
  if (offensive.length > 0) {
    problems.push('Tên riêng có từ ngữ vi phạm thuần phong mỹ tục của dân tộc');
  }
  return problems;
}

/**
 * Where a tone mark sits in "oa", "oe", "uy" at the end of a syllable is a spelling convention
 * (old "hoà", "thuỷ" / new "hòa", "thủy"); both spell the same name, so the key moves the mark
 * onto the second vowel. Works on NFD text.
 */
function canonicalTonePlacement(nfd: string): string {
  const open = '(?![\\p{L}\\p{M}])';
  return nfd
    .replace(new RegExp(`o([${TONES}])([ae])${open}`, 'gu'), 'o$2$1')
    .replace(new RegExp(`u([${TONES}])y${open}`, 'gu'), 'uy$1');
}

/**
 * The key under which the register compares names (same key = "trùng"). The law compares the
 * proper names, so the prefix is dropped. Identical means the same letters: diacritics matter
 * ("Hòa Phát" and "Hoa Phát" are different names), case and extra spaces do not (certificates
 * print names in capitals), nor does Unicode composition or the old/new tone placement.
 * Terminated businesses are ignored by the caller (DOMAIN.md §4).
 */
export function businessNameKey(name: string): string {
  const { properName } = splitBusinessName(name);
  const own = (properName ?? tidy(name)).toLocaleLowerCase('vi');
  return canonicalTonePlacement(own.normalize('NFD')).normalize('NFC');
}

/** The name a register dossier's form asks for: a registration's own, or a change's new one. */
export function requestedBusinessName(form: Record<string, unknown>): string | undefined {
  const changes = form.changes as Record<string, unknown> | undefined;
  const name = form.businessName ?? changes?.businessName;
  return typeof name === 'string' && name.trim() ? name : undefined;
}

/** The register's key of the name a dossier's form asks for, if it asks for one. */
export function requestedBusinessNameKey(form: Record<string, unknown>): string | null {
  const name = requestedBusinessName(form);
  return name === undefined ? null : businessNameKey(name);
}
