import { ownedKit } from "@/lib/api/kits/access";
import { scorecardJson } from "@/lib/api/kits/responses";
import { scorecardResponseSchema, scorecardsResponseSchema, kitParamsSchema } from "@/lib/api/kits/schemas";
import { reply, route } from "@/lib/api/route";
import { createScorecard, listScorecards } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", params: kitParamsSchema, response: scorecardsResponseSchema }, async ({ user, params }) => ({
  scorecards: (await listScorecards(user, params.id)).map(scorecardJson),
}));

/** Saves a live interview's scorecard (createScorecardSchema, validated by createScorecard): 201 with its address. */
export const POST = route(
  { auth: "recruiter", params: kitParamsSchema, access: ownedKit, body: { limit: "kits" }, response: scorecardResponseSchema },
  async ({ user, params, body }) => {
    const scorecard = await createScorecard(user, params.id, body);
    return reply({ scorecard: scorecardJson(scorecard) }, { status: 201, headers: { location: `/kits/${params.id}/scorecards/${scorecard.id}` } });
  },
);
