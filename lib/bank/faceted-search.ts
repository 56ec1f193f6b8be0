/**
 * What the /bank page shows for one URL: the matching questions (ranked by the text index,
 * search.ts, when there is a query; in bank order otherwise) and faceted counts: each facet counts
 * the questions that match every other filter, so the numbers say what choosing that value would
 * give. Filtering is QuestionBank.filter's, with its one predicate (question-bank.ts
 * questionMatcher).
 */
import type { BankQuery } from "./bank-query.ts";
import { questionMatcher } from "./question-bank.ts";
import { DIFFICULTIES, type BankMeta, type Difficulty, type Question, type QuestionBank } from "./schema.ts";

export type Count = { value: string; label: string; count: number; /** The bank a topic belongs to, when every bank is shown. */ group?: string };

export type BankView = {
  /** The bank filter in effect ("" = every bank; an unknown bank id is ignored). */
  bankId: string;
  banks: Array<BankMeta & { count: number }>;
  results: Question[];
  /** Questions in the current bank(s), before search and filters. */
  total: number;
  topics: Count[];
  difficulties: Count[];
  tags: Count[];
};

const lower = (s: string) => s.toLowerCase();
export const difficultyLabel = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);

export function searchBank(bank: QuestionBank, query: BankQuery): BankView {
  const metas = bank.banks();
  const bankId = metas.some((b) => b.id === query.bank) ? query.bank : "";
  const all = bank.list();
  const inBank = bankId ? all.filter((q) => q.bankId === bankId) : all;
  const base = bank.filter({ bankId: bankId || undefined, query: query.q || undefined });

  const tag = lower(query.tag);
  const byTopic = questionMatcher({ topics: query.topic ? [query.topic] : undefined });
  // An unknown difficulty matches nothing, as it always has (the URL may carry anything).
  const byDifficulty = questionMatcher({ difficulties: query.difficulty ? [query.difficulty as Difficulty] : undefined });
  const byTag = questionMatcher({ tags: query.tag ? [query.tag] : undefined });

  const results = base.filter((q) => byTopic(q) && byDifficulty(q) && byTag(q));

  const topicCounts = new Map<string, number>();
  const topicGroup = new Map<string, string>();
  for (const b of metas) {
    if (bankId && b.id !== bankId) continue;
    for (const t of bank.topics(b.id)) {
      topicCounts.set(t, 0);
      if (!bankId && metas.length > 1 && !topicGroup.has(t)) topicGroup.set(t, b.name);
    }
  }
  for (const q of base) if (byDifficulty(q) && byTag(q)) topicCounts.set(q.topic, (topicCounts.get(q.topic) ?? 0) + 1);

  const difficultyCounts = new Map<Difficulty, number>(DIFFICULTIES.map((d) => [d, 0]));
  for (const q of base) if (byTopic(q) && byTag(q)) difficultyCounts.set(q.difficulty, (difficultyCounts.get(q.difficulty) ?? 0) + 1);

  // Tags: those that would still find something under the other filters (the chosen one always).
  const tagCounts = new Map<string, number>();
  for (const q of base) if (byTopic(q) && byDifficulty(q)) for (const t of q.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  if (query.tag && ![...tagCounts.keys()].some((t) => lower(t) === tag)) tagCounts.set(query.tag, 0);

  const bankCounts = new Map<string, number>();
  for (const q of all) bankCounts.set(q.bankId, (bankCounts.get(q.bankId) ?? 0) + 1);

  return {
    bankId,
    banks: metas.map((b) => ({ ...b, count: bankCounts.get(b.id) ?? 0 })),
    results,
    total: inBank.length,
    topics: [...topicCounts].map(([value, count]) => ({ value, label: value, count, group: topicGroup.get(value) })),
    difficulties: [...difficultyCounts].map(([value, count]) => ({ value, label: difficultyLabel(value), count })),
    tags: [...tagCounts].map(([value, count]) => ({ value, label: value, count })).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
  };
}

/** Results in bank order, grouped by bank and topic (for the unsearched listing). */
export function groupByTopic(
  questions: Question[],
  banks: BankMeta[],
): Array<{ key: string; bank: BankMeta | undefined; topic: string; questions: Question[] }> {
  const groups = new Map<string, { key: string; bank: BankMeta | undefined; topic: string; questions: Question[] }>();
  for (const q of questions) {
    const key = `${q.bankId}\u0000${q.topic}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, bank: banks.find((b) => b.id === q.bankId), topic: q.topic, questions: [] }));
    g.questions.push(q);
  }
  return [...groups.values()];
}
