import { ownedScript } from "@/lib/api/scripts/access";
import { scorecardJson } from "@/lib/api/scripts/responses";
import { scorecardResponseSchema, scorecardsResponseSchema, scriptParamsSchema } from "@/lib/api/scripts/schemas";
import { reply, route } from "@/lib/api/route";
import { createScorecard, listScorecards } from "@/lib/scripts/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", params: scriptParamsSchema, response: scorecardsResponseSchema }, async ({ user, params }) => ({
  scorecards: (await listScorecards(user, params.id)).map(scorecardJson),
}));

/** Saves a live interview's scorecard (createScorecardSchema, validated by createScorecard): 201 with its address. */
export const POST = route(
  { auth: "recruiter", params: scriptParamsSchema, access: ownedScript, body: { limit: "scripts" }, response: scorecardResponseSchema },
  async ({ user, params, body }) => {
    const scorecard = await createScorecard(user, params.id, body);
    return reply({ scorecard: scorecardJson(scorecard) }, { status: 201, headers: { location: `/scripts/${params.id}/scorecards/${scorecard.id}` } });
  },
);
