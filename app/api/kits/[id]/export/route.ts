import { ownedKit } from "@/lib/api/kits/access";
import { download, fileName } from "@/lib/api/kits/responses";
import { kitExportQuerySchema, kitParamsSchema } from "@/lib/api/kits/schemas";
import { route } from "@/lib/api/route";
import { kitToJson, kitToMarkdown } from "@/lib/kits/export";

export const dynamic = "force-dynamic";

/** The kit as a file: ?format=md (default) or json. */
export const GET = route({ auth: "recruiter", params: kitParamsSchema, access: ownedKit, query: kitExportQuerySchema }, async ({ resource: kit, query }) =>
  query.format === "json"
    ? download(kitToJson(kit.content), "application/json", fileName(kit.title, ".json"))
    : download(kitToMarkdown(kit.content), "text/markdown", fileName(kit.title, ".md")),
);
