import { describe, expect, it } from "vitest";
import { hashShareToken, isWellFormedShareToken, newShareToken, SHARE_TOKEN_BYTES, shareTokenMatches } from "../../../lib/kits/share-token.ts";

describe("share tokens", () => {
  it("are 256 random bits in base64url, unique, and only their sha256 is kept", () => {
    expect(SHARE_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const { token, tokenHash } = newShareToken();
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(tokenHash).toMatch(/^[a-f0-9]{64}$/);
      expect(tokenHash).toBe(hashShareToken(token));
      expect(tokenHash).not.toContain(token);
      seen.add(token);
    }
    expect(seen.size).toBe(1000);
  });

  it("match only their own hash", () => {
    const a = newShareToken();
    const b = newShareToken();
    expect(shareTokenMatches(a.tokenHash, a.token)).toBe(true);
    expect(shareTokenMatches(a.tokenHash, b.token)).toBe(false);
    expect(shareTokenMatches("abcd", a.token)).toBe(false); // wrong length, no throw
  });

  it("checks the shape before any lookup", () => {
    expect(isWellFormedShareToken(newShareToken().token)).toBe(true);
    expect(isWellFormedShareToken("short")).toBe(false);
    expect(isWellFormedShareToken(`${"a".repeat(42)}=`)).toBe(false);
    expect(isWellFormedShareToken(undefined)).toBe(false);
  });
});
