/**
 * The one reader of request bodies: streams the body and stops at a byte cap, so no request can
 * make the server buffer more than the cap (a Content-Length over the cap is refused before a byte
 * is read). Every route handler reads its body through here; over the cap is a 413 with a JSON error.
 */

/** Default caps, in bytes. */
export const BODY_LIMITS = {
  /** Sign-up, sign-in and next-auth's callbacks: a few short fields. */
  auth: 16 * 1024,
  /** Interview answers and drafts (an answer is at most 20,000 characters, up to 4 bytes each). */
  interview: 128 * 1024,
  /** Script documents, revisions and scorecards. */
  scripts: 512 * 1024,
} as const;

export class BodyTooLargeError extends Error {
  readonly status = 413;
  readonly limit: number;
  constructor(limit: number) {
    super(`The request body is too large (the limit is ${Math.floor(limit / 1024)} kB).`);
    this.name = "BodyTooLargeError";
    this.limit = limit;
  }
}

export class InvalidJsonError extends Error {
  readonly status = 400;
  constructor(message = "The request body must be JSON.") {
    super(message);
    this.name = "InvalidJsonError";
  }
}

/** The body as UTF-8 text, reading at most `maxBytes`; throws BodyTooLargeError past it. */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
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
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The body parsed as JSON, read through readBodyText. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(req, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidJsonError();
  }
}

/** The 413 response for a BodyTooLargeError. */
export function bodyTooLargeResponse(error: BodyTooLargeError): Response {
  return Response.json({ error: error.message, code: "too-large" }, { status: 413, headers: { "cache-control": "no-store" } });
}
