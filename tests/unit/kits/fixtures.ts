/**
 * A synthetic question bank for the kit builder tests: deterministic, independent of the
 * shipped content (which keeps growing), with topics, difficulties and minutes spread like the
 * real one, and a few questions about distinctive subjects for the job-description tests.
 */
import { createQuestionBank } from "../../../lib/bank/question-bank.ts";
import type { Bank, Difficulty, Question, QuestionBank } from "../../../lib/bank/schema.ts";

export const TOPICS = [
  "Core Language & Data Structures",
  "OOP, Decorators & Generators",
  "Concurrency & Async",
  "Standard Library & Ecosystem",
  "Testing, Performance & System Design",
] as const;

const SUBJECTS: Record<(typeof TOPICS)[number], string[]> = {
  "Core Language & Data Structures": ["lists", "dicts", "sets", "tuples", "strings", "slicing", "sorting", "comprehensions", "equality", "memory"],
  "OOP, Decorators & Generators": [
    "decorators",
    "generators",
    "descriptors",
    "metaclasses",
    "closures",
    "properties",
    "slots",
    "dunders",
    "mixins",
    "inheritance",
  ],
  "Concurrency & Async": ["asyncio", "threads", "multiprocessing", "locks", "queues", "gather", "timeouts", "semaphores", "executors", "event loop"],
  "Standard Library & Ecosystem": ["pathlib", "datetime", "logging", "pydantic", "venv", "imports", "itertools", "collections", "json", "argparse"],
  "Testing, Performance & System Design": ["pytest", "fixtures", "profiling", "caching", "fastapi", "sqlalchemy", "celery", "config", "patterns", "mocking"],
};

const DIFFS: Difficulty[] = ["easy", "medium", "medium", "hard", "medium", "easy", "hard", "medium", "medium", "hard"];
const MINUTES = [4, 6, 6, 8, 5, 3, 8, 6, 7, 8];

function question(topic: (typeof TOPICS)[number], t: number, i: number, bankId = "python"): Question {
  const subject = SUBJECTS[topic][i]!;
  const slug = subject.replace(/\s+/g, "-");
  const id = `${bankId}-${slug}`;
  const kp = (k: number, weight: number) => ({
    id: `${slug}-point-${k}`,
    weight,
    text: `Point ${k} about ${subject}: a good answer explains how ${subject} behave and why, with an example.`,
    terms: [subject, `${subject} detail ${k}`],
    code: k === 1 ? [`${slug.replace(/-/g, "_")}()`] : [],
  });
  return {
    id,
    bankId,
    number: t * 10 + i + 1,
    title: `How do ${subject} work in Python?`,
    topic,
    difficulty: DIFFS[i]!,
    tags: [slug],
    minutes: MINUTES[i]!,
    prompt: `How do ${subject} work in Python?`,
    reference: `${subject} work like this. A longer explanation of ${subject} that the reference gives.\n\n\`\`\`python\nprint("${subject}")\n\`\`\``,
    keyPoints: [kp(1, 5), kp(2, 4), kp(3, 3), kp(4, 2)],
    followUps: [
      { keyPointId: `${slug}-point-3`, text: `What happens to ${subject} in the edge case?` },
      { keyPointId: `${slug}-point-1`, text: `Why are ${subject} designed that way?` },
    ],
    misconceptions: [{ id: `${slug}-flag`, text: `Believes ${subject} are magic.`, phrasings: [`${subject} are magic`, `${subject} just work`] }],
    clarifications: {},
    errata: "",
    contentHash: "0".repeat(64),
    file: `${String(t * 10 + i + 1).padStart(2, "0")}-${slug}.md`,
  };
}

export function fixtureQuestions(bankId = "python"): Question[] {
  return TOPICS.flatMap((topic, t) => SUBJECTS[topic].map((_, i) => question(topic, t, i, bankId)));
}

export function fixtureBank(): QuestionBank {
  const python: Bank = { id: "python", name: "Python", description: "", dir: "/fixture/python", questions: fixtureQuestions() };
  const small: Bank = {
    id: "tiny",
    name: "Tiny",
    description: "",
    dir: "/fixture/tiny",
    order: 5,
    questions: [
      {
        ...question("Core Language & Data Structures", 0, 0, "tiny"),
        keyPoints: [],
        followUps: [],
        misconceptions: [],
        clarifications: {},
        reference:
          "A closure is a function that remembers the variables of the scope it was created in. The variables are captured by reference, not copied, so later changes are visible. Closures are used for factories and callbacks.",
      },
    ],
  };
  return createQuestionBank([python, small]);
}
