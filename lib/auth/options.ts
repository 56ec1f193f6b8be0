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
import { RateLimitError } from "../rate-limit/index.ts";
import { authSecret } from "./secret.ts";
import { authenticate, findOrCreateOAuthUser } from "./users.ts";

export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) ?? undefined : ([] as string[]).concat(headers?.[name] ?? [])[0];
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip") || "local";
}

/** The OAuth providers this server offers on the sign-in page (id and label), from env. */
export function oauthProviders(): { id: "github" | "google"; label: string }[] {
  const e = env();
  return [
    ...(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? [{ id: "github" as const, label: "GitHub" }] : []),
    ...(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? [{ id: "google" as const, label: "Google" }] : []),
  ];
}

export function authOptions(): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticate(credentials, clientIp(req?.headers as never));
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
      async signIn({ user, account }) {
        // OAuth accounts need a verified email to be matched to (or create) one of our users.
        return account?.provider === "credentials" || Boolean(user.email);
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
