/**
 * Question choice for a new session: from the set-up's topics and difficulty mix, balancing topics
 * (round-robin over a shuffled topic order), preferring questions the user has not practised
 * recently, reproducible from a seed stored on the session.
 */
import type { Difficulty } from "../bank/schema.ts";

export type ChoosableQuestion = { id: string; topic: string; difficulty: Difficulty };

/** A small seeded PRNG (mulberry32) over a string seed: the same seed gives the same sequence. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function chooseQuestions<Q extends ChoosableQuestion>(options: {
  questions: readonly Q[];
  count: number;
  topics?: readonly string[];
  difficulties?: readonly Difficulty[];
  /** Question ids the user practised recently, most recent first: chosen last. */
  recentIds?: readonly string[];
  seed: string;
}): Q[] {
  const random = seededRandom(options.seed);
  const topics = new Set(options.topics ?? []);
  const difficulties = new Set(options.difficulties ?? []);
  const pool = options.questions.filter((q) => (topics.size === 0 || topics.has(q.topic)) && (difficulties.size === 0 || difficulties.has(q.difficulty)));
  const recentRank = new Map((options.recentIds ?? []).map((id, i) => [id, i]));
  const shuffled = shuffle(pool, random);
  const topicOrder = shuffle([...new Set(shuffled.map((q) => q.topic))], random);
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
