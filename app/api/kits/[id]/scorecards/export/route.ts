import { ownedKit } from "@/lib/api/kits/access";
import { download, fileName } from "@/lib/api/kits/responses";
import { scorecardExportQuerySchema, kitParamsSchema } from "@/lib/api/kits/schemas";
import { route } from "@/lib/api/route";
import { scorecardsToCsv, scorecardsToJson, scorecardsToMarkdown } from "@/lib/kits/export";
import { listScorecards } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

/** The kit's scorecards as a file: ?format=csv (default), json or md. */
export const GET = route(
  { auth: "recruiter", params: kitParamsSchema, access: ownedKit, query: scorecardExportQuerySchema },
  async ({ user, resource: kit, query }) => {
    const cards = await listScorecards(user, kit.id);
    const name = fileName(`${kit.title}-scorecards`, "");
    if (query.format === "json") return download(scorecardsToJson(kit, cards), "application/json", `${name}.json`);
    if (query.format === "csv") return download(scorecardsToCsv(cards), "text/csv", `${name}.csv`);
    return download(scorecardsToMarkdown(kit.title, cards), "text/markdown", `${name}.md`);
  },
);
