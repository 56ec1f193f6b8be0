import { draftRubricResponseSchema } from "@/lib/api/library/schemas";
import { route } from "@/lib/api/route";
import { getInterviewerModel } from "@/lib/ai/providers";
import { env } from "@/lib/env";
import { draftRubricWith } from "@/lib/library/draft-rubric-llm";
import { enforceRateLimits } from "@/lib/rate-limit";
import { draftRubricRequestSchema } from "@/lib/library/persisted";

/**
 * Proposes key points, follow-ups and (with an LLM) misconceptions from a reference answer: the
 * configured model when there is one, else the offline derivation; the editor shows them to accept
 * or edit. `note` says when the model's draft could not be used.
 */
export const POST = route(
  { auth: "recruiter", body: { limit: "library", schema: draftRubricRequestSchema, subject: "rubric request" }, response: draftRubricResponseSchema },
  async ({ user, body }) => {
    // Each draft can cost a model call: as many a minute as answers.
    await enforceRateLimits([`draft-rubric:${user.id}`], env().RATE_LIMIT_ANSWERS_PER_MINUTE);
    return draftRubricWith(getInterviewerModel(), body);
  },
);
