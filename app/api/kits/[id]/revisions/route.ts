import { ownedScript } from "@/lib/api/scripts/access";
import { revisionJson, scriptJson } from "@/lib/api/scripts/responses";
import { revisionsResponseSchema, scriptParamsSchema, scriptResponseSchema } from "@/lib/api/scripts/schemas";
import { route } from "@/lib/api/route";
import { listRevisions, restoreRevision } from "@/lib/scripts/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", params: scriptParamsSchema, response: revisionsResponseSchema }, async ({ user, params }) => ({
  revisions: (await listRevisions(user, params.id)).map(revisionJson),
}));

/** Restores a version: body { version } (restoreRevisionSchema, validated by restoreRevision), saved as the next version. */
export const POST = route(
  { auth: "recruiter", params: scriptParamsSchema, access: ownedScript, body: { limit: "scripts" }, response: scriptResponseSchema },
  async ({ user, params, body }) => ({ script: scriptJson(await restoreRevision(user, params.id, body)) }),
);
