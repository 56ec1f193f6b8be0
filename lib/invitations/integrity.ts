/**
 * Integrity signals of an invited candidate's interview: what the browser saw (pastes, the tab
 * losing focus, the time to the first keystroke, answers sent by the timer), stored as they came and
 * summarised per question for the recruiter as facts, never as a verdict. Only sessions taken
 * through an invitation record them: the candidate was told so and agreed before starting.
 */
import "server-only";
import { db } from "../db/client.ts";
import { isSessionId } from "../sessions/read-model.ts";
import { notFound, SessionError } from "../sessions/errors.ts";
import type { Transcript } from "../sessions/views.ts";
import { integrityReportSchema, MAX_EVENTS_PER_SESSION, type IntegrityKind } from "./schemas.ts";

/**
 * Stores a batch of events of the caller's own invited session. A session that is not the caller's
 * is not found; one not taken through an invitation records nothing (204 all the same: the room
 * reports for every mock interview, only invitations keep them). Past MAX_EVENTS_PER_SESSION the
 * batch is refused, so a script cannot fill the database.
 */
export async function recordIntegrityEvents(userId: string, sessionId: string, body: unknown): Promise<{ recorded: number }> {
  if (!isSessionId(sessionId)) throw notFound();
  const session = await db().interviewSession.findFirst({
    where: { id: sessionId, userId },
    select: { id: true, questionCount: true, status: true, invitation: { select: { id: true } } },
  });
  if (!session) throw notFound();
  const parsed = integrityReportSchema.safeParse(body);
  if (!parsed.success) throw new SessionError("invalid", "These integrity events are malformed.");
  if (!session.invitation) return { recorded: 0 };
  // After the interview nothing more is recorded (a tab left open keeps reporting focus changes).
  if (session.status === "finished") return { recorded: 0 };
  const events = parsed.data.events.filter((e) => e.questionIndex < session.questionCount);
  const stored = await db().sessionEvent.count({ where: { sessionId } });
  if (stored + events.length > MAX_EVENTS_PER_SESSION) throw new SessionError("rate-limited", "This interview has reported too many events.");
  await db().sessionEvent.createMany({
    data: events.map((e) => ({
      sessionId,
      questionIndex: e.questionIndex,
      kind: e.kind,
      chars: e.chars ?? null,
      durationMs: e.durationMs ?? null,
      at: new Date(e.at),
    })),
  });
  return { recorded: events.length };
}

export type QuestionIntegrity = {
  index: number;
  title: string;
  pastes: { chars: number; at: Date }[];
  pastedChars: number;
  /** Characters of the candidate's answers to this question, to set the pastes against. */
  answerChars: number;
  blurs: number;
  awayMs: number;
  firstKeyMs: number | null;
  sentByTimer: boolean;
};

export type IntegritySummary = {
  questions: QuestionIntegrity[];
  totals: { pastes: number; pastedChars: number; blurs: number; awayMs: number; sentByTimer: number };
};

/** The session's signals per question (the transcript gives titles and answer lengths). */
export async function summariseIntegrity(sessionId: string, transcript: Transcript | null): Promise<IntegritySummary> {
  const events = await db().sessionEvent.findMany({
    where: { sessionId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { questionIndex: true, kind: true, chars: true, durationMs: true, at: true },
  });
  const count = transcript?.questionCount ?? Math.max(0, ...events.map((e) => e.questionIndex + 1));
  const questions: QuestionIntegrity[] = Array.from({ length: count }, (_, index) => {
    const tq = transcript?.questions[index];
    const answerChars = (tq?.turns ?? []).filter((t) => t.role === "candidate" && t.kind === "answer").reduce((n, t) => n + t.text.length, 0);
    return {
      index,
      title: tq?.title ?? `Question ${index + 1}`,
      pastes: [],
      pastedChars: 0,
      answerChars,
      blurs: 0,
      awayMs: 0,
      firstKeyMs: null,
      sentByTimer: false,
    };
  });
  for (const e of events) {
    const q = questions[e.questionIndex];
    if (!q) continue;
    const kind = e.kind as IntegrityKind;
    if (kind === "paste") {
      q.pastes.push({ chars: e.chars ?? 0, at: e.at });
      q.pastedChars += e.chars ?? 0;
    } else if (kind === "blur") {
      q.blurs += 1;
      q.awayMs += e.durationMs ?? 0;
    } else if (kind === "first-key") {
      if (q.firstKeyMs === null) q.firstKeyMs = e.durationMs ?? null;
    } else if (kind === "timer") {
      q.sentByTimer = true;
    }
  }
  const totals = {
    pastes: questions.reduce((n, q) => n + q.pastes.length, 0),
    pastedChars: questions.reduce((n, q) => n + q.pastedChars, 0),
    blurs: questions.reduce((n, q) => n + q.blurs, 0),
    awayMs: questions.reduce((n, q) => n + q.awayMs, 0),
    sentByTimer: questions.filter((q) => q.sentByTimer).length,
  };
  return { questions, totals };
}
