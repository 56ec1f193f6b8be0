/**
 * What /progress shows, computed on the server from the user's rows (lib/review/aggregate.ts) and
 * kept per user in a small in-process cache, keyed by a fingerprint of the user's sessions that is
 * checked on every request: progress changes only when a session does, so a repeat view costs one
 * aggregate query, and a changed session is never served stale (on any instance).
 */
import "server-only";
import {
  progressSummary,
  scoreByDifficulty,
  scoreByTopic,
  scoreOverTime,
  weakestKeyPoints,
  weakSpotQuestionIds,
  type GroupScore,
  type ProgressSummary,
  type WeakPoint,
} from "./aggregate.ts";
import { getProgressRows, progressStamp } from "./queries.ts";

/** How many weak points /progress lists (and the weak-spot interview draws from). */
export const WEAK_POINTS_LISTED = 8;
/** How many questions "Practise my weak spots" puts in the interview. */
export const WEAK_SPOT_QUESTIONS = 3;

export type ProgressView = {
  empty: boolean;
  /** Sessions in the moving average of the score-over-time chart. */
  window: number;
  /** The chart's points: time (ms), score, moving average. */
  series: Array<{ t: number; score: number; average: number }>;
  topics: GroupScore[];
  difficulties: GroupScore[];
  weak: WeakPoint[];
  weakQuestionIds: string[];
  summary: ProgressSummary;
  /** How many recent answers the weak points were computed from. */
  reportWindow: number;
};

const CACHE_SIZE = 200;
const cache = new Map<string, { stamp: string; view: ProgressView }>();

export function computeProgress(rows: Awaited<ReturnType<typeof getProgressRows>>): ProgressView {
  // A longer moving average when there are many sessions, so the trend stays readable.
  const window = rows.sessions.length > 100 ? 20 : 5;
  const weak = weakestKeyPoints(rows.reports, WEAK_POINTS_LISTED);
  return {
    empty: rows.sessions.length === 0 && rows.questions.length === 0,
    window,
    series: scoreOverTime(rows.sessions, window).map(({ t, score, average }) => ({ t, score, average })),
    topics: scoreByTopic(rows.questions),
    difficulties: scoreByDifficulty(rows.questions),
    weak,
    weakQuestionIds: weakSpotQuestionIds(weak, WEAK_SPOT_QUESTIONS),
    summary: progressSummary(rows.sessions, rows.questions),
    reportWindow: rows.reports.length,
  };
}

export async function getProgress(userId: string): Promise<ProgressView> {
  const stamp = await progressStamp(userId);
  const hit = cache.get(userId);
  if (hit && hit.stamp === stamp) {
    cache.delete(userId);
    cache.set(userId, hit);
    return hit.view;
  }
  const view = computeProgress(await getProgressRows(userId));
  cache.set(userId, { stamp, view });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return view;
}

/** Tests: forget every cached view. */
export function clearProgressCache(): void {
  cache.clear();
}
