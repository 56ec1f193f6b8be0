/**
 * The answer flow: answer, next question, finish, and the server's deadlines. Every write checks
 * the session's version, so two tabs cannot interleave turns.
 *
 * `submitAnswer` checks an answer (owner, question, time) and stores it before anything else, so
 * nothing the candidate typed is lost; then scores it, lets `planNextTurn` read the message and the
 * turn policy decide (follow up in one of its forms, or move on; in an LLM session after the judge
 * read the answer, `planNextTurnJudged`), and records the decision on the
 * question (a follow-up counted, or the question scored). It returns the reply still to be
 * streamed and saved, as plain data: chat.ts (`answerAndReply`, the chat route's one call) hands it
 * to the reply run (reply-stream.ts), which saves it through reply-save.ts. Nothing calls back here.
 */
import "server-only";
import { formatZodError } from "../api/zod.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import type { Question } from "../bank/schema.ts";
import { getQuestionBank } from "../bank/load.ts";
import { answerWithCode, latestCode } from "../code-runner/answer-code.ts";
import {
  planNextTurn,
  planNextTurnJudged,
  renderOfflineTurn,
  timeUpDecision,
  turnForDecision,
  type ExchangeMessage,
  type PlannedTurn,
  type PlanTurnInput,
  type TurnBase,
} from "../interviewer/index.ts";
import { enforceRateLimits, RateLimitError } from "../rate-limit/index.ts";
import { LOCAL_RUBRIC } from "../ai/providers.ts";
import { closedByTime, interviewOver, JUDGE_BEFORE_REPLY_MS, replyLost, settlementDue } from "./deadlines.ts";
import { notFound, SessionError } from "./errors.ts";
import { toInterviewView, type InterviewView } from "./interview-view.ts";
import { answersOf, isAnswer } from "./format.ts";
import { loadSession, turnsOf, type LoadedQuestion, type LoadedSession } from "./read-model.ts";
import { LATE_GRACE_MS, MAX_ANSWER_CHARS, TIME_UP_GRACE_MS } from "./limits.ts";
import { gradeAnswers, withChecks } from "./task-grading.ts";
import { ReplyAlreadySavedError, writeReply, type PendingReply } from "./reply-save.ts";
import { answerBodySchema, type QuestionSnapshot } from "./schemas.ts";
import { judgeSnapshot, scoreAgainstQuestion, scoreSnapshot } from "./scoring.ts";
import { BETWEEN_QUESTIONS_MS } from "./service.ts";
import { interviewQuestionOf } from "./snapshot.ts";

export { BETWEEN_QUESTIONS_MS, LATE_GRACE_MS, TIME_UP_GRACE_MS };
export type { PendingReply };

const STILL_REPLYING = "The interviewer is still replying to your last answer. Wait a moment, then try again.";
const CHANGED_ELSEWHERE = "This interview changed in another tab or window. Reload to continue.";
// The page adds that the text is still in the answer box (components/interview/answer-messages.ts).
const QUESTION_CLOSED = "Time for this question ran out, so it was closed with your last saved draft as your answer. What you sent now was not added.";
const INTERVIEW_CLOSED = "Time for this interview ran out, so it was finished with your last saved draft as your answer. What you sent now was not added.";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Bumps the version if it is still `expected`; otherwise someone else wrote first. */
async function claimVersion(tx: Tx, sessionId: string, expected: number) {
  const { count } = await tx.interviewSession.updateMany({
    where: { id: sessionId, version: expected, status: "active" },
    data: { version: expected + 1 },
  });
  if (count === 0) throw new SessionError("conflict", CHANGED_ELSEWHERE);
}

function currentQuestion(session: LoadedSession): LoadedQuestion {
  return session.questions[session.currentIndex]!;
}

/** What every interviewer turn carries: mode, the session's seed, and its place in the transcript. */
function turnBase(session: LoadedSession): TurnBase {
  const previous = session.turns.filter((t) => t.role === "interviewer");
  return { mode: session.mode, seed: session.seed, sequence: previous.length, previousText: previous.at(-1)?.text };
}

