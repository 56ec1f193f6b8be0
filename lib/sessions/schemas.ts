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

export { MAX_ANSWER_CHARS, MAX_QUESTIONS } from "./limits.ts";
import { MAX_ANSWER_CHARS, MAX_QUESTIONS } from "./limits.ts";

/** The set-up form, or a one-question session ("Practise this question", retake, weak spots). */
export const startSessionSchema = z
  .object({
    bankId: z.string().trim().min(1).default("python"),
    topics: z.array(z.string().trim().min(1)).max(20).default([]),
    /** Empty means any difficulty; otherwise the mix to draw from. */
    difficulties: z.array(difficultySchema).max(3).default([]),
    count: z.coerce.number().int().min(1).max(MAX_QUESTIONS).default(3),
    /** Minutes per question; null means each question's suggested minutes. */
    minutesPerQuestion: z.coerce.number().min(0.25).max(60).nullable().default(null),
    mode: modeSchema.default("practice"),
    /** local:rubric or the configured LLM model spec. */
    interviewer: z.string().trim().min(1).default("local:rubric"),
    /** Explicit questions (retake, weak spots, practise this question): skips the random choice. */
    questionIds: z.array(z.string().trim().min(1)).max(MAX_QUESTIONS).optional(),
    /** Reproduce a session: the same seed and set-up choose the same questions. */
    seed: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type StartSessionInput = z.input<typeof startSessionSchema>;
export type SessionConfig = z.output<typeof startSessionSchema>;

/**
 * What a session keeps of each question it asked. Snapshots stored before misconceptions existed
 * name them `redFlags` and have no clarifications: they are read as the same thing.
 */
export const questionSnapshotSchema = z.preprocess((raw) => {
  if (raw && typeof raw === "object" && !("misconceptions" in raw) && "redFlags" in raw) {
    const { redFlags, ...rest } = raw as Record<string, unknown>;
    return { ...rest, misconceptions: redFlags };
  }
  return raw;
}, z.object({
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
}));
export type QuestionSnapshot = z.infer<typeof questionSnapshotSchema>;

export const TURN_ROLES = ["interviewer", "candidate", "system"] as const;
export const TURN_KINDS = ["question", "follow-up", "move-on", "wrap-up", "answer", "notice"] as const;
export type TurnRole = (typeof TURN_ROLES)[number];
export type TurnKind = (typeof TURN_KINDS)[number];

export const QUESTION_STATUSES = ["pending", "answering", "scored"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const answerBodySchema = z
  .object({
    questionIndex: z.number().int().min(0).max(MAX_QUESTIONS - 1),
    text: z.string().max(MAX_ANSWER_CHARS, `Answers are limited to ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`),
    /** The number of turns the client has seen: a stale tab's post is refused, not interleaved. */
    expectedTurns: z.number().int().min(0),
    /** Sent by the client's countdown at time-up: an empty answer is then accepted. */
    timeUp: z.boolean().default(false),
  })
  .strict();
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const draftBodySchema = z
  .object({
    questionIndex: z.number().int().min(0).max(MAX_QUESTIONS - 1),
    text: z.string().max(MAX_ANSWER_CHARS, `Answers are limited to ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`),
    /** The number of turns the client had seen: a draft typed before an answer was sent is stale. */
    expectedTurns: z.number().int().min(0).optional(),
  })
  .strict();
