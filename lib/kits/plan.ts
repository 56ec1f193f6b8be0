/**
 * The timed plan: intro + questions + wrap-up minutes sum exactly to the total. Questions whose
 * minutes were set by hand (pinned) keep them; the others share what is left in proportion to
 * their weight (the bank's suggested minutes plus the level's allowance for follow-up probes),
 * in whole minutes (largest remainder), never less than MIN_QUESTION_MINUTES. When the pinned
 * minutes leave too little (or, with every question pinned, too much), the plan says so.
 * Pure; used by the builder, the editor (in the browser) and the save route.
 */
import { MAX_QUESTION_MINUTES, MIN_QUESTION_MINUTES, type Level, type KitDocument } from "./schemas.ts";

/** Minutes a question needs on top of its suggested minutes for follow-ups, by level. */
export const PROBE_ALLOWANCE: Record<Level, number> = { junior: 2, mid: 3, senior: 4, staff: 5 };

/** Weight of a question in the plan. */
export function questionWeight(suggestedMinutes: number, level: Level): number {
  return suggestedMinutes + PROBE_ALLOWANCE[level];
}

/** Intro and wrap-up: about a tenth of the interview each, 2 to 10 minutes. */
export function defaultSectionMinutes(totalMinutes: number): { intro: number; wrapUp: number } {
  const m = Math.min(10, Math.max(2, Math.round(totalMinutes * 0.1)));
  return { intro: m, wrapUp: m };
}

/**
 * Splits `total` whole minutes over items by weight with each in [min, max]. Returns null when it
 * cannot (total < n*min or total > n*max). Deterministic: ties go to the earlier item.
 */
export function apportion(total: number, weights: readonly number[], min = MIN_QUESTION_MINUTES, max = MAX_QUESTION_MINUTES): number[] | null {
  const n = weights.length;
  if (n === 0) return total === 0 ? [] : null;
  if (!Number.isInteger(total) || total < n * min || total > n * max) return null;
  const fixed: Array<number | null> = new Array(n).fill(null);
  let shares: number[] = [];
  for (;;) {
    const free = weights.map((_, i) => i).filter((i) => fixed[i] === null);
    const remaining = total - fixed.reduce<number>((s, v) => s + (v ?? 0), 0);
    const wsum = free.reduce((s, i) => s + Math.max(0, weights[i]!), 0);
    shares = weights.map((w, i) => (fixed[i] !== null ? fixed[i]! : wsum > 0 ? (remaining * Math.max(0, w)) / wsum : remaining / free.length));
    const low = free.filter((i) => shares[i]! < min);
    const high = free.filter((i) => shares[i]! > max);
    if (low.length === 0 && high.length === 0) break;
    for (const i of low) fixed[i] = min;
    if (low.length === 0) for (const i of high) fixed[i] = max;
  }
  const floors = shares.map((s, i) => (fixed[i] !== null ? fixed[i]! : Math.floor(s + 1e-9)));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, frac: fixed[i] !== null ? -1 : s - Math.floor(s + 1e-9) }))
    .filter((x) => x.frac >= 0)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = order.length - 1; left < 0 && k >= 0; k--) {
    // Float rounding gave one minute too many: take it back from the smallest fraction.
    const i = order[k]!.i;
    if (floors[i]! > min) {
      floors[i]! -= 1;
      left += 1;
    }
  }
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length) {
    const i = order[k]!.i;
    if (floors[i]! < max) {
      floors[i]! += 1;
      left -= 1;
    }
  }
  return floors;
}

/**
 * A plan item: its weight, its hand-set minutes (null: fits automatically) and the least it needs
 * (the bank's suggested minutes). An automatic fit below `minimum` is reported as squeezed, never silent.
 */
export type PlanItem = { weight: number; pinned: number | null; minimum?: number };

/** A question the automatic fit gave fewer minutes than it needs. */
export type SqueezedQuestion = { index: number; minutes: number; minimum: number };

