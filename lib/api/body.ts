/**
 * The one reader of request bodies: streams the body and stops at a byte cap, so no request can
 * make the server buffer more than the cap (a Content-Length over the cap is refused before a byte
 * is read), and only then parses it. Every route handler reads its body through here (route() in
 * lib/api/route.ts, and next-auth's callbacks); what it refuses is an ApiError:
 *
 * - payload_too_large (413) past the cap,
 * - unsupported_media_type (415) for a JSON route sent another Content-Type,
 * - bad_request (400) for a body that is not JSON.
 */
import { ApiError } from "./errors.ts";

/** Caps, in bytes, by kind of route. */
export const BODY_LIMITS = {
  /** Sign-up, sign-in and next-auth's callbacks: a few short fields. */
  auth: 16 * 1024,
  /** Interview answers and drafts (an answer is at most 20,000 characters, up to 4 bytes each). */
  interview: 128 * 1024,
  /** Interview kits: documents, revisions and scorecards. */
  kits: 512 * 1024,
  /** The question library: an import's files (LIBRARY_LIMITS.maxTotalBytes, 5 MB, JSON-escaped) or a save of its questions. */
  library: 8 * 1024 * 1024,
} as const;
export type BodyLimit = keyof typeof BODY_LIMITS;

function tooLarge(limit: number): ApiError {
  return new ApiError("payload_too_large", `The request body is too large (the limit is ${Math.floor(limit / 1024)} kB).`);
}

/** The body as UTF-8 text, reading at most `maxBytes`; a payload_too_large ApiError past it. */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** application/json, or a structured type ending in +json, with any parameters (charset). */
export function isJsonContentType(type: string | null): boolean {
  return /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type?.trim() ?? "");
}

/** Whether the request carries a body at all: no Content-Type, or a Content-Length of 0, is none. */
export function hasBody(req: Request): boolean {
  return (req.headers.get("content-length") ?? "") !== "0" && (req.headers.get("content-type") ?? "") !== "";
}

/** The body parsed as JSON: its Content-Type checked first (415), then read with the cap (413), then parsed (400). */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    await req.body?.cancel().catch(() => undefined);
    throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  const text = await readBodyText(req, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  }
}
