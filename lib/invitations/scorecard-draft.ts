/**
 * The scorecard a recruiter starts from when reviewing an invited candidate: pre-filled from the
 * interview's score reports against the kit version the candidate took. Each key point the scorer
 * found covered is ticked, each misconception the candidate stated (and did not correct) is marked
 * heard, and each question gets the rating its score suggests; every pre-filled mark carries the
 * candidate's words it came from. Only a suggestion: the recruiter changes any of it before saving.
 * Pure.
 */
import type { KitDocument } from "../kits/schemas.ts";
import type { ScoreReport } from "../scoring/report.ts";

export type Rating = 1 | 2 | 3 | 4;

export type ScorecardDraftEntry = {
  questionId: string;
  title: string;
  score: number | null;
  /** The rating the score suggests (null: not scored). */
  suggestedRating: Rating | null;
  keyPoints: { id: string; text: string; essential: boolean; ticked: boolean; status: string | null; evidence: string[] }[];
  redFlags: { id: string; text: string; heard: boolean; evidence: string[] }[];
  rubric: { score: Rating; label: string; anchor: string }[];
};

/**
 * The 1-4 rating a 0-100 score suggests: the same bands as the score badges (80 strong, 60 solid,
 * 35 partial); the recruiter decides.
 */
export function suggestedRating(score: number | null): Rating | null {
  if (score == null) return null;
  return score >= 80 ? 4 : score >= 60 ? 3 : score >= 35 ? 2 : 1;
}

export function scorecardDraft(
  doc: KitDocument,
  questions: readonly { questionId: string; score: number | null; report: ScoreReport | null }[],
): ScorecardDraftEntry[] {
  return doc.questions.map((q) => {
    const taken = questions.find((t) => t.questionId === q.id);
    const report = taken?.report ?? null;
    const kp = new Map((report?.keyPoints ?? []).map((k) => [k.id, k]));
    const wrong = (report?.misconceptions ?? []).filter((m) => !m.corrected);
    return {
      questionId: q.id,
      title: q.title,
      score: taken?.score ?? null,
      suggestedRating: suggestedRating(taken?.score ?? null),
      keyPoints: q.keyPoints.map((k) => {
        const found = kp.get(k.id);
        return {
          id: k.id,
          text: k.text,
          essential: k.essential,
          ticked: found?.status === "covered",
          status: found?.status ?? null,
          evidence: (found?.evidence ?? []).slice(0, 2).map((e) => e.text),
        };
      }),
      redFlags: q.redFlags.map((r) => {
        const hits = wrong.filter((m) => m.id === r.id);
        return { id: r.id, text: r.text, heard: hits.length > 0, evidence: hits.flatMap((m) => m.evidence.map((e) => e.text)).slice(0, 2) };
      }),
      rubric: q.rubric.map((a) => ({ score: a.score, label: a.label, anchor: a.anchor })),
    };
  });
}
