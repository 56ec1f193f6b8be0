// One streaming body reader with a byte cap: past the cap it stops reading and answers 413.
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, readBodyText, readJsonBody } from "@/lib/api/body.ts";
import { ApiError } from "@/lib/api/errors.ts";

const JSON_TYPE = { "content-type": "application/json" };

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
    const error = (await readBodyText(req, BODY_LIMITS.auth).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/too large \(the limit is 16 kB\)/);
    expect(pulled.bytes).toBeLessThanOrEqual(BODY_LIMITS.auth + 2 * 64 * 1024);
  });

  it("refuses a declared Content-Length over the cap before reading anything", async () => {
    const { req, pulled } = endlessRequest(100 * 1024 * 1024, { "content-length": String(100 * 1024 * 1024) });
    await expect(readBodyText(req, BODY_LIMITS.interview)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("reads a body at the cap, multi-byte characters included", async () => {
    const text = "é".repeat(BODY_LIMITS.auth / 2);
    expect(await readBodyText(new Request("http://x/", { method: "POST", body: text }), BODY_LIMITS.auth)).toBe(text);
    await expect(readBodyText(new Request("http://x/", { method: "POST", body: text + "x" }), BODY_LIMITS.auth)).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });

  it("parses JSON and says when it is not", async () => {
    expect(await readJsonBody(new Request("http://x/", { method: "POST", body: '{"a":1}', headers: JSON_TYPE }), 100)).toEqual({ a: 1 });
    await expect(readJsonBody(new Request("http://x/", { method: "POST", body: "{", headers: JSON_TYPE }), 100)).rejects.toMatchObject({
      code: "bad_request",
      status: 400,
    });
  });

  it("the JSON reader answers 413 with a clear message, past the interview routes' cap", async () => {
    const { req } = endlessRequest(10 * 1024 * 1024, JSON_TYPE);
    const error = (await readJsonBody(req, BODY_LIMITS.interview).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
  });

  it("refuses a body that is not JSON by its Content-Type (415) before reading it", async () => {
    const { req, pulled } = endlessRequest(10 * 1024 * 1024, { "content-type": "text/plain" });
    await expect(readJsonBody(req, BODY_LIMITS.interview)).rejects.toMatchObject({ code: "unsupported_media_type", status: 415 });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });
});
