/**
 * Accounts: sign-up and credential checks. The only code that reads or writes password hashes.
 */
import "server-only";
import { ApiError } from "../api/errors.ts";
import { zodApiError } from "../api/zod.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { enforceRateLimits, rateLimiter, RateLimitError } from "../rate-limit/index.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.ts";
import { roleSchema, signInSchema, signUpSchema, type Role } from "./schemas.ts";

export type PublicUser = { id: string; email: string; name: string; role: Role };

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists.";

function toPublic(u: { id: string; email: string; name: string; role: string }): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: roleSchema.catch("candidate").parse(u.role) };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/**
 * Creates an account. Nothing is written on error, which is an ApiError with a message per field:
 * bad_request for invalid input, conflict when the email already has an account, rate_limited.
 */
export async function signUp(input: unknown, ip: string): Promise<PublicUser> {
  const parsed = signUpSchema.safeParse(input);
  const email =
    typeof (input as { email?: unknown })?.email === "string"
      ? String((input as { email: string }).email)
          .trim()
          .toLowerCase()
      : "";
  await enforceRateLimits([`signup:ip:${ip}`, ...(email ? [`signup:email:${email}`] : [])], env().RATE_LIMIT_AUTH_PER_MINUTE);
  if (!parsed.success) throw zodApiError(parsed.error, "sign-up");
  const { name, password, role } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const user = await db().user.create({ data: { name, email: parsed.data.email, passwordHash, role } });
    return toPublic(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("conflict", EMAIL_TAKEN_MESSAGE, { fields: { email: EMAIL_TAKEN_MESSAGE } });
    throw error;
  }
}

/**
 * Checks credentials. Returns null for any failure without saying whether the email exists, and
 * spends the same hashing time either way.
 *
 * Limits: every attempt counts against the client's address. Per email only *failures* count, so
 * nobody can lock a person out by guessing at their account: once an email has had
 * RATE_LIMIT_AUTH_PER_MINUTE failures in the minute, wrong passwords for it are refused as
 * "too many attempts", and the right password still signs in from any client that has not itself
 * failed for that email in the window.
 */
export async function authenticate(input: unknown, ip: string): Promise<PublicUser | null> {
  const limit = env().RATE_LIMIT_AUTH_PER_MINUTE;
  await enforceRateLimits([`signin:ip:${ip}`], limit);
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = parsed.data.email;
  const emailKey = `signin:fail:email:${email}`;
  const clientKey = `signin:fail:email-client:${email}:${ip}`;
  const [emailFailures, clientFailures] = await Promise.all([rateLimiter().peek(emailKey), rateLimiter().peek(clientKey)]);
  const user = await db().user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (user && user.passwordHash && ok) {
    if (emailFailures.count >= limit && clientFailures.count > 0) throw new RateLimitError(clientFailures.retryAfterMs);
    await rateLimiter().reset(clientKey);
    return toPublic(user);
  }
  const [byEmail] = await Promise.all([rateLimiter().hit(emailKey, limit, 60_000), rateLimiter().hit(clientKey, limit, 60_000)]);
  if (!byEmail.ok) throw new RateLimitError(byEmail.retryAfterMs);
  return null;
}

/**
 * The user an OAuth sign-in stands for: matched by email, created (as a candidate, no password) the
 * first time. Only called after oauthSignInRefusal (lib/auth/oauth.ts) let the sign-in through: the
 * provider verified the email, and it is not a password account. Refuses a password account anyway.
 */
export async function findOrCreateOAuthUser(profile: { email: string; name: string }): Promise<PublicUser> {
  const email = profile.email.trim().toLowerCase();
  const existing = await db().user.findUnique({ where: { email }, select: { passwordHash: true } });
  if (existing?.passwordHash) throw new Error("OAuthAccountNotLinked");
  const user = await db().user.upsert({
    where: { email },
    update: {},
    create: { email, name: profile.name.slice(0, 100) || email, role: "candidate" },
  });
  return toPublic(user);
}

export async function findUserById(id: string): Promise<PublicUser | null> {
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
  return user ? toPublic(user) : null;
}

export async function setUserRole(userId: string, role: "candidate" | "recruiter"): Promise<PublicUser> {
  return toPublic(await db().user.update({ where: { id: userId }, data: { role } }));
}

/** Deletes the account and, through cascades, every session, interview kit and scorecard it owns. */
export async function deleteAccount(userId: string): Promise<void> {
  await db().user.delete({ where: { id: userId } });
}
