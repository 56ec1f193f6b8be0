import { draftRubricResponseSchema } from "@/lib/api/library/schemas";
import { route } from "@/lib/api/route";
import { getInterviewerModel } from "@/lib/ai/providers";
import { draftRubricWith } from "@/lib/library/draft-rubric-llm";
import { draftRubricRequestSchema } from "@/lib/library/persisted";

/**
 * Proposes key points, follow-ups and (with an LLM) misconceptions from a reference answer: the
 * configured model when there is one, else the offline derivation; the editor shows them to accept
 * or edit. `note` says when the model's draft could not be used.
 */
export const POST = route(
  { auth: "recruiter", body: { limit: "library", schema: draftRubricRequestSchema, subject: "rubric request" }, response: draftRubricResponseSchema },
  async ({ body }) => draftRubricWith(getInterviewerModel(), body),
);
