import MiniSearch from 'minisearch';
import type { IndexedProcedure } from '../catalog/catalog-index';
import { COLLOQUIAL_NAMES, QUESTION_WORDS, words } from './vocabulary';

/**
 * Which published procedure a question is about: MiniSearch (BM25, one typo allowed in words of four
 * letters or more) over each procedure's folded official name, topic and colloquial names. A match
 * counts only when it covers at least 60% of the question's content words (those left once the
 * question words are removed): "đổi bằng lái xe" shares "đổi" with a procedure and is still declined.
 */
export interface ProcedureMatch {
  procedure: IndexedProcedure;
  /** Share of the question's content words found in the procedure. */
  coverage: number;
}

/** One search index per catalog snapshot: the catalog index hands out a new array when it changes. */
const searches = new WeakMap<readonly IndexedProcedure[], MiniSearch>();

function contentWords(text: string): string[] {
  return words(text).filter((w) => !QUESTION_WORDS.has(w));
}

function searchOf(entries: readonly IndexedProcedure[]): MiniSearch {
  const known = searches.get(entries);
  if (known) return known;
  const search = new MiniSearch({
    idField: 'index',
    fields: ['name', 'aliases', 'topic'],
    tokenize: (text) => contentWords(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: { name: 2, aliases: 1.5, topic: 0.5 },
      fuzzy: (term) => (term.length >= 4 ? 1 : 0),
      prefix: false,
      combineWith: 'OR',
    },
  });
  search.addAll(
    entries.map((e, index) => ({
      index,
      name: e.facts.name,
      aliases: (COLLOQUIAL_NAMES[e.code] ?? []).join(' . '),
      topic: e.searchText,
    })),
  );
  searches.set(entries, search);
  return search;
}

const MIN_COVERAGE = 0.6;

/** The best procedure for the question, or undefined when none covers enough of it. */
export function findProcedure(entries: readonly IndexedProcedure[], text: string): ProcedureMatch | undefined {
  const asked = [...new Set(contentWords(text))];
  if (asked.length === 0) return undefined;
  const [best] = searchOf(entries).search(asked.join(' '));
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
