/** A hand-built transcript for the review unit tests: two questions, a follow-up, evidence, a red flag. */
import type { ScoreReport } from "../../../lib/scoring/report.ts";
import type { QuestionSnapshot } from "../../../lib/sessions/schemas.ts";
import type { Transcript, TranscriptTurn } from "../../../lib/sessions/views.ts";

export const answer1 = "Variables are names bound to objects. When the refcount drops to zero the object is freed.";
export const answer2 = "Cycles are collected by the gc module:\n\n```python\nimport gc\ngc.collect()\n```";
export const combined1 = `${answer1}\n\n${answer2}`;

function span(text: string, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { start, end: start + phrase.length, text: phrase };
}

export const report1: ScoreReport = {
  version: 2,
  scorerVersion: "test",
  method: "rubric",
  score: 72,
  band: "solid",
  keyPoints: [
    {
      id: "names",
      text: "Variables are names bound to objects.",
      weight: 5,
      status: "covered",
      confidence: 0.9,
      evidence: [span(combined1, "names bound to objects")],
    },
    {
      id: "refcount",
      text: "Reference counting frees an object at zero.",
      weight: 5,
      status: "partial",
      confidence: 0.5,
      evidence: [span(combined1, "refcount drops to zero")],
    },
    {
      id: "cyclic",
      text: "A cyclic collector frees reference cycles.",
      weight: 4,
      status: "covered",
      confidence: 0.8,
      evidence: [span(combined1, "gc module"), span(combined1, "gc.collect()")],
    },
    { id: "interning", text: "Small integers are cached.", weight: 2, status: "missed", confidence: 0.1, evidence: [] },
  ],
  misconceptions: [
    {
      id: "del-frees",
      keyPointId: "refcount",
      text: "Believes del always frees memory.",
      correction: "",
      evidence: [span(combined1, "the object is freed")],
      answerIndex: 0,
      corrected: false,
      source: "authored",
    },
  ],
  strengths: ["Names and references"],
  gaps: ["Small integers are cached."],
  feedback: "Solid, with a gap on interning.",
  flags: ["red-flag"],
};

export const snapshot1: QuestionSnapshot = {
  id: "python-memory-model",
  bankId: "python",
  title: "What is Python's memory model?",
  prompt: "What is Python's memory model? Explain objects, references, and garbage collection.",
  topic: "Core Language & Data Structures",
  difficulty: "medium",
  tags: ["memory"],
  minutes: 6,
  reference: "Everything is an object.\n\n```python\na = [1]\nb = a\n```",
  keyPoints: [],
  followUps: [],
  misconceptions: [],
  clarifications: {},
  errata: "",
  contentHash: "a".repeat(64),
};

const t0 = new Date("2025-03-03T14:05:00.000Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
let seq = 0;
function turn(p: Partial<TranscriptTurn> & Pick<TranscriptTurn, "role" | "kind" | "text">, s: number): TranscriptTurn {
  return { id: `t${seq}`, seq: seq++, keyPointId: null, late: false, elapsedMs: null, engine: null, createdAt: at(s), ...p };
}

export const transcript: Transcript = {
  id: "cksession123",
  status: "finished",
  mode: "practice",
  engine: "local:rubric",
  bankId: "python",
  seed: "abc",
  questionCount: 2,
  overallScore: 61,
  startedAt: t0,
  endsAt: at(1200),
  finishedAt: at(700),
  questions: [
    {
      id: "sq1",
      index: 0,
      questionId: "python-memory-model",
      title: "What is Python's memory model?",
      topic: "Core Language & Data Structures",
      difficulty: "medium",
      minutes: 6,
      status: "scored",
      contentHash: "a".repeat(64),
      followUpCount: 1,
      startedAt: t0,
      deadlineAt: at(360),
      completedAt: at(300),
      score: 72,
      snapshot: snapshot1,
      report: report1,
      turns: [
        turn({ role: "interviewer", kind: "question", text: "What is Python's memory model?" }, 0),
        turn({ role: "candidate", kind: "answer", text: answer1, elapsedMs: 134_000 }, 134),
        turn({ role: "interviewer", kind: "follow-up", text: "How are cycles freed?", keyPointId: "cyclic" }, 137),
        turn({ role: "candidate", kind: "answer", text: answer2, elapsedMs: 60_000, late: true }, 197),
        turn({ role: "interviewer", kind: "move-on", text: "Good. Let's move on." }, 200),
      ],
    },
    {
      id: "sq2",
      index: 1,
      questionId: "python-gil",
      title: "What is the GIL? | threads",
      topic: "Concurrency & Async",
      difficulty: "hard",
      minutes: 5,
      status: "scored",
      contentHash: "b".repeat(64),
      followUpCount: 0,
      startedAt: at(400),
      deadlineAt: at(700),
      completedAt: at(650),
      score: 50,
      snapshot: null,
      report: null,
      turns: [
        turn({ role: "interviewer", kind: "question", text: "What is the GIL?" }, 400),
        turn({ role: "candidate", kind: "answer", text: "A lock.", elapsedMs: 30_000 }, 430),
        turn({ role: "interviewer", kind: "wrap-up", text: "That's all." }, 700),
      ],
    },
  ],
};
