/**
 * The kit builder: from the recruiter's inputs and a seed to a complete interview kit
 * (intro, timed plan, questions with key points, follow-ups, red flags and a 1-4 rubric, wrap-up).
 * Pure and deterministic: the same inputs, seed and bank give the same kit, in the UI, the API
 * and the CLI. No I/O; the bank is passed in.
 */
import type { ApiFields } from "../api/errors.ts";
import { formatZodError } from "../api/zod.ts";
import type { Difficulty, Question, QuestionBank } from "../bank/schema.ts";
import { seededRandom } from "../kernel/random.ts";
import { alternativeKey } from "./edit.ts";
import { apportion, defaultSectionMinutes, questionWeight } from "./plan.ts";
import { derivedKeyPoints, gist, rubricFor, kitKeyPoints } from "./rubric.ts";
import {
  builderInputSchema,
  LEVEL_LABELS,
  MAX_QUESTION_MINUTES,
  MAX_KIT_QUESTIONS,
  MAX_TOTAL_MINUTES,
  MIN_QUESTION_MINUTES,
  MIN_TOTAL_MINUTES,
  type BuilderInput,
  type BuilderInputs,
  type DifficultyMix,
  type Level,
  type KitDocument,
  type KitQuestion,
} from "./schemas.ts";
import { steer, type Steering } from "./steering.ts";

/** Stored in every document (and the CLI's output): kept from when kits were called scripts, so saved and rebuilt documents stay identical. */
export const GENERATOR = "interview-studio-scripts/1";

/** A problem with the inputs, by field (title, level, topics, minutes, count, difficultyMix, ...). */
export class KitBuildError extends Error {
  readonly fieldErrors: ApiFields;
  constructor(fieldErrors: ApiFields) {
    super(
      Object.entries(fieldErrors)
        .map(([k, v]) => (k === "form" ? v : `${k}: ${v}`))
        .join(" "),
    );
    this.name = "KitBuildError";
    this.fieldErrors = fieldErrors;
  }
}

/** The default difficulty mix of each level (percentages). */
export const LEVEL_MIX: Record<Level, DifficultyMix> = {
  junior: { easy: 50, medium: 40, hard: 10 },
  mid: { easy: 25, medium: 55, hard: 20 },
  senior: { easy: 10, medium: 50, hard: 40 },
  staff: { easy: 0, medium: 40, hard: 60 },
};

const DIFFICULTY_ORDER: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };

export function defaultTitle(level: Level, bankName = "Python"): string {
  return `${LEVEL_LABELS[level]} ${bankName} engineer`;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * Resolves topic selectors to the bank's topic names: an exact name or slug, or words of the name
 * ("async" -> "Concurrency & Async", "testing" -> "Testing, Performance & System Design"), or a
 * word's prefix ("perf"). Unknown selectors are returned in `unknown`.
 */
export function resolveTopics(selectors: readonly string[], available: readonly string[]): { topics: string[]; unknown: string[] } {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && w !== "and");
  const found = new Set<string>();
  const unknown: string[] = [];
  for (const raw of selectors) {
    const sel = raw.trim();
    if (!sel) continue;
    const exact = available.filter((t) => t.toLowerCase() === sel.toLowerCase() || slug(t) === slug(sel));
    if (exact.length) {
      exact.forEach((t) => found.add(t));
      continue;
    }
    const want = words(sel);
    const byWord = available.filter((t) => want.length > 0 && want.every((w) => words(t).includes(w)));
    const byPrefix = byWord.length ? byWord : available.filter((t) => want.length > 0 && want.every((w) => words(t).some((tw) => tw.startsWith(w))));
    if (byPrefix.length) byPrefix.forEach((t) => found.add(t));
    else unknown.push(sel);
  }
  // In the bank's order, so the same selectors in any order give the same kit.
  return { topics: available.filter((t) => found.has(t)), unknown };
}

