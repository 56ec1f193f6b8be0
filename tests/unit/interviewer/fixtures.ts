/**
 * Hand-built fixtures for the interviewer tests: a question shaped like the bank's memory-model
 * question, and ScoreReports built from statuses and evidence phrases (the real scorer lives in
 * lib/scoring; these tests must not depend on its judgement).
 */
import type { Question } from "../../../lib/bank/schema.ts";
import type { Coverage, ScoreReport } from "../../../lib/scoring/report.ts";
import type { InterviewQuestion } from "../../../lib/interviewer/turn-policy.ts";

export const memoryQuestion: Question = {
  id: "python-memory-model",
  bankId: "python",
  number: 1,
  title: "What is Python's memory model? Explain objects, references, and garbage collection.",
  topic: "Core Language & Data Structures",
  difficulty: "medium",
  tags: ["memory", "garbage-collection"],
  minutes: 6,
  prompt: "What is Python's memory model? Explain objects, references, and garbage collection.",
  reference:
    "In Python, everything is an object. Variables are names (references) pointing to objects on the heap.\n\n" +
    "Reference counting is Python's primary GC mechanism. Each object has a ob_refcnt. When it hits 0, the object is immediately deallocated.\n\n" +
    "Cyclic garbage collector handles reference cycles (gc module).\n\n" +
    "```python\nimport sys\na = []\nsys.getrefcount(a)   # 2\n```\n\nSmall integers (-5 to 256) and interned strings are cached singletons.",
  keyPoints: [
    {
      id: "names-references",
      weight: 4,
      text: "Variables are names bound to objects; assignment copies a reference, never the value.",
      terms: ["names", "points to", "same object", "alias", "binding"],
      code: [],
    },
    {
      id: "refcount",
      weight: 5,
      text: "Reference counting is CPython's primary mechanism: an object is freed as soon as its count drops to zero.",
      terms: ["reference count", "refcount", "reference counting", "drops to zero"],
      code: ["sys.getrefcount", "ob_refcnt"],
    },
    {
      id: "cyclic-gc",
      weight: 5,
      text: "A cyclic garbage collector finds and frees groups of objects that only reference each other.",
      terms: ["cyclic", "reference cycle", "generational", "gc module", "unreachable"],
      code: ["gc.collect"],
    },
    {
      id: "shallow-copy",
      weight: 3,
      text: "Slicing or copy() makes a shallow copy: a new container holding the same element objects.",
      terms: ["shallow copy", "slicing"],
      code: ["copy.copy", "copy.deepcopy"],
    },
    {
      id: "small-int-cache",
      weight: 2,
      text: "Small integers from -5 to 256 and interned strings are cached singletons.",
      terms: ["small integers", "interning", "interned", "singleton"],
      code: [],
    },
  ],
  followUps: [
    { keyPointId: "refcount", text: "What happens to an object's reference count when you pass it to a function?" },
    { keyPointId: "cyclic-gc", text: "Two objects refer to each other and nothing else refers to them. How does Python free them?" },
    { keyPointId: "cyclic-gc", text: "When would you call the collector yourself, or turn it off?" },
    { keyPointId: "shallow-copy", text: "If b = a[:] and a holds lists, what does b[0].append(1) change?" },
    { keyPointId: "small-int-cache", text: "Why can `x is y` be True for 256 but False for 257?" },
  ],
  misconceptions: [],
  clarifications: {},
  errata: "",
  contentHash: "a".repeat(64),
  file: "01-memory-model.md",
};

/** A user-bank question: no authored follow-ups; its key points were derived from the reference. */
export const derivedQuestion: InterviewQuestion = {
  id: "user-context-managers",
  title: "Explain context managers and the with statement.",
  prompt: "Explain context managers and the with statement. How would you write your own?",
  keyPoints: [],
  followUps: [],
};

export const derivedKeyPoints = [
  { id: "d1", weight: 3, text: "The with statement calls __enter__ on entry and __exit__ on exit, even when an exception is raised." },
  { id: "d2", weight: 3, text: "contextlib.contextmanager turns a generator with a single yield into a context manager." },
  { id: "d3", weight: 2, text: "__exit__ can suppress an exception by returning a true value." },
];

export type PointSpec = { status: Coverage; evidence?: string[] };

/**
 * A ScoreReport over `answers` (joined with "\n\n"): each point's status, evidence spans located
 * in the text (the phrase must occur in it), and a weighted score.
 */
export function makeReport(
  points: readonly { id: string; weight: number; text: string }[],
  statuses: Record<string, PointSpec | Coverage>,
  answers: readonly string[] = [],
  overrides: Partial<ScoreReport> = {},
): ScoreReport {
  const combined = answers.join("\n\n");
  const keyPoints = points.map((k) => {
    const spec = statuses[k.id] ?? "missed";
    const { status, evidence = [] } = typeof spec === "string" ? { status: spec } : spec;
    return {
      id: k.id,
      text: k.text,
      weight: k.weight,
      status,
      confidence: status === "covered" ? 0.9 : status === "partial" ? 0.5 : 0,
      evidence: evidence.map((phrase) => {
        const start = combined.indexOf(phrase);
        if (start < 0) throw new Error(`evidence "${phrase}" is not in the answers`);
        return { start, end: start + phrase.length, text: phrase };
      }),
    };
  });
  const total = keyPoints.reduce((s, k) => s + k.weight, 0) || 1;
  const got = keyPoints.reduce((s, k) => s + k.weight * (k.status === "covered" ? 1 : k.status === "partial" ? 0.5 : 0), 0);
  const score = Math.round((100 * got) / total);
  return {
    version: 2,
    scorerVersion: "fixture",
    method: "rubric",
    score,
    band: score >= 85 ? "strong" : score >= 65 ? "solid" : score >= 40 ? "partial" : "weak",
    keyPoints,
    misconceptions: [],
    strengths: [],
    gaps: [],
    feedback: "",
    flags: [],
    ...overrides,
  };
}

export const firstAnswer =
  "In Python variables are just names that point to objects on the heap. " + "When the refcount of an object drops to zero it gets freed right away.";

/** After the first answer: names and refcount covered, the rest missed. */
export function firstReport(overrides: Partial<ScoreReport> = {}): ScoreReport {
  return makeReport(
    memoryQuestion.keyPoints,
    {
      "names-references": { status: "covered", evidence: ["variables are just names that point to objects"] },
      refcount: { status: "covered", evidence: ["refcount", "the refcount of an object drops to zero"] },
    },
    [firstAnswer],
    overrides,
  );
}

/** Every term, code identifier and text of the key points a report marks missed, minus what the answers contain. */
export function unsaidMissedVocabulary(question: InterviewQuestion, report: ScoreReport, answers: readonly string[]): string[] {
  const said = answers.join(" ").toLowerCase();
  const missed = new Set(report.keyPoints.filter((k) => k.status !== "covered").map((k) => k.id));
  const words: string[] = [];
  for (const k of question.keyPoints) {
    if (!missed.has(k.id)) continue;
    words.push(k.text, ...k.terms, ...k.code);
  }
  return words.filter((w) => !said.includes(w.toLowerCase()));
}

export async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}
