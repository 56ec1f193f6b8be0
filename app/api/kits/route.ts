import { scriptListResponseSchema, scriptResponseSchema } from "@/lib/api/scripts/schemas";
import { scriptJson, scriptSummaryJson } from "@/lib/api/scripts/responses";
import { reply, route } from "@/lib/api/route";
import { createScript, listScripts } from "@/lib/scripts/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", response: scriptListResponseSchema }, async ({ user }) => ({
  scripts: (await listScripts(user)).map(scriptSummaryJson),
}));

/** Builds and saves a script from the builder's inputs (builderInputSchema, validated by createScript): 201 with its address. */
export const POST = route({ auth: "recruiter", body: { limit: "scripts" }, response: scriptResponseSchema }, async ({ user, body }) => {
  const script = await createScript(user, body);
  return reply({ script: scriptJson(script) }, { status: 201, headers: { location: `/scripts/${script.id}` } });
});
