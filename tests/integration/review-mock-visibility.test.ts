/**
 * A mock interview does not leak its own answer key through review (issue 12): while it runs, the
 * transcript, its exports, the session list, the side-by-side attempts and the progress rows show
 * exactly what the interview page shows (lib/sessions/interview-view.ts): no title, prompt or
 * reference of a question not yet asked, no score, report or reference of a question answered
 * before the end. Once the interview is over, review shows everything again.
 */
import { describe, expect, it } from "vitest";
import { getQuestionBank } from "../../lib/bank/load.ts";
import { retakeQuestion } from "../../lib/sessions/retake.ts";
import { exportSessionResponse } from "../../lib/sessions/export-response.ts";
import { sessionExportSchema } from "../../lib/sessions/export-schema.ts";
import { getAttempts, getProgressRows, listSessions } from "../../lib/sessions/queries.ts";
import { getTranscript } from "../../lib/sessions/transcript.ts";
import { computeProgress } from "../../lib/sessions/progress.ts";
import { finishInterview, submitAnswer } from "../../lib/sessions/answer-flow.ts";
import { SessionError } from "../../lib/sessions/errors.ts";
import {
  answerBody,
  createUser,
  FULL_MEMORY_ANSWER,
  GIL_QUESTION,
  MEMORY_QUESTION,
  MUTABLE_QUESTION,
  startTestSession,
  streamAndSave,
} from "../support/interview-fixtures.ts";
import { TEST_PROVIDER, useTestDatabase } from "../support/test-db.ts";

useTestDatabase();
const bank = getQuestionBank();
const memory = bank.get(MEMORY_QUESTION)!;
const gil = bank.get(GIL_QUESTION)!;
const mutable = bank.get(MUTABLE_QUESTION)!;

/** A phrase of a reference answer long enough to be unmistakable. */
const phraseOf = (reference: string) => reference.replace(/\s+/g, " ").trim().slice(0, 60);

describe(`review of a running mock interview on ${TEST_PROVIDER}`, () => {
  it("shows only what the interview page shows, on every read path, until the interview is over", async () => {
    const user = await createUser();
    // An earlier, finished practice attempt at the memory question.
    const practice = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION], mode: "practice" });
    await streamAndSave(await submitAnswer(user.id, practice.id, answerBody(practice, FULL_MEMORY_ANSWER)));
    await finishInterview(user.id, practice.id);

    // The mock interview: the first question answered (scored, not revealed), two not asked yet.
    const mock = await startTestSession(user.id, { questionIds: [MEMORY_QUESTION, GIL_QUESTION, MUTABLE_QUESTION], mode: "mock" });
    await streamAndSave(await submitAnswer(user.id, mock.id, answerBody(mock, FULL_MEMORY_ANSWER)));

    const transcript = (await getTranscript(user.id, mock.id))!;
    expect(transcript.status).toBe("active");
    const [q0, q1, q2] = transcript.questions;
    expect(q0).toMatchObject({ status: "scored", title: memory.title, score: null, report: null, withheld: true });
    expect(q0!.snapshot).toMatchObject({ title: memory.title, reference: "", errata: "", keyPoints: [], followUps: [] });
    for (const [q, n] of [
      [q1!, 2],
      [q2!, 3],
    ] as const) {
      expect(q).toMatchObject({ status: "pending", title: `Question ${n}`, snapshot: null, score: null, report: null, withheld: true });
    }

    // The exports (the download route's function) carry none of it either.
    for (const format of ["md", "json"]) {
      const res = await exportSessionResponse(user.id, mock.id, format);
      expect(res.status).toBe(200);
      const body = await res.text();
      for (const secret of [gil.title, mutable.title, phraseOf(gil.reference), phraseOf(mutable.reference), phraseOf(memory.reference)]) {
        expect(body, `${format} export leaks "${secret}"`).not.toContain(secret);
      }
      if (format === "json") {
        const parsed = sessionExportSchema.parse(JSON.parse(body));
        expect(parsed.questions.map((q) => [q.title, q.score, q.report, q.reference])).toEqual([
          [memory.title, null, null, ""],
          ["Question 2", null, null, ""],
          ["Question 3", null, null, ""],
        ]);
      }
    }

    // The session list: no titles of questions not asked, no score of the answered one.
    const listed = (await listSessions(user.id, { page: 1 })).items.find((s) => s.id === mock.id)!;
    expect(listed.questions.map((q) => [q.title, q.score])).toEqual([
      [memory.title, null],
      ["Question 2", null],
      ["Question 3", null],
    ]);

    // The earlier attempt's transcript does not compare with the running mock's attempt.
    const practiceTranscript = (await getTranscript(user.id, practice.id))!;
    const attempts = await getAttempts(user.id, practiceTranscript);
    const memoryAttempts = attempts.get(practiceTranscript.questions[0]!.id)!;
    expect(memoryAttempts.attempts.map((a) => a.sessionId)).toEqual([practice.id]);
    expect(memoryAttempts.compared).toBeNull();

    // Progress counts only the practice attempt.
    const rows = await getProgressRows(user.id);
    expect(rows.questions.map((q) => q.sessionId)).toEqual([practice.id]);
    expect(rows.reports.map((r) => r.sessionId)).toEqual([practice.id]);
    expect(computeProgress(rows).weakQuestionIds).not.toContain(GIL_QUESTION);

    // Retaking a question not asked yet would reveal it.
    await expect(retakeQuestion(user.id, mock.id, 1)).rejects.toBeInstanceOf(SessionError);

    // Over: the answered question is revealed; the two never asked stay unknown, as on the interview page.
    await finishInterview(user.id, mock.id);
    const done = (await getTranscript(user.id, mock.id))!;
    expect(done.status).toBe("finished");
    expect(done.questions[0]!.score).toBeGreaterThanOrEqual(85);
    expect(done.questions[0]!.snapshot?.reference).toBe(memory.reference);
    expect(done.questions[0]!.withheld).toBeUndefined();
    const md = await (await exportSessionResponse(user.id, mock.id, "md")).text();
    expect(md).toContain(phraseOf(memory.reference));
    expect((await getProgressRows(user.id)).questions.map((q) => q.sessionId).sort()).toEqual([practice.id, mock.id].sort());
  });
});
