/**
 * Owner-scoped reads of the user's past sessions, for the pages about them: the session list and
 * its topics, the attempts of a question across sessions, and the rows /progress aggregates. Every
 * function takes the signed-in user's id and only ever sees that user's sessions: someone else's id
 * gives null or nothing, never an error that says the session exists. A constant number of queries
 * per call (no N+1). Reading only; one session's transcript is transcript.ts'.
 */
import "server-only";
import { db } from "../db/client.ts";
import { isSessionId } from "./read-model.ts";
import { parseReport, parseReportKeyPoints } from "./snapshot.ts";
import {
  SESSIONS_PAGE_SIZE,
  type Attempt,
  type ComparedAttempt,
  type ProgressReportRow,
  type ProgressRows,
  type QuestionAttempts,
  type SessionListFilters,
  type SessionListPage,
  type Transcript,
} from "./views.ts";
import { questionVisibility } from "./visibility.ts";

/** The user's sessions, newest first, one page at a time: two queries (the page with its questions) plus a count. */
export async function listSessions(userId: string, filters: SessionListFilters): Promise<SessionListPage> {
  const pageSize = SESSIONS_PAGE_SIZE;
  const page = Math.max(1, Math.floor(filters.page) || 1);
  const hasScore = filters.minScore != null || filters.maxScore != null;
  const where = {
    userId,
    ...(filters.topic ? { questions: { some: { topic: filters.topic } } } : {}),
    ...(hasScore
      ? {
          overallScore: {
            not: null,
            ...(filters.minScore != null ? { gte: filters.minScore } : {}),
            ...(filters.maxScore != null ? { lte: filters.maxScore } : {}),
          },
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db().interviewSession.count({ where }),
    db().interviewSession.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        mode: true,
        engine: true,
        questionCount: true,
        overallScore: true,
        startedAt: true,
        finishedAt: true,
        questions: {
          orderBy: { index: "asc" },
          select: { index: true, title: true, topic: true, difficulty: true, score: true, status: true },
        },
      },
    }),
  ]);
  // The interview page's rule: no titles of questions not yet asked, no scores not yet revealed.
  const items = rows.map(({ questions, ...row }) => ({
    ...row,
    questions: questions.map(({ status, ...q }) => {
      const { asked, revealed } = questionVisibility(row, { status });
      return { ...q, title: asked ? q.title : `Question ${q.index + 1}`, score: revealed ? q.score : null };
    }),
  }));
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The topics of the questions the user has been asked, for the /sessions filter. */
export async function listSessionTopics(userId: string): Promise<string[]> {
  const groups = await db().sessionQuestion.groupBy({ by: ["topic"], where: { session: { userId } }, orderBy: { topic: "asc" } });
  return groups.map((g) => g.topic);
}

/** How many earlier/later attempts a transcript lists per question at most. */
export const ATTEMPTS_LISTED = 10;

/**
 * Every scored attempt of the transcript's questions across the user's sessions, and for each
 * question the attempt to compare with side by side (the previous one, or the next for a first
 * attempt) with its report and answers. Three queries whatever the number of attempts.
 */
