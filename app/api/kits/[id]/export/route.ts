import { ownedScript } from "@/lib/api/scripts/access";
import { download, fileName } from "@/lib/api/scripts/responses";
import { scriptExportQuerySchema, scriptParamsSchema } from "@/lib/api/scripts/schemas";
import { route } from "@/lib/api/route";
import { scriptToJson, scriptToMarkdown } from "@/lib/scripts/export";

export const dynamic = "force-dynamic";

/** The script as a file: ?format=md (default) or json. */
export const GET = route(
  { auth: "recruiter", params: scriptParamsSchema, access: ownedScript, query: scriptExportQuerySchema },
  async ({ resource: script, query }) =>
    query.format === "json"
      ? download(scriptToJson(script.content), "application/json", fileName(script.title, ".json"))
      : download(scriptToMarkdown(script.content), "text/markdown", fileName(script.title, ".md")),
);