/** Whole numbers of easy/medium/hard questions for a count, by largest remainder on the mix. */
export function difficultyTargets(count: number, mix: DifficultyMix): Record<Difficulty, number> {
  const diffs: Difficulty[] = ["easy", "medium", "hard"];
  const total = mix.easy + mix.medium + mix.hard;
  const exact = diffs.map((d) => (count * mix[d]) / total);
  const floors = exact.map(Math.floor);
  let left = count - floors.reduce((a, b) => a + b, 0);
  // Ties go to the difficulty the mix weighs most (the level's centre), then the easier one.
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e), share: mix[diffs[i]!] })).sort((a, b) => b.frac - a.frac || b.share - a.share || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return { easy: floors[0]!, medium: floors[1]!, hard: floors[2]! };
}

/** A bank question as a kit question (minutes set by the plan). */
export function toKitQuestion(q: Question, level: Level, minutes: number, matchedTerms: string[] = []): KitQuestion {
  const keyPoints = kitKeyPoints(derivedKeyPoints(q));
  const weightOf = new Map(keyPoints.map((k) => [k.id, k.weight]));
  const followUps = q.followUps
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (weightOf.get(b.f.keyPointId) ?? 0) - (weightOf.get(a.f.keyPointId) ?? 0) || a.i - b.i)
    .map(({ f }) => ({ keyPointId: f.keyPointId, text: f.text }));
  const redFlags = q.misconceptions.map((r) => ({ id: r.id, text: r.text, listenFor: r.phrasings.slice(0, 2) }));
  return {
    id: q.id,
    bankId: q.bankId,
    title: q.title,
    prompt: q.prompt.trim() === q.title.trim() ? "" : q.prompt,
    topic: q.topic,
    difficulty: q.difficulty,
    tags: q.tags,
    suggestedMinutes: q.minutes,
    minutes,
    pinned: false,
    keyPoints,
    followUps,
    redFlags,
    rubric: rubricFor(keyPoints, redFlags, level),
    matchedTerms,
    notes: "",
  };
}

export function introText(level: Level, title: string, questions: readonly { topic: string }[], questionMinutes: number): string {
  const topics = [...new Set(questions.map((q) => q.topic))];
  const n = questions.length;
  return [
    `Welcome the candidate, introduce yourself and what the ${title} role does on the team.`,
    `Explain the format: ${n} technical question${n === 1 ? "" : "s"} (${topics.join("; ")}) in about ${questionMinutes} minutes, then time for their questions.`,
    "Say it is fine to think aloud, ask clarifying questions and sketch code or pseudo-code: you care about how they reason, not about recalling trivia.",
    level === "senior" || level === "staff"
      ? "Ask for a two-minute summary of a system they built or changed recently, to calibrate the depth of the follow-ups."
      : "Ask what they have been working on recently, to put them at ease.",
  ].join(" ");
}

export const WRAP_UP_TEXT =
  "Stop the technical part on time. Invite the candidate's questions about the role, the team and how you work; explain the next steps and when they will hear back; thank them for their time. Fill in the scorecard straight after, while it is fresh.";

type Picked = { q: Question; rank: number };

/** Chooses `count` questions: difficulty quotas first, topics spread, best-ranked first. */
function choose(pool: readonly Question[], count: number, mix: DifficultyMix, rankOf: (q: Question) => number, topicCap: number): Question[] {
  const ranked = [...pool].sort((a, b) => rankOf(b) - rankOf(a) || (a.id < b.id ? -1 : 1));
  const targets = difficultyTargets(count, mix);
  const picked: Picked[] = [];
  const used = new Set<string>();
  const perTopic = new Map<string, number>();
  const take = (q: Question, slot: Difficulty = q.difficulty) => {
    picked.push({ q, rank: rankOf(q) });
    used.add(q.id);
    perTopic.set(q.topic, (perTopic.get(q.topic) ?? 0) + 1);
    targets[slot] -= 1;
  };
  const pass = (ok: (q: Question) => boolean) => {
    for (const q of ranked) {
      if (picked.length >= count) return;
      if (!used.has(q.id) && ok(q)) take(q);
    }
  };
  pass((q) => targets[q.difficulty] > 0 && (perTopic.get(q.topic) ?? 0) < topicCap);
  pass((q) => targets[q.difficulty] > 0);
  // Not enough questions of a difficulty: fill its slots with the nearest difficulty left.
  while (picked.length < count) {
    const wanted = (["easy", "medium", "hard"] as Difficulty[]).filter((d) => targets[d] > 0);
    const rest = ranked.filter((q) => !used.has(q.id));
    if (rest.length === 0 || wanted.length === 0) break;
    const distance = (q: Question) => Math.min(...wanted.map((d) => Math.abs(DIFFICULTY_ORDER[q.difficulty] - DIFFICULTY_ORDER[d])));
    const best = rest.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    const slot = wanted.reduce((a, d) =>
      Math.abs(DIFFICULTY_ORDER[best.difficulty] - DIFFICULTY_ORDER[d]) < Math.abs(DIFFICULTY_ORDER[best.difficulty] - DIFFICULTY_ORDER[a]) ? d : a,
    );
    take(best, slot);
  }
  // Warm-up first: easy, then medium, then hard; within a difficulty, the better match first.
  return picked
    .sort((a, b) => DIFFICULTY_ORDER[a.q.difficulty] - DIFFICULTY_ORDER[b.q.difficulty] || b.rank - a.rank || (a.q.id < b.q.id ? -1 : 1))
    .map((p) => p.q);
}

