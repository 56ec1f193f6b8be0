/**
 * Converting between bank questions, session snapshots and the rows that store them. The one
 * parser of each JSON column a session row holds (`snapshot`, `report`): every read path (the read
 * model in read-model.ts, the attempts and progress queries) goes through these.
 */
import { z } from "zod";
import type { Question } from "../bank/schema.ts";
import type { InterviewQuestion } from "../interviewer/index.ts";
import { scoreReportSchema, type ScoreReport } from "../scoring/report.ts";
import { questionSnapshotSchema, type QuestionSnapshot } from "./schemas.ts";

export function snapshotOf(q: Question): QuestionSnapshot {
  return {
    id: q.id,
    bankId: q.bankId,
    title: q.title,
    prompt: q.prompt,
    topic: q.topic,
    difficulty: q.difficulty,
    tags: q.tags,
    minutes: q.minutes,
    reference: q.reference,
    keyPoints: q.keyPoints,
    followUps: q.followUps,
    misconceptions: q.misconceptions,
    clarifications: q.clarifications,
    errata: q.errata,
    contentHash: q.contentHash,
  };
}

/**
 * A stored snapshot. Throws when it no longer parses: a session cannot be interviewed or scored
 * without what it asked, so there such a row is an error. The review pages read it with
 * parseSnapshotOrNull and show the rest of the session.
 */
export function parseSnapshot(json: string): QuestionSnapshot {
  return questionSnapshotSchema.parse(JSON.parse(json));
}

/** The same parse for the review pages: null when the stored snapshot no longer parses (read-model.ts reviewSession). */
export function parseSnapshotOrNull(json: string): QuestionSnapshot | null {
  try {
    return parseSnapshot(json);
  } catch {
    return null;
  }
}

/** The stored score report of a question; null while unscored, and for a report that no longer parses (it is shown as not scored). */
export function parseReport(json: string | null | undefined): ScoreReport | null {
  return parseJsonColumn(json, scoreReportSchema);
}

/** The key points of a stored report as /progress weighs them (keyPointsOnlySchema); null when absent or unreadable. */
export function parseReportKeyPoints(json: string | null | undefined): ReportKeyPoint[] | null {
  return parseJsonColumn(json, keyPointsOnlySchema)?.keyPoints ?? null;
}

/**
 * The key points of a stored report, as /progress weighs them: a contradicted point (the answer
 * stated a misconception about it) earned nothing, so it counts as missed.
 */
export const keyPointsOnlySchema = z.object({
  keyPoints: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      weight: z.number(),
      status: z.enum(["covered", "partial", "missed", "contradicted"]).transform((s) => (s === "contradicted" ? "missed" : s)),
    }),
  ),
});
export type ReportKeyPoint = z.output<typeof keyPointsOnlySchema>["keyPoints"][number];

/** A JSON column read with a schema: null when absent, not JSON, or not of the schema. */
function parseJsonColumn<S extends z.ZodType>(json: string | null | undefined, schema: S): z.output<S> | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** What the interviewer and the scorer need of a snapshot. */
export function interviewQuestionOf(s: QuestionSnapshot): InterviewQuestion & { reference: string; title: string } {
  return {
    id: s.id,
    prompt: s.prompt,
    title: s.title,
    topic: s.topic,
    difficulty: s.difficulty,
    minutes: s.minutes,
    keyPoints: s.keyPoints,
    followUps: s.followUps,
    misconceptions: s.misconceptions,
    clarifications: s.clarifications,
    reference: s.reference,
  };
}
