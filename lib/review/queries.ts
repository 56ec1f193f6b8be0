/**
 * Read-only, owner-scoped queries behind the review pages. Every function takes the signed-in
 * user's id and only ever sees that user's sessions: someone else's id gives null or nothing, never
 * an error that says the session exists. A constant number of queries per call (no N+1).
 */
import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { scoreReportSchema, type ScoreReport } from "../scoring/report.ts";
import { questionSnapshotSchema, type QuestionSnapshot } from "../sessions/schemas.ts";
import {
  SESSIONS_PAGE_SIZE,
  type Attempt,
  type ComparedAttempt,
  type ProgressRows,
  type QuestionAttempts,
  type SessionListFilters,
  type SessionListPage,
  type Transcript,
} from "./types.ts";

/** Ids are cuids; anything implausible is nobody's session. */
const MAX_ID_LENGTH = 64;
const plausibleId = (id: unknown): id is string => typeof id === "string" && id.length > 0 && id.length <= MAX_ID_LENGTH;

export function parseSnapshot(json: string | null | undefined): QuestionSnapshot | null {
  if (!json) return null;
  try {
    const parsed = questionSnapshotSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseReport(json: string | null | undefined): ScoreReport | null {
  if (!json) return null;
  try {
    const parsed = scoreReportSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The user's sessions, newest first, one page at a time: two queries (the page with its questions) plus a count. */
export async function listSessions(userId: string, filters: SessionListFilters): Promise<SessionListPage> {
  const pageSize = SESSIONS_PAGE_SIZE;
  const page = Math.max(1, Math.floor(filters.page) || 1);
  const hasScore = filters.minScore != null || filters.maxScore != null;
  const where = {
    userId,
    ...(filters.topic ? { questions: { some: { topic: filters.topic } } } : {}),
    ...(hasScore
      ? { overallScore: { not: null, ...(filters.minScore != null ? { gte: filters.minScore } : {}), ...(filters.maxScore != null ? { lte: filters.maxScore } : {}) } }
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
          select: { index: true, title: true, topic: true, difficulty: true, score: true },
        },
      },
    }),
  ]);
  return { items: rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The topics of the questions the user has been asked, for the /sessions filter. */
export async function listSessionTopics(userId: string): Promise<string[]> {
  const groups = await db().sessionQuestion.groupBy({ by: ["topic"], where: { session: { userId } }, orderBy: { topic: "asc" } });
  return groups.map((g) => g.topic);
}

/** One session with its questions (snapshot and report parsed) and turns, or null when it is not the user's. */
export async function getTranscript(userId: string, sessionId: string): Promise<Transcript | null> {
  if (!plausibleId(sessionId) || !plausibleId(userId)) return null;
  const row = await db().interviewSession.findFirst({
    where: { id: sessionId, userId },
    select: {
      id: true,
      status: true,
      mode: true,
      engine: true,
      bankId: true,
      seed: true,
      questionCount: true,
      overallScore: true,
      startedAt: true,
      endsAt: true,
      finishedAt: true,
      questions: {
        orderBy: { index: "asc" },
        select: {
          id: true,
          index: true,
          questionId: true,
          title: true,
          topic: true,
          difficulty: true,
          minutes: true,
          status: true,
          contentHash: true,
          followUpCount: true,
          startedAt: true,
          deadlineAt: true,
          completedAt: true,
          score: true,
          snapshot: true,
          report: true,
          turns: {
            orderBy: { seq: "asc" },
            select: { id: true, seq: true, role: true, kind: true, text: true, keyPointId: true, late: true, elapsedMs: true, engine: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...row,
    questions: row.questions.map(({ snapshot, report, ...q }) => ({ ...q, snapshot: parseSnapshot(snapshot), report: parseReport(report) })),
  };
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
    select: { id: true, sessionId: true, questionId: true, score: true, completedAt: true },
  });
  const byQuestion = new Map<string, Attempt[]>();
  for (const r of rows) {
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

const keyPointsOnlySchema = z.object({
  keyPoints: z.array(z.object({ id: z.string(), text: z.string(), weight: z.number(), status: z.enum(["covered", "partial", "missed"]) })),
});

/**
 * The rows /progress aggregates: finished sessions' scores, every scored question, and the key
 * points of the most recent scored questions. Four queries; the large report column is read only
 * for the window (on SQLite, sorting rows that carry it would be slow).
 */
export async function getProgressRows(userId: string): Promise<ProgressRows> {
  const scoredWhere = { session: { userId }, score: { not: null }, completedAt: { not: null } };
  const [sessions, questions, recent] = await Promise.all([
    db().interviewSession.findMany({
      where: { userId, status: "finished", overallScore: { not: null } },
      select: { id: true, startedAt: true, finishedAt: true, overallScore: true },
    }),
    db().sessionQuestion.findMany({
      where: scoredWhere,
      select: { sessionId: true, questionId: true, topic: true, difficulty: true, score: true, completedAt: true },
    }),
    db().sessionQuestion.findMany({
      where: scoredWhere,
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      take: PROGRESS_REPORT_WINDOW,
      select: { id: true },
    }),
  ]);
  const reports = recent.length
    ? await db().sessionQuestion.findMany({
        where: { id: { in: recent.map((r) => r.id) }, session: { userId } },
        select: { sessionId: true, questionId: true, title: true, topic: true, difficulty: true, completedAt: true, report: true },
      })
    : [];
  return {
    sessions: sessions.map((s) => ({ ...s, overallScore: s.overallScore! })),
    questions: questions.map((q) => ({ ...q, score: q.score!, completedAt: q.completedAt! })),
    reports: reports.flatMap(({ report, ...r }) => {
      if (!report) return [];
      try {
        const parsed = keyPointsOnlySchema.safeParse(JSON.parse(report));
        return parsed.success ? [{ ...r, completedAt: r.completedAt!, keyPoints: parsed.data.keyPoints }] : [];
      } catch {
        return [];
      }
    }),
  };
}

/**
 * A fingerprint of everything the user's progress depends on: every write to a session bumps its
 * version (and updatedAt), and a deletion changes the count. One small aggregate query.
 */
export async function progressStamp(userId: string): Promise<string> {
  const a = await db().interviewSession.aggregate({
    where: { userId },
    _count: { _all: true },
    _sum: { version: true },
    _max: { updatedAt: true },
  });
  return `${a._count._all}:${a._sum.version ?? 0}:${a._max.updatedAt?.getTime() ?? 0}`;
}

/** Whether the user owns the session (for actions that need no more than that). */
export async function ownsSession(userId: string, sessionId: string): Promise<boolean> {
  if (!plausibleId(sessionId) || !plausibleId(userId)) return false;
  return (await db().interviewSession.count({ where: { id: sessionId, userId } })) > 0;
}