function chooseBank(bank: QuestionBank, bankId: string | undefined): { id: string; name: string } {
  const banks = bank.banks();
  if (bankId) {
    const b = banks.find((x) => x.id === bankId);
    if (!b) throw new KitBuildError({ bankId: `Unknown question bank "${bankId}". Choose one of: ${banks.map((x) => x.id).join(", ")}.` });
    return b;
  }
  const b = banks.find((x) => x.id === "python") ?? banks[0];
  if (!b) throw new KitBuildError({ form: "The question bank is empty: add question files under content/." });
  return b;
}

/** Parses raw inputs (form, JSON body, CLI flags) with clear errors. */
export function parseBuilderInput(raw: unknown): BuilderInputs {
  const parsed = builderInputSchema.safeParse(raw);
  if (!parsed.success) {
    const { message, fields } = formatZodError(parsed.error);
    throw new KitBuildError(Object.keys(fields).length ? fields : { form: message });
  }
  return parsed.data;
}

/** Builds a kit. Throws KitBuildError (with field errors) for inputs it cannot honour. */
export function buildKit(raw: BuilderInput | BuilderInputs, bank: QuestionBank): KitDocument {
  const inputs = parseBuilderInput(raw);
  const { level, seed } = inputs;
  const bankMeta = chooseBank(bank, inputs.bankId);
  const bankQuestions = bank.filter({ bankId: bankMeta.id });
  const available = bank.topics(bankMeta.id);
  const { topics, unknown } = resolveTopics(inputs.topics, available);
  if (unknown.length) {
    throw new KitBuildError({
      topics: `Unknown topic${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}. Choose from: ${available.join("; ")}.`,
    });
  }
  const included = inputs.include.map((id) => {
    const q = bank.get(id);
    if (!q) throw new KitBuildError({ include: `There is no question with the id "${id}" in the banks or your library.` });
    return q;
  });
  const includedIds = new Set(included.map((q) => q.id));
  if (includedIds.size !== included.length) throw new KitBuildError({ include: "A question is included twice." });
  const pool = (topics.length ? bankQuestions.filter((q) => topics.includes(q.topic)) : bankQuestions).filter((q) => !includedIds.has(q.id));
  if (pool.length === 0 && included.length === 0) throw new KitBuildError({ topics: "No questions match these topics." });

  const mix = inputs.difficultyMix ?? LEVEL_MIX[level];
  const weightOf = (q: Question) => questionWeight(q.minutes, level);

  // How many questions and how many minutes.
  let totalMinutes: number;
  let intro: number;
  let wrapUp: number;
  let count: number;
  if (inputs.minutes !== undefined) {
    totalMinutes = inputs.minutes;
    ({ intro, wrapUp } = defaultSectionMinutes(totalMinutes));
    const forQuestions = totalMinutes - intro - wrapUp;
    if (inputs.count !== undefined) {
      count = inputs.count;
      if (count * MIN_QUESTION_MINUTES > forQuestions) {
        throw new KitBuildError({
          count: `${count} questions need at least ${count * MIN_QUESTION_MINUTES} minutes, but a ${totalMinutes}-minute interview leaves ${forQuestions} after the intro and wrap-up. Ask for at most ${Math.floor(forQuestions / MIN_QUESTION_MINUTES)} questions or lengthen the interview.`,
        });
      }
      if (count * MAX_QUESTION_MINUTES < forQuestions) {
        throw new KitBuildError({
          minutes: `${count} question${count === 1 ? "" : "s"} cannot fill ${forQuestions} minutes (at most ${MAX_QUESTION_MINUTES} each). Ask for more questions or a shorter interview.`,
        });
      }
    } else {
      const sample = pool.length ? pool : included;
      const typical = sample.reduce((s, q) => s + weightOf(q), 0) / sample.length;
      count = Math.round(forQuestions / typical);
      count = Math.max(count, Math.ceil(forQuestions / MAX_QUESTION_MINUTES), 1, included.length);
      count = Math.min(count, MAX_KIT_QUESTIONS, Math.floor(forQuestions / MIN_QUESTION_MINUTES), pool.length + included.length);
    }
    if (count > pool.length + included.length) {
      throw new KitBuildError({
        count: `Only ${pool.length} question${pool.length === 1 ? "" : "s"} match${pool.length === 1 ? "es" : ""} the chosen topics; ask for fewer questions or choose more topics.`,
      });
    }
  } else {
    count = inputs.count!;
    if (count > pool.length + included.length) {
      throw new KitBuildError({
        count: `Only ${pool.length} question${pool.length === 1 ? "" : "s"} match${pool.length === 1 ? "es" : ""} the chosen topics; ask for fewer questions or choose more topics.`,
      });
    }
    totalMinutes = 0;
    intro = 0;
    wrapUp = 0;
  }

  // Which questions.
  // sfc32: a saved kit's seed must rebuild the same kit (pinned in the builder tests).
  const rng = seededRandom(`${seed}:${bankMeta.id}:${level}`, "sfc32");
  const jitter = new Map(rng.shuffle(pool.map((q) => q.id)).map((id, i) => [id, (pool.length - i) / pool.length]));
  const steering: Steering | null = steer(inputs.jobDescription, pool);
  let rankOf: (q: Question) => number;
  let topicCap: number;
  if (steering) {
    const max = Math.max(...pool.map((q) => steering.scores.get(q.id) ?? 0), 0);
    const share = new Map(steering.topics.map((t) => [t.topic, t.share]));
    rankOf = (q) => (max > 0 ? (steering.scores.get(q.id) ?? 0) / max : 0) + 0.5 * (share.get(q.topic) ?? 0) + 0.05 * jitter.get(q.id)!;
    topicCap = Math.max(1, Math.ceil(count * 0.6));
  } else {
    rankOf = (q) => jitter.get(q.id)!;
    const topicCount = new Set(pool.map((q) => q.topic)).size;
    topicCap = Math.max(1, Math.ceil(count / Math.min(topicCount, count)));
  }
  if (count < included.length) {
    throw new KitBuildError({ count: `You included ${included.length} questions: ask for at least ${included.length}.` });
  }
  // The included questions first, as given; the builder picks the rest from the pool.
  const chosen = [...included, ...choose(pool, count - included.length, mix, rankOf, topicCap)];

  // Minutes.
  let minutes: number[];
  if (inputs.minutes !== undefined) {
    minutes = apportion(totalMinutes - intro - wrapUp, chosen.map(weightOf))!;
  } else {
    minutes = chosen.map((q) => Math.min(MAX_QUESTION_MINUTES, weightOf(q)));
    const questionMinutes = minutes.reduce((a, b) => a + b, 0);
    ({ intro, wrapUp } = defaultSectionMinutes(Math.round(questionMinutes / 0.8)));
    totalMinutes = questionMinutes + intro + wrapUp;
    if (totalMinutes < MIN_TOTAL_MINUTES) {
      wrapUp += MIN_TOTAL_MINUTES - totalMinutes;
      totalMinutes = MIN_TOTAL_MINUTES;
    }
    if (totalMinutes > MAX_TOTAL_MINUTES) {
      throw new KitBuildError({
        count: `${count} questions need ${totalMinutes} minutes, more than the ${MAX_TOTAL_MINUTES}-minute maximum. Ask for fewer questions.`,
      });
    }
  }

  const title = inputs.title?.trim() || defaultTitle(level, bankMeta.name);
  const questions = chosen.map((q, i) => toKitQuestion(q, level, minutes[i]!, steering?.matched.get(q.id) ?? []));
  return {
    schemaVersion: 1,
    title,
    level,
    bankId: bankMeta.id,
    totalMinutes,
    topics,
    intro: { minutes: intro, text: introText(level, title, questions, totalMinutes - intro - wrapUp) },
    questions,
    wrapUp: { minutes: wrapUp, text: WRAP_UP_TEXT },
    steering: steering ? { terms: steering.terms, topics: steering.topics.filter((t) => t.share > 0) } : null,
    notes: "",
    seed,
    generator: GENERATOR,
  };
}

