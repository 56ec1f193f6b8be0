/**
 * The answer flow: a candidate's message is stored and scored, `planNextTurn` reads it (answer,
 * clarifying question, "I don't know", skip, off-topic, self-correction) and the turn policy decides
 * what the interviewer does (follow up in one of its forms, or move on); the interviewer's reply
 * (streamed by the caller) is stored when complete, with the follow-up's id in `keyPointId`, so the
 * policy knows later what it already did. Every write checks the session's version, so two tabs
 * cannot interleave turns.
 */
import "server-only";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { planNextTurn, renderOfflineTurn, type ExchangeMessage, type FallbackInfo, type InterviewerTurn, type TurnStreamResult } from "../interviewer/index.ts";
import { enforceRateLimits, RateLimitError } from "../rate-limit/index.ts";
import type { ScoreReport } from "../scoring/report.ts";
import { notFound, SessionError } from "./errors.ts";
import { answersOf, loadSession, type LoadedQuestion, type LoadedSession } from "./load.ts";
import { LATE_GRACE_MS, TIME_UP_GRACE_MS } from "./limits.ts";
import { answerBodySchema, personMessage, type QuestionSnapshot } from "./schemas.ts";
import { BETWEEN_QUESTIONS_MS } from "./service.ts";
import { judgeSnapshot, scoreAgainstQuestion, scoreSnapshot } from "./scoring.ts";
import { interviewQuestionOf } from "./snapshot.ts";
import { getQuestionBank } from "../bank/load.ts";
import type { Question } from "../bank/schema.ts";

export { LATE_GRACE_MS, TIME_UP_GRACE_MS };

const STILL_REPLYING = "The interviewer is still replying to your last answer. Wait a moment, then try again.";
// The page adds that the text is still in the answer box (components/interview/answer-messages.ts).
const QUESTION_CLOSED = "Time for this question ran out, so it was closed with your last saved draft as your answer. What you sent now was not added.";
const INTERVIEW_CLOSED = "Time for this interview ran out, so it was finished with your last saved draft as your answer. What you sent now was not added.";

/** Whether the server closed this question at time-up (rather than the candidate answering it). */
function closedByTime(question: LoadedQuestion): boolean {
  return question.deadlineAt !== null && question.completedAt !== null && question.completedAt.getTime() >= question.deadlineAt.getTime() + TIME_UP_GRACE_MS;
}

/**
 * /next and /finish must not take the place in the transcript reserved for a reply still being
 * written (its save would fail: the reply lost, the judge never run). A reply lost for good (the
 * process died mid-stream) is repaired first, so the candidate is never stuck; the session as it
 * is then is returned.
 */
