/**
 * Saving the interviewer's reply to an answer: the reply takes the transcript position the answer
 * reserved for it, with the follow-up's id in `keyPointId` (the turn policy reads it back, so it
 * knows what it already asked), and a notice when the LLM failed and the offline interviewer took
 * over. After a move-on in an LLM session whose report the judge has not read yet (its read before
 * the reply failed or was skipped, see answer-flow.ts), the LLM judge re-grades the question in the
 * background.
 *
 * Called by the reply run (reply-stream.ts) when the streamed text is complete, and by the repair
 * of a reply lost with its process (answer-flow.ts). This module writes; it calls nothing back.
 */
import "server-only";
import { gradeAnswers, withChecks } from "./task-grading.ts";
import { LOCAL_RUBRIC } from "../ai/providers.ts";
import { db } from "../db/client.ts";
import type { FallbackInfo, ReplyTurn, TurnStreamResult } from "../interviewer/index.ts";
import type { QuestionSnapshot } from "./schemas.ts";
import type { ScoreReport } from "../scoring/report.ts";
import { judgeSnapshot } from "./scoring.ts";

/** An answer stored and planned, whose reply is still to be streamed and saved. Plain data. */
export type PendingReply = {
  sessionId: string;
  /** The session question the answer and its reply belong to. */
  sessionQuestionId: string;
  /** The question as the session snapshotted it (the judge re-grades against it). */
  snapshot: QuestionSnapshot;
  /** The transcript position the reply will take (the answer reserved it). */
  replySeq: number;
  /** What the interviewer replies: a follow-up (the question stays open) or a move-on (it was scored). */
  turn: ReplyTurn;
  /** The session's interviewer: LOCAL_RUBRIC (offline) or a model spec such as "openai:gpt-4.1-mini". */
  engine: string;
  /** The turn's report has the LLM judge blended in already (it read the answer before the reply). */
  judged?: boolean;
};

/** How a reply turn is stored: its kind, and the follow-up's id (read back as the exchange's `action`). */
export function replyRecordOf(turn: ReplyTurn): { kind: "follow-up" | "move-on"; keyPointId: string | null } {
  return turn.kind === "follow-up" ? { kind: "follow-up", keyPointId: turn.decision.followUp.id } : { kind: "move-on", keyPointId: null };
}

/** The notice saved after a reply the offline interviewer finished because the LLM failed. */
const LLM_FAILED_NOTICE = "The AI interviewer stopped responding, so the offline interviewer took over for this turn. Your answers are safe.";

/** The reply's place in the transcript is taken: a reply was saved there already (the repair, or the real one). */
export class ReplyAlreadySavedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("The interviewer's reply to this answer was saved already.", options);
    this.name = "ReplyAlreadySavedError";
  }
}

/** Prisma's unique-constraint violation: here, the unique (sessionId, seq) of a turn. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** An interviewer reply as stored: its place in the transcript, the turn it carries out, and the text the candidate saw. */
type ReplyRow = {
  sessionId: string;
  sessionQuestionId: string;
  seq: number;
  turn: ReplyTurn;
  text: string;
  /** The engine that finished the reply. */
  engine: string;
  fallback?: FallbackInfo;
  /** Scores and closes the question with the reply (a repair's move-on on a question still open). */
  closeQuestion?: { report: ScoreReport; completedAt: Date };
};

/**
 * Writes an interviewer reply at `seq` (and the notice after it when the LLM failed). Throws
 * ReplyAlreadySavedError when the position is taken: a repair and the real reply never both land.
 */
export async function writeReply(reply: ReplyRow): Promise<void> {
  try {
    await insertReply(reply);
  } catch (error) {
    throw isUniqueViolation(error) ? new ReplyAlreadySavedError({ cause: error }) : error;
  }
}

async function insertReply({ sessionId, sessionQuestionId, seq, turn, text, engine, fallback, closeQuestion }: ReplyRow) {
  await db().$transaction(async (tx) => {
    await tx.interviewSession.update({ where: { id: sessionId }, data: { version: { increment: 1 } } });
    await tx.turn.create({ data: { sessionId, sessionQuestionId, seq, role: "interviewer", ...replyRecordOf(turn), text, engine } });
    if (closeQuestion) {
      const { report, completedAt } = closeQuestion;
      await tx.sessionQuestion.update({
        where: { id: sessionQuestionId },
        data: { status: "scored", score: report.score, report: JSON.stringify(report), completedAt },
      });
    }
    // A reply replaced after the check (reason "rejected") is not a failure the candidate needs to hear about.
    if (fallback && fallback.reason !== "rejected") {
      await tx.turn.create({
        data: { sessionId, sessionQuestionId, seq: seq + 1, role: "system", kind: "notice", text: LLM_FAILED_NOTICE, engine: fallback.engineId },
      });
    }
  });
}

/** Saves the streamed reply to a pending answer; after a move-on in an LLM session not judged yet, starts the judge. */
export async function saveReply(pending: PendingReply, result: TurnStreamResult): Promise<void> {
  await writeReply({
    sessionId: pending.sessionId,
    sessionQuestionId: pending.sessionQuestionId,
    seq: pending.replySeq,
    turn: pending.turn,
    text: result.text,
    engine: result.engineId,
    fallback: result.fallback,
  });
  // The judge runs only for sessions that chose the LLM interviewer: choosing the offline
  // interviewer means the answers never leave this server.
  if (pending.turn.kind === "move-on" && pending.engine !== LOCAL_RUBRIC && !pending.judged) {
    void applyJudge(pending).catch((error) =>
      console.error(`interview ${pending.sessionId}: LLM judge failed:`, error instanceof Error ? error.message : error),
    );
  }
}

/**
 * With a judge model configured, the question's final score is re-graded by the LLM judge after
 * the interviewer's reply is saved (so the reply never waits on the judge), and blended in.
 */
async function applyJudge(pending: PendingReply) {
  const { sessionId } = pending;
  // The turn's answers are the non-empty ones the rubric report was scored on.
  const judged = await judgeSnapshot(pending.snapshot, [...pending.turn.answers]);
  if (!judged) return;
  // The judge re-grades the words; a coding task's checks keep their weight (cached: not run again).
  const blended = withChecks(judged, await gradeAnswers(pending.snapshot.id, pending.turn.answers));
  await db().sessionQuestion.update({ where: { id: pending.sessionQuestionId }, data: { score: blended.score, report: JSON.stringify(blended) } });
  const session = await db().interviewSession.findUnique({ where: { id: sessionId }, select: { status: true, questionCount: true } });
  if (session?.status === "finished") {
    const scores = await db().sessionQuestion.findMany({ where: { sessionId }, select: { score: true } });
    const overall = Math.round(scores.reduce((sum, q) => sum + (q.score ?? 0), 0) / session.questionCount);
    await db().interviewSession.update({ where: { id: sessionId }, data: { overallScore: overall } });
  }
}
