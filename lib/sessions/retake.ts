/**
 * Starting a new session from past ones: retake a question of a transcript (/sessions/[id]), or
 * practise the questions behind the weakest key points (/progress). Owner-scoped like the reads;
 * the session itself is started by service.ts `startSession`.
 */
import "server-only";
import { questionBankForUser } from "../library/store.ts";
import { SessionError } from "./errors.ts";
import { getProgress } from "./progress.ts";
import { modeSchema } from "./schemas.ts";
import { startSession } from "./service.ts";
import { getTranscript } from "./transcript.ts";

/**
 * Starts a one-question session of the question asked at `questionIndex` in one of the user's
 * sessions. Null when the session is not the user's or has no such question; refused for a question
 * the running interview has not asked yet.
 */
export async function retakeQuestion(userId: string, sessionId: string, questionIndex: number): Promise<{ id: string } | null> {
  const transcript = await getTranscript(userId, sessionId);
  const question = transcript?.questions.find((q) => q.index === questionIndex);
  if (!transcript || !question) return null;
  // A question the running interview has not asked yet stays unknown (visibility.ts).
  if (question.withheld && !question.snapshot) throw new SessionError("invalid", "This question has not been asked yet.");
  return startSession(userId, {
    questionIds: [question.questionId],
    count: 1,
    bankId: question.snapshot?.bankId ?? transcript.bankId,
    mode: modeSchema.catch("practice").parse(transcript.mode),
  });
}

/** Starts an interview of the questions behind the user's weakest key points; null when there are none. */
export async function practiseWeakSpots(userId: string): Promise<{ id: string } | null> {
  // Questions since removed from the bank cannot be asked again.
  const bank = await questionBankForUser(userId);
  const ids = (await getProgress(userId)).weakQuestionIds.filter((id) => bank.get(id));
  if (ids.length === 0) return null;
  return startSession(userId, { questionIds: ids, count: ids.length });
}