/**
 * Alternatives a question can be swapped for: bank questions of the same topic and difficulty,
 * best job-description match first, then bank order. Keyed by `alternativeKey(topic, difficulty)`;
 * each list holds up to `limit` ready-made kit questions besides the kit's own. With
 * `includeInKit`, the kit's own questions of the group are listed too (the editor filters
 * them out as it goes, so a question swapped out can be swapped back in).
 */
export function alternativesFor(
  doc: KitDocument,
  bank: QuestionBank,
  jobDescription?: string,
  limit = 8,
  options: { includeInKit?: boolean } = {},
): Record<string, KitQuestion[]> {
  const inKit = new Set(doc.questions.map((q) => q.id));
  const pool = bank.filter({ bankId: doc.bankId });
  const order = new Map(pool.map((q, i) => [q.id, i]));
  const steering = steer(jobDescription, pool);
  const out: Record<string, KitQuestion[]> = {};
  for (const sq of doc.questions) {
    const key = alternativeKey(sq.topic, sq.difficulty);
    if (out[key]) continue;
    const group = pool
      .filter((q) => q.topic === sq.topic && q.difficulty === sq.difficulty)
      .sort((a, b) => (steering ? (steering.scores.get(b.id) ?? 0) - (steering.scores.get(a.id) ?? 0) : 0) || order.get(a.id)! - order.get(b.id)!);
    const others = group.filter((q) => !inKit.has(q.id)).slice(0, limit);
    const chosen = options.includeInKit ? group.filter((q) => inKit.has(q.id) || others.includes(q)) : others;
    out[key] = chosen.map((q) => {
      const current = doc.questions.find((x) => x.id === q.id);
      return current ?? toKitQuestion(q, doc.level, sq.minutes, steering?.matched.get(q.id) ?? []);
    });
  }
  return out;
}

