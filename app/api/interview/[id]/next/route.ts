import { interviewParamsSchema, okSchema } from "@/lib/api/interview/schemas";
import { route } from "@/lib/api/route";
import { advanceToNextQuestion } from "@/lib/sessions/answer-flow";
import { advanceBodySchema } from "@/lib/sessions/schemas";

/** Moves on to the next question (body: the number of turns the page has seen, so a stale tab is refused). */
export const POST = route(
  { auth: "interviewee", params: interviewParamsSchema, body: { limit: "interview", schema: advanceBodySchema }, response: okSchema },
  async ({ user, params, body }) => {
    await advanceToNextQuestion(user.id, params.id, body.expectedTurns);
    return { ok: true as const };
  },
);
