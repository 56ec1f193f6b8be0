/**
 * What the library's API and pages send to be stored: new questions (from the editor or an
 * import, with their visibility) and an edit (with the version it was made on). Client-safe.
 */
import { z } from "zod";
import { LIBRARY_LIMITS } from "./limits.ts";

export const VISIBILITIES = ["private", "shared"] as const;
export const visibilitySchema = z.enum(VISIBILITIES, { error: "Choose private or shared." });
export type Visibility = z.infer<typeof visibilitySchema>;
export const VISIBILITY_LABELS: Record<Visibility, string> = { private: "Only me", shared: "Every recruiter here" };

/** Questions saved at once (an import's worth). */
export const MAX_QUESTIONS_PER_SAVE = LIBRARY_LIMITS.maxQuestions;

export const saveLibraryQuestionsSchema = z
  .object({
    /** Checked one by one with checkDraft (field constraints and the round trip through the bank format). */
    questions: z
      .array(z.unknown())
      .min(1, "Add at least one question.")
      .max(MAX_QUESTIONS_PER_SAVE, `Save at most ${MAX_QUESTIONS_PER_SAVE} questions at a time.`),
    visibility: visibilitySchema.default("private"),
  })
  .strict();

export const updateLibraryQuestionSchema = z
  .object({
    question: z.unknown(),
    /** The version the editor loaded. */
    version: z.number().int().min(1),
    visibility: visibilitySchema.optional(),
  })
  .strict();

/** An import: the files as the browser read them (a zip is unpacked there), and how to read them. */
export const IMPORT_FORMATS = ["qa", "csv", "bank"] as const;
export const importRequestSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS, { error: "Choose the file's format: qa (a numbered Q&A document), csv, or bank (a bank folder)." }),
    files: z
      .array(z.object({ path: z.string().min(1).max(300), text: z.string() }).strict())
      .min(1, "Choose a file to import.")
      .max(LIBRARY_LIMITS.maxFiles, `Import at most ${LIBRARY_LIMITS.maxFiles} files at a time.`),
    /** Q&A documents without section lines: the topic of every question. */
    topic: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type ImportRequest = z.output<typeof importRequestSchema>;

/** "Draft a rubric" in the editor: from the reference answer and the title. */
export const draftRubricRequestSchema = z
  .object({
    title: z.string().trim().min(1, "Write the title first.").max(300),
    reference: z.string().trim().min(1, "Write the reference answer first.").max(LIBRARY_LIMITS.maxFileBytes),
  })
  .strict();
