/**
 * The session lifecycle: start, drafts, delete (owner only). The answer flow (answer, next
 * question, finish) is in answer-flow.ts; reads are the read model's (read-model.ts). This folder
 * is the only code that writes sessions.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { questionBankForUser } from "../library/store.ts";
import type { Question } from "../bank/schema.ts";
import { modelSpecs } from "../ai/providers.ts";
import { formatZodError } from "../api/zod.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { renderOfflineTurn } from "../interviewer/index.ts";
import { enforceRateLimits, rateLimiter, RateLimitError } from "../rate-limit/index.ts";
import { chooseQuestions } from "./choose-questions.ts";
import { notFound, SessionError } from "./errors.ts";
import { isSessionId } from "./read-model.ts";
import { draftBodySchema, startSessionSchema, type StartSessionInput } from "./schemas.ts";
import { interviewQuestionOf, snapshotOf } from "./snapshot.ts";

/** Time to read feedback between questions, added to the interview's overall clock per question. */
export const BETWEEN_QUESTIONS_MS = 60_000;

export function availableInterviewers(): { id: string; label: string }[] {
  const spec = modelSpecs().interviewer;
  const list = [{ id: "local:rubric", label: "Offline interviewer (no API key)" }];
  if (spec !== "local:rubric") list.push({ id: spec, label: `LLM interviewer (${spec.replace(/^openai:/, "")})` });
  return list;
}

const DAY_MS = 24 * 60 * 60_000;
const startsKey = (userId: string) => `sessions-day:${userId}`;

/**
 * Per-user quotas on starting interviews (each one can cost model calls): QUOTA_ACTIVE_SESSIONS in
 * progress at once, and QUOTA_SESSIONS_PER_DAY started in 24 hours. The daily count is the larger of
 * the sessions started in the last 24 hours that still exist and the starts the rate limiter counted
 * in its day window (shared through Redis), so deleting interviews does not make room.
 */
async function enforceSessionQuotas(userId: string, now: Date) {
  const { QUOTA_ACTIVE_SESSIONS: active, QUOTA_SESSIONS_PER_DAY: perDay } = env();
  const inProgress = await db().interviewSession.count({ where: { userId, status: "active", endsAt: { gt: now } } });
  if (inProgress >= active) {
    throw new SessionError(
      "quota",
      `You have reached the limit of ${active.toLocaleString("en")} interviews in progress. Finish one (or delete it) before starting another.`,
    );
  }
  const stored = await db().interviewSession.count({ where: { userId, startedAt: { gte: new Date(now.getTime() - DAY_MS) } } });
  const counted = await rateLimiter().peek(startsKey(userId));
  if (Math.max(stored, counted.count) >= perDay) {
    throw new SessionError("quota", `You have reached the limit of ${perDay.toLocaleString("en")} interviews a day. Try again tomorrow.`);
  }
}

export async function startSession(userId: string, input: StartSessionInput): Promise<{ id: string }> {
  const parsed = startSessionSchema.safeParse(input);
  // Worded for a person (the set-up form shows it): the messages alone, never a field path.
  if (!parsed.success) throw new SessionError("invalid", formatZodError(parsed.error, "set-up").message);
  const config = parsed.data;
  if (!availableInterviewers().some((i) => i.id === config.interviewer)) {
    throw new SessionError("invalid", `The interviewer "${config.interviewer}" is not available on this server.`);
  }
  // The banks and, for a recruiter trying them, their library's questions.
  const bank = await questionBankForUser(userId);
  const seed = config.seed ?? randomBytes(6).toString("hex");
  let questions;
  if (config.questionIds?.length) {
    questions = config.questionIds.map((id) => {
      const q = bank.get(id);
      if (!q) throw new SessionError("invalid", `There is no question with the id "${id}".`);
      return q;
    });
  } else {
    const recent = await db().sessionQuestion.findMany({
      where: { session: { userId } },
      orderBy: { startedAt: "desc" },
      take: 40,
      select: { questionId: true },
    });
    questions = chooseQuestions({
      questions: bank.list().filter((q) => q.bankId === config.bankId),
      count: config.count,
      topics: config.topics,
      difficulties: config.difficulties,
      recentIds: recent.map((r) => r.questionId),
      seed,
    });
  }
  if (questions.length === 0) throw new SessionError("invalid", "No questions match this set-up: choose more topics or difficulties.");

  const minutes = questions.map((q) => config.minutesPerQuestion ?? q.minutes);
  const now = new Date();
  await enforceSessionQuotas(userId, now);
  const session = await createSessionRows(userId, {
    mode: config.mode,
    engine: config.interviewer,
    seed,
    config: { ...config, seed },
    questions,
    minutes,
    now,
  });
  // Counted once started (deleted interviews still count for the day).
  await rateLimiter().hit(startsKey(userId), env().QUOTA_SESSIONS_PER_DAY, DAY_MS);
  return session;
}

/**
 * Writes a new session, its questions (each a snapshot of what is asked) and the interviewer's
 * first question, as startSession and startInvitedSession do.
 */
