"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { ApiError, type ApiFields } from "@/lib/api/errors";
import { clientIp } from "@/lib/auth/options";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { RateLimitError } from "@/lib/rate-limit";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

const minutes = (ms: number) => {
  const n = Math.ceil(ms / 60_000);
  return `${n} minute${n === 1 ? "" : "s"}`;
};

/** The "forgot your password?" form: the same answer whether or not the email has an account. The email is validated by requestPasswordReset. */
export const requestResetAction = action(
  { auth: "public", input: z.object({ email: z.string() }), fromForm: (form) => ({ email: text(form, "email") }) },
  async ({ input }) => {
    let result: Awaited<ReturnType<typeof requestPasswordReset>>;
    try {
      result = await requestPasswordReset({ email: input.email }, clientIp(await headers()));
    } catch (error) {
      if (error instanceof RateLimitError)
        throw new ApiError("rate_limited", `Too many requests. Try again in ${minutes(error.retryAfterMs)}.`, { cause: error });
      throw error;
    }
    if (!result.ok) {
      const fields: ApiFields = {};
      for (const [k, v] of Object.entries(result.fieldErrors)) if (v) fields[k] = v;
      throw new ApiError("bad_request", Object.values(fields)[0] ?? "Enter your email address.", { fields });
    }
    return { email: input.email };
  },
);

/** The new-password form behind a reset link; validated by resetPassword. Gives the email to sign in with. */
export const resetPasswordAction = action(
  {
    auth: "public",
    input: z.object({ token: z.string(), password: z.string(), confirm: z.string() }),
    fromForm: (form) => ({ token: text(form, "token"), password: text(form, "password"), confirm: text(form, "confirm") }),
  },
  async ({ input }) => resetPassword(input, clientIp(await headers())),
);
