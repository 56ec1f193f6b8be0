import { describe, expect, it } from "vitest";
import { getQuestionBank } from "../../../lib/bank/load.ts";
import { scoreAnswer } from "../../../lib/scoring/index.ts";
import type { LoadedQuestion, LoadedSession, LoadedTurn } from "../../../lib/sessions/read-model.ts";
import { toInterviewView } from "../../../lib/sessions/interview-view.ts";
import { questionVisibility } from "../../../lib/sessions/visibility.ts";
import { interviewQuestionOf, snapshotOf } from "../../../lib/sessions/snapshot.ts";

const bank = getQuestionBank();
const memory = bank.get("python-memory-model")!;
const gil = bank.get("python-gil")!;
const mutable = bank.get("python-mutable-immutable")!;
const ANSWER = "Variables are names bound to objects; CPython uses reference counting and frees an object when its refcount drops to zero.";
const report = scoreAnswer({ question: interviewQuestionOf(snapshotOf(memory)) as never, answers: [ANSWER] });
const t0 = new Date("2026-01-05T10:00:00Z");

function question(q: typeof memory, index: number, status: LoadedQuestion["status"], extra: Partial<LoadedQuestion> = {}): LoadedQuestion {
  return {
    id: `sq-${index}`,
    index,
    questionId: q.id,
    title: q.title,
    topic: q.topic,
    difficulty: q.difficulty,
    minutes: q.minutes,
    status,
    followUpCount: 0,
    startedAt: status === "pending" ? null : t0,
    deadlineAt: status === "pending" ? null : new Date(t0.getTime() + q.minutes * 60_000),
    completedAt: status === "scored" ? t0 : null,
    score: status === "scored" ? report.score : null,
    report: status === "scored" ? report : null,
    draft: "",
    draftCode: "",
    draftUpdatedAt: null,
    snapshot: snapshotOf(q),
    ...extra,
  };
}

function turn(seq: number, sessionQuestionId: string, role: LoadedTurn["role"], kind: LoadedTurn["kind"], text: string): LoadedTurn {
  return {
    id: `t${seq}`,
    seq,
    sessionQuestionId,
    role,
    kind,
    text,
    keyPointId: kind === "follow-up" ? "refcount" : null,
    late: false,
    elapsedMs: null,
    engine: role === "interviewer" ? "offline" : null,
    createdAt: t0,
  };
}

/** Question 1 scored, question 2 being answered (with a draft), question 3 not asked yet. */
function session(mode: "practice" | "mock", status: "active" | "finished" = "active"): LoadedSession {
  return {
    id: "s1",
    userId: "u1",
    status,
    mode,
    engine: "local:rubric",
    seed: "seed",
    questionCount: 3,
    currentIndex: 1,
    version: 4,
    overallScore: status === "finished" ? 40 : null,
    startedAt: t0,
    endsAt: new Date(t0.getTime() + 30 * 60_000),
    finishedAt: status === "finished" ? t0 : null,
    questions: [question(memory, 0, "scored"), question(gil, 1, "answering", { draft: "The GIL is a mutex" }), question(mutable, 2, "pending")],
    turns: [
      turn(0, "sq-0", "interviewer", "question", memory.prompt),
      turn(1, "sq-0", "candidate", "answer", ANSWER),
      turn(2, "sq-0", "interviewer", "move-on", "On to the next one."),
      turn(3, "sq-1", "interviewer", "question", gil.prompt),
    ],
  };
}

/** Text the browser must not receive before the reveal: the reference and every key point's text. */
function secretsOf(q: typeof memory): string[] {
  return [q.reference.slice(0, 80), ...q.keyPoints.map((k) => k.text)];
}

