/** Reading a whole session (owner only) in one round of queries, with its JSON columns parsed. */
import "server-only";
import { db } from "../db/client.ts";
import type { ScoreReport } from "../scoring/report.ts";
import type { Mode, QuestionSnapshot, QuestionStatus, TurnKind, TurnRole } from "./schemas.ts";
import { parseReport, parseSnapshot } from "./snapshot.ts";

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

/**
 * Whether a string can be a session id at all (cuid-like: letters, digits, "_" and "-", 1 to 64).
 * Anything else (NUL, spaces, slashes, over-long) is nobody's session: answered "not found" before
 * any query, so PostgreSQL never sees text it cannot store.
 */
export function isSessionId(id: unknown): id is string {
  return typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

export async function loadSession(userId: string, sessionId: string): Promise<LoadedSession | null> {
  if (!isSessionId(sessionId)) return null;
  const row = await db().interviewSession.findFirst({
    where: { id: sessionId, userId },
    include: { questions: { orderBy: { index: "asc" } }, turns: { orderBy: { seq: "asc" } } },
  });
  if (!row) return null;
  return {
    ...row,
    status: row.status === "finished" ? "finished" : "active",
    mode: row.mode === "mock" ? "mock" : "practice",
    questions: row.questions.map((q) => ({
      ...q,
      status: q.status as QuestionStatus,
      report: parseReport(q.report),
      snapshot: parseSnapshot(q.snapshot),
    })),
    turns: row.turns.map((t) => ({ ...t, role: t.role as TurnRole, kind: t.kind as TurnKind })),
  };
}

export function answersOf(session: LoadedSession, question: LoadedQuestion): string[] {
  return session.turns.filter((t) => t.sessionQuestionId === question.id && t.role === "candidate" && t.kind === "answer").map((t) => t.text);
}
