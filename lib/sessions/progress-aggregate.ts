/**
 * Progress: pure aggregation over the rows queries.ts reads. Everything the /progress
 * charts and lists show is computed here, on the server, and unit tested.
 */
import type { ProgressQuestionRow, ProgressReportRow, ProgressSessionRow } from "./views.ts";

export type ScorePoint = {
  sessionId: string;
  /** Milliseconds since the epoch (the chart's time axis). */
  t: number;
  score: number;
  /** Moving average over the last `window` sessions, this one included. */
  average: number;
};

/** Overall score of each finished session, oldest first, with a moving average. */
export function scoreOverTime(sessions: readonly ProgressSessionRow[], window = 5): ScorePoint[] {
  const sorted = [...sessions].sort((a, b) => when(a) - when(b) || a.id.localeCompare(b.id));
  const out: ScorePoint[] = [];
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    sum += s.overallScore;
    if (i >= window) sum -= sorted[i - window]!.overallScore;
    const n = Math.min(i + 1, window);
    out.push({ sessionId: s.id, t: when(s), score: s.overallScore, average: round1(sum / n) });
  }
  return out;
}

function when(s: ProgressSessionRow): number {
  return (s.finishedAt ?? s.startedAt).getTime();
}

export type MonthScore = { month: string; sessions: number; average: number; best: number };

/** Sessions per calendar month (UTC) with their average and best score, oldest first. */
export function scoreByMonth(points: ReadonlyArray<{ t: number; score: number }>): MonthScore[] {
  const months = new Map<string, number[]>();
  for (const p of points) {
    const key = new Date(p.t).toISOString().slice(0, 7);
    const list = months.get(key);
    if (list) list.push(p.score);
    else months.set(key, [p.score]);
  }
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, scores]) => ({ month, sessions: scores.length, average: Math.round(mean(scores)), best: Math.max(...scores) }));
}

export type GroupScore = {
  label: string;
  /** Mean score of every answered question in the group, rounded. */
  average: number;
  /** Mean of the group's most recent `recent` answers: the direction of travel. */
  recentAverage: number;
  count: number;
  best: number;
};

function groupScores(rows: readonly ProgressQuestionRow[], key: (r: ProgressQuestionRow) => string, recent: number): GroupScore[] {
  const groups = new Map<string, ProgressQuestionRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups].map(([label, list]) => {
    const byTime = [...list].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
    const last = byTime.slice(-recent);
    return {
      label,
      average: Math.round(mean(list.map((r) => r.score))),
      recentAverage: Math.round(mean(last.map((r) => r.score))),
      count: list.length,
      best: Math.max(...list.map((r) => r.score)),
    };
  });
}

/** Average score per topic, weakest first (ties by name). */
export function scoreByTopic(rows: readonly ProgressQuestionRow[], recent = 5): GroupScore[] {
  return groupScores(rows, (r) => r.topic, recent).sort((a, b) => a.average - b.average || a.label.localeCompare(b.label));
}

const DIFFICULTY_ORDER = ["easy", "medium", "hard"];

/** Average score per difficulty, easy to hard (unknown difficulties last). */
export function scoreByDifficulty(rows: readonly ProgressQuestionRow[], recent = 5): GroupScore[] {
  const rank = (d: string) => {
    const i = DIFFICULTY_ORDER.indexOf(d);
    return i < 0 ? DIFFICULTY_ORDER.length : i;
  };
  return groupScores(rows, (r) => r.difficulty, recent).sort((a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label));
}

export type WeakPoint = {
  questionId: string;
  questionTitle: string;
  topic: string;
  difficulty: string;
  keyPointId: string;
  keyPointText: string;
  weight: number;
  attempts: number;
  missed: number;
  partial: number;
  covered: number;
  /** 0..1: share of attempts that missed it (a partial counts half). */
  missRate: number;
  lastStatus: "covered" | "partial" | "missed";
  lastAt: Date;
};

/**
 * The key points the candidate misses most, across sessions. A point covered at the latest attempt
 * ranks lower (the candidate is improving on it); heavier points rank higher among equals.
 */
export function weakestKeyPoints(reports: readonly ProgressReportRow[], limit = 8): WeakPoint[] {
  const points = new Map<string, WeakPoint>();
  const sorted = [...reports].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  for (const r of sorted) {
    for (const kp of r.keyPoints) {
      const key = `${r.questionId}\u0000${kp.id}`;
      let p = points.get(key);
      if (!p) {
        p = {
          questionId: r.questionId,
          questionTitle: r.title,
          topic: r.topic,
          difficulty: r.difficulty,
          keyPointId: kp.id,
          keyPointText: kp.text,
          weight: kp.weight,
          attempts: 0,
          missed: 0,
          partial: 0,
          covered: 0,
          missRate: 0,
          lastStatus: kp.status,
          lastAt: r.completedAt,
        };
        points.set(key, p);
      }
      p.attempts++;
      p[kp.status]++;
      p.lastStatus = kp.status;
      p.lastAt = r.completedAt;
      // The latest wording wins (a bank edit may have reworded the point).
      p.keyPointText = kp.text;
      p.weight = kp.weight;
      p.questionTitle = r.title;
    }
  }
  // Ranked by the miss rate smoothed towards 1/2 by one imaginary attempt, so a point missed 3
  // times out of 3 outranks one missed once out of once.
  const rank = (p: WeakPoint) => ((p.missed + p.partial / 2 + 0.5) / (p.attempts + 1)) * (p.lastStatus === "covered" ? 0.5 : 1);
  return [...points.values()]
    .map((p) => ({ ...p, missRate: round2((p.missed + p.partial / 2) / p.attempts) }))
    .filter((p) => p.missRate > 0)
    .sort(
      (a, b) =>
        rank(b) - rank(a) ||
        b.weight - a.weight ||
        b.attempts - a.attempts ||
        b.lastAt.getTime() - a.lastAt.getTime() ||
        a.keyPointId.localeCompare(b.keyPointId),
    )
    .slice(0, limit);
}

/** The questions behind the weakest points, in order of weakness, without repeats. */
export function weakSpotQuestionIds(points: readonly WeakPoint[], max = 5): string[] {
  const ids: string[] = [];
  for (const p of points) {
    if (!ids.includes(p.questionId)) ids.push(p.questionId);
    if (ids.length >= max) break;
  }
  return ids;
}

export type ProgressSummary = {
  sessions: number;
  questions: number;
  average: number | null;
  best: number | null;
  /** Mean overall score of the last `window` sessions and of the `window` before them. */
  recentAverage: number | null;
  previousAverage: number | null;
  lastPractisedAt: Date | null;
};

export function progressSummary(sessions: readonly ProgressSessionRow[], questions: readonly ProgressQuestionRow[], window = 5): ProgressSummary {
  const series = scoreOverTime(sessions, window);
  const scores = series.map((p) => p.score);
  const recent = scores.slice(-window);
  const previous = scores.slice(-2 * window, -window);
  return {
    sessions: sessions.length,
    questions: questions.length,
    average: scores.length ? Math.round(mean(scores)) : null,
    best: scores.length ? Math.max(...scores) : null,
    recentAverage: recent.length ? Math.round(mean(recent)) : null,
    previousAverage: previous.length ? Math.round(mean(previous)) : null,
    lastPractisedAt: series.length ? new Date(series.at(-1)!.t) : null,
  };
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
