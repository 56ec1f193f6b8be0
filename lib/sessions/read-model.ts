/**
 * The read model of a stored session: what a session row (with its questions and turns) becomes
 * once read and its JSON columns parsed (snapshot.ts). Owner only: someone else's session, or an id
 * no session can have, reads as null. Everything shown of one session is a projection of it:
 *
 * - the live interview (interview-view.ts `toInterviewView`),
 * - the transcript the review pages and the results show (transcript.ts `toTranscript`),
 * - the Markdown and JSON export (export.ts, from the transcript).
 *
 * The answer flow (answer-flow.ts) reads sessions through here too (loadSession: strict); the review
 * pages through reviewSession (an unreadable question snapshot reads as null). Reading only.
 */
import "server-only";
import { db } from "../db/client.ts";
import type { ScoreReport } from "../scoring/report.ts";
import type { Mode, QuestionSnapshot, QuestionStatus, TurnKind, TurnRole } from "./schemas.ts";
import { parseReport, parseSnapshot, parseSnapshotOrNull } from "./snapshot.ts";

export type LoadedQuestion = {
  id: string;
  index: number;
  questionId: string;
  title: string;
  topic: string;
  difficulty: string;
  minutes: number;
  status: QuestionStatus;
  followUpCount: number;
  startedAt: Date | null;
  deadlineAt: Date | null;
  completedAt: Date | null;
  score: number | null;
  report: ScoreReport | null;
  draft: string;
  /** The coding task's code being written (autosaved with the draft). */
  draftCode: string;
  draftUpdatedAt: Date | null;
  snapshot: QuestionSnapshot;
};

export type LoadedTurn = {
  id: string;
  seq: number;
  sessionQuestionId: string;
  role: TurnRole;
  kind: TurnKind;
  text: string;
  keyPointId: string | null;
  late: boolean;
  elapsedMs: number | null;
  engine: string | null;
  createdAt: Date;
};

export type LoadedSession = {
  id: string;
  userId: string;
  status: "active" | "finished";
  mode: Mode;
  engine: string;
  seed: string;
  questionCount: number;
  currentIndex: number;
  version: number;
  overallScore: number | null;
  startedAt: Date;
  endsAt: Date;
  finishedAt: Date | null;
  questions: LoadedQuestion[];
  turns: LoadedTurn[];
};

/** The read model as loadSession returns it: with the columns only the transcript reads (the bank, each question's content hash). */
export type StoredQuestion = LoadedQuestion & { contentHash: string };
export type StoredSession = Omit<LoadedSession, "questions"> & { bankId: string; questions: StoredQuestion[] };

/**
 * Whether a string can be a session id at all (cuid-like: letters, digits, "_" and "-", 1 to 64).
 * Anything else (NUL, spaces, slashes, over-long) is nobody's session: answered "not found" before
 * any query, so PostgreSQL never sees text it cannot store.
 */
export function isSessionId(id: unknown): id is string {
  return typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

/**
 * A stored session as the review pages read it (reviewSession): a question whose stored snapshot no
 * longer parses keeps its row, answers and score with `snapshot: null` (shown as the question's
 * title only), so one unreadable snapshot never hides a whole transcript or stops its deletion.
 */
export type ReviewedQuestion = Omit<StoredQuestion, "snapshot"> & { snapshot: QuestionSnapshot | null };
export type ReviewedSession = Omit<StoredSession, "questions"> & { questions: ReviewedQuestion[] };

async function readSession<S>(userId: string, sessionId: string, snapshotOf: (json: string) => S) {
  if (!isSessionId(sessionId)) return null;
  const row = await db().interviewSession.findFirst({
    where: { id: sessionId, userId },
    include: { questions: { orderBy: { index: "asc" } }, turns: { orderBy: { seq: "asc" } } },
  });
  if (!row) return null;
  return {
    ...row,
    status: row.status === "finished" ? ("finished" as const) : ("active" as const),
    mode: row.mode === "mock" ? ("mock" as const) : ("practice" as const),
    questions: row.questions.map((q) => ({
      ...q,
      status: q.status as QuestionStatus,
      report: parseReport(q.report),
      snapshot: snapshotOf(q.snapshot),
    })),
    turns: row.turns.map((t) => ({ ...t, role: t.role as TurnRole, kind: t.kind as TurnKind })),
  };
}

/** The session to interview, score or settle: a snapshot that no longer parses is an error (parseSnapshot throws). */
export async function loadSession(userId: string, sessionId: string): Promise<StoredSession | null> {
  return readSession(userId, sessionId, parseSnapshot);
}

/** The session to review, export or retake from: an unreadable snapshot reads as null (ReviewedSession). */
export async function reviewSession(userId: string, sessionId: string): Promise<ReviewedSession | null> {
  return readSession(userId, sessionId, parseSnapshotOrNull);
}

/** The turns of one question, in order. */
export function turnsOf<T extends { sessionQuestionId: string }>(session: { turns: readonly T[] }, question: { id: string }): T[] {
  return session.turns.filter((t) => t.sessionQuestionId === question.id);
}