/** A one-line summary of what changed between two versions, for the history. */
export function describeChanges(before: KitDocument, after: KitDocument): string {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push("renamed");
  const beforeIds = before.questions.map((q) => q.id);
  const afterIds = after.questions.map((q) => q.id);
  const removed = beforeIds.filter((id) => !afterIds.includes(id));
  const added = after.questions.filter((q) => !beforeIds.includes(q.id));
  if (added.length) changes.push(`swapped in ${added.map((q) => `“${gist(q.title, 50)}”`).join(", ")}`);
  else if (removed.length) changes.push("removed questions");
  const common = afterIds.filter((id) => beforeIds.includes(id));
  const beforeCommon = beforeIds.filter((id) => afterIds.includes(id));
  if (common.join() !== beforeCommon.join()) changes.push("reordered questions");
  // Reordering and swapping move minutes with their slot; only edited minutes change this multiset.
  const minutesOf = (d: KitDocument) =>
    `${d.totalMinutes}:${d.intro.minutes}:${d.wrapUp.minutes}:` +
    d.questions
      .map((q) => q.minutes)
      .sort((a, b) => a - b)
      .join();
  if (minutesOf(before) !== minutesOf(after)) changes.push("changed timings");
  const notesOf = (d: KitDocument) => [d.notes, d.intro.text, d.wrapUp.text, ...d.questions.map((q) => `${q.id}:${q.notes}`).sort()].join("\u0000");
  if (notesOf(before) !== notesOf(after)) changes.push("edited notes");
  if (changes.length === 0) return "Saved without changes";
  const text = changes.join(", ");
  return text[0]!.toUpperCase() + text.slice(1);
}
