/**
 * The JSON export of one interview session: a documented, versioned format (docs/export-format.md).
 * Version 2 (the score report became version 2: `contradicted` key points, `misconceptions[]` instead of `redFlags[]`). Additive changes (new optional fields, new turn kinds) keep the version; anything that
 * removes or changes the meaning of a field bumps it. `z.toJSONSchema(sessionExportSchema)` gives a
 * JSON Schema for other tools.
 */
import { z } from "zod";
import { scoreReportSchema } from "../scoring/report.ts";

export const EXPORT_FORMAT = "interview-studio.session" as const;
export const EXPORT_VERSION = 2 as const;

const isoDateTime = z.iso.datetime({ offset: true }).describe("ISO 8601 date-time (UTC, e.g. 2025-03-03T14:05:02.000Z)");

export const exportTurnSchema = z
  .object({
    seq: z.number().int().nonnegative().describe("Position in the session's transcript (0-based, increasing)."),
    role: z.string().describe("interviewer | candidate | system"),
    kind: z.string().describe("question | follow-up | move-on | wrap-up | answer | notice (new kinds may appear within version 1)"),
    text: z.string(),
    keyPointId: z.string().nullable().describe("For a follow-up: the key point it probes."),
    late: z.boolean().describe("An answer that arrived after the question's deadline (kept, marked)."),
    elapsedMs: z.number().int().nonnegative().nullable().describe("For an answer: the time the candidate took."),
    at: isoDateTime,
  })
  .strict();
export type ExportTurn = z.infer<typeof exportTurnSchema>;

export const exportQuestionSchema = z
  .object({
    index: z.number().int().nonnegative(),
    questionId: z.string().describe("The bank question's stable id."),
    bankId: z.string(),
    title: z.string(),
    prompt: z.string(),
    topic: z.string(),
    difficulty: z.string().describe("easy | medium | hard"),
    tags: z.array(z.string()),
    minutesAllowed: z.number(),
    contentHash: z.string().describe("sha256 of the question file when it was asked."),
    status: z.string().describe("pending | answering | scored"),
    startedAt: isoDateTime.nullable(),
    completedAt: isoDateTime.nullable(),
    timeTakenMs: z.number().int().nonnegative().nullable(),
    followUpsAsked: z.number().int().nonnegative(),
    score: z.number().int().min(0).max(100).nullable(),
    answerText: z
      .string()
      .describe("The candidate's non-empty answers to this question joined by \"\\n\\n\", in turn order: the report's evidence offsets point into it."),
    report: scoreReportSchema.nullable().describe("The score report (its own `version` field), null while unscored."),
    reference: z.string().describe("The reference answer (Markdown) as it was when asked."),
    errata: z.string().describe("Corrections to the reference (Markdown); empty when none."),
    turns: z.array(exportTurnSchema),
  })
  .strict();
export type ExportQuestion = z.infer<typeof exportQuestionSchema>;

export const sessionExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: isoDateTime,
    session: z
      .object({
        id: z.string(),
        status: z.string().describe("active | finished"),
        mode: z.string().describe("practice | mock"),
        engine: z.string().describe("The interviewer engine, e.g. local:rubric or openai:gpt-4.1-mini."),
        bankId: z.string(),
        seed: z.string(),
        startedAt: isoDateTime,
        finishedAt: isoDateTime.nullable(),
        durationMs: z.number().int().nonnegative().nullable(),
        questionCount: z.number().int().nonnegative(),
        overallScore: z.number().int().min(0).max(100).nullable(),
      })
      .strict(),
    questions: z.array(exportQuestionSchema),
  })
  .strict();
export type SessionExport = z.infer<typeof sessionExportSchema>;
