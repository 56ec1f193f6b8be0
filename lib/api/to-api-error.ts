/**
 * Any thrown error as the ApiError the edge answers with: an ApiError as it is, a zod error as a
 * 400 with fields, the domain errors that remain (SessionError, KitError) by their code
 * (DOMAIN_ERROR_CODES in ./errors.ts). Null for anything else: a bug, which route() logs and
 * answers 500 and action() rethrows.
 */
import { z } from "zod";
import { KitError } from "../kits/errors.ts";
import { SessionError } from "../sessions/errors.ts";
import { ApiError } from "./errors.ts";
import { zodApiError } from "./zod.ts";

export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return zodApiError(error);
  if (error instanceof SessionError || error instanceof KitError) return error.toApiError();
  return null;
}

/** A known error with its message rewritten (e.g. "Could not start the retake: ..."); anything else as it was. */
export function rephrase(error: unknown, message: (original: string) => string): unknown {
  const known = toApiError(error);
  return known ? new ApiError(known.code, message(known.message), { fields: known.fields, retryAfterMs: known.retryAfterMs, cause: error }) : error;
}
