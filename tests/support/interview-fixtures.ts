/**
 * Helpers for the interview tests (integration and bench): users written straight into the
 * database, sessions started through the real service, answers that make the offline interviewer
 * probe or move on, and ways to drain an interviewer reply the way the chat route does.
 */
import { randomBytes } from "node:crypto";
import { db } from "../../lib/db/client.ts";
import { offlineInterviewer, streamTurnWithFallback, type InterviewerEngine } from "../../lib/interviewer/index.ts";
import { saveReply, type PendingReply } from "../../lib/sessions/reply-save.ts";
import { loadSession, type LoadedSession } from "../../lib/sessions/read-model.ts";
import type { StartSessionInput } from "../../lib/sessions/schemas.ts";
import { startSession } from "../../lib/sessions/service.ts";

/** The bank question most tests use: five authored follow-ups over four key points. */
export const MEMORY_QUESTION = "python-memory-model";
export const GIL_QUESTION = "python-gil";
export const MUTABLE_QUESTION = "python-mutable-immutable";

/**
 * Covers only the names/references point of the memory-model question: the scorer gives it a low
 * score, so the turn policy probes (refcount and cyclic-gc are weight 5 and missed).
 */
export const PARTIAL_MEMORY_ANSWER =
  "Variables are names bound to objects, not boxes holding values. Assignment binds a name, so after b = a both names point to the same object: aliasing.";

/** Adds the reference-counting point. */
export const REFCOUNT_MEMORY_ANSWER =
  "CPython uses reference counting: every object keeps a refcount (ob_refcnt) and is deallocated immediately when the count drops to zero, so cleanup is deterministic. sys.getrefcount shows it.";

/** Adds the cyclic-collector point. */
export const CYCLIC_MEMORY_ANSWER =
  "Reference counting cannot free reference cycles, so the generational cyclic garbage collector in the gc module runs on allocation thresholds and frees unreachable cycles of objects that only reference each other; gc.collect forces it.";

/** Everything at once: covered, so the interviewer moves on without a follow-up. */
export const FULL_MEMORY_ANSWER = [
  PARTIAL_MEMORY_ANSWER,
  REFCOUNT_MEMORY_ANSWER,
  CYCLIC_MEMORY_ANSWER,
  "a[:] and copy.copy make a shallow copy: a new list object whose nested objects are shared; copy.deepcopy copies nested objects too.",
  "CPython caches small integers from -5 to 256 and interns some strings, an implementation detail: never rely on is for numbers.",
].join("\n\n");

let userCounter = 0;

/** A user row without a password (the session service never looks at it). */
export async function createUser(prefix = "candidate"): Promise<{ id: string; email: string }> {
  const email = `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}-${userCounter++}@example.com`;
  const user = await db().user.create({ data: { email, name: `${prefix} ${userCounter}` } });
  return { id: user.id, email };
}

/** Starts a session on explicit questions (the memory-model question by default). */
export async function startTestSession(userId: string, overrides: Partial<StartSessionInput> = {}): Promise<LoadedSession> {
  const { id } = await startSession(userId, { questionIds: [MEMORY_QUESTION], mode: "practice", seed: "test-seed", ...overrides });
  return mustLoad(userId, id);
}

export async function mustLoad(userId: string, sessionId: string): Promise<LoadedSession> {
  const session = await loadSession(userId, sessionId);
  if (!session) throw new Error(`session ${sessionId} not found for ${userId}`);
  return session;
}

/** The body the interview page posts for an answer to the session's current question. */
export function answerBody(session: LoadedSession, text: string, extra: { timeUp?: boolean; expectedTurns?: number } = {}) {
  return {
    questionIndex: session.currentIndex,
    text,
    expectedTurns: extra.expectedTurns ?? session.turns.length,
    ...(extra.timeUp === undefined ? {} : { timeUp: extra.timeUp }),
  };
}

/** Streams the pending reply to the end (offline unless told) and saves it, as a route would. */
export async function streamAndSave(pending: PendingReply, primary: InterviewerEngine = offlineInterviewer): Promise<string> {
  const stream = streamTurnWithFallback(pending.turn, { primary });
  let step = await stream.next();
  let text = "";
  while (!step.done) {
    text += step.value;
    step = await stream.next();
  }
  await saveReply(pending, step.value);
  return text;
}

/** Polls the database until the session has `count` turns (a reply saved in the background). */
export async function waitForTurns(sessionId: string, count: number, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await db().turn.count({ where: { sessionId } })) >= count) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`session ${sessionId}: fewer than ${count} turns after ${timeoutMs} ms`);
}

/** A set of seqs with no duplicates and no gaps: 0..n-1. */
export function seqsAreDense(seqs: number[]): boolean {
  const sorted = [...seqs].sort((a, b) => a - b);
  return sorted.every((s, i) => s === i);
}
