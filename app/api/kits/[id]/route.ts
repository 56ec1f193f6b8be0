import { ownedScript } from "@/lib/api/scripts/access";
import { scriptJson } from "@/lib/api/scripts/responses";
import { scriptParamsSchema, scriptResponseSchema } from "@/lib/api/scripts/schemas";
import { noContent, route } from "@/lib/api/route";
import { deleteScript, saveScript } from "@/lib/scripts/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", params: scriptParamsSchema, access: ownedScript, response: scriptResponseSchema }, async ({ resource }) => ({
  script: scriptJson(resource),
}));

/** Saves an edit as the next version (saveScriptSchema, validated by saveScript); 409 when `version` is stale. */
export const PUT = route(
  { auth: "recruiter", params: scriptParamsSchema, access: ownedScript, body: { limit: "scripts" }, response: scriptResponseSchema },
  async ({ user, params, body }) => ({ script: scriptJson(await saveScript(user, params.id, body)) }),
);

export const DELETE = route({ auth: "recruiter", params: scriptParamsSchema }, async ({ user, params }) => {
  await deleteScript(user, params.id);
  return noContent();
});
