/**
 * Issue 12, the interview sessions' part: the server decides lateness from its own clock and the
 * stored deadline (the client's `timeUp` cannot hide it), and what an answer sent after the
 * deadline gets; what PostgreSQL cannot store is refused at the edge (never a driver error); per-user
 * quotas on sessions and a rate limit on drafts. Runs on SQLite and on PostgreSQL.
 */
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../lib/env.ts";
import { advanceToNextQuestion, finishInterview, submitAnswer } from "../../lib/sessions/answer-flow.ts";
import { SessionError } from "../../lib/sessions/errors.ts";
import { loadSession } from "../../lib/sessions/read-model.ts";
import { LATE_GRACE_MS, TIME_UP_GRACE_MS } from "../../lib/sessions/limits.ts";
import { MAX_DB_INT } from "../../lib/sessions/schemas.ts";
import { deleteSession, saveDraft, startSession } from "../../lib/sessions/service.ts";
import {
  answerBody,
  createUser,
  GIL_QUESTION,
  MEMORY_QUESTION,
  mustLoad,
  PARTIAL_MEMORY_ANSWER,
  startTestSession,
  streamAndSave,
} from "../support/interview-fixtures.ts";
import { TEST_PROVIDER, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const NUL = "\u0000";

/** The SessionError a promise rejects with (null when it resolves); anything else is rethrown. */
async function errorOf(promise: Promise<unknown>): Promise<SessionError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof SessionError) return error;
    throw error;
  }
}

async function setDeadline(sessionId: string, index: number, deadlineAt: Date) {
  await db().sessionQuestion.update({ where: { sessionId_index: { sessionId, index } }, data: { deadlineAt } });
}

const ENV_NAMES = ["QUOTA_ACTIVE_SESSIONS", "QUOTA_SESSIONS_PER_DAY", "RATE_LIMIT_DRAFTS_PER_MINUTE"];
afterEach(() => {
  for (const name of ENV_NAMES) delete process.env[name];
  resetEnvForTests();
});

describe(`lateness is the server's on ${TEST_PROVIDER}`, () => {
  it("marks a time-up submission 30 s past a 15 s deadline late: the client's timeUp cannot hide it", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION], minutesPerQuestion: 0.25 });
    await setDeadline(session.id, 0, new Date(Date.now() - 30_000));
    await streamAndSave(await submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER, { timeUp: true })));
    const after = await mustLoad(user.id, session.id);
    expect(after.turns[1]).toMatchObject({ role: "candidate", text: PARTIAL_MEMORY_ANSWER, late: true });
    expect(after.questions[0]!.status).toBe("scored");
  });

  it("gives network latency a small named grace: a time-up submission just after the deadline is on time", async () => {
    expect(LATE_GRACE_MS).toBeGreaterThan(0);
    expect(LATE_GRACE_MS).toBeLessThanOrEqual(10_000);
    const user = await createUser();
    const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
    await setDeadline(session.id, 0, new Date(Date.now() - LATE_GRACE_MS / 2));
    await submitAnswer(user.id, session.id, answerBody(session, "", { timeUp: true }));
    expect((await mustLoad(user.id, session.id)).turns[1]).toMatchObject({ text: "", late: false });
    // The same submission past the grace is late, timeUp or not.
    const other = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
    await setDeadline(other.id, 0, new Date(Date.now() - LATE_GRACE_MS - 2_000));
    await submitAnswer(user.id, other.id, answerBody(other, "", { timeUp: true }));
    expect((await mustLoad(user.id, other.id)).turns[1]).toMatchObject({ late: true });
  });

  it("closes a question a minute after its deadline: a later answer is refused with a clear message and the saved draft is the answer", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
    await saveDraft(user.id, session.id, { questionIndex: 0, text: "What I had typed before the time ran out." });
    await setDeadline(session.id, 0, new Date(Date.now() - TIME_UP_GRACE_MS - 5_000));
    const error = await errorOf(submitAnswer(user.id, session.id, answerBody(session, "What I typed long after the time ran out.")));
    expect(error).toMatchObject({ code: "already-answered", status: 409 });
    expect(error!.message).toMatch(/time for this question ran out/i);
    expect(error!.message).toMatch(/last saved draft/i);
    expect(error!.message).not.toMatch(/^\w+: /);
    const after = await mustLoad(user.id, session.id);
    expect(after.questions[0]!.status).toBe("scored");
    expect(after.turns.filter((t) => t.role === "candidate").map((t) => t.text)).toEqual(["What I had typed before the time ran out."]);
    expect(after.turns.at(-1)).toMatchObject({ role: "interviewer", kind: "move-on" });
    // A second try gets the same words, not "already answered".
    const again = await errorOf(submitAnswer(user.id, session.id, answerBody(after, "Once more.")));
    expect(again!.message).toMatch(/time for this question ran out/i);
    // The interview goes on with the next question.
    await advanceToNextQuestion(user.id, session.id, after.turns.length);
    expect((await mustLoad(user.id, session.id)).currentIndex).toBe(1);
  });

  it("after the interview's own time is over, an answer is refused and the interview is finished", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id);
    await db().interviewSession.update({ where: { id: session.id }, data: { endsAt: new Date(Date.now() - TIME_UP_GRACE_MS - 5_000) } });
    await setDeadline(session.id, 0, new Date(Date.now() - TIME_UP_GRACE_MS - 5_000));
    const error = await errorOf(submitAnswer(user.id, session.id, answerBody(session, PARTIAL_MEMORY_ANSWER)));
    expect(error).toMatchObject({ code: "finished" });
    expect((await mustLoad(user.id, session.id)).status).toBe("finished");
  });
});