export async function getAttempts(userId: string, transcript: Pick<Transcript, "id" | "questions">): Promise<Map<string, QuestionAttempts>> {
  const result = new Map<string, QuestionAttempts>();
  const scored = transcript.questions.filter((q) => q.score != null && q.completedAt != null);
  if (scored.length === 0) return result;
  const ids = [...new Set(scored.map((q) => q.questionId))];
  const rows = await db().sessionQuestion.findMany({
    where: { questionId: { in: ids }, score: { not: null }, completedAt: { not: null }, session: { userId } },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
    select: { id: true, sessionId: true, questionId: true, status: true, score: true, completedAt: true, session: { select: { status: true, mode: true } } },
  });
  const byQuestion = new Map<string, Attempt[]>();
  // Attempts in a mock interview still running are not revealed yet (visibility.ts).
  for (const r of rows.filter((row) => questionVisibility(row.session, row).revealed)) {
    const attempt: Attempt = { sessionQuestionId: r.id, sessionId: r.sessionId, questionId: r.questionId, score: r.score!, completedAt: r.completedAt! };
    const list = byQuestion.get(r.questionId);
    if (list) list.push(attempt);
    else byQuestion.set(r.questionId, [attempt]);
  }
  const wanted = new Map<string, { sqId: string; earlier: boolean; questionKey: string }>();
  for (const q of scored) {
    const attempts = byQuestion.get(q.questionId) ?? [];
    const at = attempts.findIndex((a) => a.sessionQuestionId === q.id);
    if (at < 0 || attempts.length < 2) continue;
    const earlier = at > 0;
    const other = attempts[earlier ? at - 1 : at + 1];
    if (other) wanted.set(q.id, { sqId: other.sessionQuestionId, earlier, questionKey: q.questionId });
  }
  const compared = new Map<string, ComparedAttempt>();
  if (wanted.size > 0) {
    const details = await db().sessionQuestion.findMany({
      where: { id: { in: [...new Set([...wanted.values()].map((w) => w.sqId))] }, session: { userId } },
      select: {
        id: true,
        report: true,
        turns: { where: { role: "candidate", kind: "answer" }, orderBy: { seq: "asc" }, select: { text: true } },
      },
    });
    const detailById = new Map(details.map((d) => [d.id, d]));
    for (const [sqId, w] of wanted) {
      const base = byQuestion.get(w.questionKey)?.find((a) => a.sessionQuestionId === w.sqId);
      const d = detailById.get(w.sqId);
      if (base && d) compared.set(sqId, { ...base, report: parseReport(d.report), answers: d.turns.map((t) => t.text) });
    }
  }
  for (const q of scored) {
    const attempts = byQuestion.get(q.questionId) ?? [];
    result.set(q.id, {
      questionId: q.questionId,
      attempts,
      compared: compared.get(q.id) ?? null,
      comparedIsEarlier: wanted.get(q.id)?.earlier ?? false,
    });
  }
  return result;
}

/** The weakest-point analysis reads the key points of this many most recent scored answers. */
export const PROGRESS_REPORT_WINDOW = 200;

/**
 * The rows /progress aggregates: finished sessions' scores, every scored question, and the key
 * points of the most recent scored questions. Three queries; the large report column is read only
 * for that window (the window is chosen in memory: on SQLite, a second pass over the questions to
 * sort them costs as much as the first).
 */
export async function getProgressRows(userId: string): Promise<ProgressRows> {
  const [sessions, scoredRows] = await Promise.all([
    db().interviewSession.findMany({
      where: { userId, status: "finished", overallScore: { not: null } },
      select: { id: true, startedAt: true, finishedAt: true, overallScore: true },
    }),
    db().sessionQuestion.findMany({
      where: { session: { userId }, score: { not: null }, completedAt: { not: null } },
      select: {
        id: true,
        sessionId: true,
        questionId: true,
        topic: true,
        difficulty: true,
        status: true,
        score: true,
        completedAt: true,
        session: { select: { status: true, mode: true } },
      },
    }),
  ]);
  // Scores and key points of a mock interview still running are not revealed yet.
  const questions = scoredRows.filter((q) => questionVisibility(q.session, q).revealed).map(({ session: _s, status: _st, ...q }) => q);
  const recentIds = questions
    .map((q) => ({ id: q.id, t: q.completedAt!.getTime() }))
    .sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, PROGRESS_REPORT_WINDOW)
    .map((q) => q.id);
  const reports = recentIds.length
    ? await db().sessionQuestion.findMany({
        where: { id: { in: recentIds }, session: { userId } },
        select: { sessionId: true, questionId: true, title: true, topic: true, difficulty: true, completedAt: true, report: true },
      })
    : [];
  return {
    sessions: sessions.map((s) => ({ ...s, overallScore: s.overallScore! })),
    questions: questions.map(({ id: _id, ...q }) => ({ ...q, score: q.score!, completedAt: q.completedAt! })),
    reports: reports.flatMap(({ report, ...r }) => {
      const keyPoints = parseReportKeyPoints(report);
      return keyPoints ? [{ ...r, completedAt: r.completedAt!, keyPoints }] : [];
    }),
  };
}

