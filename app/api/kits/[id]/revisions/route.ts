import { ownedKit } from "@/lib/api/kits/access";
import { revisionJson, kitJson } from "@/lib/api/kits/responses";
import { revisionsResponseSchema, kitParamsSchema, kitResponseSchema } from "@/lib/api/kits/schemas";
import { route } from "@/lib/api/route";
import { listRevisions, restoreRevision } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", params: kitParamsSchema, response: revisionsResponseSchema }, async ({ user, params }) => ({
  revisions: (await listRevisions(user, params.id)).map(revisionJson),
}));

/** Restores a version: body { version } (restoreRevisionSchema, validated by restoreRevision), saved as the next version. */
export const POST = route(
  { auth: "recruiter", params: kitParamsSchema, access: ownedKit, body: { limit: "kits" }, response: kitResponseSchema },
  async ({ user, params, body }) => ({ script: kitJson(await restoreRevision(user, params.id, body)) }),
);
