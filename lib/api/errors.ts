/**
 * The one error type of the API edge, and the one JSON error shape every route answers with:
 *
 *   { "error": { "code": ApiErrorCode, "message": string, "fields"?: { [field]: message } } }
 *
 * with the HTTP status of API_ERROR_STATUS[code] (and Retry-After for rate limits). `code` comes
 * from a closed list, so clients switch on it; `message` is written for a person; `fields` holds
 * one message per form field when a body failed validation. Client-safe (no server imports): the
 * client parses error bodies with apiErrorBodySchema (lib/api/client.ts).
 */
import "./browser-zod.ts";
import { z } from "zod";
import type { KitErrorCode } from "../kits/errors.ts";
import type { SessionErrorCode } from "../sessions/errors.ts";

/** Every code an API error can carry, and the HTTP status it answers with. The one place a status is decided. */
export const API_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A per-user quota (lib/env.ts QUOTA_*) is reached: refused like a conflict, with a message naming the limit. */
  quota_exceeded: 409,
  /** A one-time link that has expired or was already used. */
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/**
 * The domain errors that remain (SessionError, KitError: their codes are the domain's words,
 * read by the services that throw them) and the API code each code answers with. With
 * API_ERROR_STATUS, the one table from an error to an HTTP status.
 */
export const DOMAIN_ERROR_CODES = {
  session: {
    "not-found": "not_found",
    conflict: "conflict",
    finished: "conflict",
    "already-answered": "conflict",
    invalid: "bad_request",
    "too-large": "payload_too_large",
    "rate-limited": "rate_limited",
    quota: "quota_exceeded",
    unavailable: "unavailable",
  } satisfies Record<SessionErrorCode, ApiErrorCode>,
  kit: {
    "not-found": "not_found",
    conflict: "conflict",
    quota: "quota_exceeded",
    invalid: "bad_request",
  } satisfies Record<KitErrorCode, ApiErrorCode>,
} as const;

export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** One message per field (a top-level name, or a dotted path for nested ones; "form" for the whole input). */
export type ApiFields = Record<string, string>;

export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiErrorJson = z.infer<typeof apiErrorSchema>;

/** The body of every error response. */
export const apiErrorBodySchema = z.object({ error: apiErrorSchema });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export type ApiErrorOptions = { fields?: ApiFields; retryAfterMs?: number; cause?: unknown };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: ApiFields | undefined;
  /** For rate_limited: when to try again (sent as Retry-After, in whole seconds). */
  readonly retryAfterMs: number | undefined;

  constructor(code: ApiErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.fields = options.fields && Object.keys(options.fields).length ? options.fields : undefined;
    this.retryAfterMs = options.retryAfterMs;
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }

  toJSON(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }

  /** The error as an HTTP response: the one shape, never cached. */
  toResponse(): Response {
    const headers: Record<string, string> = { "cache-control": "no-store" };
    if (this.retryAfterMs !== undefined) headers["retry-after"] = String(Math.ceil(this.retryAfterMs / 1000));
    return Response.json(this.toJSON(), { status: this.status, headers });
  }
}
