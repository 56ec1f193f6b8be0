import { draftRubricResponseSchema } from "@/lib/api/library/schemas";
import { route } from "@/lib/api/route";
import { draftRubric } from "@/lib/library/draft-rubric";
import { draftRubricRequestSchema } from "@/lib/library/persisted";

/** Proposes key points and follow-ups from a reference answer (offline); the editor shows them to accept or edit. */
export const POST = route(
  { auth: "recruiter", body: { limit: "library", schema: draftRubricRequestSchema, subject: "rubric request" }, response: draftRubricResponseSchema },
  async ({ body }) => ({ rubric: draftRubric(body.reference, body.title), source: "offline" as const }),
);
