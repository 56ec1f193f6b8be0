/**
 * The interview session service on a real database (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgresql): starting, answering, the turn policy's probes and move-ons, deadlines,
 * owner rules, bad bodies, and two tabs racing on one session.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getQuestionBank } from "../../lib/bank/load.ts";
import { renderOfflineTurn } from "../../lib/interviewer/index.ts";
import { resetEnvForTests } from "../../lib/env.ts";
import {
  advanceToNextQuestion,
  finishInterview,
  settleExpiredDeadlines,
  settleInterview,
  submitAnswer,
  type PendingReply,
} from "../../lib/sessions/answer-flow.ts";
import { SessionError } from "../../lib/sessions/errors.ts";
import { getInterview } from "../../lib/sessions/interview-view.ts";
import { MAX_ANSWER_CHARS } from "../../lib/sessions/schemas.ts";
import { BETWEEN_QUESTIONS_MS, deleteSession, saveDraft, startSession } from "../../lib/sessions/service.ts";
import { snapshotOf } from "../../lib/sessions/snapshot.ts";
import {
  answerBody,
  createUser,
  CYCLIC_MEMORY_ANSWER,
  FULL_MEMORY_ANSWER,
  GIL_QUESTION,
  MEMORY_QUESTION,
  mustLoad,
  MUTABLE_QUESTION,
  PARTIAL_MEMORY_ANSWER,
  REFCOUNT_MEMORY_ANSWER,
  seqsAreDense,
  startTestSession,
  streamAndSave,
} from "../support/interview-fixtures.ts";
import { TEST_PROVIDER, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const bank = getQuestionBank();

/** The SessionError code a promise rejects with ("ok" when it resolves). */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof SessionError) return error.code;
    throw error;
  }
}

/** Submits an answer to the current question and saves the offline reply; returns the pending reply. */
async function answer(userId: string, sessionId: string, text: string, extra: { timeUp?: boolean } = {}): Promise<PendingReply> {
  const session = await mustLoad(userId, sessionId);
  const pending = await submitAnswer(userId, sessionId, answerBody(session, text, extra));
  await streamAndSave(pending);
  return pending;
}

async function next(userId: string, sessionId: string) {
  const session = await mustLoad(userId, sessionId);
  await advanceToNextQuestion(userId, sessionId, session.turns.length);
}

async function setDeadline(sessionId: string, index: number, deadlineAt: Date) {
  await db().sessionQuestion.update({ where: { sessionId_index: { sessionId, index } }, data: { deadlineAt } });
}

