/**
 * Reset-link tokens: 32 random bytes as base64url in the link; the database keeps only the sha256,
 * the expiry and when it was used. No server-only import: the admin CLI
 * (cli/user-reset-link.ts) uses this module directly. The flows are in password-reset.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { emailSchema } from "./schemas.ts";

export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The address links point to: NEXTAUTH_URL, else the given fallback (the CLI's --base-url or localhost). */
export function resetLink(token: string, baseUrl?: string): string {
  const base = (env().NEXTAUTH_URL ?? baseUrl ?? `http://localhost:${env().PORT}`).replace(/\/+$/, "");
  return `${base}/reset-password/${token}`;
}

/**
 * Makes a link for the password account with this email, or returns null when there is none. For the CLI
 * and the request form; never logs the token.
 */
export async function createResetToken(rawEmail: string, now = new Date()): Promise<{ token: string; email: string; expiresAt: Date } | null> {
  const email = emailSchema.parse(rawEmail);
  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  // Accounts that sign in only through GitHub or Google have no password to reset.
  if (!user?.passwordHash) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + env().PASSWORD_RESET_MINUTES * 60_000);
  await db().$transaction([
    // Expired and used links of this account are of no further use.
    db().passwordResetToken.deleteMany({ where: { userId: user.id, OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] } }),
    db().passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt } }),
  ]);
  return { token, email, expiresAt };
}
