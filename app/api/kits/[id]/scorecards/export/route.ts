import { ownedScript } from "@/lib/api/scripts/access";
import { download, fileName } from "@/lib/api/scripts/responses";
import { scorecardExportQuerySchema, scriptParamsSchema } from "@/lib/api/scripts/schemas";
import { route } from "@/lib/api/route";
import { scorecardsToCsv, scorecardsToJson, scorecardsToMarkdown } from "@/lib/scripts/export";
import { listScorecards } from "@/lib/scripts/store";

export const dynamic = "force-dynamic";

/** The script's scorecards as a file: ?format=csv (default), json or md. */
export const GET = route(
  { auth: "recruiter", params: scriptParamsSchema, access: ownedScript, query: scorecardExportQuerySchema },
  async ({ user, resource: script, query }) => {
    const cards = await listScorecards(user, script.id);
    const name = fileName(`${script.title}-scorecards`, "");
    if (query.format === "json") return download(scorecardsToJson(script, cards), "application/json", `${name}.json`);
    if (query.format === "csv") return download(scorecardsToCsv(cards), "text/csv", `${name}.csv`);
    return download(scorecardsToMarkdown(script.title, cards), "text/markdown", `${name}.md`);
  },
);
