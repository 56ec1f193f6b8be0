import { interviewParamsSchema } from "@/lib/api/interview/schemas";
import { route } from "@/lib/api/route";
import { answerAndReply } from "@/lib/sessions/chat";

/**
 * Posts an answer (body: answerBodySchema in lib/sessions/schemas.ts, validated by submitAnswer) and
 * streams the interviewer's reply as an AI SDK UI message stream (lib/sessions/chat.ts: save the
 * answer, score, plan, stream and save the reply, in that order). The reply is generated apart from
 * this request: it is saved even if the browser leaves. Refusals before the stream starts (signed
 * out, body too large or not JSON, a stale or late answer) are the API's JSON errors.
 */
export const POST = route({ auth: "interviewee", params: interviewParamsSchema, body: { limit: "interview" } }, async ({ user, params, body }) =>
  answerAndReply(user.id, params.id, body),
);
