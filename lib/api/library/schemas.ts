/**
 * The /api/library routes: their address and what they answer, as zod schemas shared by the
 * routes and the library pages (fetchJson). Client-safe.
 */
import "../browser-zod.ts";
import { z } from "zod";
import { VISIBILITIES } from "../../library/persisted.ts";
import { draftFollowUpSchema, draftKeyPointSchema, questionDraftSchema } from "../../library/schema.ts";
import { misconceptionSchema } from "../../bank/schema.ts";
import { idParamSchema } from "../../kits/schemas.ts";

export const libraryParamsSchema = z.object({ id: idParamSchema });

export const libraryQuestionJsonSchema = z.object({
  id: z.string(),
  slug: z.string(),
  mine: z.boolean(),
  ownerName: z.string(),
  visibility: z.enum(VISIBILITIES),
  version: z.number(),
  title: z.string(),
  topic: z.string(),
  difficulty: z.string(),
  draft: questionDraftSchema,
  updatedAt: z.string(),
});
export type LibraryQuestionJson = z.infer<typeof libraryQuestionJsonSchema>;

export const libraryListSchema = z.object({ questions: z.array(libraryQuestionJsonSchema) });
export const libraryQuestionResponseSchema = z.object({ question: libraryQuestionJsonSchema });

export const rubricDraftSchema = z.object({ keyPoints: z.array(draftKeyPointSchema), followUps: z.array(draftFollowUpSchema) });
/** A drafted rubric with misconceptions (the LLM drafts them; the offline derivation has none). */
export const fullRubricDraftSchema = rubricDraftSchema.extend({ misconceptions: z.array(misconceptionSchema) });
export const importResponseSchema = z.object({
  questions: z.array(z.object({ draft: questionDraftSchema, proposedRubric: rubricDraftSchema.nullable() })),
});
export const draftRubricResponseSchema = z.object({ rubric: fullRubricDraftSchema, source: z.enum(["offline", "llm"]), note: z.string().optional() });
export const libraryExportQuerySchema = z.object({
  format: z.enum(["zip", "csv"], { error: "Choose format=zip (a bank folder) or format=csv." }).default("zip"),
});
