/**
 * Session data shapes: the set-up a candidate submits, what a session stores about each question
 * (a snapshot, so a transcript stays true after the bank changes), and request bodies.
 * JSON columns are parsed with these schemas whenever they are read.
 */
import { z } from "zod";
import { clarificationsSchema, difficultySchema, followUpSchema, keyPointSchema, misconceptionSchema } from "../bank/schema.ts";

export const MODES = ["practice", "mock"] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

export { MAX_ANSWER_CHARS, MAX_PRACTICE_QUESTIONS } from "./limits.ts";
import { MAX_ANSWER_CHARS, MAX_PRACTICE_QUESTIONS } from "./limits.ts";

/** The largest integer a PostgreSQL `integer` column holds: larger ones are refused here, not by the driver. */
export const MAX_DB_INT = 2_147_483_647;
/** PostgreSQL cannot store NUL in text (SQLite can): refused on both, with words a person reads. */
export const NUL_MESSAGE = "Text cannot contain NUL characters (\\u0000).";
const NO_NUL = /^[^\u0000]*$/;

/** A string without NUL characters. */
const text = () => z.string().regex(NO_NUL, NUL_MESSAGE);
/** A whole number a PostgreSQL integer column can hold. */
const count = (what: string) =>
  z
    .number({ error: `${what} must be a whole number.` })
    .int(`${what} must be a whole number.`)
    .min(0, `${what} cannot be negative.`)
    .max(MAX_DB_INT, `${what} must be at most ${MAX_DB_INT}.`);

/** The set-up form, or a one-question session ("Practise this question", retake, weak spots). */
export const startSessionSchema = z
  .object({
    bankId: text().trim().min(1, "Choose a question bank.").default("python"),
    topics: z.array(text().trim().min(1, "A topic cannot be empty.")).max(20, "Choose at most 20 topics.").default([]),
    /** Empty means any difficulty; otherwise the mix to draw from. */
    difficulties: z.array(difficultySchema).max(3).default([]),
    count: z.coerce
      .number({ error: "The number of questions must be a whole number." })
      .int("The number of questions must be a whole number.")
      .min(1, "Ask for at least one question.")
      .max(MAX_PRACTICE_QUESTIONS, `Ask for at most ${MAX_PRACTICE_QUESTIONS} questions.`)
      .default(3),
    /** Minutes per question; null means each question's suggested minutes. */
    minutesPerQuestion: z.coerce
      .number({ error: "Minutes per question must be a number." })
      .min(0.25, "Give each question at least 15 seconds (0.25 minutes).")
      .max(60, "Give each question at most 60 minutes.")
      .nullable()
      .default(null),
    mode: modeSchema.default("practice"),
    /** local:rubric or the configured LLM model spec. */
    interviewer: text().trim().min(1, "Choose an interviewer.").default("local:rubric"),
    /** Explicit questions (retake, weak spots, practise this question): skips the random choice. */
    questionIds: z
      .array(text().trim().min(1, "A question id cannot be empty."))
      .max(MAX_PRACTICE_QUESTIONS, `Choose at most ${MAX_PRACTICE_QUESTIONS} questions.`)
      .optional(),
    /** Reproduce a session: the same seed and set-up choose the same questions. */
    seed: text().trim().min(1, "The seed cannot be empty.").max(64, "The seed is limited to 64 characters.").optional(),
  })
  .strict();
export type StartSessionInput = z.input<typeof startSessionSchema>;
export type SessionConfig = z.output<typeof startSessionSchema>;

/**
 * What a session keeps of each question it asked. Snapshots stored before misconceptions existed
 * name them `redFlags` and have no clarifications: they are read as the same thing.
 */
export const questionSnapshotSchema = z.preprocess(
  (raw) => {
    if (raw && typeof raw === "object" && !("misconceptions" in raw) && "redFlags" in raw) {
      const { redFlags, ...rest } = raw as Record<string, unknown>;
      return { ...rest, misconceptions: redFlags };
    }
    return raw;
  },
  z.object({
    id: z.string(),
    bankId: z.string(),
    title: z.string(),
    prompt: z.string(),
    topic: z.string(),
    difficulty: difficultySchema,
    tags: z.array(z.string()),
    minutes: z.number(),
    reference: z.string(),
    keyPoints: z.array(keyPointSchema),
    followUps: z.array(followUpSchema),
    misconceptions: z.array(misconceptionSchema),
    clarifications: clarificationsSchema.default({}),
    errata: z.string(),
    contentHash: z.string(),
  }),
);
export type QuestionSnapshot = z.infer<typeof questionSnapshotSchema>;

export const TURN_ROLES = ["interviewer", "candidate", "system"] as const;
export const TURN_KINDS = ["question", "follow-up", "move-on", "wrap-up", "answer", "notice"] as const;
export type TurnRole = (typeof TURN_ROLES)[number];
export type TurnKind = (typeof TURN_KINDS)[number];

export const QUESTION_STATUSES = ["pending", "answering", "scored"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

const questionIndexSchema = z
  .number({ error: "Say which question this is for (a question number)." })
  .int("Say which question this is for (a question number).")
  .min(0, "Say which question this is for (a question number).")
  .max(MAX_PRACTICE_QUESTIONS - 1, `An interview has at most ${MAX_PRACTICE_QUESTIONS} questions.`);
const answerTextSchema = z
  .string({ error: "The answer must be text." })
  .max(MAX_ANSWER_CHARS, `Answers are limited to ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`)
  .regex(NO_NUL, NUL_MESSAGE);
/** Exported for the next-question route's body. */
export const expectedTurnsSchema = count("The number of turns seen");

export const answerBodySchema = z
  .object({
    questionIndex: questionIndexSchema,
    text: answerTextSchema,
    /** The code of a question with a coding task: stored after the written answer, fenced, and run against its hidden checks. */
    code: z
      .string({ error: "The code must be text." })
      .max(MAX_ANSWER_CHARS, `Code is limited to ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`)
      .regex(NO_NUL, NUL_MESSAGE)
      .optional(),
    /** The number of turns the client has seen: a stale tab's post is refused, not interleaved. */
    expectedTurns: expectedTurnsSchema,
    /** Sent by the client's countdown at time-up: an empty answer is then accepted. */
    timeUp: z.boolean({ error: "The time-up flag must be true or false." }).default(false),
  })
  .strict();
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const draftBodySchema = z
  .object({
    questionIndex: questionIndexSchema,
    text: answerTextSchema,
    /** The coding task's code as it stands (absent: the stored code is left as it is). */
    code: z
      .string({ error: "The code must be text." })
      .max(MAX_ANSWER_CHARS, `Code is limited to ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`)
      .regex(NO_NUL, NUL_MESSAGE)
      .optional(),
    /** The number of turns the client had seen: a draft typed before an answer was sent is stale. */
    expectedTurns: expectedTurnsSchema.optional(),
  })
  .strict();

/** The body of "next question" (and "finish", which may send it). */
export const advanceBodySchema = z.object({ expectedTurns: expectedTurnsSchema }).strict();
