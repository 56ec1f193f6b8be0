/**
 * Forgotten passwords: one-time reset links. A link carries 32 random bytes (base64url); only the
 * token's sha256 is stored, with an expiry (PASSWORD_RESET_MINUTES, 30 by default) and the time it
 * was used: a link works once, and a new password cancels every other open link of the account.
 *
 * Two ways to get a link: the request form emails it when SMTP_URL is set (the form answers the
 * same whether or not the email has an account, and is rate-limited), or an admin makes one from
 * the command line (`npm run user:reset-link -- <email>`), which works with or without SMTP.
 */
import "server-only";
import { z } from "zod";
import { ApiError } from "../api/errors.ts";
import type { ApiFields } from "../api/errors.ts";
import { formatZodError } from "../api/zod.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { enforceRateLimits } from "../rate-limit/index.ts";
import { sendResetEmail } from "./mailer.ts";
import { createResetToken, hashResetToken, RESET_TOKEN_PATTERN, resetLink } from "./reset-tokens.ts";
import { hashPassword } from "./password.ts";
import { emailSchema, NUL_MESSAGE, passwordSchema } from "./schemas.ts";

/** Reset requests per email address per RESET_REQUEST_WINDOW_MS (on top of the per-address limit). */
export const RESET_REQUESTS_PER_EMAIL = 3;
export const RESET_REQUEST_WINDOW_MS = 15 * 60_000;

export const resetRequestSchema = z.object({ email: emailSchema }).strict();

export const resetPasswordSchema = z
  .object({
    token: z
      .string({ error: "This reset link is incomplete. Open the link from the email again, or ask for a new one." })
      .regex(RESET_TOKEN_PATTERN, "This reset link is incomplete. Open the link from the email again, or ask for a new one."),
    password: passwordSchema,
    confirm: z
      .string({ error: "Type the new password again." })
      .regex(/^[^\u0000]*$/, NUL_MESSAGE)
      .max(128, "Use at most 128 characters."),
  })
  .strict()
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

const EXPIRED = "This reset link has expired or has already been used. Ask for a new one.";

/** A link that cannot be used (expired, used, or not a link at all): the API's "gone", told on the form. */
const linkGone = (message: string) => new ApiError("gone", message, { fields: { form: message } });

export type ResetRequestResult = { ok: true } | { ok: false; fieldErrors: ApiFields };

/**
 * The request form. Answers the same whether or not the email has an account (and does not wait
 * for the mail server, so the time taken does not tell either). Throws RateLimitError when the
 * client or the email address asked too often.
 */
export async function requestPasswordReset(input: unknown, ip: string): Promise<ResetRequestResult> {
  await enforceRateLimits([`reset:ip:${ip}`], env().RATE_LIMIT_AUTH_PER_MINUTE);
  const parsed = resetRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: formatZodError(parsed.error).fields };
  const { email } = parsed.data;
  await enforceRateLimits([`reset:email:${email}`], RESET_REQUESTS_PER_EMAIL, RESET_REQUEST_WINDOW_MS);
  if (!env().SMTP_URL) return { ok: true };
  const made = await createResetToken(email);
  if (made) {
    void sendResetEmail({ to: made.email, link: resetLink(made.token), minutes: env().PASSWORD_RESET_MINUTES }).catch((error: unknown) => {
      console.error(`password reset: the email could not be sent (${error instanceof Error ? error.message : String(error)})`);
    });
  }
  return { ok: true };
}

/** Whether a link can still be used (for the page, before the form is shown). */
export async function resetTokenIsUsable(token: string, now = new Date()): Promise<boolean> {
  if (!RESET_TOKEN_PATTERN.test(token)) return false;
  const row = await db().passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { expiresAt: true, usedAt: true } });
  return !!row && row.usedAt === null && row.expiresAt > now;
}

/**
 * Sets a new password with a link. The link is claimed atomically (two tabs cannot both use it),
 * then the password is changed and the account's other links are cancelled. Returns the email to
 * sign in with. Refusals are ApiErrors with a message per field: bad_request (the new password),
 * gone (the link), rate_limited.
 */
export async function resetPassword(input: unknown, ip: string, now = new Date()): Promise<{ email: string }> {
  await enforceRateLimits([`reset:submit:ip:${ip}`], env().RATE_LIMIT_AUTH_PER_MINUTE);
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const { message, fields } = formatZodError(parsed.error, "reset");
    if (fields.token) throw linkGone(fields.token);
    throw new ApiError("bad_request", message, { fields });
  }
  const { token, password } = parsed.data;
  const tokenHash = hashResetToken(token);
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw linkGone(EXPIRED);
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { email: true } });
    await tx.passwordResetToken.deleteMany({ where: { userId: row.userId, usedAt: null } });
    return { email: user.email };
  });
}
