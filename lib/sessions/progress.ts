/**
 * What /progress shows, computed on the server from the user's rows (progress-aggregate.ts).
 *
 * Progress only changes when one of the user's sessions does, so each process keeps, per user, the
 * rows it last read and the view computed from them, keyed by a fingerprint of the user's sessions
 * (count, sum of versions, latest updatedAt) that is read on every request:
 * - unchanged fingerprint: the cached view (one small aggregate query);
 * - changed: only the sessions updated since the cached ones are read again, deletions are
 *   noticed by the count, and the result is checked against the fingerprint (count and version
 *   sum must match, whatever the writers' clocks); on any mismatch everything is read again.
 * A changed session is therefore never served stale, on any number of instances.
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
} from "./progress-aggregate.ts";
import {
  getProgressSessions,
  getReportKeyPoints,
  getSessionIds,
  PROGRESS_REPORT_WINDOW,
  progressStamp,
  type ProgressSessionData,
  type ProgressStamp,
} from "./queries.ts";
import type { ProgressReportRow, ProgressRows } from "./views.ts";

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

export function computeProgress(rows: ProgressRows): ProgressView {
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

type Entry = {
  stamp: ProgressStamp;
  sessions: Map<string, ProgressSessionData>;
  /** Parsed key points of recent scored questions, by SessionQuestion id. */
  reports: Map<string, ProgressReportRow>;
  view: ProgressView;
};

const CACHE_USERS = 100;
const cache = new Map<string, Entry>();

const sameStamp = (a: ProgressStamp, b: ProgressStamp) => a.count === b.count && a.versionSum === b.versionSum && a.maxUpdatedAt === b.maxUpdatedAt;

function consistent(sessions: Map<string, ProgressSessionData>, stamp: ProgressStamp): boolean {
  let versionSum = 0;
  for (const s of sessions.values()) versionSum += s.version;
  return sessions.size === stamp.count && versionSum === stamp.versionSum;
}

async function build(userId: string, sessions: Map<string, ProgressSessionData>, knownReports: Map<string, ProgressReportRow>) {
  const finished: ProgressRows["sessions"] = [];
  const questions: ProgressRows["questions"] = [];
  const scored: Array<{ id: string; t: number }> = [];
  for (const s of sessions.values()) {
    if (s.status === "finished" && s.overallScore != null)
      finished.push({ id: s.id, startedAt: s.startedAt, finishedAt: s.finishedAt, overallScore: s.overallScore });
    for (const q of s.questions) {
      questions.push({ sessionId: s.id, questionId: q.questionId, topic: q.topic, difficulty: q.difficulty, score: q.score, completedAt: q.completedAt });
      scored.push({ id: q.id, t: q.completedAt.getTime() });
    }
  }
  const recentIds = scored
    .sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, PROGRESS_REPORT_WINDOW)
    .map((q) => q.id);
  const missing = recentIds.filter((id) => !knownReports.has(id));
  const fetched = await getReportKeyPoints(userId, missing);
  const reports = new Map<string, ProgressReportRow>();
  for (const id of recentIds) {
    const r = knownReports.get(id) ?? fetched.get(id);
    if (r) reports.set(id, r);
  }
  return { reports, view: computeProgress({ sessions: finished, questions, reports: [...reports.values()] }) };
}

async function fullLoad(userId: string): Promise<Map<string, ProgressSessionData>> {
  return new Map((await getProgressSessions(userId)).map((s) => [s.id, s]));
}

export async function getProgress(userId: string): Promise<ProgressView> {
  const stamp = await progressStamp(userId);
  const entry = cache.get(userId);
  if (entry && sameStamp(entry.stamp, stamp)) {
    cache.delete(userId);
    cache.set(userId, entry);
    return entry.view;
  }
  let sessions: Map<string, ProgressSessionData>;
  let reports = new Map<string, ProgressReportRow>();
  if (entry) {
    // Only what changed since the cached rows (a little overlap at the boundary is harmless).
    sessions = new Map(entry.sessions);
    const since = new Date(entry.stamp.maxUpdatedAt);
    for (const s of await getProgressSessions(userId, since)) sessions.set(s.id, s);
    if (sessions.size !== stamp.count) {
      const ids = new Set(await getSessionIds(userId));
      for (const id of [...sessions.keys()]) if (!ids.has(id)) sessions.delete(id);
    }
    if (consistent(sessions, stamp)) reports = entry.reports;
    else sessions = await fullLoad(userId);
  } else {
    sessions = await fullLoad(userId);
  }
  const built = await build(userId, sessions, reports);
  // Keyed by the fingerprint read before the rows: a write in between only causes a recompute later.
  cache.delete(userId);
  cache.set(userId, { stamp, sessions, reports: built.reports, view: built.view });
  if (cache.size > CACHE_USERS) cache.delete(cache.keys().next().value!);
  return built.view;
}

/** Tests: forget every cached view. */
export function clearProgressCache(): void {
  cache.clear();
}
