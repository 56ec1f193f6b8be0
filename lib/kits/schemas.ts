/**
 * Interview kits (the recruiter feature): the builder's inputs, the kit document, edits, share links and
 * scorecards, as zod schemas. Shared by the builder, the CLI, the route handlers and the client
 * components (this file has no server-only imports). JSON columns are parsed with these schemas
 * whenever they are read.
 */
import { z } from "zod";
import { difficultySchema } from "../bank/schema.ts";

/**
 * What both databases can store: PostgreSQL's `integer` holds at most 2^31 - 1 and its `text`
 * cannot hold NUL characters (SQLite takes both). Inputs are held to that at the edge, so either
 * database answers a clear 400 instead of a driver error.
 */
export const MAX_DB_INT = 2_147_483_647;
export const NUL_MESSAGE = "Text cannot contain NUL characters (\\u0000).";
const NO_NUL = /^[^\u0000]*$/;
/** A string with no NUL character (see MAX_DB_INT). */
export const text = (params?: Parameters<typeof z.string>[0]) => z.string(params).regex(NO_NUL, NUL_MESSAGE);
/** A version number: a positive database integer. */
const versionNumber = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(1, `${what} must be at least 1.`)
    .max(MAX_DB_INT, `${what} must be at most ${MAX_DB_INT}.`);

/** An id in a route's address (cuids): anything else is a 400 before any database work. */
export const idParamSchema = z
  .string()
  .min(1, "The address is missing an id.")
  .max(64, "The id in the address is too long.")
  .regex(/^[A-Za-z0-9_-]+$/, "The id in the address is malformed.");

export const LEVELS = ["junior", "mid", "senior", "staff"] as const;
export const levelSchema = z.enum(LEVELS, { error: "Choose a level: junior, mid, senior or staff." });
export type Level = z.infer<typeof levelSchema>;

export const LEVEL_LABELS: Record<Level, string> = { junior: "Junior", mid: "Mid-level", senior: "Senior", staff: "Staff" };

export const MIN_TOTAL_MINUTES = 10;
export const MAX_TOTAL_MINUTES = 240;
/** Questions in one interview kit (a practice session has its own limit, MAX_PRACTICE_QUESTIONS). */
export const MAX_KIT_QUESTIONS = 15;
/** The shortest slot a question can have in a plan. */
export const MIN_QUESTION_MINUTES = 2;
export const MAX_QUESTION_MINUTES = 60;
export const MAX_JOB_DESCRIPTION_CHARS = 20_000;
export const MAX_NOTES_CHARS = 5_000;

export const seedSchema = z
  .string({ error: "The seed must be text." })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, "Use 1-32 letters, digits, - or _ for the seed.");

/** Percentages (or any weights) of easy, medium and hard questions. */
export const difficultyMixSchema = z
  .object({
    easy: z.coerce.number().int("Use whole numbers for the mix.").min(0).max(100),
    medium: z.coerce.number().int("Use whole numbers for the mix.").min(0).max(100),
    hard: z.coerce.number().int("Use whole numbers for the mix.").min(0).max(100),
  })
  .strict()
  .refine((m) => m.easy + m.medium + m.hard > 0, "The difficulty mix needs at least one non-zero share.");
export type DifficultyMix = z.infer<typeof difficultyMixSchema>;

const optionalInt = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce
      .number({ error: `${what} must be a number.` })
      .int(`${what} must be a whole number.`)
      .min(min, `${what} must be at least ${min}.`)
      .max(max, `${what} must be at most ${max}.`)
      .optional(),
  );

