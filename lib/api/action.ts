/**
 * action(): the one edge every server action goes through, as route() is for route handlers. An
 * action declares who may call it (public, or user: signed-out callers are sent to sign-in and
 * back to `signIn`), the zod schema of its input (read from the form by `fromForm`), and a
 * handler. It returns a typed result for useActionState:
 *
 *   { ok: true, ...data } | { ok: false, error: { code, message, fields? } }
 *
 * `error` has the API's error shape (lib/api/errors.ts): the input's zod error (400 fields), an
 * ApiError, or a domain error by its code. Next's redirects pass through (an action that succeeds
 * by going somewhere never returns). Anything else is a bug: it is thrown, and Next logs it and
 * shows the error page, as for any server error.
 */
import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser } from "../auth/current-user.ts";
import type { ApiErrorJson } from "./errors.ts";
import type { UserFor } from "./route.ts";
import { toApiError } from "./to-api-error.ts";
import { zodApiError } from "./zod.ts";

export type ActionError = ApiErrorJson;
export type ActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ActionError };

/** What a form passes to useActionState before the first submission. */
export type ActionState<T extends object = object> = ActionResult<T> | null;

export type ActionConfig<A extends "public" | "user", S extends z.ZodType> = {
  auth: A;
  input: S;
  /** The input as the schema reads it, from the submitted form. Default: each field's (last) value. */
  fromForm?: (form: FormData) => unknown;
  /** What the input is, in validation messages ("This set-up has fields the server does not know"). */
  subject?: string;
  /** For auth "user": where sign-in sends a signed-out caller back to (no callbackUrl when absent). */
  signIn?: string | ((form: FormData) => string);
};

export type ServerAction<T extends object> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;

function signInPath(returnTo: string | undefined): string {
  return returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in";
}

export function action<A extends "public" | "user", S extends z.ZodType, T extends object>(
  config: ActionConfig<A, S>,
  handler: (input: { user: UserFor<A>; input: z.output<S> }) => Promise<T>,
): ServerAction<T> {
  return async (_prev: unknown, form: FormData): Promise<ActionResult<T>> => {
    let user: UserFor<A> = null as UserFor<A>;
    if (config.auth === "user") {
      const current = await getCurrentUser();
      if (!current) redirect(signInPath(typeof config.signIn === "function" ? config.signIn(form) : config.signIn));
      user = current as UserFor<A>;
    }
    try {
      const parsed = config.input.safeParse(config.fromForm ? config.fromForm(form) : Object.fromEntries(form));
      if (!parsed.success) throw zodApiError(parsed.error, config.subject);
      const data = await handler({ user, input: parsed.data });
      return { ok: true, ...data };
    } catch (error) {
      unstable_rethrow(error);
      const known = toApiError(error);
      if (!known) throw error;
      return { ok: false, error: known.toJSON().error };
    }
  };
}
