/**
 * ScoreReport: what the scorer returns for one question's answers. Versioned: stored with every
 * scored session so old reports stay readable when the scorer changes.
 */
import { z } from "zod";

/**
 * 2: key points can be `contradicted`; `misconceptions` (what the answer got wrong, with the
 * candidate's sentence, the correction and whether a later answer corrected it) replaces v1's
 * `redFlags`. Version-1 reports (stored before) are read as version 2 by `scoreReportSchema`.
 */
export const SCORE_REPORT_VERSION = 2 as const;

export const BANDS = ["strong", "solid", "partial", "weak"] as const;
export const bandSchema = z.enum(BANDS);
export type Band = z.infer<typeof bandSchema>;

export const spanSchema = z.object({
  /** Offsets into the candidate's combined answer text (see `ScoreInput.answers`). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof spanSchema>;

/**
 * `contradicted`: the answer asserts the opposite of the point or one of its misconceptions (and
 * did not correct it later). It earns nothing and costs points.
 */
export const COVERAGE = ["covered", "partial", "missed", "contradicted"] as const;
export const coverageSchema = z.enum(COVERAGE);
export type Coverage = z.infer<typeof coverageSchema>;

export const keyPointResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  weight: z.number(),
  status: coverageSchema,
  /** 0..1 strength of the evidence. */
  confidence: z.number().min(0).max(1),
  evidence: z.array(spanSchema),
});
export type KeyPointResult = z.infer<typeof keyPointResultSchema>;

/** How a wrong claim was found. */
/**
 * How a wrong claim was found: in the bank's own words (a phrasing or a cue: "authored"), by
 * resemblance to a misconception's wording or examples ("resemblance"), as a denial of a key point
 * ("negation"), or by the LLM judge ("llm").
 */
export const MISCONCEPTION_SOURCES = ["authored", "resemblance", "negation", "llm"] as const;

/** A wrong claim in the answer. */
export const misconceptionHitSchema = z.object({
  /** The bank misconception's id, or `contradicts-<keyPointId>` for a denial of a key point. */
  id: z.string(),
  /** The key point it contradicts, when known. */
  keyPointId: z.string().nullable().default(null),
  /** What is wrong, described for the candidate. */
  text: z.string(),
  /** What is right (authored with the misconception; may be empty). Shown after the question only. */
  correction: z.string().default(""),
  /** The candidate's own sentence(s) that state it. */
  evidence: z.array(spanSchema),
  /** Index of the answer that stated it: 0 the main answer, 1.. follow-up answers. */
  answerIndex: z.number().int().nonnegative().default(0),
  /** A later answer set it right (the key point may then be covered; the report shows both). */
  corrected: z.boolean().default(false),
  source: z.enum(MISCONCEPTION_SOURCES).default("authored"),
});
export type MisconceptionHit = z.infer<typeof misconceptionHitSchema>;

/**
 * A coding task's hidden checks run on the candidate's code (lib/code-runner), as evidence in the
 * report: which checks pass, and the answer's own score before they were weighed in.
 */
export const taskReportSchema = z.object({
  /** How the run ended (lib/code-runner/schema.ts RUN_STATUSES); "unavailable": nothing ran, the score is the answer's alone. */
  status: z.enum(["ok", "timeout", "output-limit", "memory", "crashed", "unavailable"]),
  reason: z.string().optional(),
  passed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  checks: z.array(z.object({ name: z.string(), passed: z.boolean(), message: z.string() })),
  /** The written answer's score, before the checks weighed in. */
  answerScore: z.number().int().min(0).max(100),
});
export type TaskReport = z.infer<typeof taskReportSchema>;

export const scoreMethodSchema = z.enum(["rubric", "generic", "rubric+llm", "generic+llm"]);

const scoreReportV2Schema = z.object({
  version: z.literal(SCORE_REPORT_VERSION),
  scorerVersion: z.string(),
  method: scoreMethodSchema,
  score: z.number().int().min(0).max(100),
  band: bandSchema,
  keyPoints: z.array(keyPointResultSchema),
  /** Wrong claims, in the order the answer made them. Feedback leads with them. */
  misconceptions: z.array(misconceptionHitSchema),
  strengths: z.array(z.string()),
  gaps: z.array(z.string()),
  feedback: z.string(),
  /**
   * Why the score was capped or reduced, or what was ignored: empty, injection, injection-only,
   * off-topic, keyword-dump, misconception (a wrong claim stands), corrected (a wrong claim was
   * corrected later), contradiction, code-only; from the LLM judge: llm-error, llm-timeout,
   * llm-unverified-quotes, llm-misconception, llm-off-topic (the judge read the answer as being about
   * something else, and verified no key point in it).
   */
  flags: z.array(z.string()),
  /** Present when the question has a coding task and the candidate's code was run against its checks. */
  task: taskReportSchema.optional(),
  /** Present when an LLM judge ran or was attempted. */
  llm: z
    .object({
      model: z.string(),
      score: z.number().min(0).max(100).nullable(),
      error: z.string().optional(),
      latencyMs: z.number().optional(),
    })
    .optional(),
});
/** Reads a stored report of either version as version 2. */
export const scoreReportSchema = z.preprocess((raw) => {
  if (raw && typeof raw === "object" && (raw as { version?: unknown }).version === 1) {
    const { redFlags, flags, ...rest } = raw as { redFlags?: unknown; flags?: unknown } & Record<string, unknown>;
    return {
      ...rest,
      version: SCORE_REPORT_VERSION,
      misconceptions: Array.isArray(redFlags) ? redFlags : [],
      flags: Array.isArray(flags) ? flags.map((f) => (f === "red-flag" ? "misconception" : f)) : flags,
    };
  }
  return raw;
}, scoreReportV2Schema);
export type ScoreReport = z.infer<typeof scoreReportV2Schema>;