/** What a recruiter asks the builder for (the /kits/new form, the CLI, POST /api/kits). */
export const builderInputSchema = z
  .object({
    /** The role being hired for, e.g. "Senior Python Engineer". Defaults from the level. */
    title: text().trim().max(120, "Use at most 120 characters for the title.").optional(),
    level: levelSchema,
    /** Bank topics (exact names, slugs or words of them such as "async"); empty: all topics. */
    topics: z.array(text().trim().min(1).max(100)).max(20).default([]),
    /** Total duration; with no count, the number of questions follows from it. */
    minutes: optionalInt(MIN_TOTAL_MINUTES, MAX_TOTAL_MINUTES, "Total minutes"),
    /** Number of questions; with no minutes, the total follows from the questions' times. */
    count: optionalInt(1, MAX_KIT_QUESTIONS, "Question count"),
    /** Omitted: the level's default mix. */
    difficultyMix: difficultyMixSchema.optional(),
    jobDescription: z
      .string()
      .max(MAX_JOB_DESCRIPTION_CHARS, `Keep the job description under ${MAX_JOB_DESCRIPTION_CHARS.toLocaleString("en")} characters.`)
      .optional(),
    seed: seedSchema.default("1"),
    bankId: text().trim().min(1).max(100).optional(),
    /** Questions the kit must ask (ids from any bank or the recruiter's library), first and in this order; the builder picks the rest. */
    include: z.array(text().trim().min(1).max(200)).max(MAX_KIT_QUESTIONS, `Include at most ${MAX_KIT_QUESTIONS} questions.`).default([]),
  })
  .strict()
  .refine((i) => i.minutes !== undefined || i.count !== undefined, {
    message: "Give a total duration in minutes or a number of questions.",
    path: ["minutes"],
  });
export type BuilderInput = z.input<typeof builderInputSchema>;
export type BuilderInputs = z.output<typeof builderInputSchema>;

// ---- the kit document --------------------------------------------------------------------

export const rubricAnchorSchema = z.object({
  score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  label: text(),
  anchor: text(),
});
export type RubricAnchor = z.infer<typeof rubricAnchorSchema>;

export const kitKeyPointSchema = z.object({
  id: text(),
  weight: z.number().int().min(1).max(5),
  text: text(),
  /** Weight 4-5 (or the heaviest points when none is): what a passing answer must cover. */
  essential: z.boolean(),
});
export type KitKeyPoint = z.infer<typeof kitKeyPointSchema>;

export const kitQuestionSchema = z.object({
  id: text(),
  bankId: text(),
  title: text(),
  /** What to ask, when it says more than the title. */
  prompt: text(),
  topic: text(),
  difficulty: difficultySchema,
  tags: z.array(text()),
  /** The bank's suggested minutes. */
  suggestedMinutes: z.number().int().min(1).max(MAX_DB_INT),
  /** The slot in the plan. */
  minutes: z.number().int().min(1).max(MAX_QUESTION_MINUTES),
  /** Minutes set by hand; the plan keeps them when it re-fits the others. */
  pinned: z.boolean().default(false),
  keyPoints: z.array(kitKeyPointSchema),
  followUps: z.array(z.object({ keyPointId: text(), text: text() })),
  redFlags: z.array(z.object({ id: text(), text: text(), listenFor: z.array(text()) })),
  rubric: z.array(rubricAnchorSchema).length(4),
  /** Job-description terms this question matched (empty without a job description). */
  matchedTerms: z.array(text()).default([]),
  notes: text().max(MAX_NOTES_CHARS, `Keep notes under ${MAX_NOTES_CHARS} characters.`).default(""),
});
export type KitQuestion = z.infer<typeof kitQuestionSchema>;

export const kitSectionSchema = z.object({
  minutes: z.number().int().min(1).max(30),
  text: text().max(MAX_NOTES_CHARS),
});

export const kitDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  title: text().trim().min(1, "Give the kit a title.").max(120),
  level: levelSchema,
  bankId: text(),
  totalMinutes: z.number().int().min(MIN_TOTAL_MINUTES).max(MAX_TOTAL_MINUTES),
  topics: z.array(text()),
  intro: kitSectionSchema,
  questions: z.array(kitQuestionSchema).min(1).max(MAX_KIT_QUESTIONS),
  wrapUp: kitSectionSchema,
  /** How the job description steered the choice; null without one. */
  steering: z.object({ terms: z.array(text()), topics: z.array(z.object({ topic: text(), share: z.number() })) }).nullable(),
  notes: text().max(MAX_NOTES_CHARS, `Keep notes under ${MAX_NOTES_CHARS} characters.`).default(""),
  seed: text(),
  generator: text(),
});
export type KitDocument = z.infer<typeof kitDocumentSchema>;

