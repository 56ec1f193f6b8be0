/**
 * The export download (GET /sessions/[id]/export?format=md|json) as a plain function of the user,
 * the session id and the format, so tests can call it for any user. Anyone but the owner (signed
 * out included) gets the same 404 as for a session that does not exist.
 */
import "server-only";
import { EXPORT_FORMATS, exportFilename, toExportJson, toMarkdown, type ExportFormat } from "./export.ts";
import { getTranscript } from "./queries.ts";

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function exportSessionResponse(userId: string | null, sessionId: string, format: string | null): Promise<Response> {
  const fmt = (format ?? "md").toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(fmt)) {
    return new Response(`Unknown export format "${fmt.slice(0, 20)}": use format=md or format=json.\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE },
    });
  }
  const transcript = userId ? await getTranscript(userId, sessionId) : null;
  if (!transcript) {
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE } });
  }
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