describe("toInterviewView: what the browser may see", () => {
  it("in practice mode reveals a scored question's report and reference, nothing of the question being answered", () => {
    const view = toInterviewView(session("practice"));
    const [scored, current, pending] = view.questions;
    expect(scored).toMatchObject({ status: "scored", score: report.score, reference: memory.reference });
    expect(scored!.report?.score).toBe(report.score);
    expect(current).toMatchObject({
      status: "answering",
      score: null,
      report: null,
      reference: null,
      errata: null,
      draft: "The GIL is a mutex",
      prompt: gil.prompt,
    });
    const json = JSON.stringify(current);
    for (const secret of secretsOf(gil)) expect(json).not.toContain(secret);
    expect(pending).toMatchObject({ status: "pending", title: "Question 3", prompt: "", reference: null, report: null, draft: "" });
  });

  it("never sends a question's reference or key points before it is scored (the whole view)", () => {
    const json = JSON.stringify(toInterviewView(session("practice")));
    for (const secret of [...secretsOf(gil), ...secretsOf(mutable)]) expect(json).not.toContain(secret);
    expect(json).not.toContain(mutable.title);
    expect(json).not.toContain(mutable.prompt.slice(0, 60));
  });

  it("in mock mode keeps every score, report and reference hidden until the interview is finished", () => {
    const view = toInterviewView(session("mock"));
    for (const q of view.questions) expect(q).toMatchObject({ score: null, report: null, reference: null, errata: null });
    const json = JSON.stringify(view);
    for (const secret of [...secretsOf(memory), ...secretsOf(gil), ...secretsOf(mutable)]) expect(json).not.toContain(secret);
    expect(json).not.toContain(`"score":${report.score}`);
  });

  it("in mock mode reveals the scored questions once the interview is finished (and still nothing of a question never answered)", () => {
    const view = toInterviewView(session("mock", "finished"));
    expect(view.questions[0]).toMatchObject({ score: report.score, reference: memory.reference });
    expect(view.questions[0]!.report?.keyPoints.length).toBe(memory.keyPoints.length);
    expect(view.questions[1]).toMatchObject({ report: null, reference: null, score: null });
    expect(view.questions[2]).toMatchObject({ title: "Question 3", prompt: "", reference: null });
    expect(view.overallScore).toBe(40);
  });

  it("shows the errata only with the reference", () => {
    expect(memory.errata).not.toBe("");
    expect(toInterviewView(session("practice")).questions[0]!.errata).toBe(memory.errata);
    expect(toInterviewView(session("mock")).questions[0]!.errata).toBeNull();
  });

  it("maps turns to their question index without engine or key point ids, and stamps the server's clock", () => {
    const now = new Date("2026-01-05T10:03:00Z");
    const view = toInterviewView(session("practice"), now);
    expect(view.serverNow).toBe(now.toISOString());
    expect(view.turns.map((t) => [t.seq, t.questionIndex, t.role, t.kind])).toEqual([
      [0, 0, "interviewer", "question"],
      [1, 0, "candidate", "answer"],
      [2, 0, "interviewer", "move-on"],
      [3, 1, "interviewer", "question"],
    ]);
    for (const t of view.turns) {
      expect(t).not.toHaveProperty("engine");
      expect(t).not.toHaveProperty("keyPointId");
    }
    expect(view).not.toHaveProperty("seed");
    expect(view).not.toHaveProperty("userId");
    expect(view).not.toHaveProperty("version");
  });
});

describe("questionVisibility: the one rule the interview page and review share", () => {
  it("asks a question once it is being answered, and reveals it once scored (practice) or once the interview is over (mock)", () => {
    const table: [string, string, string, { asked: boolean; revealed: boolean }][] = [
      ["practice", "active", "pending", { asked: false, revealed: false }],
      ["practice", "active", "answering", { asked: true, revealed: false }],
      ["practice", "active", "scored", { asked: true, revealed: true }],
      ["mock", "active", "pending", { asked: false, revealed: false }],
      ["mock", "active", "answering", { asked: true, revealed: false }],
      ["mock", "active", "scored", { asked: true, revealed: false }],
      ["mock", "finished", "scored", { asked: true, revealed: true }],
      ["mock", "finished", "answering", { asked: true, revealed: false }],
      ["mock", "finished", "pending", { asked: false, revealed: false }],
      // Unknown column values are read the way lib/sessions/read-model.ts reads them (a question: not asked).
      ["exam", "active", "scored", { asked: true, revealed: true }],
      ["mock", "paused", "scored", { asked: true, revealed: false }],
      ["mock", "finished", "weird", { asked: false, revealed: false }],
    ];
    for (const [mode, status, qStatus, expected] of table) {
      expect(questionVisibility({ mode, status }, { status: qStatus }), `${mode}/${status}/${qStatus}`).toEqual(expected);
    }
  });

  it("is what toInterviewView applies to every question", () => {
    for (const [mode, status] of [
      ["practice", "active"],
      ["mock", "active"],
      ["mock", "finished"],
    ] as const) {
      const s = session(mode, status);
      const view = toInterviewView(s);
      for (const [i, q] of s.questions.entries()) {
        const { asked, revealed } = questionVisibility(s, q);
        expect(view.questions[i]!.prompt !== "", `${mode}/${status}/${q.status}`).toBe(asked);
        expect(view.questions[i]!.reference !== null).toBe(revealed);
        expect(view.questions[i]!.score !== null).toBe(revealed);
      }
    }
  });
});
