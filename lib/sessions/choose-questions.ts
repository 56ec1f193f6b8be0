/**
 * Question choice for a new session: from the set-up's topics and difficulty mix, balancing topics
 * (round-robin over a shuffled topic order), preferring questions the user has not practised
 * recently, reproducible from a seed stored on the session.
 */
import type { Difficulty } from "../bank/schema.ts";
import { seededRandom } from "../kernel/random.ts";

export type ChoosableQuestion = { id: string; topic: string; difficulty: Difficulty };

/**
 * The kernel generator question choice is pinned to: a session stores its seed, and the same seed
 * must choose the same questions in the same order.
 */
const QUESTION_CHOICE_RANDOM = "mulberry32";

export function chooseQuestions<Q extends ChoosableQuestion>(options: {
  questions: readonly Q[];
  count: number;
  topics?: readonly string[];
  difficulties?: readonly Difficulty[];
  /** Question ids the user practised recently, most recent first: chosen last. */
  recentIds?: readonly string[];
  seed: string;
}): Q[] {
  const random = seededRandom(options.seed, QUESTION_CHOICE_RANDOM);
  const topics = new Set(options.topics ?? []);
  const difficulties = new Set(options.difficulties ?? []);
  const pool = options.questions.filter((q) => (topics.size === 0 || topics.has(q.topic)) && (difficulties.size === 0 || difficulties.has(q.difficulty)));
  const recentRank = new Map((options.recentIds ?? []).map((id, i) => [id, i]));
  const shuffled = random.shuffle(pool);
  const topicOrder = random.shuffle([...new Set(shuffled.map((q) => q.topic))]);
  // Fresh questions first, round-robin over topics; recent ones only when fresh ones run out,
  // least recently practised first.
  const fresh = shuffled.filter((q) => !recentRank.has(q.id));
  const recent = shuffled.filter((q) => recentRank.has(q.id)).sort((a, b) => recentRank.get(b.id)! - recentRank.get(a.id)!);
  const chosen: Q[] = [];
  for (const group of [fresh, recent]) {
    const byTopic = new Map(topicOrder.map((t) => [t, group.filter((q) => q.topic === t)]));
    while (chosen.length < options.count && [...byTopic.values()].some((list) => list.length > 0)) {
      for (const topic of topicOrder) {
        const next = byTopic.get(topic)!.shift();
        if (next) chosen.push(next);
        if (chosen.length === options.count) break;
      }
    }
  }
  return chosen;
}
