import { describe, expect, it } from "vitest";
import { getQuestionBank } from "../../../lib/bank/load.ts";
import { env } from "../../../lib/env.ts";
import { JUDGE_BEFORE_REPLY_MS, LOST_REPLY_MS, settlementDue } from "../../../lib/sessions/deadlines.ts";
import { toInterviewView } from "../../../lib/sessions/interview-view.ts";
import { TIME_UP_GRACE_MS } from "../../../lib/sessions/limits.ts";
import type { LoadedQuestion, LoadedSession, LoadedTurn } from "../../../lib/sessions/read-model.ts";
import { snapshotOf } from "../../../lib/sessions/snapshot.ts";

const memory = getQuestionBank().get("python-memory-model")!;
const t0 = new Date("2026-01-05T10:00:00Z").getTime();
const MINUTE = 60_000;

function question(index: number, status: LoadedQuestion["status"], deadlineAt: number | null): LoadedQuestion {
  return {
    id: `sq-${index}`,
    index,
    questionId: memory.id,
    title: memory.title,
    topic: memory.topic,
    difficulty: memory.difficulty,
    minutes: 5,
    status,
    followUpCount: 0,
    startedAt: status === "pending" ? null : new Date(t0),
    deadlineAt: deadlineAt === null ? null : new Date(deadlineAt),
    completedAt: null,
    score: null,
    report: null,
    draft: "",
    draftCode: "",
    draftUpdatedAt: null,
    snapshot: snapshotOf(memory),
  };
}

function turn(seq: number, role: LoadedTurn["role"], kind: LoadedTurn["kind"], at: number): LoadedTurn {
  return {
    id: `t${seq}`,
    seq,
    sessionQuestionId: "sq-0",
    role,
    kind,
    text: "…",
    keyPointId: null,
    late: false,
    elapsedMs: null,
    engine: null,
    createdAt: new Date(at),
  };
}

/** Question 1 of 2 open, its deadline five minutes after the start, the interview's at twelve. */
function session(extra: Partial<LoadedSession> = {}): LoadedSession {
  return {
    id: "s1",
    userId: "u1",
    status: "active",
    mode: "practice",
    engine: "local:rubric",
    seed: "seed",
    questionCount: 2,
    currentIndex: 0,
    version: 1,
    overallScore: null,
    startedAt: new Date(t0),
    endsAt: new Date(t0 + 12 * MINUTE),
    finishedAt: null,
    questions: [question(0, "answering", t0 + 5 * MINUTE), question(1, "pending", null)],
    turns: [turn(0, "interviewer", "question", t0)],
    ...extra,
  };
}

describe("settlementDue: what the server's clock has to settle, read without writing", () => {
  it("is due once the open question's deadline and its grace are past, not before", () => {
    const s = session();
    expect(settlementDue(s, t0 + 5 * MINUTE)).toBe(false);
    expect(settlementDue(s, t0 + 5 * MINUTE + TIME_UP_GRACE_MS - 1)).toBe(false);
    expect(settlementDue(s, t0 + 5 * MINUTE + TIME_UP_GRACE_MS)).toBe(true);
  });

  it("is due once the interview's time and its grace are past, even between questions", () => {
    const between = session({ questions: [question(0, "scored", t0 + 5 * MINUTE), question(1, "pending", null)] });
    expect(settlementDue(between, t0 + 12 * MINUTE)).toBe(false);
    expect(settlementDue(between, t0 + 12 * MINUTE + TIME_UP_GRACE_MS)).toBe(true);
  });

  it("waits while a reply may still come, and is due once it is overdue (lost with its process)", () => {
    const answeredAt = t0 + MINUTE;
    const s = session({ turns: [turn(0, "interviewer", "question", t0), turn(1, "candidate", "answer", answeredAt)] });
    // The judge's read before an LLM reply, the model's reply, then a margin.
    const lostAfter = env().LLM_TIMEOUT_MS + JUDGE_BEFORE_REPLY_MS + LOST_REPLY_MS;
    // Past every deadline, but the reply may still be on its way: nothing is due.
    expect(settlementDue(s, answeredAt + lostAfter - 1)).toBe(false);
    expect(settlementDue(session({ turns: s.turns, endsAt: new Date(t0) }), answeredAt + lostAfter - 1)).toBe(false);
    expect(settlementDue(s, answeredAt + lostAfter)).toBe(true);
  });

  it("is never due for a finished interview", () => {
    expect(settlementDue(session({ status: "finished" }), t0 + 60 * MINUTE)).toBe(false);
  });

  it("is what the interview page's view says (settleDue)", () => {
    const s = session();
    expect(toInterviewView(s, new Date(t0 + MINUTE)).settleDue).toBe(false);
    expect(toInterviewView(s, new Date(t0 + 5 * MINUTE + TIME_UP_GRACE_MS)).settleDue).toBe(true);
  });
});
