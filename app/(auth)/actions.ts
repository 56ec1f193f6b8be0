"use server";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/options";
import { PasswordResetError, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import type { FieldErrors } from "@/lib/auth/schemas";
import { RateLimitError } from "@/lib/rate-limit";

export type RequestResetState = { status: "idle" | "sent" | "error"; email: string; fieldErrors: FieldErrors };

/** The "forgot your password?" form: the same answer whether or not the email has an account. */
export async function requestResetAction(_prev: RequestResetState, form: FormData): Promise<RequestResetState> {
  const email = String(form.get("email") ?? "");
  try {
    const result = await requestPasswordReset({ email }, clientIp(await headers()));
    if (!result.ok) return { status: "error", email, fieldErrors: result.fieldErrors };
    return { status: "sent", email, fieldErrors: {} };
  } catch (error) {
    if (error instanceof RateLimitError)
      return {
        status: "error",
        email,
        fieldErrors: {
          form: `Too many requests. Try again in ${Math.ceil(error.retryAfterMs / 60_000)} minute${Math.ceil(error.retryAfterMs / 60_000) === 1 ? "" : "s"}.`,
        },
      };
    throw error;
  }
}

export type ResetState = { status: "idle" | "done" | "error"; email?: string; fieldErrors: FieldErrors };

/** The new-password form behind a reset link. */
export async function resetPasswordAction(_prev: ResetState, form: FormData): Promise<ResetState> {
  try {
    const { email } = await resetPassword(
      { token: String(form.get("token") ?? ""), password: String(form.get("password") ?? ""), confirm: String(form.get("confirm") ?? "") },
      clientIp(await headers()),
    );
    return { status: "done", email, fieldErrors: {} };
  } catch (error) {
    if (error instanceof PasswordResetError) return { status: "error", fieldErrors: error.fieldErrors };
    if (error instanceof RateLimitError) return { status: "error", fieldErrors: { form: error.message } };
    throw error;
  }
}
