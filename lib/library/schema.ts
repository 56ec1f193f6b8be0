/**
 * The question library's types, as zod schemas: a recruiter's question while it is being written,
 * imported or exported (a "draft"). Every field maps onto the bank question format
 * (docs/bank-format.md, lib/bank/schema.ts) and back without loss: the field constraints are the
 * bank's own schemas, so a draft that passes here is one the bank loader accepts, provided its
 * Markdown renders into the format (lib/library/check-draft.ts proves that by a round trip).
 *
 * Differences from the bank's Question, and why:
 *   - `id` is optional: a new question gets a slug from its title when it is exported;
 *   - `prompt` is optional: absent means "the title is asked" (the bank's rule for no ## Question);
 *   - a key point's text is called `statement` (what the recruiter writes: the claim a good answer makes);
 *   - no bankId, number, contentHash or file: those belong to where a question is stored, not to it.
 */
import { z } from "zod";
import { difficultySchema, followUpSchema, frontMatterSchema, keyPointSchema, misconceptionSchema, questionSchema, slugSchema } from "../bank/schema.ts";

export const draftKeyPointSchema = z.object({
  id: keyPointSchema.shape.id,
  /** The claim a good answer makes (the bank's key point text). */
  statement: keyPointSchema.shape.text,
  /** 1 (nice to have) to 5 (essential). */
  weight: keyPointSchema.shape.weight,
  terms: keyPointSchema.shape.terms,
  code: keyPointSchema.shape.code,
  scaffold: keyPointSchema.shape.scaffold,
});
export type DraftKeyPoint = z.infer<typeof draftKeyPointSchema>;

export const draftFollowUpSchema = followUpSchema;
export type DraftFollowUp = z.infer<typeof draftFollowUpSchema>;

export const questionDraftSchema = z
  .object({
    /** Stable slug; given, it is kept on export (a re-import must not rename a question). */
    id: slugSchema.optional(),
    title: frontMatterSchema.shape.title,
    /** The question as asked when it is longer than the title (Markdown); absent: the title is asked. */
    prompt: questionSchema.shape.prompt.optional(),
    /** The reference answer, Markdown (code fenced). */
    reference: questionSchema.shape.reference,
    topic: frontMatterSchema.shape.topic,
    difficulty: difficultySchema,
    minutes: frontMatterSchema.shape.minutes,
    tags: frontMatterSchema.shape.tags,
    keyPoints: z.array(draftKeyPointSchema).default([]),
    followUps: z.array(draftFollowUpSchema).default([]),
    misconceptions: z.array(misconceptionSchema).default([]),
    clarifications: questionSchema.shape.clarifications,
    errata: questionSchema.shape.errata,
  })
  .superRefine((draft, ctx) => {
    // The bank loader's cross-field rules, checked here so an editor can show them beside the field.
    const keyPointIds = new Set<string>();
    draft.keyPoints.forEach((kp, i) => {
      if (keyPointIds.has(kp.id)) ctx.addIssue({ code: "custom", path: ["keyPoints", i, "id"], message: `key point "${kp.id}" is defined twice` });
      keyPointIds.add(kp.id);
    });
    draft.followUps.forEach((fu, i) => {
      if (!keyPointIds.has(fu.keyPointId))
        ctx.addIssue({
          code: "custom",
          path: ["followUps", i, "keyPointId"],
          message: `follow-up probes key point "${fu.keyPointId}", which the question does not have`,
        });
    });
    const misconceptionIds = new Set<string>();
    draft.misconceptions.forEach((m, i) => {
      if (misconceptionIds.has(m.id)) ctx.addIssue({ code: "custom", path: ["misconceptions", i, "id"], message: `misconception "${m.id}" is defined twice` });
      misconceptionIds.add(m.id);
      if (m.keyPointId !== undefined && !keyPointIds.has(m.keyPointId))
        ctx.addIssue({
          code: "custom",
          path: ["misconceptions", i, "keyPointId"],
          message: `misconception contradicts key point "${m.keyPointId}", which the question does not have`,
        });
    });
  });
/** A validated draft (defaults filled in). */
export type QuestionDraft = z.output<typeof questionDraftSchema>;
/** What a caller may pass in (defaults optional). */
export type QuestionDraftInput = z.input<typeof questionDraftSchema>;

/** A file as the caller has it: a path (for messages and for the bank folder layout) and its text. */
export const libraryFileSchema = z.object({ path: z.string().min(1), text: z.string() });
export type LibraryFile = z.infer<typeof libraryFileSchema>;
