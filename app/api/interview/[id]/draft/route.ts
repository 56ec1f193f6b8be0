import { draftSavedSchema, interviewParamsSchema } from "@/lib/api/interview/schemas";
import { route } from "@/lib/api/route";
import { saveDraft } from "@/lib/sessions/service";

/** Autosaves the answer being typed (body: draftBodySchema in lib/sessions/schemas.ts, validated by saveDraft). */
export const PUT = route(
  { auth: "interviewee", params: interviewParamsSchema, body: { limit: "interview" }, response: draftSavedSchema },
  async ({ user, params, body }) => saveDraft(user.id, params.id, body),
);
