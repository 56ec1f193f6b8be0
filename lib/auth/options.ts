/**
 * next-auth configuration: email + password by default (JWT sessions, argon2id hashes), OAuth
 * providers when their env variables are set.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "../env.ts";
import { clientAddress } from "../http/peer-address.ts";
import { requestIsHttps } from "../http/security-headers.ts";
import { RateLimitError } from "../rate-limit/index.ts";
import { oauthSignInRefusal, providerVerifiedEmail } from "./oauth.ts";
import { authSecret } from "./secret.ts";
import { authenticate, findOrCreateOAuthUser } from "./users.ts";

/** The client's address for rate limits: the socket's, or the right-most untrusted hop behind TRUST_PROXY proxies. */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  return clientAddress(headers, env().TRUST_PROXY);
}

/** The OAuth providers this server offers on the sign-in page (id and label), from env. */
export function oauthProviders(): { id: "github" | "google"; label: string }[] {
  const e = env();
  return [
    ...(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? [{ id: "github" as const, label: "GitHub" }] : []),
    ...(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? [{ id: "google" as const, label: "Google" }] : []),
  ];
}

/**
 * `requestHeaders`: the request's, so cookies get `Secure` (and the `__Secure-` names) whenever the
 * browser talks to us over https, NEXTAUTH_URL or a trusted proxy's X-Forwarded-Proto saying so.
 */
export function authOptions(requestHeaders?: Headers): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticate(credentials, clientIp(req?.headers));
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        } catch (error) {
          // next-auth passes the message to the sign-in form as ?error=...
          if (error instanceof RateLimitError) throw new Error("RateLimited");
          throw error;
        }
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  }
  return {
    secret: authSecret(),
    useSecureCookies: requestIsHttps(requestHeaders, e),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    // The zero-config start has no NEXTAUTH_URL and needs none (sign-in and sign-out stay on the
    // request's origin); the warning would only alarm. OAuth deployments set it (README).
    logger: {
      warn: (code) => {
        if (code !== "NEXTAUTH_URL") console.warn(`[next-auth] ${code}`);
      },
      error: (code, metadata) => console.error(`[next-auth] ${code}`, metadata),
      debug: () => undefined,
    },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider === "credentials") return true;
        // OAuth: only an email the provider verified, and never silently onto a password account.
        const verified = await providerVerifiedEmail(account?.provider ?? "", user.email, profile, account?.access_token);
        const refusal = user.email ? await oauthSignInRefusal(user.email, verified) : "EmailNotVerified";
        return refusal ? `/sign-in?error=${refusal}` : true;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "credentials") {
          token.uid = user.id;
          token.role = (user as { role?: string }).role ?? "candidate";
        } else if (user && account) {
          // OAuth: the provider's id is not ours; the email links the sign-in to our user.
          const ours = await findOrCreateOAuthUser({ email: user.email!, name: user.name ?? user.email! });
          token.uid = ours.id;
          token.role = ours.role;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.uid, role: token.role });
        return session;
      },
    },
  };
}
