import { scorecardJson } from "@/lib/api/kits/responses";
import { scorecardParamsSchema, scorecardResponseSchema } from "@/lib/api/kits/schemas";
import { noContent, route } from "@/lib/api/route";
import { deleteScorecard, getScorecard } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", params: scorecardParamsSchema, response: scorecardResponseSchema }, async ({ user, params }) => ({
  scorecard: scorecardJson(await getScorecard(user, params.id, params.scorecardId)),
}));

export const DELETE = route({ auth: "recruiter", params: scorecardParamsSchema }, async ({ user, params }) => {
  await deleteScorecard(user, params.id, params.scorecardId);
  return noContent();
});
