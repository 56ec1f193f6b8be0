/**
 * The export download (GET /api/sessions/[id]/export?format=md|json) as a plain function of the user,
 * the session id and the format, so tests can call it for any user. Anyone but the owner (signed
 * out included) gets the same 404 as for a session that does not exist. Refusals are the API's
 * JSON errors (lib/api/errors.ts); the download itself is a file.
 */
import "server-only";
import { ApiError } from "../api/errors.ts";
import { EXPORT_FORMATS, exportFilename, toExportJson, toMarkdown, type ExportFormat } from "./export.ts";
import { getTranscript } from "./transcript.ts";

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function exportSessionResponse(userId: string | null, sessionId: string, format: string | null | undefined): Promise<Response> {
  const fmt = (format ?? "md").toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(fmt)) {
    return new ApiError("bad_request", `Unknown export format "${fmt.slice(0, 20)}": use format=md or format=json.`, {
      fields: { format: "Use format=md or format=json." },
    }).toResponse();
  }
  const transcript = userId ? await getTranscript(userId, sessionId) : null;
  if (!transcript) return new ApiError("not_found", "No such session.").toResponse();
  const filename = exportFilename(transcript, fmt as ExportFormat);
  const body = fmt === "json" ? `${JSON.stringify(toExportJson(transcript), null, 2)}\n` : toMarkdown(transcript);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": fmt === "json" ? "application/json; charset=utf-8" : "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      ...NO_STORE,
    },
  });
}
