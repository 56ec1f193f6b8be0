import { download } from "@/lib/api/kits/responses";
import { libraryExportQuerySchema } from "@/lib/api/library/schemas";
import { route } from "@/lib/api/route";
import { KitError } from "@/lib/kits/errors";
import { exportBankZip } from "@/lib/library/export-zip";
import { toCsv } from "@/lib/library/export-csv";
import { listLibrary } from "@/lib/library/store";

export const dynamic = "force-dynamic";

/**
 * The library the caller sees, as a bank folder (a zip of bank.json and one Markdown file per
 * question, which `npm run bank:check` accepts and BANK_DIRS loads) or as a CSV.
 */
export const GET = route({ auth: "recruiter", query: libraryExportQuerySchema }, async ({ user, query }) => {
  const questions = await listLibrary(user);
  const drafts = questions.map((q) => ({ ...q.draft, id: q.slug }));
  if (query.format === "csv") return download(toCsv(drafts), "text/csv", "library.csv");
  const exported = exportBankZip(drafts, { id: "library", name: "Question library", description: `Exported from Interview Studio by ${user.name}` });
  if (!exported.ok) throw new KitError("invalid", `The library could not be exported: ${exported.errors[0]?.message ?? "a question is invalid"}.`);
  return new Response(exported.zip, {
    headers: { "content-type": "application/zip", "content-disposition": 'attachment; filename="library.zip"', "cache-control": "no-store" },
  });
});
