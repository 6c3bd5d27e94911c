/**
 * Vietnamese reading of a whole number of đồng, as printed on receipts ("Năm mươi nghìn đồng").
 * Pure. Rules of the spoken/written number:
 * - 1 after a tens digit ≥ 2 reads "mốt" (21 "hai mươi mốt"), but "mười một" after 1;
 * - 5 after any tens digit reads "lăm" (15 "mười lăm", 25 "hai mươi lăm");
 * - tens 1 is "mười", tens ≥ 2 is "<digit> mươi";
 * - a zero tens digit before a non-zero unit reads "linh" (or "lẻ", the southern usage) once a
 *   hundreds digit is spoken (105 "một trăm linh năm");
 * - a group of three after a higher non-zero group is read in full, "không trăm" included
 *   (1 000 005 "một triệu không trăm linh năm"); all-zero groups are skipped;
 * - scales nghìn, triệu, tỷ; above a billion the prefix is read again ("một nghìn tỷ").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000;

export interface ReadingOptions {
  /** Word for a zero tens digit before a unit: "linh" (default, northern/official) or "lẻ". */
  zeroTens?: 'linh' | 'lẻ';
}

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/** One group 0…999. `full`: a higher group was already spoken, so "không trăm" / "linh" are needed. */
function readTriple(n: number, full: boolean, zeroTens: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  const hasHundreds = full || h > 0;
  if (hasHundreds) words.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (hasHundreds) words.push(zeroTens);
      words.push(digit(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  } else {
    words.push(digit(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  }
  return words;
}

/** 0 < n < 1e9; `full` when something was spoken before this part. */
function readBelowBillion(n: number, full: boolean, zeroTens: string): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const scales = ['triệu', 'nghìn', ''];
  const words: string[] = [];
  let spoken = full;
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...readTriple(g, spoken, zeroTens));
    const scale = scales[i];
    if (scale) words.push(scale);
    spoken = true;
  });
  return words;
}

function readWords(n: number, full: boolean, zeroTens: string): string[] {
  if (n >= BILLION) {
    const head = readWords(Math.floor(n / BILLION), full, zeroTens);
    const rest = n % BILLION;
    return rest === 0 ? [...head, 'tỷ'] : [...head, 'tỷ', ...readBelowBillion(rest, true, zeroTens)];
  }
  return readBelowBillion(n, full, zeroTens);
}

/** 2318000 → "hai triệu ba trăm mười tám nghìn" (lower case, no unit). */
export function readVietnameseNumber(n: number, options: ReadingOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Số không hợp lệ: ${n}`);
  if (n === 0) return DIGITS[0];
  return readWords(n, false, options.zeroTens ?? 'linh').join(' ');
}

/** 50000 → "Năm mươi nghìn đồng" — the "bằng chữ" line of a receipt. */
export function amountInWords(amount: number, options: ReadingOptions = {}): string {
  const words = readVietnameseNumber(amount, options);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}
