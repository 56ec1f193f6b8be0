// One streaming body reader with a byte cap: past the cap it stops reading and answers 413.
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, BodyTooLargeError, InvalidJsonError, readBodyText, readJsonBody } from "@/lib/http/body.ts";
import { readJson } from "@/lib/sessions/http.ts";
import { SessionError } from "@/lib/sessions/errors.ts";

/** A request whose body is produced on demand, 64 kB at a time, up to `total` bytes; counts what was pulled. */
function endlessRequest(total: number, headers: Record<string, string> = {}) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const req = new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { req, pulled };
}

describe("capped body reader", () => {
  it("stops reading a chunked body (no Content-Length) just past the cap", async () => {
    const { req, pulled } = endlessRequest(100 * 1024 * 1024);
    const error = await readBodyText(req, BODY_LIMITS.auth).catch((e) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/too large \(the limit is 16 kB\)/);
    expect(pulled.bytes).toBeLessThanOrEqual(BODY_LIMITS.auth + 2 * 64 * 1024);
  });

  it("refuses a declared Content-Length over the cap before reading anything", async () => {
    const { req, pulled } = endlessRequest(100 * 1024 * 1024, { "content-length": String(100 * 1024 * 1024) });
    await expect(readBodyText(req, BODY_LIMITS.interview)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("reads a body at the cap, multi-byte characters included", async () => {
    const text = "é".repeat(BODY_LIMITS.auth / 2);
    expect(await readBodyText(new Request("http://x/", { method: "POST", body: text }), BODY_LIMITS.auth)).toBe(text);
    await expect(readBodyText(new Request("http://x/", { method: "POST", body: text + "x" }), BODY_LIMITS.auth)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("parses JSON and says when it is not", async () => {
    expect(await readJsonBody(new Request("http://x/", { method: "POST", body: '{"a":1}' }), 100)).toEqual({ a: 1 });
    await expect(readJsonBody(new Request("http://x/", { method: "POST", body: "{" }), 100)).rejects.toBeInstanceOf(InvalidJsonError);
  });

  it("the interview routes' reader answers 413 with a clear message", async () => {
    const { req } = endlessRequest(10 * 1024 * 1024);
    const error = (await readJson(req).catch((e: unknown) => e)) as SessionError;
    expect(error).toBeInstanceOf(SessionError);
    expect(error.status).toBe(413);
    expect(error.code).toBe("too-large");
  });
});
