import { ownedKit } from "@/lib/api/kits/access";
import { kitJson } from "@/lib/api/kits/responses";
import { kitParamsSchema, kitResponseSchema } from "@/lib/api/kits/schemas";
import { noContent, route } from "@/lib/api/route";
import { deleteKit, saveKit } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", params: kitParamsSchema, access: ownedKit, response: kitResponseSchema }, async ({ resource }) => ({
  script: kitJson(resource),
}));

/** Saves an edit as the next version (saveKitSchema, validated by saveKit); 409 when `version` is stale. */
export const PUT = route(
  { auth: "recruiter", params: kitParamsSchema, access: ownedKit, body: { limit: "kits" }, response: kitResponseSchema },
  async ({ user, params, body }) => ({ script: kitJson(await saveKit(user, params.id, body)) }),
);

export const DELETE = route({ auth: "recruiter", params: kitParamsSchema }, async ({ user, params }) => {
  await deleteKit(user, params.id);
  return noContent();
});
