/**
 * Rubric drafting with an LLM (when one is configured): from the title and the reference answer,
 * the model proposes key points, follow-ups tied to them and misconceptions, as structured output
 * (every field required, as OpenAI's strict mode needs). The proposal is validated twice: by the
 * output schema, then as part of a draft through checkDraft (the bank format's own rules), so what
 * the editor shows can be saved. Nothing is used until a person accepts it. Any failure (no model,
 * a timeout, an invalid answer) falls back to the offline draft, and says why.
 */
import { generateText, Output, type LanguageModel } from "ai";
import { z } from "zod";
import { checkDraft } from "./check-draft.ts";
import { draftRubric, type RubricDraft } from "./draft-rubric.ts";
import { pointId } from "./slug.ts";
import type { QuestionDraft } from "./schema.ts";

export const RUBRIC_DRAFT_TIMEOUT_MS = 20_000;

const llmRubricSchema = z.object({
  keyPoints: z
    .array(
      z.object({
        statement: z.string().describe("One claim a good answer makes, in one or two sentences."),
        weight: z.number().int().min(1).max(5).describe("5 essential ... 1 nice to have."),
        terms: z.array(z.string()).describe("Words or short phrases that show the point is covered."),
      }),
    )
    .min(1)
    .max(10),
  followUps: z.array(z.object({ keyPoint: z.number().int().min(1).describe("The key point's number, from 1."), question: z.string() })).max(10),
  misconceptions: z
    .array(
      z.object({
        keyPoint: z.number().int().min(1).describe("The key point it contradicts, from 1."),
        belief: z.string().describe("The wrong belief, described for an interviewer."),
        phrasings: z.array(z.string()).min(1).describe("How a candidate might say it."),
        correction: z.string().describe("One or two sentences that set it right."),
      }),
    )
    .max(8),
});

export type FullRubricDraft = RubricDraft & { misconceptions: QuestionDraft["misconceptions"] };
export type RubricDraftOutcome = { rubric: FullRubricDraft; source: "llm" | "offline"; note?: string };

const INSTRUCTIONS = [
  "You write interview rubrics. From a question and its reference answer, list the key points a good answer covers (weight 5 essential to 1 nice to have), one follow-up question per important key point that makes the candidate reason without giving the answer away, and the common misconceptions a candidate might state, each tied to the key point it contradicts.",
  "Use only what the reference answer says. Keep each statement to one or two sentences. Never quote the reference verbatim in a follow-up.",
].join("\n");

/** The model's proposal as draft fields (ids from the statements), or the reason it cannot be used. */
function toRubric(out: z.output<typeof llmRubricSchema>): FullRubricDraft {
  const ids = new Set<string>();
  const keyPoints = out.keyPoints.map((k) => ({
    id: pointId(k.statement, ids),
    statement: k.statement.trim(),
    weight: k.weight,
    terms: k.terms.map((t) => t.replace(/;/g, ",").trim()).filter((t) => t.length > 0),
    code: [],
  }));
  const idOf = (n: number) => keyPoints[n - 1]?.id;
  const followUps = out.followUps.flatMap((f) => (idOf(f.keyPoint) ? [{ keyPointId: idOf(f.keyPoint)!, text: f.question.trim() }] : []));
  const mids = new Set<string>();
  const misconceptions = out.misconceptions.flatMap((m) =>
    idOf(m.keyPoint)
      ? [
          {
            id: pointId(m.belief, mids),
            text: m.belief.trim(),
            keyPointId: idOf(m.keyPoint)!,
            phrasings: m.phrasings.map((p) => p.replace(/;/g, ",").trim()).filter((p) => p.length >= 3),
            correction: m.correction.trim(),
          },
        ]
      : [],
  );
  return { keyPoints, followUps, misconceptions: misconceptions.filter((m) => m.phrasings.length > 0) };
}

/**
 * Drafts a rubric with `model` (null: offline). `question` is what the editor holds now, so the
 * proposal is checked as part of that very draft.
 */
export async function draftRubricWith(
  model: LanguageModel | null,
  question: { title: string; reference: string; topic?: string; difficulty?: string },
  options: { timeoutMs?: number } = {},
): Promise<RubricDraftOutcome> {
  const offline = (note?: string): RubricDraftOutcome => ({
    rubric: { ...draftRubric(question.reference, question.title), misconceptions: [] },
    source: "offline",
    ...(note ? { note } : {}),
  });
  if (!model) return offline();
  let rubric: FullRubricDraft;
  try {
    const res = await generateText({
      model,
      instructions: INSTRUCTIONS,
      prompt: `Question: ${question.title}\n\nReference answer:\n${question.reference}`,
      output: Output.object({ schema: llmRubricSchema }),
      abortSignal: AbortSignal.timeout(options.timeoutMs ?? RUBRIC_DRAFT_TIMEOUT_MS),
      maxRetries: 0,
      temperature: 0,
    });
    rubric = toRubric(llmRubricSchema.parse(res.output));
  } catch (error) {
    return offline(
      `The model's draft could not be used (${error instanceof Error ? error.message.slice(0, 160) : "no answer"}): this one was drafted offline.`,
    );
  }
  const check = checkDraft({
    title: question.title,
    reference: question.reference,
    topic: question.topic || "General",
    difficulty: question.difficulty || "medium",
    ...rubric,
  });
  if (!check.ok)
    return offline(`The model's draft did not fit the question format (${check.problems[0]?.message ?? "invalid"}): this one was drafted offline.`);
  return { rubric: { keyPoints: check.draft.keyPoints, followUps: check.draft.followUps, misconceptions: check.draft.misconceptions }, source: "llm" };
}