/** The exchange on a question as the interviewer sees it: its own turns (with their follow-up ids) and the candidate's answers. */
function exchangeOf(session: LoadedSession, question: LoadedQuestion): ExchangeMessage[] {
  return turnsOf(session, question)
    .filter((t) => t.role === "interviewer" || isAnswer(t))
    .map((t) =>
      t.role === "interviewer"
        ? { role: "interviewer", text: t.text, action: t.kind === "follow-up" ? t.keyPointId : null }
        : { role: "candidate", text: t.text },
    );
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

/**
 * The interviewer's next turn on `question` after `exchange` (which ends with the candidate's
 * message): the app's scorer and bank wired into `planNextTurn`, the turn policy's one entry.
 * `report` (PlanState): the report over the question's answers when there is one already (the
 * repair's stored report of a scored question); else the rubric scores them.
 */
function planReply(session: LoadedSession, question: LoadedQuestion, exchange: ExchangeMessage[], state: PlanState): PlannedTurn {
  return planNextTurn(planInput(session, question, exchange, state));
}

type PlanState = Pick<PlanTurnInput, "followUpCount" | "timeUp" | "secondsLeftForQuestion" | "secondsLeftInInterview" | "report">;

function planInput(session: LoadedSession, question: LoadedQuestion, exchange: ExchangeMessage[], state: PlanState): PlanTurnInput {
  const bank = bankOf(question.snapshot);
  return {
    ...turnBase(session),
    ...state,
    question: interviewQuestionOf(question.snapshot),
    exchange,
    score: (answers) => scoreSnapshot(question.snapshot, answers),
    isLastQuestion: question.index === session.questionCount - 1,
    bank,
    scoreAgainst: (id, text) => {
      const other = bank.find((q) => q.id === id);
      return other ? scoreAgainstQuestion(other, text) : 0;
    },
  };
}

/** Checks, stores, scores and plans an answer; returns the interviewer's reply still to be streamed and saved. */
export async function submitAnswer(userId: string, sessionId: string, body: unknown): Promise<PendingReply> {
  const parsed = answerBodySchema.safeParse(body);
  // Worded for a person (the page shows it): the messages alone, never a field path.
  if (!parsed.success) throw new SessionError("invalid", formatZodError(parsed.error, "answer").message);
  const input = parsed.data;
  // The code is part of the answer (stored, shown, exported and scored with it): the limit is on both together.
  const text = answerWithCode(input.text, input.code);
  if (text.length > MAX_ANSWER_CHARS) {
    throw new SessionError(
      "too-large",
      `Your answer and code together are limited to ${MAX_ANSWER_CHARS.toLocaleString("en")} characters: shorten one of them.`,
    );
  }
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
  if (input.expectedTurns !== session.turns.length) throw new SessionError("conflict", CHANGED_ELSEWHERE);
  if (session.turns.at(-1)?.role === "candidate") {
    // The interviewer's reply to the last answer is still being written: its place in the
    // transcript is reserved, and a new answer must not take it.
    throw new SessionError("conflict", STILL_REPLYING);
  }
  if (!text.trim() && !input.timeUp) throw new SessionError("invalid", "Write an answer before sending it.");

  // Lateness is the server's: its clock against the stored deadline, whatever the client says
  // (`timeUp` only lets an empty answer through). Within LATE_GRACE_MS (network latency) an answer
  // is on time; later it is taken and marked late, until TIME_UP_GRACE_MS after the deadline, when
  // the question closes with the last saved draft (as it does for a closed tab) and this answer is
  // refused with words saying so. The page keeps the refused text in the answer box.
  const now = new Date();
  const deadline = question.deadlineAt?.getTime() ?? Infinity;
  if (interviewOver(session, now.getTime()) || now.getTime() >= deadline + TIME_UP_GRACE_MS) {
    await settleExpiredDeadlines(session, now.getTime());
    const fresh = await loadSession(userId, sessionId);
    if (fresh?.status === "finished") throw new SessionError("finished", INTERVIEW_CLOSED);
    throw new SessionError("already-answered", QUESTION_CLOSED);
  }

  // 1. The answer is stored first (and the draft it replaces cleared): whatever happens next, it is kept.
  const lastPrompt = session.turns.findLast((t) => t.role === "interviewer" && t.sessionQuestionId === question.id);
  await db().$transaction(async (tx) => {
    await claimVersion(tx, session.id, session.version);
    await tx.turn.create({
      data: {
        sessionId: session.id,
        sessionQuestionId: question.id,
        seq: session.turns.length,
        role: "candidate",
        kind: "answer",
        text,
        late: now.getTime() > deadline + LATE_GRACE_MS,
        elapsedMs: lastPrompt ? Math.max(0, now.getTime() - lastPrompt.createdAt.getTime()) : null,
        createdAt: now,
      },
    });
    await tx.sessionQuestion.update({ where: { id: question.id }, data: { draft: "", draftUpdatedAt: now } });
  });

  // 2. Scored, read and decided on: the turn policy's next turn (in an LLM session, after the judge read it).
  const exchange: ExchangeMessage[] = [...exchangeOf(session, question), { role: "candidate", text }];
  // A coding task: the latest code runs against the hidden checks (in the sandbox), which weigh in the score.
  const answers = exchange.filter((m) => m.role === "candidate").map((m) => m.text);
  const grade = await gradeAnswers(question.questionId, answers);
  const state = {
    ...(grade
      ? {
          report: withChecks(
            scoreSnapshot(
              question.snapshot,
              answers.filter((a) => a.trim()),
            ),
            grade,
          ),
        }
      : {}),
    followUpCount: question.followUpCount,
    timeUp: input.timeUp,
    secondsLeftForQuestion: question.deadlineAt ? (deadline - now.getTime()) / 1000 : null,
    secondsLeftInInterview: (session.endsAt.getTime() - now.getTime()) / 1000,
  };
  // In an LLM session the judge reads the answer first (for at most JUDGE_BEFORE_REPLY_MS), so a
  // wrong claim only it finds is challenged too; offline sessions never send an answer anywhere.
  const planned = planInput(session, question, exchange, state);
  const { judged, ...plan } =
    session.engine === LOCAL_RUBRIC
      ? { ...planNextTurn(planned), judged: false }
      : await planNextTurnJudged(planned, async (judgedAnswers) => {
          const judged = await judgeSnapshot(question.snapshot, judgedAnswers, Math.min(env().LLM_TIMEOUT_MS, JUDGE_BEFORE_REPLY_MS));
          return judged && withChecks(judged, grade);
        });

  // 3. The decision is recorded on the question: a follow-up keeps it open (and may spend the
  // follow-up budget); a move-on scores and closes it.
  const { report, turn } = plan;
  await db().$transaction(async (tx) => {
    await claimVersion(tx, session.id, session.version + 1);
    await tx.sessionQuestion.update({
      where: { id: question.id },
      data:
        turn.kind === "follow-up"
          ? { followUpCount: { increment: plan.countsAsFollowUp ? 1 : 0 } }
          : { status: "scored", score: report.score, report: JSON.stringify(report), completedAt: now },
    });
  });

  return {
    sessionId: session.id,
    sessionQuestionId: question.id,
    snapshot: question.snapshot,
    replySeq: session.turns.length + 1,
    turn,
    engine: session.engine,
    judged,
  };
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

/** Moves to the next question: it is asked at once and its clock starts. */
export async function advanceToNextQuestion(userId: string, sessionId: string, expectedTurns: number): Promise<void> {
  const loaded = await loadSession(userId, sessionId);
  if (!loaded) throw notFound();
  if (loaded.status !== "active") throw new SessionError("finished", "This interview is finished.");
  if (expectedTurns !== loaded.turns.length) throw new SessionError("conflict", CHANGED_ELSEWHERE);
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

/**
 * Writes the offline interviewer's reply for an answer whose reply was never saved (the server
 * stopped mid-stream), so the session can go on. The decision is the one the policy made then.
 */
async function repairLostReply(session: LoadedSession, now: number): Promise<boolean> {
  if (!replyLost(session, now)) return false;
  const last = session.turns.at(-1)!;
  const question = session.questions.find((q) => q.id === last.sessionQuestionId)!;
  // The policy's decision then, made again from the exchange before the unanswered message
  // (followUpCount was already counted for it when it was a follow-up; a question already scored
  // was moved on from). Made offline: in an LLM session the judge's read may have decided a
  // follow-up (a challenge, a redirect) the rubric alone does not; then the offline move-on also
  // scores and closes the question, as the answer's own write would have.
  const exchange = exchangeOf(session, question);
  // A question still open is scored as the answer's write would have: with its code's checks.
  const grade =
    question.status === "scored"
      ? null
      : await gradeAnswers(
          question.questionId,
          exchange.filter((m) => m.role === "candidate").map((m) => m.text),
        );
  const answered = exchange.filter((m) => m.role === "candidate" && m.text.trim()).map((m) => m.text);
  const { turn, report } = planReply(session, question, exchange, {
    followUpCount: Math.max(0, question.followUpCount - 1),
    timeUp: question.status === "scored",
    report: question.status === "scored" ? (question.report ?? undefined) : grade ? withChecks(scoreSnapshot(question.snapshot, answered), grade) : undefined,
  });
  const closes = turn.kind === "move-on" && question.status === "answering";
  try {
    await writeReply({
      sessionId: session.id,
      sessionQuestionId: question.id,
      seq: session.turns.length,
      turn,
      text: renderOfflineTurn(turn),
      engine: "offline",
      ...(closes ? { closeQuestion: { report, completedAt: new Date(now) } } : {}),
    });
  } catch (error) {
    if (error instanceof ReplyAlreadySavedError) return false; // the real reply landed meanwhile
    throw error;
  }
  return true;
}

/**
 * Deadlines are the server's: when a question's time ran out and nobody submitted (the tab was
 * closed), what was typed (the saved draft) is submitted and the interview moves on; when the
 * interview's time ran out, it is finished; a reply lost with its process is written by the
 * offline interviewer. Run by the requests that change the session (an answer past its time,
 * `settleInterview`), never by a page render. True when something was written.
 */
export async function settleExpiredDeadlines(session: LoadedSession, now = Date.now()): Promise<boolean> {
  if (!settlementDue(session, now)) return false;
  if (session.turns.at(-1)?.role === "candidate") return repairLostReply(session, now);
  const question = currentQuestion(session);
  try {
    if (question.status === "answering") await submitDraftAtTimeUp(session, question);
    if (interviewOver(session, now) || session.currentIndex === session.questionCount - 1) {
      const fresh = await loadSession(session.userId, session.id);
      if (fresh && fresh.status === "active") await closeSession(fresh, true);
    }
  } catch (error) {
    // Another request settled it first: the caller reloads and sees the result.
    if (!(error instanceof SessionError && error.code === "conflict")) throw error;
  }
  return true;
}

/**
 * Settles what the server's clock says is due (see `settleExpiredDeadlines`) and returns the
 * session as the interview page shows it then; null when it is not the user's. The request the
 * interview page makes when its view says `settleDue` (a closed tab came back after the time ran
 * out, or a reply was lost with its process).
 */
export async function settleInterview(userId: string, sessionId: string): Promise<InterviewView | null> {
  const session = await loadSession(userId, sessionId);
  if (!session) return null;
  if (!(await settleExpiredDeadlines(session))) return toInterviewView(session);
  const settled = await loadSession(userId, sessionId);
  return settled ? toInterviewView(settled) : null;
}

async function submitDraftAtTimeUp(session: LoadedSession, question: LoadedQuestion) {
  const now = new Date();
  const sent = answersOf({ turns: turnsOf(session, question) });
  // The autosaved code goes with the draft unless it is the code already sent (nothing typed is lost).
  const code = question.draftCode.trim() && question.draftCode.trimEnd() !== latestCode(sent) ? question.draftCode : undefined;
  const draft = answerWithCode(question.draft, code);
  const answers = [...sent, ...(draft.trim() ? [draft] : [])];
  // The checks of the code sent on this question count here too (the time ran out, the code stays).
  const report = withChecks(scoreSnapshot(question.snapshot, answers), await gradeAnswers(question.questionId, answers));
  const isLastQuestion = session.currentIndex === session.questionCount - 1;
  const reply = renderOfflineTurn(
    turnForDecision(timeUpDecision(isLastQuestion), { ...turnBase(session), question: interviewQuestionOf(question.snapshot), answers, report }),
  );
  await db().$transaction(async (tx) => {
    await claimVersion(tx, session.id, session.version);
    let seq = session.turns.length;
    if (draft.trim()) {
      await tx.turn.create({
        data: {
          sessionId: session.id,
          sessionQuestionId: question.id,
          seq: seq++,
          role: "candidate",
          kind: "answer",
          text: draft,
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