async function createSessionRows(
  userId: string,
  spec: { mode: "practice" | "mock"; engine: string; seed: string; config: object; questions: Question[]; minutes: number[]; now: Date },
): Promise<{ id: string }> {
  const { questions, minutes, now, seed } = spec;
  const totalMs = minutes.reduce((sum, m) => sum + m * 60_000, 0) + (questions.length - 1) * BETWEEN_QUESTIONS_MS;
  const first = questions[0]!;
  const askText = renderOfflineTurn({
    kind: "ask",
    mode: spec.mode,
    seed,
    sequence: 0,
    question: interviewQuestionOf(snapshotOf(first)),
    index: 0,
    total: questions.length,
    minutes: minutes[0],
  });
  const session = await db().interviewSession.create({
    data: {
      userId,
      mode: spec.mode,
      engine: spec.engine,
      bankId: first.bankId,
      seed,
      config: JSON.stringify(spec.config),
      questionCount: questions.length,
      startedAt: now,
      endsAt: new Date(now.getTime() + totalMs),
      questions: {
        create: questions.map((q, index) => ({
          index,
          questionId: q.id,
          title: q.title,
          topic: q.topic,
          difficulty: q.difficulty,
          snapshot: JSON.stringify(snapshotOf(q)),
          contentHash: q.contentHash,
          minutes: Math.round(minutes[index]! * 60) / 60,
          status: index === 0 ? "answering" : "pending",
          startedAt: index === 0 ? now : null,
          deadlineAt: index === 0 ? new Date(now.getTime() + minutes[0]! * 60_000) : null,
        })),
      },
    },
    select: { id: true, questions: { where: { index: 0 }, select: { id: true } } },
  });
  await db().turn.create({
    data: {
      sessionId: session.id,
      sessionQuestionId: session.questions[0]!.id,
      seq: 0,
      role: "interviewer",
      kind: "question",
      text: askText,
      engine: "offline",
      createdAt: now,
    },
  });
  return { id: session.id };
}

/**
 * An invited candidate's interview (lib/invitations): a mock interview of the kit's questions, each
 * with the kit's minutes, by the interviewer the recruiter chose. The guest account is new and owns
 * nothing else, so no quota applies; the invitation allows one attempt.
 */
export async function startInvitedSession(
  guestUserId: string,
  spec: { questions: Question[]; minutes: number[]; interviewer: string },
): Promise<{ id: string }> {
  if (spec.questions.length === 0) throw new SessionError("invalid", "This interview has no questions.");
  if (!availableInterviewers().some((i) => i.id === spec.interviewer)) {
    throw new SessionError(
      "unavailable",
      "The interviewer chosen for this interview is not available on this server now. Ask the recruiter to invite you again.",
    );
  }
  const seed = randomBytes(6).toString("hex");
  const config = { mode: "mock" as const, interviewer: spec.interviewer, questionIds: spec.questions.map((q) => q.id), seed, invited: true };
  return createSessionRows(guestUserId, {
    mode: "mock",
    engine: spec.interviewer,
    seed,
    config,
    questions: spec.questions,
    minutes: spec.minutes,
    now: new Date(),
  });
}

/** Saves the answer being typed. Refused (409) once the question is answered. */
export async function saveDraft(userId: string, sessionId: string, body: unknown): Promise<{ savedAt: string }> {
  if (!isSessionId(sessionId)) throw notFound();
  const parsed = draftBodySchema.safeParse(body);
  // Worded for a person (the page shows it): the message alone, never a field path.
  if (!parsed.success) throw new SessionError("invalid", formatZodError(parsed.error, "draft").message);
  try {
    await enforceRateLimits([`draft:${userId}`], env().RATE_LIMIT_DRAFTS_PER_MINUTE);
  } catch (error) {
    if (error instanceof RateLimitError) {
      throw new SessionError("rate-limited", `Drafts are being saved too often. ${error.message} Your text is kept on this device meanwhile.`);
    }
    throw error;
  }
  const now = new Date();
  const { count } = await db().sessionQuestion.updateMany({
    where: {
      sessionId,
      index: parsed.data.questionIndex,
      status: "answering",
      session: {
        userId,
        status: "active",
        // A save still in flight when the answer was sent must not bring the sent text back.
        ...(parsed.data.expectedTurns !== undefined ? { turns: { none: { seq: { gte: parsed.data.expectedTurns } } } } : {}),
      },
    },
    data: { draft: parsed.data.text, ...(parsed.data.code !== undefined ? { draftCode: parsed.data.code } : {}), draftUpdatedAt: now },
  });
  if (count === 0) {
    const owned = await db().interviewSession.count({ where: { id: sessionId, userId } });
    if (!owned) throw notFound();
    throw new SessionError("already-answered", "This question is no longer open: the draft was not saved.");
  }
  return { savedAt: now.toISOString() };
}

/** Deletes a session and its transcript. False when it is not the user's (or does not exist). */
export async function deleteSession(userId: string, sessionId: string): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const { count } = await db().interviewSession.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}
