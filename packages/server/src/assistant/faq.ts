import MiniSearch from 'minisearch';
import type { AppContext } from '../http/context';
import type { Answer } from './answers';
import { type FaqEntry, listFaq } from './conversation.repository';
import { contentWords } from './retrieval';
import { words } from './vocabulary';

/**
 * The province's own answers (issue 19 point 3): searched like the catalog — the same folding, the
 * same question words left out — and used when no procedure matches. A match must cover most of the
 * question's content words, so an entry about passports does not answer every question with "làm".
 */
const MIN_COVERAGE = 0.6;

interface FaqIndex {
  signature: string;
  entries: FaqEntry[];
  search: MiniSearch;
  /** The entries' words: none of them is taken for a slip of a question word ("chieu" is not "nhieu"). */
  known: Set<string>;
}

/** Entries are only ever added: their count and last id say whether the index is still the list's. */
const indexes = new WeakMap<object, FaqIndex>();

function indexOf(ctx: AppContext, entries: FaqEntry[]): FaqIndex {
  const signature = `${entries.length}:${entries.at(-1)?.id ?? ''}`;
  const cached = indexes.get(ctx);
  if (cached?.signature === signature) return cached;
  const known = new Set(entries.flatMap((e) => words(e.question)));
  const search = new MiniSearch({
    idField: 'index',
    fields: ['question'],
    tokenize: (text) => contentWords(text, known),
    processTerm: (term) => term,
    searchOptions: { fuzzy: (term) => (term.length >= 4 ? 1 : 0), prefix: false, combineWith: 'OR' },
  });
  search.addAll(entries.map((e, index) => ({ index, question: e.question })));
  const built = { signature, entries, search, known };
  indexes.set(ctx, built);
  return built;
}

/** The FAQ entry that answers the question, if one covers enough of it. */
export async function findFaq(ctx: AppContext, text: string): Promise<FaqEntry | undefined> {
  return (await faqMatcher(ctx))(text);
}

/** A matcher over the entries as they are now: for many questions at once (the officers' list). */
export async function faqMatcher(ctx: AppContext): Promise<(text: string) => FaqEntry | undefined> {
  const entries = await listFaq(ctx);
  if (entries.length === 0) return () => undefined;
  const { search, known } = indexOf(ctx, entries);
  return (text) => {
    const asked = [...new Set(contentWords(text, known))];
    if (asked.length === 0) return undefined;
    const [best] = search.search(asked.join(' '));
    if (!best) return undefined;
    const exact = best.queryTerms.filter((t) => t in best.match).length;
    const coverage = (exact + 0.5 * (best.queryTerms.length - exact)) / asked.length;
    // The entry's own words must be mostly asked too: "hộ chiếu" alone does not take "hộ chiếu gắn chip ở đâu".
    const entryWords = new Set(contentWords(entries[best.id as number]?.question ?? '', known));
    const covered = [...entryWords].filter((w) => asked.includes(w) || best.queryTerms.includes(w)).length;
    if (exact === 0 || coverage < MIN_COVERAGE || covered / Math.max(1, entryWords.size) < MIN_COVERAGE) return undefined;
    return entries[best.id as number];
  };
}

export function faqAnswer(entry: FaqEntry): Answer {
  const actions = entry.procedureCode
    ? [
        { label: 'Xem thủ tục', href: `/thu-tuc/${encodeURIComponent(entry.procedureCode)}` },
        { label: 'Nộp hồ sơ', href: `/nop/${encodeURIComponent(entry.procedureCode)}` },
      ]
    : [{ label: 'Xem danh mục thủ tục', href: '/thu-tuc' }];
  return {
    answer: entry.answer,
    intent: 'faq',
    confident: true,
    sources: [{ procedureCode: entry.procedureCode, field: `faq:${entry.id}` }],
    actions,
  };
}
