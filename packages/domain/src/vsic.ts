import rows from './data/vsic-2018.json';
import { foldVietnamese } from './text';

/**
 * Vietnam Standard Industrial Classification 2018 (VSIC 2018, Decision 27/2018/QĐ-TTg): the list
 * business lines are chosen from. Levels 1–3 are complete; levels 4–5 are partial (see
 * data/README.md), so a well-formed level-4 code missing here is accepted and flagged for review.
 */

export type VsicLevel = 1 | 2 | 3 | 4 | 5;

export interface VsicEntry {
  /** Section letter (level 1) or 2–5 digits. */
  code: string;
  level: VsicLevel;
  name: string;
  parent: string | null;
}

interface IndexedEntry {
  entry: VsicEntry;
  folded: string;
}

export const VSIC_ENTRIES: readonly VsicEntry[] = Object.freeze(
  (rows as VsicEntry[]).map((r) => Object.freeze({ code: r.code, level: r.level, name: r.name, parent: r.parent })),
);

const BY_CODE = new Map(VSIC_ENTRIES.map((e) => [e.code, e]));
const INDEXED: readonly IndexedEntry[] = VSIC_ENTRIES.map((entry) => ({ entry, folded: foldVietnamese(entry.name) }));

export function findVsic(code: string): VsicEntry | undefined {
  return BY_CODE.get(code.trim());
}

/** The entry and its ancestors, from the section down: for "A › 01 › 011 › 0111". */
export function vsicPath(code: string): VsicEntry[] {
  const path: VsicEntry[] = [];
  for (let e = findVsic(code); e; e = e.parent ? BY_CODE.get(e.parent) : undefined) path.unshift(e);
  return path;
}

export interface VsicSearchOptions {
  /** Only entries of this level (4 for the certificate's business lines). */
  level?: VsicLevel;
  /** At most this many results (default 20). */
  limit?: number;
}

/**
 * Everyday words for the businesses households register most, which the catalog's names do not
 * use ("quán ăn" is not in "Nhà hàng và các dịch vụ ăn uống…"): folded phrase → codes, best first.
 */
const EVERYDAY_WORDS: Record<string, readonly string[]> = {
  'quan an': ['5610'],
  'quan com': ['5610'],
  'com binh dan': ['5610'],
  'an uong': ['5610', '5630'],
  pho: ['5610'],
  bun: ['5610'],
  'banh mi': ['5610', '4722'],
  'tap hoa': ['4711', '4781', '4722'],
  'bach hoa': ['4711'],
  'ca phe': ['5630'],
  cafe: ['5630'],
  'quan nuoc': ['5630'],
  'giai khat': ['5630'],
  'tra sua': ['5630'],
  'sua xe': ['4542', '4520'],
  'sua xe may': ['4542'],
  'cat toc': ['9631'],
  'hot toc': ['9631'],
  'lam dau': ['9631'],
  'may do': ['1410'],
  'nha nghi': ['5510'],
  homestay: ['5510'],
  'giat ui': ['9620'],
  'quan ao': ['4771'],
};

/** Codes the everyday words of the query name ("quán ăn" → 5610), best first. */
export function everydayVsicCodes(query: string): string[] {
  return everydayHits(foldVietnamese(query)).map((e) => e.code);
}

/** Entries the everyday words of the query name, in the order of the words' lists. */
function everydayHits(folded: string): VsicEntry[] {
  const padded = ` ${folded} `;
  const codes = Object.entries(EVERYDAY_WORDS)
    .filter(([phrase]) => padded.includes(` ${phrase} `))
    .sort((a, b) => b[0].length - a[0].length)
    .flatMap(([, list]) => list);
  return [...new Set(codes)].flatMap((c) => BY_CODE.get(c) ?? []);
}

/**
 * Search by code prefix ("4711") or by words of the name, ignoring diacritics and case ("ban le
 * tap hoa" finds "Bán lẻ … tạp hoá"). Everyday words ("quán ăn", "tạp hóa", "cà phê") come first with
 * the codes they mean; then entries where every word occurs, those whose name starts with the query
 * first, then catalog order.
 */
export function searchVsic(query: string, options: VsicSearchOptions = {}): VsicEntry[] {
  const limit = options.limit ?? 20;
  const folded = foldVietnamese(query);
  if (folded === '') return [];
  const inLevel = (e: VsicEntry) => options.level === undefined || e.level === options.level;
  if (/^\d+$/.test(folded)) {
    return VSIC_ENTRIES.filter((e) => inLevel(e) && e.code.startsWith(folded)).slice(0, limit);
  }
  const terms = folded.split(' ');
  const hits = INDEXED.filter((i) => inLevel(i.entry) && terms.every((t) => i.folded.includes(t)));
  const starts = hits.filter((i) => i.folded.startsWith(folded));
  const others = hits.filter((i) => !i.folded.startsWith(folded));
  const everyday = everydayHits(folded).filter(inLevel);
  const seen = new Set(everyday.map((e) => e.code));
  const byName = [...starts, ...others].map((i) => i.entry).filter((e) => !seen.has(e.code));
  return [...everyday, ...byName].slice(0, limit);
}

export type VsicCodeCheck =
  | { plausible: true; needsReview: false; entry: VsicEntry }
  /** Well formed, its group exists, but the class is missing from the partial list. */
  | { plausible: true; needsReview: true; group: VsicEntry }
  | { plausible: false; message: string };

/**
 * Whether a 4-digit code may be put on a certificate. A code missing from the partial list is
 * accepted when its 3-digit group exists (level 3 is complete), with `needsReview` so an officer
 * checks it against the Decision's appendix instead of the citizen being turned away.
 */
export function isPlausibleVsicCode(code: string): VsicCodeCheck {
  const c = code.trim();
  if (!/^\d{4}$/.test(c)) return { plausible: false, message: 'Mã ngành phải gồm đúng 4 chữ số (ngành cấp 4 của VSIC 2018)' };
  const entry = BY_CODE.get(c);
  if (entry) return { plausible: true, needsReview: false, entry };
  const group = BY_CODE.get(c.slice(0, 3));
  if (group && group.level === 3) return { plausible: true, needsReview: true, group };
  return { plausible: false, message: `Mã ngành ${c} không thuộc nhóm ngành nào của Hệ thống ngành kinh tế Việt Nam 2018` };
}
