/**
 * A coding task inside an interview, on the real database and the real sandbox: the candidate's
 * code is stored with their answer (fenced), run against the bank question's hidden checks, the
 * checks' verdicts appear in the report as evidence and weigh in the score, and a failing check is
 * what the interviewer asks about next. The checks' code never reaches the report or the transcript.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionBank } from "../../lib/bank/load.ts";
import { sandboxAvailability } from "../../lib/code-runner/grade.ts";
import { TASK_WEIGHT } from "../../lib/code-runner/weigh.ts";
import { getInterview } from "../../lib/sessions/interview-view.ts";
import { settleInterview, submitAnswer } from "../../lib/sessions/answer-flow.ts";
import { saveDraft } from "../../lib/sessions/service.ts";
import { SessionError } from "../../lib/sessions/errors.ts";
import { MAX_ANSWER_CHARS } from "../../lib/sessions/limits.ts";
import { answerBody, createUser, mustLoad, startTestSession, streamAndSave } from "../support/interview-fixtures.ts";
import { TEST_PROVIDER, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const QUESTION = "python-closures";
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, `../fixtures/code-tasks/${QUESTION}/${name}`), "utf8");
const EXPLANATION =
  "A closure is a function that keeps the variables of the enclosing scope it was defined in; nonlocal lets the inner function rebind them. Late binding means a lambda made in a loop sees the loop variable's last value unless it is bound as a default argument.";

beforeAll(async () => {
  const availability = await sandboxAvailability();
  // The sandbox is part of this machine's set-up (.ci/run installs bubblewrap): its absence is a failure here, not a skip.
  expect(availability.ok, availability.ok ? "" : availability.reason).toBe(true);
});

describe(`a coding task in an interview on ${TEST_PROVIDER}`, () => {
  it("runs correct code against every hidden check: all pass, stored with the answer, weighed in the score", async () => {
    const user = await createUser("task");
    const session = await startTestSession(user.id, { questionIds: [QUESTION] });
    const code = fixture("correct.py");
    const pending = await submitAnswer(user.id, session.id, { ...answerBody(session, EXPLANATION), code });
    await streamAndSave(pending);
    const after = await mustLoad(user.id, session.id);
    const answer = after.turns.find((t) => t.role === "candidate")!;
    expect(answer.text.startsWith(EXPLANATION)).toBe(true);
    expect(answer.text).toContain("```python sent-code\n");
    expect(answer.text).toContain("def make_counter");
    const report = pending.turn.report;
    const checks = getQuestionBank().get(QUESTION)!.task!.checks;
    expect(report.task).toMatchObject({ status: "ok", passed: checks.length, total: checks.length });
    expect(report.task!.checks.map((c) => c.name)).toEqual(checks.map((c) => c.name));
    expect(report.score).toBe(Math.round((1 - TASK_WEIGHT) * report.task!.answerScore + TASK_WEIGHT * 100));
    // The checks' own code never leaves the server.
    for (const c of checks) expect(JSON.stringify(report)).not.toContain(c.code.trim());
  }, 60_000);

  it("wrong code: the failing check is named in the report and the interviewer asks about that case; the follow-up answer keeps the verdict", async () => {
    const user = await createUser("task-wrong");
    const session = await startTestSession(user.id, { questionIds: [QUESTION] });
    const pending = await submitAnswer(user.id, session.id, { ...answerBody(session, EXPLANATION), code: fixture("wrong-late-binding.py") });
    const report = pending.turn.report;
    expect(report.task!.status).toBe("ok");
    expect(report.task!.passed).toBeLessThan(report.task!.total);
    const failing = report.task!.checks.filter((c) => !c.passed).map((c) => c.name);
    expect(failing).toContain("binds each adder to its own i");
    expect(report.flags).toContain("checks-failed");
    expect(report.gaps[0]).toMatch(/^Your code fails a check: /);
    expect(pending.turn.kind).toBe("follow-up");
    const decision = pending.turn.kind === "follow-up" ? pending.turn.decision : null;
    expect(decision).toMatchObject({ action: "probe-check", checkName: failing[0] });
    const reply = await streamAndSave(pending);
    expect(reply).toContain(`“${failing[0]}”`);

    // The next answer is prose: the code it is about is still the one judged.
    const s2 = await mustLoad(user.id, session.id);
    const next = await submitAnswer(user.id, session.id, answerBody(s2, "Each lambda sees the final i; I would bind i as a default argument."));
    expect(next.turn.report.task!.passed).toBe(report.task!.passed);
    const asked = next.turn.kind === "follow-up" ? next.turn.decision : null;
    if (asked?.action === "probe-check") expect(asked.checkName).not.toBe(failing[0]);
  }, 60_000);

  it("code written but never sent is autosaved with the draft, and at time-up it is sent, graded and weighed like a sent answer", async () => {
    const user = await createUser("task-timeup");
    const session = await startTestSession(user.id, { questionIds: [QUESTION] });
    await saveDraft(user.id, session.id, { questionIndex: 0, text: EXPLANATION, code: fixture("wrong-global-count.py") });
    const view = (await getInterview(user.id, session.id))!;
    expect(view.questions[0]!.draftCode).toContain("_count = None");
    // The tab was closed; the question's time ran out.
    await db().sessionQuestion.update({
      where: { sessionId_index: { sessionId: session.id, index: 0 } },
      data: { deadlineAt: new Date(Date.now() - 2 * 60_000) },
    });
    await settleInterview(user.id, session.id);
    const after = await mustLoad(user.id, session.id);
    const answer = after.turns.find((t) => t.role === "candidate")!;
    expect(answer.text.startsWith(EXPLANATION)).toBe(true);
    expect(answer.text).toContain("_count = None");
    const report = after.questions[0]!.report!;
    expect(report.task!.passed).toBeLessThan(report.task!.total);
    expect(report.task!.checks.find((c) => c.name === "keeps counters independent")!.passed).toBe(false);
  }, 60_000);

  it("refuses an answer whose text and code together pass the limit, before storing anything", async () => {
    const user = await createUser("task-long");
    const session = await startTestSession(user.id, { questionIds: [QUESTION] });
    const error = await submitAnswer(user.id, session.id, {
      ...answerBody(session, "x".repeat(MAX_ANSWER_CHARS - 10)),
      code: "print('hello')\n".repeat(10),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).code).toBe("too-large");
    expect((await mustLoad(user.id, session.id)).turns.filter((t) => t.role === "candidate")).toHaveLength(0);
  });
});
