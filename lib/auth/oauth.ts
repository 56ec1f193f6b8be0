/**
 * Which OAuth sign-ins may become (or reach) one of our users. An email is only trusted when the
 * provider says it verified it, and an OAuth sign-in is never linked silently to an account that
 * has a password: its owner signs in with the password.
 */
import "server-only";
import { db } from "../db/client.ts";

export type OAuthRefusal = "EmailNotVerified" | "OAuthAccountNotLinked";

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Whether the provider verified `email`. Google puts `email_verified` in its profile; GitHub's
 * profile email may be unverified, so its /user/emails list (with the sign-in's token) decides.
 */
export async function providerVerifiedEmail(
  provider: string,
  email: string | null | undefined,
  profile: unknown,
  accessToken: string | undefined,
  fetchFn: Fetch = fetch,
): Promise<boolean> {
  if (!email) return false;
  const wanted = email.trim().toLowerCase();
  if (provider === "google") {
    const p = profile as { email_verified?: unknown; email?: unknown } | undefined;
    return p?.email_verified === true && String(p.email ?? "").toLowerCase() === wanted;
  }
  if (provider === "github") {
    if (!accessToken) return false;
    try {
      const res = await fetchFn("https://api.github.com/user/emails", {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "interview-studio" },
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) return false;
      const emails = (await res.json()) as { email?: string; verified?: boolean }[];
      return Array.isArray(emails) && emails.some((e) => e.verified === true && e.email?.toLowerCase() === wanted);
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * null when the sign-in may go on (a new account will be created, or it is an OAuth-only account
 * with this verified email); otherwise why not.
 */
export async function oauthSignInRefusal(email: string, verified: boolean): Promise<OAuthRefusal | null> {
  if (!verified) return "EmailNotVerified";
  const existing = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { passwordHash: true } });
  if (existing?.passwordHash) return "OAuthAccountNotLinked";
  return null;
}
