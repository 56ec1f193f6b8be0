/**
 * Rendering the interview page never writes (it reads through lib/sessions/read-model.ts
 * `loadSession` and projects with interview-view.ts `toInterviewView`, as `getInterview` here
 * does): what the server's clock has to settle is reported in the view (`settleDue`), and written
 * by the request the page then makes (lib/sessions/answer-flow.ts `settleInterview`), or by the
 * next answer. What settling writes is the same as before (tests/integration/interview.test.ts).
 */
import { describe, expect, it } from "vitest";
import { settleInterview } from "../../lib/sessions/answer-flow.ts";
import { getInterview } from "../../lib/sessions/interview-view.ts";
import { saveDraft } from "../../lib/sessions/service.ts";
import { createUser, GIL_QUESTION, MEMORY_QUESTION, mustLoad, PARTIAL_MEMORY_ANSWER, startTestSession } from "../support/interview-fixtures.ts";
import { TEST_PROVIDER, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();

async function snapshotRows(sessionId: string) {
  const session = await db().interviewSession.findUniqueOrThrow({ where: { id: sessionId }, include: { questions: true, turns: true } });
  return JSON.stringify(session);
}

describe(`settling the server's deadlines on ${TEST_PROVIDER}`, () => {
  it("reads a session whose question ran out without writing, and says it is due; settling then writes it once", async () => {
    const user = await createUser();
    const session = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION] });
    await saveDraft(user.id, session.id, { questionIndex: 0, text: PARTIAL_MEMORY_ANSWER });
    await db().sessionQuestion.update({
      where: { sessionId_index: { sessionId: session.id, index: 0 } },
      data: { deadlineAt: new Date(Date.now() - 2 * 60_000) },
    });

    const before = await snapshotRows(session.id);
    const view = (await getInterview(user.id, session.id))!;
    expect(view.settleDue).toBe(true);
    expect(view.questions[0]).toMatchObject({ status: "answering", draft: PARTIAL_MEMORY_ANSWER });
    expect(await getInterview(user.id, session.id)).toMatchObject({ settleDue: true });
    expect(await snapshotRows(session.id)).toBe(before);

    const settled = (await settleInterview(user.id, session.id))!;
    expect(settled.settleDue).toBe(false);
    expect(settled.questions[0]).toMatchObject({ status: "scored", draft: "" });
    expect(settled.turns.map((t) => [t.role, t.kind])).toEqual([
      ["interviewer", "question"],
      ["candidate", "answer"],
      ["interviewer", "move-on"],
    ]);
    // Nothing more is due: settling again writes nothing.
    const after = await snapshotRows(session.id);
    expect(await settleInterview(user.id, session.id)).toMatchObject({ settleDue: false });
    expect(await snapshotRows(session.id)).toBe(after);
  });

  it("says nothing is due for a session on time, and is nobody else's to settle", async () => {
    const owner = await createUser("owner");
    const intruder = await createUser("intruder");
    const session = await startTestSession(owner.id);
    expect((await getInterview(owner.id, session.id))!.settleDue).toBe(false);
    expect(await settleInterview(intruder.id, session.id)).toBeNull();
    expect(await settleInterview(owner.id, "no-such-session")).toBeNull();
    expect((await mustLoad(owner.id, session.id)).version).toBe(session.version);
  });
});