async function withoutPendingReply(userId: string, session: LoadedSession): Promise<LoadedSession> {
  if (session.turns.at(-1)?.role !== "candidate") return session;
  if (await repairLostReply(session, Date.now())) {
    const repaired = await loadSession(userId, session.id);
    if (repaired && repaired.turns.at(-1)?.role !== "candidate") return repaired;
  }
  throw new SessionError("conflict", STILL_REPLYING);
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Bumps the version if it is still `expected`; otherwise someone else wrote first. */
async function claimVersion(tx: Tx, sessionId: string, expected: number) {
  const { count } = await tx.interviewSession.updateMany({
    where: { id: sessionId, version: expected, status: "active" },
    data: { version: expected + 1 },
  });
  if (count === 0) throw new SessionError("conflict", "This interview changed in another tab or window. Reload to continue.");
}

function currentQuestion(session: LoadedSession): LoadedQuestion {
  return session.questions[session.currentIndex]!;
}

function interviewerTurns(session: LoadedSession) {
  return session.turns.filter((t) => t.role === "interviewer");
}

/** What every interviewer turn carries: mode, the session's seed, and its place in the transcript. */
function turnBase(session: LoadedSession) {
  const previous = interviewerTurns(session);
  return { mode: session.mode, seed: session.seed, sequence: previous.length, previousText: previous.at(-1)?.text };
}

const bankQuestions = new WeakMap<object, Map<string, Question[]>>();

/** The questions of the snapshot's bank as loaded by this process (one stable array per bank). */
function bankOf(snapshot: QuestionSnapshot): readonly Question[] {
  const bank = getQuestionBank();
  let byBank = bankQuestions.get(bank);
  if (!byBank) bankQuestions.set(bank, (byBank = new Map()));
  let list = byBank.get(snapshot.bankId);
  if (!list) byBank.set(snapshot.bankId, (list = bank.list().filter((q) => q.bankId === snapshot.bankId)));
  return list;
}

/** A message scored against another question of the snapshot's bank (0 when it is not there). */
function scoreAgainstOther(snapshot: QuestionSnapshot, questionId: string, text: string): number {
  const other = bankOf(snapshot).find((q) => q.id === questionId);
  return other ? scoreAgainstQuestion(other, text) : 0;
}

function scoreQuestion(question: LoadedQuestion, answers: string[]): ScoreReport {
  return scoreSnapshot(question.snapshot, answers);
}

/** The exchange on a question as the interviewer sees it: its own turns (with their follow-up ids) and the candidate's answers. */
function exchangeOf(session: LoadedSession, question: LoadedQuestion): ExchangeMessage[] {
  return session.turns
    .filter((t) => t.sessionQuestionId === question.id && (t.role === "interviewer" || (t.role === "candidate" && t.kind === "answer")))
    .map((t) =>
      t.role === "interviewer"
        ? { role: "interviewer", text: t.text, action: t.kind === "follow-up" ? t.keyPointId : null }
        : { role: "candidate", text: t.text },
    );
}

/**
 * With a judge model configured, the question's final score is re-graded by the LLM judge after
 * the interviewer's reply is saved (so the reply never waits on the judge), and blended in.
 */
async function applyJudge(sessionId: string, question: LoadedQuestion, answers: string[]) {
  const blended = await judgeSnapshot(question.snapshot, answers);
  if (!blended) return;
  await db().sessionQuestion.update({ where: { id: question.id }, data: { score: blended.score, report: JSON.stringify(blended) } });
  const session = await db().interviewSession.findUnique({ where: { id: sessionId }, select: { status: true, questionCount: true } });
  if (session?.status === "finished") {
    const scores = await db().sessionQuestion.findMany({ where: { sessionId }, select: { score: true } });
    const overall = Math.round(scores.reduce((sum, q) => sum + (q.score ?? 0), 0) / session.questionCount);
    await db().interviewSession.update({ where: { id: sessionId }, data: { overallScore: overall } });
  }
}

export type PendingReply = {
  sessionId: string;
  /** The transcript position the reply will take. */
  replySeq: number;
  turn: InterviewerTurn;
  engine: string;
  /** Stores the streamed reply (and a notice when the LLM failed); call once, when complete. */
  save(result: TurnStreamResult): Promise<void>;
};

/** Stores and scores an answer; returns the interviewer turn to stream and how to save it. */
export async function submitAnswer(userId: string, sessionId: string, body: unknown): Promise<PendingReply> {
  const parsed = answerBodySchema.safeParse(body);
  // Worded for a person (the page shows it): the messages alone, never a field path.
  if (!parsed.success) throw new SessionError("invalid", personMessage(parsed.error, "answer"));
  const input = parsed.data;
  try {
    await enforceRateLimits([`answer:${userId}`], env().RATE_LIMIT_ANSWERS_PER_MINUTE);
  } catch (error) {
    if (error instanceof RateLimitError) throw new SessionError("rate-limited", error.message);
    throw error;
  }
  const session = await loadSession(userId, sessionId);
  if (!session) throw notFound();
  if (session.status !== "active") throw new SessionError("finished", "This interview is finished: answers can no longer be added.");
  const question = currentQuestion(session);
  if (input.questionIndex !== session.currentIndex || question.status !== "answering") {
    const asked = session.questions[input.questionIndex];
    if (asked && closedByTime(asked)) throw new SessionError("already-answered", QUESTION_CLOSED);
    throw new SessionError("already-answered", "This question has already been answered.");
  }
  if (input.expectedTurns !== session.turns.length) {
    throw new SessionError("conflict", "This interview changed in another tab or window. Reload to continue.");
  }
  if (session.turns.at(-1)?.role === "candidate") {
    // The interviewer's reply to the last answer is still being written: its place in the
    // transcript is reserved, and a new answer must not take it.
    throw new SessionError("conflict", STILL_REPLYING);
  }
  if (!input.text.trim() && !input.timeUp) throw new SessionError("invalid", "Write an answer before sending it.");

  // Lateness is the server's: its clock against the stored deadline, whatever the client says
  // (`timeUp` only lets an empty answer through). Within LATE_GRACE_MS (network latency) an answer
  // is on time; later it is taken and marked late, until TIME_UP_GRACE_MS after the deadline, when
  // the question closes with the last saved draft (as it does for a closed tab) and this answer is
  // refused with words saying so. The page keeps the refused text in the answer box.
  const now = new Date();
  const deadline = question.deadlineAt?.getTime() ?? Infinity;
  const interviewOver = now.getTime() >= session.endsAt.getTime() + TIME_UP_GRACE_MS;
  if (interviewOver || now.getTime() >= deadline + TIME_UP_GRACE_MS) {
    await settleExpiredDeadlines(session, now.getTime());
    const fresh = await loadSession(userId, sessionId);
    if (fresh?.status === "finished") throw new SessionError("finished", INTERVIEW_CLOSED);
    throw new SessionError("already-answered", QUESTION_CLOSED);
  }
  const late = now.getTime() > deadline + LATE_GRACE_MS;
  const isLastQuestion = session.currentIndex === session.questionCount - 1;
  const plan = planNextTurn({
    ...turnBase(session),
    question: interviewQuestionOf(question.snapshot),
    exchange: [...exchangeOf(session, question), { role: "candidate", text: input.text }],
    score: (answers) => scoreQuestion(question, answers),
    followUpCount: question.followUpCount,
    secondsLeftForQuestion: question.deadlineAt ? (deadline - now.getTime()) / 1000 : null,
    secondsLeftInInterview: (session.endsAt.getTime() - now.getTime()) / 1000,
    isLastQuestion,
    timeUp: input.timeUp,
    bank: bankOf(question.snapshot),
    scoreAgainst: (id, text) => scoreAgainstOther(question.snapshot, id, text),
  });
  const { report, turn } = plan;
  const answers = [...answersOf(session, question), input.text];
  const lastPrompt = [...session.turns].reverse().find((t) => t.role === "interviewer" && t.sessionQuestionId === question.id);
  const probing = plan.followUpId !== null;

  await db().$transaction(async (tx) => {
    await claimVersion(tx, session.id, session.version);
    await tx.turn.create({
      data: {
        sessionId: session.id,
        sessionQuestionId: question.id,
        seq: session.turns.length,
        role: "candidate",
        kind: "answer",
        text: input.text,
        late,
        elapsedMs: lastPrompt ? Math.max(0, now.getTime() - lastPrompt.createdAt.getTime()) : null,
        createdAt: now,
      },
    });
    await tx.sessionQuestion.update({
      where: { id: question.id },
      data: probing
        ? { followUpCount: { increment: plan.countsAsFollowUp ? 1 : 0 }, draft: "", draftUpdatedAt: now }
        : { status: "scored", score: report.score, report: JSON.stringify(report), completedAt: now, draft: "", draftUpdatedAt: now },
    });
  });

  const replySeq = session.turns.length + 1;
  return {
    sessionId: session.id,
    replySeq,
    turn,
    engine: session.engine,
    async save(result) {
      await saveReply(session.id, question.id, replySeq, {
        kind: probing ? "follow-up" : "move-on",
        keyPointId: plan.followUpId,
        text: result.text,
        engine: result.engineId,
        fallback: result.fallback,
      });
      // The judge runs only for sessions that chose the LLM interviewer: choosing the offline
      // interviewer means the answers never leave this server.
      if (!probing && session.engine !== "local:rubric") {
        void applyJudge(
          session.id,
          question,
          answers.filter((a) => a.trim()),
        ).catch((error) => console.error(`interview ${session.id}: LLM judge failed:`, error instanceof Error ? error.message : error));
      }
    },
  };
}

async function saveReply(
  sessionId: string,
  sessionQuestionId: string,
  seq: number,
  reply: { kind: "follow-up" | "move-on"; keyPointId: string | null; text: string; engine: string; fallback?: FallbackInfo },
) {
  await db().$transaction(async (tx) => {
    await tx.interviewSession.update({ where: { id: sessionId }, data: { version: { increment: 1 } } });
    await tx.turn.create({
      data: { sessionId, sessionQuestionId, seq, role: "interviewer", kind: reply.kind, text: reply.text, keyPointId: reply.keyPointId, engine: reply.engine },
    });
    // A reply replaced after the check (reason "rejected") is not a failure the candidate needs to hear about.
    if (reply.fallback && reply.fallback.reason !== "rejected") {
      await tx.turn.create({
        data: {
          sessionId,
          sessionQuestionId,
          seq: seq + 1,
          role: "system",
          kind: "notice",
          text: "The AI interviewer stopped responding, so the offline interviewer took over for this turn. Your answers are safe.",
          engine: reply.fallback.engineId,
        },
      });
    }
  });
}

/** Moves to the next question: it is asked at once and its clock starts. */
export async function advanceToNextQuestion(userId: string, sessionId: string, expectedTurns: number): Promise<void> {
  const loaded = await loadSession(userId, sessionId);
  if (!loaded) throw notFound();
  if (loaded.status !== "active") throw new SessionError("finished", "This interview is finished.");
  if (expectedTurns !== loaded.turns.length) throw new SessionError("conflict", "This interview changed in another tab or window. Reload to continue.");
  const session = await withoutPendingReply(userId, loaded);
  const current = currentQuestion(session);
  if (current.status !== "scored") throw new SessionError("invalid", "Answer the current question first.");
  const nextIndex = session.currentIndex + 1;
  const next = session.questions[nextIndex];
  if (!next) throw new SessionError("invalid", "This was the last question: finish the interview instead.");
  const now = new Date();
  const text = renderOfflineTurn({
    kind: "ask",
    ...turnBase(session),
    question: interviewQuestionOf(next.snapshot),
    index: nextIndex,
    total: session.questionCount,
    minutes: next.minutes,
  });
  await db().$transaction(async (tx) => {
    await claimVersion(tx, session.id, session.version);
    await tx.interviewSession.update({ where: { id: session.id }, data: { currentIndex: nextIndex } });
    await tx.sessionQuestion.update({
      where: { id: next.id },
      data: { status: "answering", startedAt: now, deadlineAt: new Date(now.getTime() + next.minutes * 60_000) },
    });
    await tx.turn.create({
      data: {
        sessionId: session.id,
        sessionQuestionId: next.id,
        seq: session.turns.length,
        role: "interviewer",
        kind: "question",
        text,
        engine: "offline",
        createdAt: now,
      },
    });
  });
}

/** Ends the interview: the overall score is the mean of the asked questions' scores. */
export async function finishInterview(userId: string, sessionId: string, options: { timeUp?: boolean } = {}): Promise<void> {
  const loaded = await loadSession(userId, sessionId);
  if (!loaded) throw notFound();
  if (loaded.status !== "active") return;
  const session = await withoutPendingReply(userId, loaded);
  const current = currentQuestion(session);
  const timeUp = options.timeUp || Date.now() >= session.endsAt.getTime();
  if (current.status === "answering" && !timeUp) throw new SessionError("invalid", "Answer the current question before finishing.");
  await closeSession(session, timeUp);
}

async function closeSession(session: LoadedSession, timeUp: boolean) {
  const scored = session.questions.filter((q) => q.score !== null);
  const overall = scored.length ? Math.round(scored.reduce((s, q) => s + q.score!, 0) / session.questionCount) : 0;
  const text = renderOfflineTurn({
    kind: "wrap-up",
    ...turnBase(session),
    total: session.questionCount,
    answered: scored.length,
    results: scored.map((q) => ({ title: q.title, report: q.report! })).filter((r) => r.report),
    timeUp,
  });
  const now = new Date();
  const last = session.questions[session.currentIndex]!;
  await db().$transaction(async (tx) => {
    await claimVersion(tx, session.id, session.version);
    await tx.interviewSession.update({ where: { id: session.id }, data: { status: "finished", finishedAt: now, overallScore: overall } });
    await tx.turn.create({
      data: {
        sessionId: session.id,
        sessionQuestionId: last.id,
        seq: session.turns.length,
        role: "interviewer",
        kind: "wrap-up",
        text,
        engine: "offline",
        createdAt: now,
      },
    });
  });
}

/** After this long without a saved reply, the reply is taken as lost (the process died mid-stream). */
const LOST_REPLY_MS = 15_000;

/**
 * Writes the offline interviewer's reply for an answer whose reply was never saved (the server
 * stopped mid-stream), so the session can go on. The decision is the one the policy made then.
 */
async function repairLostReply(session: LoadedSession, now: number): Promise<boolean> {
  const last = session.turns.at(-1);
  if (!last || last.role !== "candidate" || now - last.createdAt.getTime() < env().LLM_TIMEOUT_MS + LOST_REPLY_MS) return false;
  const question = session.questions.find((q) => q.id === last.sessionQuestionId)!;
  const isLastQuestion = question.index === session.questionCount - 1;
  // The policy's decision then, made again from the exchange before the unanswered message
  // (followUpCount was already counted for it when it was a follow-up).
  const exchange = exchangeOf(session, question);
  const plan = planNextTurn({
    ...turnBase(session),
    question: interviewQuestionOf(question.snapshot),
    exchange,
    score: (answers) => (question.status === "scored" && question.report ? question.report : scoreQuestion(question, answers)),
    followUpCount: Math.max(0, question.followUpCount - 1),
    isLastQuestion,
    timeUp: question.status === "scored",
    bank: bankOf(question.snapshot),
    scoreAgainst: (id, text) => scoreAgainstOther(question.snapshot, id, text),
  });
  const probing = plan.followUpId !== null && question.status !== "scored";
  const text = renderOfflineTurn(
    probing
      ? plan.turn
      : ({ ...plan.turn, kind: "move-on", reason: plan.turn.kind === "move-on" ? plan.turn.reason : "no-probe-left", isLastQuestion } as InterviewerTurn),
  );
  try {
    await saveReply(session.id, question.id, session.turns.length, {
      kind: probing ? "follow-up" : "move-on",
      keyPointId: probing ? plan.followUpId : null,
      text,
      engine: "offline",
    });
  } catch {
    return false; // the real reply landed meanwhile
  }
  return true;
}

/**
 * Deadlines are the server's: when a question's time ran out and nobody submitted (the tab was
 * closed), what was typed (the saved draft) is submitted and the interview moves on; when the
 * interview's time ran out, it is finished. Called whenever a session is read.
 */
export async function settleExpiredDeadlines(session: LoadedSession, now = Date.now()): Promise<boolean> {
  if (session.status !== "active") return false;
  if (await repairLostReply(session, now)) return true;
  if (session.turns.at(-1)?.role === "candidate") return false; // a reply is on its way
  const question = currentQuestion(session);
  const interviewOver = now >= session.endsAt.getTime() + TIME_UP_GRACE_MS;
  const questionOver = question.status === "answering" && question.deadlineAt !== null && now >= question.deadlineAt.getTime() + TIME_UP_GRACE_MS;
  if (!interviewOver && !questionOver) return false;
  try {
    if (question.status === "answering") await submitDraftAtTimeUp(session, question);
    if (interviewOver || session.currentIndex === session.questionCount - 1) {
      const fresh = await loadSession(session.userId, session.id);
      if (fresh && fresh.status === "active") await closeSession(fresh, true);
    }
  } catch (error) {
    // Another request settled it first: the caller reloads and sees the result.
    if (!(error instanceof SessionError && error.code === "conflict")) throw error;
  }
  return true;
}

async function submitDraftAtTimeUp(session: LoadedSession, question: LoadedQuestion) {
  const now = new Date();
  const answers = [...answersOf(session, question), ...(question.draft.trim() ? [question.draft] : [])];
  const report = scoreQuestion(question, answers);
  const isLastQuestion = session.currentIndex === session.questionCount - 1;
  const reply = renderOfflineTurn({
    kind: "move-on",
    ...turnBase(session),
    question: interviewQuestionOf(question.snapshot),
    answers,
    report,
    reason: "time",
    isLastQuestion,
  });
  await db().$transaction(async (tx) => {
    await claimVersion(tx, session.id, session.version);
    let seq = session.turns.length;
    if (question.draft.trim()) {
      await tx.turn.create({
        data: {
          sessionId: session.id,
          sessionQuestionId: question.id,
          seq: seq++,
          role: "candidate",
          kind: "answer",
          text: question.draft,
          // Typed past the deadline (and its grace) and autosaved: late, as it would be if sent.
          late: question.deadlineAt !== null && (question.draftUpdatedAt ?? now).getTime() > question.deadlineAt.getTime() + LATE_GRACE_MS,
          createdAt: question.draftUpdatedAt ?? now,
        },
      });
    } else {
      await tx.turn.create({
        data: {
          sessionId: session.id,
          sessionQuestionId: question.id,
          seq: seq++,
          role: "system",
          kind: "notice",
          text: "Time ran out before an answer was written.",
        },
      });
    }
    await tx.turn.create({
      data: { sessionId: session.id, sessionQuestionId: question.id, seq, role: "interviewer", kind: "move-on", text: reply, engine: "offline" },
    });
    await tx.sessionQuestion.update({
      where: { id: question.id },
      data: { status: "scored", score: report.score, report: JSON.stringify(report), completedAt: now, draft: "" },
    });
  });
}

export { BETWEEN_QUESTIONS_MS };