// ---- edits, shares, scorecards ----------------------------------------------------------------

export const saveKitSchema = z
  .object({
    /** The version the editor started from; a stale one is refused (409) instead of overwritten. */
    version: versionNumber("version"),
    content: kitDocumentSchema,
    note: text().trim().max(200).default(""),
  })
  .strict();
export type SaveKitInput = z.input<typeof saveKitSchema>;

/** POST /api/kits/[id]/share (the body is optional). */
export const shareLinkInputSchema = z
  .object({
    /** Days the link opens for; omitted: SHARE_LINK_EXPIRY_DAYS (see README). */
    expiresInDays: z
      .number({ error: "expiresInDays must be a number of days." })
      .int("expiresInDays must be a whole number of days.")
      .min(1, "A share link opens for at least 1 day.")
      .max(3650, "A share link opens for at most 3650 days.")
      .optional(),
  })
  .strict();

export const restoreRevisionSchema = z.object({ version: versionNumber("version") }).strict();

export const RECOMMENDATIONS = ["strong-hire", "hire", "no-hire", "strong-no-hire", "undecided"] as const;
export const recommendationSchema = z.enum(RECOMMENDATIONS, { error: "Choose a recommendation." });
export type Recommendation = z.infer<typeof recommendationSchema>;
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  "strong-hire": "Strong hire",
  hire: "Hire",
  "no-hire": "No hire",
  "strong-no-hire": "Strong no hire",
  undecided: "Undecided",
};

export const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const scorecardEntrySchema = z
  .object({
    questionId: text().min(1).max(200),
    /** Key point ids ticked as heard. */
    ticked: z.array(text().max(200)).max(50).default([]),
    /** Red flag ids heard during the answer. */
    flagged: z.array(text().max(200)).max(50).default([]),
    rating: ratingSchema.nullable().default(null),
    notes: text().max(MAX_NOTES_CHARS, `Keep notes under ${MAX_NOTES_CHARS} characters.`).default(""),
    seconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600)
      .default(0),
  })
  .strict();
export type ScorecardEntryInput = z.input<typeof scorecardEntrySchema>;

export const createScorecardSchema = z
  .object({
    candidateName: text({ error: "Enter the candidate's name." }).trim().min(1, "Enter the candidate's name.").max(120),
    /** The kit version the interview ran. */
    scriptVersion: versionNumber("scriptVersion"),
    entries: z.array(scorecardEntrySchema).max(MAX_KIT_QUESTIONS),
    notes: text().max(MAX_NOTES_CHARS, `Keep notes under ${MAX_NOTES_CHARS} characters.`).default(""),
    recommendation: recommendationSchema.default("undecided"),
    /** The invitation whose interview this scorecard scores (made from its review page). */
    invitationId: idParamSchema.optional(),
  })
  .strict();
export type CreateScorecardInput = z.input<typeof createScorecardSchema>;

/** What a saved scorecard keeps per question: enough to read and export it after the kit changes. */
export const storedScorecardEntrySchema = z.object({
  questionId: text(),
  title: text(),
  topic: text(),
  difficulty: text(),
  minutes: z.number(),
  keyPoints: z.array(z.object({ id: text(), text: text(), ticked: z.boolean() })),
  /** The question's red flags and whether each was heard (scorecards saved before this field: none). */
  redFlags: z.array(z.object({ id: text(), text: text(), heard: z.boolean() })).default([]),
  rating: ratingSchema.nullable(),
  notes: text(),
  seconds: z.number(),
});
export type StoredScorecardEntry = z.infer<typeof storedScorecardEntrySchema>;
export const storedScorecardSchema = z.object({ scriptVersion: z.number(), entries: z.array(storedScorecardEntrySchema) });