describe(`interview sessions on ${TEST_PROVIDER}`, () => {
  describe("starting", () => {
    it("chooses questions, snapshots each with its content hash, and asks the first at once", async () => {
      const user = await createUser();
      const { id } = await startSession(user.id, { bankId: "python", count: 3, seed: "start-1", mode: "practice" });
      const session = await mustLoad(user.id, id);
      expect(session).toMatchObject({ status: "active", mode: "practice", engine: "local:rubric", seed: "start-1", questionCount: 3, currentIndex: 0 });
      expect(session.questions).toHaveLength(3);
      // Balanced: three different topics out of five.
      expect(new Set(session.questions.map((q) => q.topic)).size).toBe(3);
      for (const q of session.questions) {
        const original = bank.get(q.questionId)!;
        expect(q.snapshot).toEqual(snapshotOf(original));
        const row = await db().sessionQuestion.findUniqueOrThrow({ where: { id: q.id } });
        expect(row.contentHash).toBe(original.contentHash);
        expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.parse(row.snapshot).reference).toBe(original.reference);
      }
      const [first, ...rest] = session.questions;
      expect(first).toMatchObject({ status: "answering", minutes: bank.get(first!.questionId)!.minutes });
      expect(first!.deadlineAt!.getTime() - first!.startedAt!.getTime()).toBe(first!.minutes * 60_000);
      for (const q of rest) expect(q).toMatchObject({ status: "pending", startedAt: null, deadlineAt: null });
      const total = session.questions.reduce((s, q) => s + q.minutes * 60_000, 0) + 2 * BETWEEN_QUESTIONS_MS;
      expect(session.endsAt.getTime() - session.startedAt.getTime()).toBe(total);
      expect(session.turns).toHaveLength(1);
      expect(session.turns[0]).toMatchObject({ seq: 0, role: "interviewer", kind: "question", sessionQuestionId: first!.id, engine: "offline" });
      expect(session.turns[0]!.text).toContain(first!.snapshot.prompt.trim().slice(0, 40));
      expect(session.turns[0]!.text).not.toContain(first!.snapshot.reference.slice(0, 60));
    });

    it("reproduces a session from its seed, and steers away from questions the user just practised", async () => {
      const a = await createUser();
      const b = await createUser();
      const setUp = { bankId: "python", count: 3, seed: "same-seed", topics: ["Concurrency & Async"] };
      const first = await mustLoad(a.id, (await startSession(a.id, setUp)).id);
      const twin = await mustLoad(b.id, (await startSession(b.id, setUp)).id);
      expect(twin.questions.map((q) => q.questionId)).toEqual(first.questions.map((q) => q.questionId));
      const again = await mustLoad(a.id, (await startSession(a.id, setUp)).id);
      const seen = new Set(first.questions.map((q) => q.questionId));
      expect(again.questions.every((q) => !seen.has(q.questionId))).toBe(true);
      expect(again.questions.every((q) => q.topic === "Concurrency & Async")).toBe(true);
    });

    it("refuses a set-up that is malformed, matches nothing, or names an interviewer this server lacks", async () => {
      const user = await createUser();
      expect(await codeOf(startSession(user.id, { count: 0 }))).toBe("invalid");
      expect(await codeOf(startSession(user.id, { count: 3, mode: "exam" as never }))).toBe("invalid");
      expect(await codeOf(startSession(user.id, { topics: ["No such topic"] }))).toBe("invalid");
      expect(await codeOf(startSession(user.id, { questionIds: ["python-nope"] }))).toBe("invalid");
      expect(await codeOf(startSession(user.id, { interviewer: "openai:gpt-unconfigured" }))).toBe("invalid");
      expect(await codeOf(startSession(user.id, { extra: 1 } as never))).toBe("invalid");
      expect(await db().interviewSession.count({ where: { userId: user.id } })).toBe(0);
    });
  });

  describe("answering", () => {
    it("probes the highest-weight gap with an authored follow-up, and saves the reply through saveReply", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id);
      const pending = await submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER));
      expect(pending.turn.kind).toBe("follow-up");
      if (pending.turn.kind !== "follow-up") throw new Error("unreachable");
      expect(pending.turn.decision.followUp).toMatchObject({ id: "refcount:1", source: "authored" });
      expect(pending.replySeq).toBe(2);
      // The answer is stored before the reply streams.
      const mid = await mustLoad(user.id, session.id);
      expect(mid.turns.map((t) => [t.seq, t.role, t.kind])).toEqual([
        [0, "interviewer", "question"],
        [1, "candidate", "answer"],
      ]);
      expect(mid.turns[1]).toMatchObject({ text: PARTIAL_MEMORY_ANSWER, late: false });
      expect(mid.turns[1]!.elapsedMs).toBeGreaterThanOrEqual(0);
      expect(mid.questions[0]).toMatchObject({ status: "answering", followUpCount: 1, score: null, draft: "" });

      const text = await streamAndSave(pending);
      const after = await mustLoad(user.id, session.id);
      expect(after.turns[2]).toMatchObject({ seq: 2, role: "interviewer", kind: "follow-up", keyPointId: "refcount:1", engine: "offline", text });
      expect(text).toContain(pending.turn.decision.followUp.text);
      // Grounded: it quotes the candidate and never reveals the reference or a key point's text.
      // (It may also acknowledge without a quote: every quote is the candidate's own words.)
      for (const m of text.matchAll(/“([^”]+)”/g)) expect(PARTIAL_MEMORY_ANSWER).toContain(m[1]);
      const snapshot = after.questions[0]!.snapshot;
      for (const k of snapshot.keyPoints) expect(text).not.toContain(k.text);
      expect(text).not.toContain(snapshot.reference.slice(0, 60));
    });

    it("moves on when the answer covers the question, scoring it at once", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      const pending = await submitAnswer(user.id, session.id, answerBody(session, FULL_MEMORY_ANSWER));
      expect(pending.turn).toMatchObject({ kind: "move-on", reason: "covered", isLastQuestion: false });
      const text = await streamAndSave(pending);
      const after = await mustLoad(user.id, session.id);
      expect(after.questions[0]).toMatchObject({ status: "scored", followUpCount: 0 });
      expect(after.questions[0]!.score).toBeGreaterThanOrEqual(85);
      expect(after.questions[0]!.report?.score).toBe(after.questions[0]!.score);
      expect(after.questions[0]!.completedAt).not.toBeNull();
      expect(after.turns.at(-1)).toMatchObject({ role: "interviewer", kind: "move-on", keyPointId: null, text });
      expect(after.questions[1]!.status).toBe("pending");
    });

    it("never repeats a follow-up, stops at two, and accumulates coverage over the answers", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id);
      const first = await answer(user.id, session.id, PARTIAL_MEMORY_ANSWER);
      const second = await answer(user.id, session.id, REFCOUNT_MEMORY_ANSWER);
      const third = await answer(user.id, session.id, CYCLIC_MEMORY_ANSWER);
      expect([first.turn.kind, second.turn.kind, third.turn.kind]).toEqual(["follow-up", "follow-up", "move-on"]);
      const scores = [first, second, third].map((p) => (p.turn.kind === "follow-up" || p.turn.kind === "move-on" ? p.turn.report.score : -1));
      expect(scores[1]).toBeGreaterThan(scores[0]!);
      expect(scores[2]).toBeGreaterThan(scores[1]!);

      const after = await mustLoad(user.id, session.id);
      const followUps = after.turns.filter((t) => t.kind === "follow-up");
      expect(followUps).toHaveLength(2);
      expect(new Set(followUps.map((t) => t.keyPointId)).size).toBe(2);
      expect(followUps[0]!.keyPointId).toBe("refcount:1");
      // The second probe is about a gap the candidate still has (refcount was answered meanwhile).
      expect(followUps[1]!.keyPointId).toMatch(/^cyclic-gc:/);
      expect(followUps[1]!.text).not.toContain(after.questions[0]!.snapshot.followUps.find((f) => f.keyPointId === "refcount")!.text);

      const q = after.questions[0]!;
      expect(q).toMatchObject({ status: "scored", followUpCount: 2, score: scores[2] });
      const covered = Object.fromEntries(q.report!.keyPoints.map((k) => [k.id, k.status]));
      expect(covered).toMatchObject({ "names-references": "covered", refcount: "covered", "cyclic-gc": "covered" });
      expect(after.turns.filter((t) => t.role === "candidate").map((t) => t.text)).toEqual([
        PARTIAL_MEMORY_ANSWER,
        REFCOUNT_MEMORY_ANSWER,
        CYCLIC_MEMORY_ANSWER,
      ]);
      expect(seqsAreDense(after.turns.map((t) => t.seq))).toBe(true);
    });

    it("practice mode shows the score report after each question; mock mode keeps it until the end", async () => {
      const practiceUser = await createUser();
      const practice = await startTestSession(practiceUser.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION], mode: "practice" });
      await answer(practiceUser.id, practice.id, FULL_MEMORY_ANSWER);
      const practiceView = (await getInterview(practiceUser.id, practice.id))!;
      expect(practiceView.questions[0]!.report?.score).toBeGreaterThanOrEqual(85);
      expect(practiceView.questions[0]!.reference).toBe(bank.get(MEMORY_QUESTION)!.reference);

      const mockUser = await createUser();
      const mock = await startTestSession(mockUser.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION], mode: "mock" });
      const pending = await submitAnswer(mockUser.id, mock.id, answerBody(mock, FULL_MEMORY_ANSWER));
      const mockText = await streamAndSave(pending);
      expect(mockText).not.toMatch(/\d+\s*(\/|out of)\s*100/);
      let mockView = (await getInterview(mockUser.id, mock.id))!;
      expect(mockView.questions[0]).toMatchObject({ status: "scored", score: null, report: null, reference: null });
      await next(mockUser.id, mock.id);
      await answer(mockUser.id, mock.id, "The GIL is a mutex that lets one thread run Python bytecode at a time.");
      mockView = (await getInterview(mockUser.id, mock.id))!;
      if (mockView.questions[1]!.status === "answering") {
        // A follow-up came: answer it too so the question is scored.
        await answer(mockUser.id, mock.id, "Threads still help for I/O-bound work because the GIL is released while waiting.");
        await answer(mockUser.id, mock.id, "For CPU-bound work use multiprocessing.");
      }
      mockView = (await getInterview(mockUser.id, mock.id))!;
      expect(mockView.questions.every((q) => q.report === null && q.score === null)).toBe(true);
      await finishInterview(mockUser.id, mock.id);
      const finished = (await getInterview(mockUser.id, mock.id))!;
      expect(finished.status).toBe("finished");
      expect(finished.questions[0]!.report?.score).toBeGreaterThanOrEqual(85);
      expect(finished.questions[0]!.reference).toBe(bank.get(MEMORY_QUESTION)!.reference);
      const expected = Math.round(finished.questions.reduce((s, q) => s + (q.score ?? 0), 0) / 2);
      expect(finished.overallScore).toBe(expected);
      expect(finished.turns.at(-1)).toMatchObject({ role: "interviewer", kind: "wrap-up" });
    });

    it("walks a whole practice interview: next question, its clock, finish with the mean score", async () => {
      const user = await createUser();
      const s2 = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, MUTABLE_QUESTION], seed: "walk" });
      expect(await codeOf(advanceToNextQuestion(user.id, s2.id, 1))).toBe("invalid"); // not answered yet
      await answer(user.id, s2.id, FULL_MEMORY_ANSWER);
      const before = Date.now();
      await next(user.id, s2.id);
      const moved = await mustLoad(user.id, s2.id);
      expect(moved.currentIndex).toBe(1);
      const q2 = moved.questions[1]!;
      expect(q2.status).toBe("answering");
      expect(q2.startedAt!.getTime()).toBeGreaterThanOrEqual(before - 5);
      expect(q2.deadlineAt!.getTime() - q2.startedAt!.getTime()).toBe(bank.get(MUTABLE_QUESTION)!.minutes * 60_000);
      expect(moved.turns.at(-1)).toMatchObject({ kind: "question", sessionQuestionId: q2.id });
      expect(moved.turns.at(-1)!.text).toContain(q2.snapshot.prompt.trim().slice(0, 40));
      expect(await codeOf(advanceToNextQuestion(user.id, s2.id, moved.turns.length))).toBe("invalid"); // current not answered
      expect(await codeOf(finishInterview(user.id, s2.id))).toBe("invalid"); // answer first
      let pending = await answer(user.id, s2.id, "Lists are mutable, tuples are immutable.");
      while (pending.turn.kind === "follow-up")
        pending = await answer(user.id, s2.id, "Strings and tuples are immutable; a tuple holding a list can still change through the list.");
      expect(pending.turn).toMatchObject({ kind: "move-on", isLastQuestion: true });
      expect(await codeOf(advanceToNextQuestion(user.id, s2.id, (await mustLoad(user.id, s2.id)).turns.length))).toBe("invalid");
      await finishInterview(user.id, s2.id);
      const done = await mustLoad(user.id, s2.id);
      expect(done.status).toBe("finished");
      expect(done.finishedAt).not.toBeNull();
      expect(done.overallScore).toBe(Math.round((done.questions[0]!.score! + done.questions[1]!.score!) / 2));
      expect(seqsAreDense(done.turns.map((t) => t.seq))).toBe(true);
      await finishInterview(user.id, s2.id); // idempotent
      expect((await mustLoad(user.id, s2.id)).turns).toHaveLength(done.turns.length);
    });
  });

  it("finishing early counts the questions never reached as zero", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, MUTABLE_QUESTION] });
    await answer(user.id, session.id, FULL_MEMORY_ANSWER);
    await finishInterview(user.id, session.id);
    const done = await mustLoad(user.id, session.id);
    expect(done.status).toBe("finished");
    expect(done.overallScore).toBe(Math.round(done.questions[0]!.score! / 2));
    expect(await codeOf(advanceToNextQuestion(user.id, session.id, done.turns.length))).toBe("finished");
  });

  describe("deadlines", () => {
    it("accepts a late answer and marks it late, never throwing it away", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      await setDeadline(session.id, 0, new Date(Date.now() - 30_000));
      const pending = await submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER));
      // No time left: the policy moves on instead of probing.
      expect(pending.turn).toMatchObject({ kind: "move-on", reason: "time" });
      await streamAndSave(pending);
      const after = await mustLoad(user.id, session.id);
      expect(after.turns[1]).toMatchObject({ role: "candidate", text: PARTIAL_MEMORY_ANSWER, late: true });
      expect(after.questions[0]!.status).toBe("scored");
    });

    it("does not mark an answer late within the grace period", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id);
      await setDeadline(session.id, 0, new Date(Date.now() - 3_000));
      await submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER));
      expect((await mustLoad(user.id, session.id)).turns[1]!.late).toBe(false);
    });

    it("accepts a time-up submission with an empty answer and moves on", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      // The client's countdown sends at zero: it arrives within the network grace.
      await setDeadline(session.id, 0, new Date(Date.now() - 2_000));
      const pending = await submitAnswer(user.id, session.id, answerBody(session, "", { timeUp: true }));
      expect(pending.turn).toMatchObject({ kind: "move-on", reason: "time", isLastQuestion: false });
      await streamAndSave(pending);
      const after = await mustLoad(user.id, session.id);
      expect(after.turns[1]).toMatchObject({ role: "candidate", kind: "answer", text: "", late: false });
      expect(after.questions[0]).toMatchObject({ status: "scored", score: 0 });
      // Without timeUp an empty answer is refused.
      const other = await startTestSession(user.id);
      expect(await codeOf(submitAnswer(user.id, other.id, answerBody(other, "   ")))).toBe("invalid");
    });

    it("settles a question whose time ran out with nobody there: the saved draft is submitted", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      await saveDraft(user.id, session.id, { questionIndex: 0, text: PARTIAL_MEMORY_ANSWER });
      // Not yet: within the time-up grace the client's own submission is awaited.
      await setDeadline(session.id, 0, new Date(Date.now() - 5_000));
      expect(await settleExpiredDeadlines(await mustLoad(user.id, session.id))).toBe(false);
      await setDeadline(session.id, 0, new Date(Date.now() - 2 * 60_000));
      const view = (await settleInterview(user.id, session.id))!;
      expect(view.status).toBe("active");
      expect(view.questions[0]).toMatchObject({ status: "scored", draft: "" });
      expect(view.turns.slice(1).map((t) => [t.role, t.kind, t.text.slice(0, 20)])).toEqual([
        ["candidate", "answer", PARTIAL_MEMORY_ANSWER.slice(0, 20)],
        ["interviewer", "move-on", expect.any(String)],
      ]);
      // Settling again does nothing; the candidate goes on with the next question.
      expect(await settleExpiredDeadlines(await mustLoad(user.id, session.id))).toBe(false);
      await next(user.id, session.id);
      expect((await mustLoad(user.id, session.id)).currentIndex).toBe(1);
    });

    it("settles an expired question without a draft with a notice instead of an answer", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      await setDeadline(session.id, 0, new Date(Date.now() - 2 * 60_000));
      const view = (await settleInterview(user.id, session.id))!;
      expect(view.turns.slice(1).map((t) => [t.role, t.kind])).toEqual([
        ["system", "notice"],
        ["interviewer", "move-on"],
      ]);
      expect(view.questions[0]).toMatchObject({ status: "scored", score: 0 });
    });

    it("finishes the interview when its time is up, submitting the draft of the question in progress", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      await answer(user.id, session.id, FULL_MEMORY_ANSWER);
      await next(user.id, session.id);
      await saveDraft(user.id, session.id, { questionIndex: 1, text: "The GIL lets one thread run bytecode at a time." });
      await db().interviewSession.update({ where: { id: session.id }, data: { endsAt: new Date(Date.now() - 2 * 60_000) } });
      const view = (await settleInterview(user.id, session.id))!;
      expect(view.status).toBe("finished");
      expect(view.questions[1]!.status).toBe("scored");
      expect(view.turns.map((t) => t.kind).slice(-3)).toEqual(["answer", "move-on", "wrap-up"]);
      expect(view.turns.at(-3)!.text).toBe("The GIL lets one thread run bytecode at a time.");
      expect(view.overallScore).toBe(Math.round(((view.questions[0]!.score ?? 0) + (view.questions[1]!.score ?? 0)) / 2));
      expect(seqsAreDense(view.turns.map((t) => t.seq))).toBe(true);
      expect(await codeOf(submitAnswer(user.id, session.id, { questionIndex: 1, text: "late", expectedTurns: view.turns.length }))).toBe("finished");
    });

    it("finishes the interview when the last question's time ran out", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id);
      await saveDraft(user.id, session.id, { questionIndex: 0, text: PARTIAL_MEMORY_ANSWER });
      await setDeadline(session.id, 0, new Date(Date.now() - 2 * 60_000));
      const view = (await settleInterview(user.id, session.id))!;
      expect(view.status).toBe("finished");
      expect(view.turns.map((t) => t.kind)).toEqual(["question", "answer", "move-on", "wrap-up"]);
    });

    // Regression (fixed in 4f4ae74): SessionQuestion.minutes was an Int column, so 0.25 minutes
    // was stored as 0 and every question after the first got a deadline of "now".
    it("keeps a fractional per-question time for every question, not only the first", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION], minutesPerQuestion: 0.25 });
      const q1 = session.questions[0]!;
      expect(q1.deadlineAt!.getTime() - q1.startedAt!.getTime()).toBe(15_000);
      await answer(user.id, session.id, FULL_MEMORY_ANSWER);
      await next(user.id, session.id);
      const q2 = (await mustLoad(user.id, session.id)).questions[1]!;
      expect(q2.deadlineAt!.getTime() - q2.startedAt!.getTime()).toBe(15_000);
      expect(q2.minutes).toBe(0.25);
    });
  });

  describe("a reply lost with the process that wrote it", () => {
    async function ageLastTurn(sessionId: string, ms: number) {
      const last = await db().turn.findFirstOrThrow({ where: { sessionId }, orderBy: { seq: "desc" } });
      await db().turn.update({ where: { id: last.id }, data: { createdAt: new Date(last.createdAt.getTime() - ms) } });
    }

    it("waits while a reply may still be on its way, then writes the offline interviewer's reply", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      // The answer is stored, then the process dies: no reply is ever saved.
      const pending = await submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER));
      let view = (await settleInterview(user.id, session.id))!;
      expect(view.turns.at(-1)).toMatchObject({ role: "candidate" });
      // Even with the question's time long gone, nothing is settled while the reply may still come.
      await setDeadline(session.id, 0, new Date(Date.now() - 5 * 60_000));
      view = (await settleInterview(user.id, session.id))!;
      expect(view.turns).toHaveLength(2);
      expect(await codeOf(submitAnswer(user.id, session.id, answerBody(await mustLoad(user.id, session.id), "again")))).toBe("conflict");
      await ageLastTurn(session.id, 60_000);
      view = (await settleInterview(user.id, session.id))!;
      const repaired = await mustLoad(user.id, session.id);
      expect(repaired.turns[2]).toMatchObject({ seq: 2, role: "interviewer", kind: "follow-up", engine: "offline", keyPointId: "refcount:1" });
      expect(repaired.turns[2]!.text).toBe(renderOfflineTurn(pending.turn));
      expect(view.turns.length).toBeGreaterThanOrEqual(3);
      expect(seqsAreDense(repaired.turns.map((t) => t.seq))).toBe(true);
    });

    it("'next question' waits for a reply still on its way, and repairs one lost for good before moving on", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      const pending = await submitAnswer(user.id, session.id, answerBody(session, FULL_MEMORY_ANSWER));
      expect(pending.turn.kind).toBe("move-on");
      const waiting = await mustLoad(user.id, session.id);
      await expect(advanceToNextQuestion(user.id, session.id, waiting.turns.length)).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringMatching(/still replying/),
      });
      await ageLastTurn(session.id, 60_000);
      await advanceToNextQuestion(user.id, session.id, waiting.turns.length);
      const after = await mustLoad(user.id, session.id);
      expect(after.turns.slice(2).map((t) => [t.seq, t.role, t.kind])).toEqual([
        [2, "interviewer", "move-on"],
        [3, "interviewer", "question"],
      ]);
      expect(after.turns[2]).toMatchObject({ engine: "offline" });
      expect(after.currentIndex).toBe(1);
      expect(seqsAreDense(after.turns.map((t) => t.seq))).toBe(true);
    });

    it("a late real save after the repair fails without touching the transcript", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id);
      const pending = await submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER));
      await ageLastTurn(session.id, 60_000);
      await settleInterview(user.id, session.id);
      const before = await mustLoad(user.id, session.id);
      expect(before.turns).toHaveLength(3);
      await expect(streamAndSave(pending)).rejects.toThrow();
      const after = await mustLoad(user.id, session.id);
      expect(after.turns.map((t) => [t.seq, t.text])).toEqual(before.turns.map((t) => [t.seq, t.text]));
    });
  });

  describe("boundaries", () => {
    it("gives another user not-found on every operation and leaves the session intact", async () => {
      const owner = await createUser("owner");
      const intruder = await createUser("intruder");
      const session = await startTestSession(owner.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      const body = answerBody(session, PARTIAL_MEMORY_ANSWER);
      expect(await codeOf(submitAnswer(intruder.id, session.id, body))).toBe("not-found");
      expect(await codeOf(saveDraft(intruder.id, session.id, { questionIndex: 0, text: "mine now" }))).toBe("not-found");
      expect(await codeOf(advanceToNextQuestion(intruder.id, session.id, 1))).toBe("not-found");
      expect(await codeOf(finishInterview(intruder.id, session.id))).toBe("not-found");
      expect(await getInterview(intruder.id, session.id)).toBeNull();
      expect(await deleteSession(intruder.id, session.id)).toBe(false);
      // A session id that does not exist at all looks the same.
      expect(await codeOf(submitAnswer(owner.id, "no-such-session", body))).toBe("not-found");
      expect(await getInterview(owner.id, "no-such-session")).toBeNull();
      const after = await mustLoad(owner.id, session.id);
      expect(after).toMatchObject({ version: session.version, status: "active" });
      expect(after.turns).toHaveLength(1);
      expect(after.questions[0]!.draft).toBe("");
      expect(await deleteSession(owner.id, session.id)).toBe(true);
      expect(await db().turn.count({ where: { sessionId: session.id } })).toBe(0);
    });

    it("refuses malformed bodies as invalid and changes nothing", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id);
      const good = answerBody(session, "fine");
      const bad: unknown[] = [
        { ...good, text: "x".repeat(MAX_ANSWER_CHARS + 1) },
        { ...good, text: 42 },
        { ...good, questionIndex: "0" },
        { ...good, questionIndex: -1 },
        { ...good, questionIndex: 1.5 },
        { ...good, expectedTurns: undefined },
        { ...good, timeUp: "yes" },
        { ...good, role: "interviewer" },
        null,
        "text",
        [good],
      ];
      for (const body of bad) expect(await codeOf(submitAnswer(user.id, session.id, body)), JSON.stringify(body)?.slice(0, 80)).toBe("invalid");
      expect(await codeOf(saveDraft(user.id, session.id, { questionIndex: 0, text: "x".repeat(MAX_ANSWER_CHARS + 1) }))).toBe("invalid");
      expect(await codeOf(saveDraft(user.id, session.id, { questionIndex: 0 }))).toBe("invalid");
      expect(await codeOf(saveDraft(user.id, session.id, { questionIndex: 0, text: "ok", extra: true }))).toBe("invalid");
      const after = await mustLoad(user.id, session.id);
      expect(after.version).toBe(session.version);
      expect(after.turns).toHaveLength(1);
      // An answer exactly at the limit is accepted.
      expect(await codeOf(submitAnswer(user.id, session.id, { ...good, text: "x".repeat(MAX_ANSWER_CHARS) }))).toBe("ok");
    });

    it("refuses posts to a finished session and to a question already answered", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      const body = answerBody(session, FULL_MEMORY_ANSWER);
      await streamAndSave(await submitAnswer(user.id, session.id, body));
      const answered = await mustLoad(user.id, session.id);
      expect(await codeOf(submitAnswer(user.id, session.id, answerBody(answered, "again", { expectedTurns: answered.turns.length })))).toBe("already-answered");
      expect(await codeOf(submitAnswer(user.id, session.id, { ...answerBody(answered, "skip ahead"), questionIndex: 1 }))).toBe("already-answered");
      expect(await codeOf(saveDraft(user.id, session.id, { questionIndex: 0, text: "too late" }))).toBe("already-answered");
      await finishInterview(user.id, session.id);
      const finished = await mustLoad(user.id, session.id);
      expect(await codeOf(submitAnswer(user.id, session.id, answerBody(finished, "after the end")))).toBe("finished");
      expect(await codeOf(advanceToNextQuestion(user.id, session.id, finished.turns.length))).toBe("finished");
      const final = await mustLoad(user.id, session.id);
      expect(final.turns).toHaveLength(finished.turns.length);
      expect(final.version).toBe(finished.version);
    });

    it("saves drafts for the question being answered, and refuses a draft for another question", async () => {
      const user = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      const { savedAt } = await saveDraft(user.id, session.id, { questionIndex: 0, text: "first words" });
      expect(Date.parse(savedAt)).not.toBeNaN();
      await saveDraft(user.id, session.id, { questionIndex: 0, text: "first words, then more" });
      expect((await getInterview(user.id, session.id))!.questions[0]!.draft).toBe("first words, then more");
      expect(await codeOf(saveDraft(user.id, session.id, { questionIndex: 1, text: "not asked yet" }))).toBe("already-answered");
      // Submitting clears the draft.
      await answer(user.id, session.id, PARTIAL_MEMORY_ANSWER);
      expect((await mustLoad(user.id, session.id)).questions[0]!.draft).toBe("");
    });

    it("rate limits answers per user", async () => {
      process.env.RATE_LIMIT_ANSWERS_PER_MINUTE = "3";
      resetEnvForTests();
      const user = await createUser();
      const other = await createUser();
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      await answer(user.id, session.id, PARTIAL_MEMORY_ANSWER);
      await answer(user.id, session.id, REFCOUNT_MEMORY_ANSWER);
      await answer(user.id, session.id, CYCLIC_MEMORY_ANSWER);
      const before = await mustLoad(user.id, session.id);
      await next(user.id, session.id);
      const s = await mustLoad(user.id, session.id);
      const error = await submitAnswer(user.id, session.id, answerBody(s, "one more")).catch((e) => e);
      expect(error).toBeInstanceOf(SessionError);
      expect(error.code).toBe("rate-limited");
      expect(error.status).toBe(429);
      expect(error.message).toMatch(/Try again in \d+ seconds/);
      expect((await mustLoad(user.id, session.id)).turns).toHaveLength(before.turns.length + 1);
      // Another user is not affected.
      const theirs = await startTestSession(other.id);
      expect(await codeOf(submitAnswer(other.id, theirs.id, answerBody(theirs, PARTIAL_MEMORY_ANSWER)))).toBe("ok");
    });
    afterEach(() => {
      delete process.env.RATE_LIMIT_ANSWERS_PER_MINUTE;
      resetEnvForTests();
    });
  });

  describe("two tabs", () => {
    it("lets exactly one of two simultaneous answers with the same expectedTurns through", async () => {
      for (let round = 0; round < 5; round++) {
        const user = await createUser("tabs");
        const session = await startTestSession(user.id, { seed: `tabs-${round}` });
        const results = await Promise.allSettled([
          submitAnswer(user.id, session.id, answerBody(session, `tab A ${PARTIAL_MEMORY_ANSWER}`)),
          submitAnswer(user.id, session.id, answerBody(session, `tab B ${PARTIAL_MEMORY_ANSWER}`)),
        ]);
        const ok = results.filter((r): r is PromiseFulfilledResult<PendingReply> => r.status === "fulfilled");
        const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(ok).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0]!.reason).toBeInstanceOf(SessionError);
        expect(refused[0]!.reason.code).toBe("conflict");
        await streamAndSave(ok[0]!.value);
        const after = await mustLoad(user.id, session.id);
        expect(after.turns.filter((t) => t.role === "candidate")).toHaveLength(1);
        expect(seqsAreDense(after.turns.map((t) => t.seq))).toBe(true);
        expect(after.turns).toHaveLength(3);
        expect(after.questions[0]!.followUpCount).toBe(1);
      }
    });

    it("lets exactly one of two simultaneous 'next question' clicks through", async () => {
      const user = await createUser("tabs");
      const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
      await answer(user.id, session.id, FULL_MEMORY_ANSWER);
      const s = await mustLoad(user.id, session.id);
      const results = await Promise.allSettled([
        advanceToNextQuestion(user.id, session.id, s.turns.length),
        advanceToNextQuestion(user.id, session.id, s.turns.length),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
      expect(refused.reason.code).toBe("conflict");
      const after = await mustLoad(user.id, session.id);
      expect(after.turns.filter((t) => t.kind === "question")).toHaveLength(2);
      expect(seqsAreDense(after.turns.map((t) => t.seq))).toBe(true);
    });

    it("refuses a stale tab's answer (it saw fewer turns) with conflict", async () => {
      const user = await createUser("tabs");
      const session = await startTestSession(user.id);
      await answer(user.id, session.id, PARTIAL_MEMORY_ANSWER);
      expect(await codeOf(submitAnswer(user.id, session.id, answerBody(session, "from the stale tab")))).toBe("conflict");
      expect((await mustLoad(user.id, session.id)).turns).toHaveLength(3);
    });

    // Regression (fixed in 4f4ae74): a second tab could post an answer while the first answer's
    // reply was still streaming, take the seq reserved for the reply, and make its save fail.
    it("refuses a second answer while the first one's reply is not saved yet, so the reply is never lost", async () => {
      const user = await createUser("tabs");
      const session = await startTestSession(user.id);
      const pending = await submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER));
      const reloaded = await mustLoad(user.id, session.id);
      const second = await submitAnswer(user.id, session.id, answerBody(reloaded, "second tab")).then(
        () => "ok",
        (e: unknown) => (e instanceof SessionError ? e.code : String(e)),
      );
      const saved = await streamAndSave(pending).then(
        () => "saved",
        (e: unknown) => `lost: ${e instanceof Error ? e.message.split("\n").at(-1) : String(e)}`,
      );
      expect({ second, saved }).toEqual({ second: "conflict", saved: "saved" });
    });
  });
});
