/** Converting between bank questions, session snapshots and the rows that store them. */
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

export function parseSnapshot(json: string): QuestionSnapshot {
  return questionSnapshotSchema.parse(JSON.parse(json));
}

export function parseReport(json: string | null): ScoreReport | null {
  if (!json) return null;
  const parsed = scoreReportSchema.safeParse(JSON.parse(json));
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
