/**
 * Share-link tokens: 32 random bytes (256 bits) as base64url, shown to the owner once. Only the
 * token's sha256 is stored; a presented token is hashed and compared with the stored hash in
 * constant time. Tokens are never logged: nothing here prints, and errors never include them.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const SHARE_TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

/** Hex sha256 of the token. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether `token` hashes to `storedHash`, compared in constant time. */
export function shareTokenMatches(storedHash: string, token: string): boolean {
  const expected = Buffer.from(storedHash, "hex");
  const actual = createHash("sha256").update(token, "utf8").digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A token of the right shape (checked before any database work). */
export function isWellFormedShareToken(token: unknown): token is string {
  return typeof token === "string" && SHARE_TOKEN_PATTERN.test(token);
}
