/**
 * The transcript: the read model's projection (read-model.ts) that the review pages, the results
 * summary and the export read. One question per entry with its own turns, nothing the interview
 * page would not show yet (visibility.ts). Reading only; owner only (null for anyone else).
 */
import "server-only";
import { reviewSession, turnsOf, type ReviewedSession } from "./read-model.ts";
import type { Transcript } from "./views.ts";
import { visibleTranscript } from "./visibility.ts";

export function toTranscript(s: ReviewedSession): Transcript {
  return visibleTranscript({
    id: s.id,
    status: s.status,
    mode: s.mode,
    engine: s.engine,
    bankId: s.bankId,
    seed: s.seed,
    questionCount: s.questionCount,
    overallScore: s.overallScore,
    startedAt: s.startedAt,
    endsAt: s.endsAt,
    finishedAt: s.finishedAt,
    questions: s.questions.map((q) => ({
      id: q.id,
      index: q.index,
      questionId: q.questionId,
      title: q.title,
      topic: q.topic,
      difficulty: q.difficulty,
      minutes: q.minutes,
      status: q.status,
      contentHash: q.contentHash,
      followUpCount: q.followUpCount,
      startedAt: q.startedAt,
      deadlineAt: q.deadlineAt,
      completedAt: q.completedAt,
      score: q.score,
      snapshot: q.snapshot,
      report: q.report,
      turns: turnsOf(s, q).map((t) => ({
        id: t.id,
        seq: t.seq,
        role: t.role,
        kind: t.kind,
        text: t.text,
        keyPointId: t.keyPointId,
        late: t.late,
        elapsedMs: t.elapsedMs,
        engine: t.engine,
        createdAt: t.createdAt,
      })),
    })),
  });
}

/** One of the user's sessions as its transcript; null when it is not theirs. */
export async function getTranscript(userId: string, sessionId: string): Promise<Transcript | null> {
  const session = await reviewSession(userId, sessionId);
  return session ? toTranscript(session) : null;
}
