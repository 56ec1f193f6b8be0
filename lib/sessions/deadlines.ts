/**
 * The server's clock rules for a session, read-only: when a question or the whole interview is
 * past its time, when a reply is taken as lost with the process that was writing it, and so whether
 * the session has something to settle. The page's view reads them (`settleDue`); the writes that
 * carry them out are in answer-flow.ts (`settleExpiredDeadlines`), run by the requests that change
 * the session, never by a page render.
 */
import { env } from "../env.ts";
import { TIME_UP_GRACE_MS } from "./limits.ts";
import type { LoadedQuestion, LoadedSession } from "./read-model.ts";

/** After this long past LLM_TIMEOUT_MS without a saved reply, the reply is taken as lost (the process died mid-stream). */
export const LOST_REPLY_MS = 15_000;
/**
 * In an LLM session the judge reads an answer before the interviewer replies (answer-flow.ts), for
 * at most this long (or LLM_TIMEOUT_MS when shorter): past it the reply goes ahead on the rubric.
 * A reply is taken as lost only after this, LLM_TIMEOUT_MS and LOST_REPLY_MS.
 */
export const JUDGE_BEFORE_REPLY_MS = 6_000;

/** Whether the server closed this question at time-up (rather than the candidate answering it). */
export function closedByTime(question: LoadedQuestion): boolean {
  return question.deadlineAt !== null && question.completedAt !== null && question.completedAt.getTime() >= question.deadlineAt.getTime() + TIME_UP_GRACE_MS;
}

/** The interview's time, and its grace, are over. */
export function interviewOver(session: LoadedSession, now: number): boolean {
  return now >= session.endsAt.getTime() + TIME_UP_GRACE_MS;
}

/** The question is still open, and its time and grace are over. */
export function questionOver(question: LoadedQuestion, now: number): boolean {
  return question.status === "answering" && question.deadlineAt !== null && now >= question.deadlineAt.getTime() + TIME_UP_GRACE_MS;
}

/** The last answer's reply is overdue: the process writing it is gone, and the offline interviewer writes it instead. */
export function replyLost(session: LoadedSession, now: number): boolean {
  const last = session.turns.at(-1);
  return last?.role === "candidate" && now - last.createdAt.getTime() >= env().LLM_TIMEOUT_MS + JUDGE_BEFORE_REPLY_MS + LOST_REPLY_MS;
}

/**
 * Whether settling would change the session now: a lost reply to write, or (when no reply is on
 * its way) the current question or the whole interview past its time.
 */
export function settlementDue(session: LoadedSession, now: number): boolean {
  if (session.status !== "active") return false;
  if (session.turns.at(-1)?.role === "candidate") return replyLost(session, now);
  return interviewOver(session, now) || questionOver(session.questions[session.currentIndex]!, now);
}
