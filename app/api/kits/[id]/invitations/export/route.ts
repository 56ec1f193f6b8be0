import { comparisonExportQuerySchema } from "@/lib/api/invitations/schemas";
import { download, fileName } from "@/lib/api/kits/responses";
import { kitParamsSchema } from "@/lib/api/kits/schemas";
import { route } from "@/lib/api/route";
import { compareCandidates, comparisonToCsv } from "@/lib/invitations/compare";

export const dynamic = "force-dynamic";

/** The comparison of the kit's candidates as CSV (one row per candidate; scores per question and key point; integrity totals). */
export const GET = route({ auth: "recruiter", params: kitParamsSchema, query: comparisonExportQuerySchema }, async ({ user, params }) => {
  const comparison = await compareCandidates(user, params.id);
  return download(comparisonToCsv(comparison), "text/csv", fileName(comparison.kitTitle, "-candidates.csv"));
});
