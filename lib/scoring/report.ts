/**
 * ScoreReport: what the scorer returns for one question's answers. Versioned: stored with every
 * scored session so old reports stay readable when the scorer changes.
 */
import { z } from "zod";

export const SCORE_REPORT_VERSION = 1 as const;

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

export const coverageSchema = z.enum(["covered", "partial", "missed"]);
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

export const redFlagHitSchema = z.object({
  id: z.string(),
  text: z.string(),
  evidence: z.array(spanSchema),
});

export const scoreMethodSchema = z.enum(["rubric", "generic", "rubric+llm", "generic+llm"]);

export const scoreReportSchema = z.object({
  version: z.literal(SCORE_REPORT_VERSION),
  scorerVersion: z.string(),
  method: scoreMethodSchema,
  score: z.number().int().min(0).max(100),
  band: bandSchema,
  keyPoints: z.array(keyPointResultSchema),
  redFlags: z.array(redFlagHitSchema),
  strengths: z.array(z.string()),
  gaps: z.array(z.string()),
  feedback: z.string(),
  /**
   * Why the score was capped or reduced, or what was ignored: empty, injection, injection-only,
   * off-topic, keyword-dump, red-flag, contradiction, code-only; from the LLM judge: llm-error,
   * llm-timeout, llm-unverified-quotes.
   */
  flags: z.array(z.string()),
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
export type ScoreReport = z.infer<typeof scoreReportSchema>;
