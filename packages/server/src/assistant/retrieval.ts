import MiniSearch from 'minisearch';
import type { IndexedProcedure } from '../catalog/index';
import { QUESTION_WORDS, words } from './vocabulary';

/**
 * Which published procedure a question is about: MiniSearch (BM25, one typo allowed in words of four
 * letters or more) over each procedure's folded official name and colloquial names. A match
 * counts only when it covers at least 60% of the question's content words (those left once the
 * question words are removed): "đổi bằng lái xe" shares "đổi" with a procedure and is still declined.
 */
export interface ProcedureMatch {
  procedure: IndexedProcedure;
  /** Share of the question's content words found in the procedure. */
  coverage: number;
}

/** One search index per catalog snapshot: the catalog index hands out a new array when it changes. */
const searches = new WeakMap<readonly IndexedProcedure[], { search: MiniSearch; procedureWords: Set<string> }>();

/** Two-word phrases that ask, whose words alone may name a procedure ("thời gian" is not "thôi kinh doanh"). */
const QUESTION_PHRASES = /\b(thoi gian|thoi han|ho so|giay to|thu tuc|le phi)\b/g;

/** True when a and b differ by at most one letter added, dropped, changed, or two neighbours swapped. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  if (a.length === b.length)
    return restA === restB || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const LONG_QUESTION_WORDS = [...QUESTION_WORDS].filter((w) => w.length >= 5);

/**
 * A question word, or one typed with a slip ("khogn", "nhnug") that is no word of any procedure
 * ("khai" is one letter from "khi" and still names a procedure): it says nothing about the procedure.
 */
function isQuestionWord(w: string, procedureWords: ReadonlySet<string>): boolean {
  if (QUESTION_WORDS.has(w)) return true;
  return w.length >= 5 && !procedureWords.has(w) && LONG_QUESTION_WORDS.some((q) => oneEditApart(w, q));
}

export function contentWords(text: string, procedureWords: ReadonlySet<string> = new Set()): string[] {
  return words(words(text).join(' ').replace(QUESTION_PHRASES, ' ')).filter((w) => !isQuestionWord(w, procedureWords));
}

function searchOf(entries: readonly IndexedProcedure[]): { search: MiniSearch; procedureWords: Set<string> } {
  const known = searches.get(entries);
  if (known) return known;
  const search = new MiniSearch({
    idField: 'index',
    fields: ['name', 'aliases'],
    // Exact question words only: a slip is told from a procedure's word on the question side (contentWords).
    tokenize: (text) => words(text).filter((w) => !QUESTION_WORDS.has(w)),
    processTerm: (term) => term,
    searchOptions: {
      boost: { name: 2, aliases: 1.5 },
      fuzzy: (term) => (term.length >= 4 ? 1 : 0),
      prefix: false,
      combineWith: 'OR',
    },
  });
  const documents = entries.map((e, index) => ({
    index,
    name: e.facts.name,
    aliases: (e.facts.colloquialNames ?? []).join(' . '),
  }));
  search.addAll(documents);
  const procedureWords = new Set(documents.flatMap((d) => words(`${d.name} ${d.aliases}`)));
  const built = { search, procedureWords };
  searches.set(entries, built);
  return built;
}

const MIN_COVERAGE = 0.6;

/** The best procedure for the question, or undefined when none covers enough of it. */
export function findProcedure(entries: readonly IndexedProcedure[], text: string): ProcedureMatch | undefined {
  const { search, procedureWords } = searchOf(entries);
  const asked = [...new Set(contentWords(text, procedureWords))];
  if (asked.length === 0) return undefined;
  const [best] = search.search(asked.join(' '));
  if (!best) return undefined;
  // A word found only by one typo's distance counts half: "bang" is one letter from "hang".
  const exact = best.queryTerms.filter((t) => t in best.match).length;
  const coverage = (exact + 0.5 * (best.queryTerms.length - exact)) / asked.length;
  if (exact === 0 || coverage < MIN_COVERAGE) return undefined;
  const procedure = entries[best.id as number];
  return procedure ? { procedure, coverage } : undefined;
}

/** True when the question names anything besides question words (a procedure, a topic, a thing). */
export function hasContent(text: string): boolean {
  return contentWords(text).length > 0;
}