/** What the user's progress depends on, summed over their sessions (see progress.ts). */
export type ProgressStamp = { count: number; versionSum: number; maxUpdatedAt: number };

/**
 * A fingerprint of everything the user's progress depends on: every write to a session bumps its
 * version and updatedAt (lib/sessions writes a question's score in the same transaction), and a
 * deletion changes the count. One small aggregate query.
 */
export async function progressStamp(userId: string): Promise<ProgressStamp> {
  const a = await db().interviewSession.aggregate({
    where: { userId },
    _count: { _all: true },
    _sum: { version: true },
    _max: { updatedAt: true },
  });
  return { count: a._count._all, versionSum: a._sum.version ?? 0, maxUpdatedAt: a._max.updatedAt?.getTime() ?? 0 };
}

export type ProgressSessionData = {
  id: string;
  version: number;
  updatedAt: Date;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  overallScore: number | null;
  questions: Array<{ id: string; questionId: string; topic: string; difficulty: string; score: number; completedAt: Date }>;
};

/**
 * The user's sessions (all, or those updated since a time) with their scored questions. Two
 * queries joined in memory: a nested select would send one parameter per session, past SQLite's
 * limit for a user with thousands of sessions.
 */
export async function getProgressSessions(userId: string, updatedSince?: Date): Promise<ProgressSessionData[]> {
  const sessionWhere = { userId, ...(updatedSince ? { updatedAt: { gte: updatedSince } } : {}) };
  const [rows, questions] = await Promise.all([
    db().interviewSession.findMany({
      where: sessionWhere,
      select: { id: true, version: true, updatedAt: true, status: true, mode: true, startedAt: true, finishedAt: true, overallScore: true },
    }),
    db().sessionQuestion.findMany({
      where: { session: sessionWhere, score: { not: null }, completedAt: { not: null } },
      select: { id: true, sessionId: true, questionId: true, topic: true, difficulty: true, status: true, score: true, completedAt: true },
    }),
  ]);
  const state = new Map(rows.map((r) => [r.id, r]));
  const bySession = new Map<string, ProgressSessionData>(rows.map(({ mode: _mode, ...r }) => [r.id, { ...r, questions: [] }]));
  for (const { sessionId, status, ...q } of questions) {
    const session = state.get(sessionId);
    // Scores of a mock interview still running are not revealed yet (visibility.ts).
    if (!session || !questionVisibility(session, { status }).revealed) continue;
    bySession.get(sessionId)?.questions.push({ ...q, score: q.score!, completedAt: q.completedAt! });
  }
  return [...bySession.values()];
}

/** The ids of all the user's sessions (to notice deletions). */
export async function getSessionIds(userId: string): Promise<string[]> {
  return (await db().interviewSession.findMany({ where: { userId }, select: { id: true } })).map((r) => r.id);
}

/** The key points of some of the user's scored questions, by SessionQuestion id. One query. */
export async function getReportKeyPoints(userId: string, sessionQuestionIds: string[]): Promise<Map<string, ProgressReportRow>> {
  const out = new Map<string, ProgressReportRow>();
  if (sessionQuestionIds.length === 0) return out;
  const rows = await db().sessionQuestion.findMany({
    where: { id: { in: sessionQuestionIds }, session: { userId } },
    select: {
      id: true,
      sessionId: true,
      questionId: true,
      title: true,
      topic: true,
      difficulty: true,
      status: true,
      completedAt: true,
      report: true,
      session: { select: { status: true, mode: true } },
    },
  });
  for (const { id, report, status, session, ...r } of rows) {
    if (!r.completedAt || !questionVisibility(session, { status }).revealed) continue;
    // An unreadable report counts for nothing.
    const keyPoints = parseReportKeyPoints(report);
    if (keyPoints) out.set(id, { ...r, completedAt: r.completedAt, keyPoints });
  }
  return out;
}

/** Whether the user owns the session (for actions that need no more than that). */
export async function ownsSession(userId: string, sessionId: string): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  return (await db().interviewSession.count({ where: { id: sessionId, userId } })) > 0;
}
