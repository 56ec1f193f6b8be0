/**
 * The question bank's types, as zod schemas. This file is the contract between the bank loader,
 * the scorer, the interviewer and the interview-kit builder: everything else derives its types from here.
 */
import { z } from "zod";

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;

/** Stable ids: lowercase slug, unique across all banks, never reused once published. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a lowercase slug such as python-memory-model");

/** The front matter of one question file. */
export const frontMatterSchema = z.object({
  id: slugSchema,
  number: z.number().int().positive().optional(),
  title: z.string().trim().min(3),
  topic: z.string().trim().min(1),
  difficulty: difficultySchema,
  tags: z.array(z.string().trim().min(1)).default([]),
  minutes: z.number().int().min(1).max(60).default(5),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const keyPointSchema = z.object({
  /** Slug, unique within its question. */
  id: slugSchema,
  /** How much an interviewer cares about this point: 1 (nice to have) to 5 (essential). */
  weight: z.number().int().min(1).max(5),
  /** The statement a good answer makes. */
  text: z.string().trim().min(10),
  /** Words and phrases (with synonyms and paraphrases) whose presence evidences the point. */
  terms: z.array(z.string().trim().min(1)).default([]),
  /** Code identifiers that evidence the point, e.g. sys.getrefcount, __slots__. */
  code: z.array(z.string().trim().min(1)).default([]),
  /** A smaller, easier question towards this point, for a candidate who says "I don't know". */
  scaffold: z.string().trim().min(10).optional(),
});
export type KeyPoint = z.infer<typeof keyPointSchema>;

export const followUpSchema = z.object({
  /** The key point this follow-up probes. */
  keyPointId: slugSchema,
  text: z.string().trim().min(10),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/**
 * A claim interviewers hear that is wrong: tied to the key point it contradicts, with the
 * phrasings that give it away, a correction the feedback shows and a question that challenges it.
 * (Older banks call the section "Red flags" and may omit everything but the phrasings.)
 */
export const misconceptionSchema = z.object({
  id: slugSchema,
  /** The misconception, described for an interviewer. */
  text: z.string().trim().min(5),
  /** The key point this misconception contradicts (bank:check requires it in the shipped bank). */
  keyPointId: slugSchema.optional(),
  /** Phrasings that reveal it in a candidate's answer. */
  phrasings: z.array(z.string().trim().min(3)).min(1),
  /** Cue patterns that find it in the candidate's own words (syntax: lib/bank/cues.ts). */
  cues: z.array(z.string().trim().min(2)).optional(),
  /** One or two sentences that set it right (shown after the question, never before). */
  correction: z.string().trim().min(10).optional(),
  /** A question that makes the candidate reason it through without giving the answer. */
  challenge: z.string().trim().min(10).optional(),
});
export type Misconception = z.infer<typeof misconceptionSchema>;

/** What the interviewer tells a candidate who asks a clarifying question (never the answer). */
export const CLARIFICATION_TOPICS = ["scope", "version", "expected", "code"] as const;
export const clarificationsSchema = z.object({
  scope: z.string().trim().min(5).optional(),
  version: z.string().trim().min(5).optional(),
  expected: z.string().trim().min(5).optional(),
  code: z.string().trim().min(5).optional(),
});
export type Clarifications = z.infer<typeof clarificationsSchema>;

/**
 * A hands-on coding task (the optional `## Task` section). Split in two on purpose: `public` is
 * what a candidate may see (prompt, starter code, examples); `checks` are the hidden tests the
 * server runs in the sandbox (lib/code-runner) and must never send to a browser. Send
 * `publicTask(question)` (lib/bank/task.ts), never `question.task`.
 */
export const taskCheckSchema = z.object({
  /** A short human name shown in the grade, e.g. "fails on an empty input". */
  name: z.string().trim().min(3).max(120),
  /** Python statements run after the candidate's code, in its namespace; the check passes when they raise nothing. */
  code: z.string().trim().min(1),
});
export type TaskCheck = z.infer<typeof taskCheckSchema>;

export const publicTaskSchema = z.object({
  /** The task as Markdown (inline code and fences kept). */
  prompt: z.string().trim().min(10),
  /** The code the editor starts with (plain Python, no fence). */
  starter: z.string().min(1),
  /** Worked examples as Markdown, each usually one ```python fence. */
  examples: z.array(z.string().trim().min(1)),
});
export type PublicTask = z.infer<typeof publicTaskSchema>;

export const taskSchema = z.object({
  public: publicTaskSchema,
  /** Hidden checks, in file order; names are unique within the task. */
  checks: z.array(taskCheckSchema).min(1),
});
export type Task = z.infer<typeof taskSchema>;

export const questionSchema = frontMatterSchema.extend({
  bankId: slugSchema,
  /** What the interviewer asks: the `## Question` section when present, else the title. */
  prompt: z.string().trim().min(3),
  /** The reference answer as Markdown (code fenced). */
  reference: z.string().trim().min(1),
  keyPoints: z.array(keyPointSchema),
  followUps: z.array(followUpSchema),
  misconceptions: z.array(misconceptionSchema),
  clarifications: clarificationsSchema.default({}),
  /** Corrections of the source's factual errors, as Markdown; empty when none. */
  errata: z.string().default(""),
  /** A coding task with hidden checks; absent for questions without one. Server-side only: see taskSchema. */
  task: taskSchema.optional(),
  /** sha256 of the file's bytes: sessions snapshot it so a transcript stays true. */
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
  /** Path of the file relative to its bank folder. */
  file: z.string(),
});
export type Question = z.infer<typeof questionSchema>;

export const bankMetaSchema = z.object({
  id: slugSchema,
  name: z.string().trim().min(1),
  description: z.string().trim().default(""),
  language: z.string().trim().optional(),
  /** Banks are listed by order (default 0), then by id. */
  order: z.number().int().optional(),
});
export type BankMeta = z.infer<typeof bankMetaSchema>;

export type Bank = BankMeta & { dir: string; questions: Question[] };

export type QuestionFilter = {
  bankId?: string;
  topics?: string[];
  difficulties?: Difficulty[];
  tags?: string[];
  /** Full-text query over title, prompt, tags, topic, key points and reference. */
  query?: string;
};

/** The read-only view every other module uses. Loaded once per process. */
export interface QuestionBank {
  banks(): BankMeta[];
  list(): Question[];
  get(id: string): Question | undefined;
  filter(filter: QuestionFilter): Question[];
  search(query: string, limit?: number): Question[];
  topics(bankId?: string): string[];
}
