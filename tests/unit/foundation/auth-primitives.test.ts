import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "../../../lib/auth/callback-url.ts";
import { hashPassword, verifyPassword } from "../../../lib/auth/password.ts";
import { ensureAuthSecret } from "../../../lib/auth/secret.ts";
import { MemoryRateLimiter } from "../../../lib/rate-limit/memory.ts";

describe("auth primitives", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("open sesame 42");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "open sesame 42")).toBe(true);
    expect(await verifyPassword(hash, "open sesame 43")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("generates the auth secret once, keeps it with mode 600, and reuses it", () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "is-secret-")), "fresh-data");
    const first = ensureAuthSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, "auth-secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret(dir)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("follows only same-site callback paths after sign-in", () => {
    expect(safeCallbackUrl("/sessions/abc")).toBe("/sessions/abc");
    expect(safeCallbackUrl("https://evil.example")).toBe("/");
    expect(safeCallbackUrl("//evil.example")).toBe("/");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/");
    expect(safeCallbackUrl(undefined, "/practice")).toBe("/practice");
  });

  it("compares origins: tabs, newlines, encoded slashes and repeated values never leave the site", () => {
    // searchParams are decoded: ?callbackUrl=/%09/evil.example arrives as "/\t/evil.example"
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "\t//evil.example",
      "/\u0000/x",
      "/ /evil.example".replace(" ", "\t"),
      "http:/evil.example",
      "/\\/evil.example",
      "javascript:alert(1)",
    ]) {
      const target = safeCallbackUrl(bad);
      expect(new URL(target, "https://app.example").origin, JSON.stringify(bad)).toBe("https://app.example");
      expect(target).toBe("/");
    }
    expect(safeCallbackUrl("/sessions/abc?x=1#t")).toBe("/sessions/abc?x=1#t");
    expect(safeCallbackUrl("/%2F/evil.example")).toBe("/%2F/evil.example");
    expect(new URL(safeCallbackUrl("/%2F/evil.example"), "https://app.example").origin).toBe("https://app.example");
    expect(safeCallbackUrl(["/a", "/b"])).toBe("/");
    expect(safeCallbackUrl("/x".repeat(2000))).toBe("/");
  });

  it("limits hits per key within a window", async () => {
    const limiter = new MemoryRateLimiter();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit("k", 3, 60_000));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterMs).toBeGreaterThan(0);
    expect((await limiter.hit("other", 3, 60_000)).ok).toBe(true);
  });
});
