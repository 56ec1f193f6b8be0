/**
 * fetchJson: how client components call the API. It sends JSON, checks the success body against a
 * zod schema the server's route also declares (lib/api/<resource>/schemas.ts), and turns a failure
 * into an ApiClientError: the server's error (the one shape, lib/api/errors.ts), or the network's.
 * No hand-cast response shapes. Client-safe.
 */
import "./browser-zod.ts";
import type { z } from "zod";
import { apiErrorBodySchema, type ApiErrorCode, type ApiFields } from "./errors.ts";

/** The server's code; "network" when it could not be reached, "bad_response" when its answer was not what the route declares. */
export type ClientErrorCode = ApiErrorCode | "network" | "bad_response";

const FALLBACK_CODE: Record<number, ApiErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  410: "gone",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "unavailable",
};

export class ApiClientError extends Error {
  readonly code: ClientErrorCode;
  /** The HTTP status; 0 when the server was not reached. */
  readonly status: number;
  readonly fields: ApiFields | undefined;
  /** Whether the server gave its own message (the one error shape), rather than a stand-in. */
  readonly fromServer: boolean;
  constructor(code: ClientErrorCode, status: number, message: string, options: { fields?: ApiFields; fromServer?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ApiClientError";
    this.code = code;
    this.status = status;
    this.fields = options.fields;
    this.fromServer = options.fromServer ?? false;
  }
}

/** A failed response's body as an ApiClientError (the one error shape; a stand-in by status for anything else). */
export function errorFromResponse(status: number, raw: string): ApiClientError {
  let json: unknown = null;
  try {
    json = JSON.parse(raw);
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): described by its status below.
  }
  const parsed = apiErrorBodySchema.safeParse(json);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiClientError(code, status, message, { fields, fromServer: true });
  }
  const code = FALLBACK_CODE[status] ?? (status >= 500 ? "internal" : "bad_response");
  return new ApiClientError(code, status, `The server answered ${status}.`);
}

type Options<S extends z.ZodType | undefined> = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON (Content-Type: application/json). */
  body?: unknown;
  /** The success body's schema; without one, the body is not read (204s, or when only success matters). */
  schema?: S;
  signal?: AbortSignal;
  keepalive?: boolean;
};

export async function fetchJson<S extends z.ZodType | undefined = undefined>(
  url: string,
  options: Options<S> = {},
): Promise<S extends z.ZodType ? z.output<S> : undefined> {
  type Out = S extends z.ZodType ? z.output<S> : undefined;
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers: options.body === undefined ? undefined : { "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiClientError("network", 0, "The server could not be reached.", { cause: error });
  }
  if (!res.ok) throw errorFromResponse(res.status, await res.text().catch(() => ""));
  if (!options.schema) return undefined as Out;
  const json: unknown = await res.json().catch(() => undefined);
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) throw new ApiClientError("bad_response", res.status, "The server's answer was not what this page expects. Reload the page.");
  return parsed.data as Out;
}

/**
 * What a form shows above its fields for an error (an ApiClientError, or a server action's): the
 * "form" field's message, or the whole message when none of the fields it shows has one, so no
 * refusal goes unsaid.
 */
export function formMessage(error: { message: string; fields?: ApiFields } | null | undefined, shownFields: readonly string[]): string | null {
  if (!error) return null;
  if (error.fields?.form) return error.fields.form;
  return shownFields.some((f) => error.fields?.[f]) ? null : error.message;
}
