/**
 * The one place a zod error becomes words: a message for a person and one message per field.
 * Client-safe (forms may format their own checks with it).
 *
 * - `message`: the issues' messages alone (never "field.path: "), one sentence each, repeats
 *   dropped. Unknown fields and a body of the wrong shape get a plain sentence instead of zod's
 *   wording, naming what was sent ("This draft has fields the server does not know (x).").
 * - `fields`: the first message for each top-level field, and for each nested path ("entries.0.rating")
 *   too; an issue about the whole input goes under "form".
 */
import type { z } from "zod";
import { ApiError, type ApiFields } from "./errors.ts";

export type ZodProblem = { message: string; fields: ApiFields };

/** `subject` names what was sent, for the sentences about its shape: "request", "answer", "draft", "set-up"... */
export function formatZodError(error: z.ZodError, subject = "request"): ZodProblem {
  const sentences = error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return `This ${subject} has fields the server does not know (${issue.keys.join(", ")}).`;
    if (issue.path.length === 0 && issue.code === "invalid_type") return `This ${subject} is not in the expected form.`;
    const m = issue.message.trim();
    return /[.!?)]$/.test(m) ? m : `${m}.`;
  });
  const fields: ApiFields = {};
  for (const issue of error.issues) {
    const top = String(issue.path[0] ?? "form");
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    fields[top] ??= issue.message;
    if (key !== top) fields[key] ??= issue.message;
  }
  return { message: [...new Set(sentences)].join(" "), fields };
}

/** A zod error as the API's 400. */
export function zodApiError(error: z.ZodError, subject?: string): ApiError {
  const { message, fields } = formatZodError(error, subject);
  return new ApiError("bad_request", message, { fields, cause: error });
}
