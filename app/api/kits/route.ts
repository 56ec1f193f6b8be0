import { kitListResponseSchema, kitResponseSchema } from "@/lib/api/kits/schemas";
import { kitJson, kitSummaryJson } from "@/lib/api/kits/responses";
import { reply, route } from "@/lib/api/route";
import { createKit, listKits } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "recruiter", response: kitListResponseSchema }, async ({ user }) => ({
  scripts: (await listKits(user)).map(kitSummaryJson),
}));

/** Builds and saves a kit from the builder's inputs (builderInputSchema, validated by createKit): 201 with its address. */
export const POST = route({ auth: "recruiter", body: { limit: "kits" }, response: kitResponseSchema }, async ({ user, body }) => {
  const kit = await createKit(user, body);
  return reply({ script: kitJson(kit) }, { status: 201, headers: { location: `/kits/${kit.id}` } });
});