describe(`edge validation of sessions on ${TEST_PROVIDER}`, () => {
  it("an id no session can have is not found before any query", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id);
    for (const bad of [`abc${NUL}`, NUL, "a b", "x".repeat(65), "", "../x", `${session.id}${NUL}`]) {
      expect(await loadSession(user.id, bad)).toBeNull();
      expect(await errorOf(saveDraft(user.id, bad, { questionIndex: 0, text: "x" }))).toMatchObject({ code: "not-found" });
      expect(await errorOf(submitAnswer(user.id, bad, answerBody(session, "hello")))).toMatchObject({ code: "not-found" });
      expect(await errorOf(advanceToNextQuestion(user.id, bad, 1))).toMatchObject({ code: "not-found" });
      expect(await errorOf(finishInterview(user.id, bad))).toMatchObject({ code: "not-found" });
      expect(await deleteSession(user.id, bad)).toBe(false);
    }
  });

  it("NUL characters in answers and drafts are refused with a readable message", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id);
    const answer = await errorOf(submitAnswer(user.id, session.id, answerBody(session, `hello${NUL}world`)));
    expect(answer).toMatchObject({ code: "invalid" });
    expect(answer!.message).toMatch(/NUL characters/);
    expect(answer!.message).not.toMatch(/^\w+: /);
    const draft = await errorOf(saveDraft(user.id, session.id, { questionIndex: 0, text: `x${NUL}` }));
    expect(draft).toMatchObject({ code: "invalid" });
    expect(draft!.message).toMatch(/NUL characters/);
    const after = await mustLoad(user.id, session.id);
    expect(after.turns).toHaveLength(1);
    expect(after.questions[0]!.draft).toBe("");
  });

  it("integers past 2^31 - 1 are refused, not sent to the database", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id);
    for (const big of [MAX_DB_INT + 1, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      expect(await errorOf(saveDraft(user.id, session.id, { questionIndex: 0, text: "x", expectedTurns: big }))).toMatchObject({ code: "invalid" });
      expect(await errorOf(submitAnswer(user.id, session.id, { ...answerBody(session, "hello"), expectedTurns: big }))).toMatchObject({ code: "invalid" });
    }
    // At the limit it is an ordinary stale count.
    expect(await saveDraft(user.id, session.id, { questionIndex: 0, text: "x", expectedTurns: MAX_DB_INT })).toHaveProperty("savedAt");
  });

  it("NUL characters in any start-session string are refused with a readable message", async () => {
    const user = await createUser();
    for (const input of [
      { seed: `a${NUL}` },
      { bankId: `python${NUL}` },
      { topics: [`Memory${NUL}`] },
      { questionIds: [`${MEMORY_QUESTION}${NUL}`] },
      { interviewer: `local:rubric${NUL}` },
    ]) {
      const error = await errorOf(startSession(user.id, { count: 1, ...input }));
      expect(error, JSON.stringify(input)).toMatchObject({ code: "invalid" });
      expect(error!.message).toMatch(/NUL characters/);
    }
    expect(await db().interviewSession.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe(`errors worded for a person on ${TEST_PROVIDER}`, () => {
  it("answer-flow messages carry no field paths", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id);
    const messages: string[] = [];
    for (const body of [
      answerBody(session, "   "),
      { ...answerBody(session, "x".repeat(20_001)) },
      { ...answerBody(session, "hello"), questionIndex: -1 },
      { ...answerBody(session, "hello"), expectedTurns: "2" },
      { ...answerBody(session, "hello"), role: "interviewer" },
      null,
    ]) {
      const error = await errorOf(submitAnswer(user.id, session.id, body));
      expect(error, JSON.stringify(body)?.slice(0, 60)).toMatchObject({ code: "invalid" });
      messages.push(error!.message);
    }
    expect(messages[0]).toBe("Write an answer before sending it.");
    expect(messages[1]).toBe("Answers are limited to 20,000 characters.");
    for (const m of messages) {
      expect(m).not.toMatch(/^[A-Za-z_][\w.]*: /);
      expect(m).not.toMatch(/questionIndex|expectedTurns|timeUp|body:/);
      expect(m).toMatch(/^[A-Z].*\.$/);
    }
    const draft = await errorOf(saveDraft(user.id, session.id, { questionIndex: 0 }));
    expect(draft!.message).not.toMatch(/^[A-Za-z_][\w.]*: /);
    const start = await errorOf(startSession(user.id, { questionIds: ["python-nope"] }));
    expect(start!.message).not.toMatch(/^[A-Za-z_][\w.]*: /);
    expect(start!.message).toMatch(/python-nope/);
  });
});

describe(`session quotas and draft rate limit on ${TEST_PROVIDER}`, () => {
  it("refuses a session past QUOTA_ACTIVE_SESSIONS with 409 naming the limit; finishing one makes room", async () => {
    process.env.QUOTA_ACTIVE_SESSIONS = "2";
    resetEnvForTests();
    const user = await createUser();
    const other = await createUser();
    const first = await startTestSession(user.id);
    await startTestSession(user.id);
    const error = await errorOf(startSession(user.id, { questionIds: [MEMORY_QUESTION] }));
    expect(error).toMatchObject({ code: "quota", status: 409 });
    expect(error!.message).toMatch(/You have reached the limit of 2 interviews in progress/);
    // Another user is not affected.
    await expect(startTestSession(other.id)).resolves.toBeTruthy();
    // Finishing one (time up, here) makes room.
    await finishInterview(user.id, first.id, { timeUp: true });
    await expect(startTestSession(user.id)).resolves.toBeTruthy();
  });

  it("refuses a session past QUOTA_SESSIONS_PER_DAY, counting finished and deleted ones", async () => {
    process.env.QUOTA_SESSIONS_PER_DAY = "2";
    resetEnvForTests();
    const user = await createUser();
    const a = await startTestSession(user.id);
    await finishInterview(user.id, a.id, { timeUp: true });
    const b = await startTestSession(user.id);
    expect(await deleteSession(user.id, b.id)).toBe(true);
    const error = await errorOf(startSession(user.id, { questionIds: [MEMORY_QUESTION] }));
    expect(error).toMatchObject({ code: "quota", status: 409 });
    expect(error!.message).toMatch(/You have reached the limit of 2 interviews a day/);
    // Another user is not affected.
    await expect(startTestSession((await createUser()).id)).resolves.toBeTruthy();
  });

  it("rate limits drafts per user with RATE_LIMIT_DRAFTS_PER_MINUTE (429)", async () => {
    process.env.RATE_LIMIT_DRAFTS_PER_MINUTE = "3";
    resetEnvForTests();
    const user = await createUser();
    const other = await createUser();
    const session = await startTestSession(user.id);
    const otherSession = await startTestSession(other.id);
    for (let i = 0; i < 3; i++) await saveDraft(user.id, session.id, { questionIndex: 0, text: `draft ${i}` });
    const error = await errorOf(saveDraft(user.id, session.id, { questionIndex: 0, text: "one too many" }));
    expect(error).toMatchObject({ code: "rate-limited", status: 429 });
    expect((await mustLoad(user.id, session.id)).questions[0]!.draft).toBe("draft 2");
    await expect(saveDraft(other.id, otherSession.id, { questionIndex: 0, text: "mine" })).resolves.toHaveProperty("savedAt");
  });
});
