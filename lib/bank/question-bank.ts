/**
 * The read-only QuestionBank view over loaded banks: stable listing, lookup by id, faceted filter
 * and ranked full-text search (the index is built on first use, once).
 */
import type { Bank, BankMeta, Question, QuestionBank, QuestionFilter } from "./schema.ts";
import { buildSearchIndex, type SearchIndex } from "./search.ts";

/** Sorts banks by order (default 0) then id, and each bank's questions by number then file. */
export function sortBanks(banks: Bank[]): Bank[] {
  const sorted = [...banks].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || compare(a.id, b.id));
  return sorted.map((b) => ({ ...b, questions: [...b.questions].sort(compareQuestions) }));
}

export function compareQuestions(a: Question, b: Question): number {
  return (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || compare(a.file, b.file);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function bankMeta(bank: Bank): BankMeta {
  const { dir: _dir, questions: _questions, ...meta } = bank;
  return meta;
}

const lower = (s: string) => s.trim().toLowerCase();

/**
 * Whether a question passes a filter's bank, topics, difficulties and tags (not its text query):
 * topics and tags compare case-insensitively. The one predicate of QuestionBank.filter and of the
 * /bank facet counts (faceted-search.ts).
 */
export function questionMatcher(filter: Omit<QuestionFilter, "query">): (q: Question) => boolean {
  const topics = filter.topics?.length ? new Set(filter.topics.map(lower)) : undefined;
  const difficulties = filter.difficulties?.length ? new Set<string>(filter.difficulties) : undefined;
  const tags = filter.tags?.length ? new Set(filter.tags.map(lower)) : undefined;
  return (q) =>
    (!filter.bankId || q.bankId === filter.bankId) &&
    (!topics || topics.has(lower(q.topic))) &&
    (!difficulties || difficulties.has(q.difficulty)) &&
    (!tags || q.tags.some((t) => tags.has(lower(t))));
}

/** Builds the QuestionBank view. Banks are used in the order given (loadBanks sorts them). */
export function createQuestionBank(banks: readonly Bank[]): QuestionBank {
  const metas = banks.map(bankMeta);
  const questions: Question[] = banks.flatMap((b) => b.questions);
  const byId = new Map(questions.map((q) => [q.id, q]));
  let index: SearchIndex | undefined;
  const searchAll = (query: string, limit: number) => {
    index ??= buildSearchIndex(questions);
    return index.search(query, limit).map((i) => questions[i]!);
  };

  return {
    banks: () => [...metas],
    list: () => [...questions],
    get: (id) => byId.get(id),
    filter(filter: QuestionFilter) {
      const keep = questionMatcher(filter);
      const query = filter.query?.trim();
      // With a query: ranked by relevance; without: the stable list order.
      return query ? searchAll(query, questions.length).filter(keep) : questions.filter(keep);
    },
    search: (query, limit = 20) => searchAll(query, limit),
    topics(bankId?: string) {
      const seen = new Set<string>();
      for (const q of questions) if (!bankId || q.bankId === bankId) seen.add(q.topic);
      return [...seen];
    },
  };
}