export type PlanFit = {
  /** Minutes per question, in order. */
  minutes: number[];
  fits: boolean;
  /** Total minus intro and wrap-up. */
  available: number;
  /** Sum of the question minutes. */
  assigned: number;
  /** over: the plan needs more than the total; under: minutes left unassigned. */
  status: "fits" | "over" | "under";
  /** For people, when it does not fit. */
  message: string | null;
  /** Questions fitted below their minimum (only when the minutes add up; pinned ones are the recruiter's choice). */
  squeezed: SqueezedQuestion[];
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function fitPlan(input: { totalMinutes: number; introMinutes: number; wrapUpMinutes: number; items: readonly PlanItem[] }): PlanFit {
  const available = input.totalMinutes - input.introMinutes - input.wrapUpMinutes;
  const pinnedSum = input.items.reduce((s, it) => s + (it.pinned ?? 0), 0);
  const freeIdx = input.items.map((it, i) => (it.pinned === null ? i : -1)).filter((i) => i >= 0);
  const rest = available - pinnedSum;
  const minutes = input.items.map((it) => it.pinned ?? MIN_QUESTION_MINUTES);
  let shares: number[] | null = null;
  if (freeIdx.length > 0) {
    shares = apportion(
      rest,
      freeIdx.map((i) => input.items[i]!.weight),
    );
    if (shares) freeIdx.forEach((i, k) => (minutes[i] = shares![k]!));
    else if (rest > freeIdx.length * MAX_QUESTION_MINUTES) freeIdx.forEach((i) => (minutes[i] = MAX_QUESTION_MINUTES));
  }
  const assigned = minutes.reduce((a, b) => a + b, 0);
  const diff = assigned - available;
  if (diff === 0) {
    const squeezed = input.items.flatMap((it, index): SqueezedQuestion[] => {
      const minimum = Math.min(MAX_QUESTION_MINUTES, Math.max(MIN_QUESTION_MINUTES, it.minimum ?? MIN_QUESTION_MINUTES));
      return it.pinned === null && minutes[index]! < minimum ? [{ index, minutes: minutes[index]!, minimum }] : [];
    });
    return { minutes, fits: true, available, assigned, status: "fits", message: null, squeezed };
  }
  if (diff > 0) {
    return {
      minutes,
      fits: false,
      available,
      assigned,
      status: "over",
      squeezed: [],
      message: `The plan no longer fits: it needs ${plural(diff, "minute")} more than the ${input.totalMinutes}-minute interview. Shorten a question or the intro/wrap-up, or lengthen the interview.`,
    };
  }
  return {
    minutes,
    fits: false,
    available,
    assigned,
    status: "under",
    squeezed: [],
    message: `The plan no longer fits: ${plural(-diff, "minute")} of the ${input.totalMinutes}-minute interview ${-diff === 1 ? "is" : "are"} not assigned. Lengthen a question (or let one fit automatically), or shorten the interview.`,
  };
}

/** Re-fits a kit's question minutes to its total, keeping pinned minutes. Returns a new document. */
export function refitDocument(doc: KitDocument): { doc: KitDocument; fit: PlanFit } {
  const fit = fitPlan({
    totalMinutes: doc.totalMinutes,
    introMinutes: doc.intro.minutes,
    wrapUpMinutes: doc.wrapUp.minutes,
    items: doc.questions.map((q) => ({
      weight: questionWeight(q.suggestedMinutes, doc.level),
      pinned: q.pinned ? q.minutes : null,
      minimum: q.suggestedMinutes,
    })),
  });
  return { doc: { ...doc, questions: doc.questions.map((q, i) => ({ ...q, minutes: fit.minutes[i]! })) }, fit };
}

/**
 * For people: which questions the plan squeezed and by how much, or null. "“Design a rate limiter”
 * (question 3) gets 3 minutes, 9 fewer than the 12 it needs." Titles come from the document.
 */
export function squeezeMessage(doc: Pick<KitDocument, "questions">, squeezed: readonly SqueezedQuestion[]): string | null {
  if (squeezed.length === 0) return null;
  const parts = squeezed.map((s) => {
    const title = doc.questions[s.index]?.title ?? `Question ${s.index + 1}`;
    const short = s.minimum - s.minutes;
    return `“${title}” (question ${s.index + 1}) gets ${plural(s.minutes, "minute")}, ${short} fewer than the ${s.minimum} it needs`;
  });
  return `The minutes add up, but the plan squeezes ${squeezed.length === 1 ? "a question" : `${squeezed.length} questions`}: ${parts.join("; ")}. Shorten a question you set by hand, remove a question, or lengthen the interview.`;
}

/** Whether a document's minutes sum to its total as they stand (no re-fit). */
export function documentFits(doc: KitDocument): boolean {
  return doc.intro.minutes + doc.wrapUp.minutes + doc.questions.reduce((s, q) => s + q.minutes, 0) === doc.totalMinutes;
}

export type TimelineRow = { key: string; label: string; start: number; end: number; minutes: number };

/** The plan as clock offsets: 0:00-5:00 intro, 5:00-14:00 question 1, ... */
export function timeline(doc: KitDocument): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let t = 0;
  const push = (key: string, label: string, minutes: number) => {
    rows.push({ key, label, start: t, end: t + minutes, minutes });
    t += minutes;
  };
  push("intro", "Introduction", doc.intro.minutes);
  doc.questions.forEach((q, i) => push(`q-${q.id}`, `${i + 1}. ${q.title}`, q.minutes));
  push("wrap-up", "Wrap-up and candidate's questions", doc.wrapUp.minutes);
  return rows;
}

/** 65 -> "1:05" (hours:minutes offset into the interview). */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, "0")}`;
}
