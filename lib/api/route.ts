/**
 * route(): the one edge every route handler goes through. A route declares who may call it, the
 * schemas of its address, query and body, and a handler; the wrapper, in this order,
 *
 *   1. checks the caller (auth): public, optional (the user or null), user (401 signed out),
 *      recruiter (401 signed out, 403 for a candidate account): the one place the recruiter role
 *      is checked for the API; or interviewee, for the interview room's routes only: the invited
 *      guest of the session in the address (lib/invitations/interviewee.ts), else the user (401);
 *   2. validates the address's params with their zod schema (400 with fields);
 *   3. runs `access` and hands what it returns to the handler as `resource` (ownership: a
 *      stranger's 404 comes before any error about the query or the body);
 *   4. validates the query with its schema (400), reads the body with the one reader
 *      (lib/api/body.ts: 415 unless JSON, 413 past the route's cap before anything is parsed, 400
 *      when it is not JSON) and validates it with its schema;
 *   5. calls the handler with the typed input and the user, and answers with what it returns
 *      (data as JSON, reply(data, init), or a Response: files, streams, 204);
 *
 * and maps anything thrown on the way to the one error response (lib/api/errors.ts): an ApiError
 * as it is, a zod error as 400 with fields, the domain errors by their code, anything else 500
 * with the error logged. A streaming handler returns its stream: errors before it starts are
 * answered here, what happens inside the stream is the stream's.
 *
 * Every JSON response the wrapper builds is `Cache-Control: no-store`.
 */
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, hasRole } from "../auth/current-user.ts";
import type { PublicUser } from "../auth/users.ts";
import { getInterviewee, invitationCookieOf } from "../invitations/interviewee.ts";
import { RECRUITERS_ONLY_MESSAGE } from "../kits/errors.ts";
import { BODY_LIMITS, hasBody, readJsonBody, type BodyLimit } from "./body.ts";
import { ApiError } from "./errors.ts";
import { toApiError } from "./to-api-error.ts";
import { zodApiError } from "./zod.ts";

export type AuthLevel = "public" | "optional" | "user" | "recruiter" | "interviewee";
export type UserFor<A extends AuthLevel> = A extends "public" ? null : A extends "optional" ? PublicUser | null : PublicUser;

export const SIGN_IN_MESSAGE = "Sign in to continue.";

export type BodyConfig = {
  /** The byte cap: BODY_LIMITS[limit]. */
  limit: BodyLimit;
  /**
   * Validates the JSON. Without it the handler gets the parsed JSON as `unknown`: for a domain
   * function that validates it with its own schema, order and wording (it says so).
   */
  schema?: z.ZodType;
  /** What the body is, in validation messages: "This answer has fields the server does not know". */
  subject?: string;
  /** No body at all (no Content-Type, or Content-Length 0) is allowed: the handler gets undefined. */
  optional?: boolean;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOf<B> = B extends BodyConfig
  ? (B["schema"] extends z.ZodType ? z.output<B["schema"]> : unknown) | (B["optional"] extends true ? undefined : never)
  : undefined;

export type RouteInput<A extends AuthLevel, P, Q, B, X> = {
  req: Request;
  user: UserFor<A>;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: BodyOf<B>;
  /** What `access` returned (the resource it loaded). */
  resource: X;
};

export type AccessInput<A extends AuthLevel, P> = { req: Request; user: UserFor<A>; params: Parsed<P> };

export type RouteConfig<A extends AuthLevel, P, Q, B, R, X> = {
  auth: A;
  /** The dynamic segments of the address ([id]...). */
  params?: P;
  /** The search params, as an object of strings. */
  query?: Q;
  body?: B;
  /** The success body's schema, shared with the client (fetchJson): the handler's data is typed by it. */
  response?: R;
  /**
   * Runs before the query and the body are read: loads the resource and checks it is the caller's,
   * so a stranger gets a 404 whatever the request holds. What it returns is the handler's `resource`.
   */
  access?: (input: AccessInput<A, P>) => Promise<X>;
};

/** JSON data with a status and headers other than 200 (201 with a Location, 503...). */
export class Reply<T> {
  readonly data: T;
  readonly init: { status?: number; headers?: Record<string, string> };
  constructor(data: T, init: { status?: number; headers?: Record<string, string> } = {}) {
    this.data = data;
    this.init = init;
  }
}
export const reply = <T>(data: T, init?: { status?: number; headers?: Record<string, string> }) => new Reply(data, init);

/** 204, nothing to say. */
export const noContent = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });

type Data<R> = R extends z.ZodType ? z.input<R> : unknown;
export type RouteResult<R> = Response | Reply<Data<R>> | Data<R>;

/** What route() declared, readable on the exported handler (the route-walking test reads it). */
export type RouteMeta = { auth: AuthLevel; params: boolean; query: boolean; body: { limit: BodyLimit; optional: boolean; schema: boolean } | null };

type Context = { params?: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = ((req: Request, context?: Context) => Promise<Response>) & { route: RouteMeta };

async function caller(level: AuthLevel, req: Request, params: unknown): Promise<PublicUser | null> {
  if (level === "public") return null;
  if (level === "interviewee") {
    const sessionId = (params as { id?: unknown } | undefined)?.id;
    const user = typeof sessionId === "string" ? await getInterviewee(sessionId, invitationCookieOf(req, sessionId)) : null;
    if (!user) throw new ApiError("unauthorized", SIGN_IN_MESSAGE);
    return user;
  }
  const user = await getCurrentUser();
  if (level === "optional") return user;
  if (!user) throw new ApiError("unauthorized", SIGN_IN_MESSAGE);
  if (level === "recruiter" && !hasRole(user, "recruiter")) throw new ApiError("forbidden", RECRUITERS_ONLY_MESSAGE);
  return user;
}

function validate(schema: z.ZodType, value: unknown, subject: string): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodApiError(parsed.error, subject);
  return parsed.data;
}

function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { "cache-control": "no-store", ...init.headers } });
}

/** An error thrown anywhere in a route, as the one error response; a bug is logged and answered 500. */
export function errorResponse(error: unknown, req?: Request): Response {
  const known = toApiError(error);
  if (known) return known.toResponse();
  const where = req ? ` ${req.method} ${new URL(req.url).pathname}` : "";
  console.error(`[api]${where} failed:`, error);
  return new ApiError("internal", "Something went wrong on the server. Try again in a moment.", { cause: error }).toResponse();
}

export function route<
  A extends AuthLevel,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends BodyConfig | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
  X = undefined,
>(config: RouteConfig<A, P, Q, B, R, X>, handler: (input: RouteInput<A, P, Q, B, X>) => Promise<RouteResult<R>>): RouteHandler {
  const run = async (req: Request, context?: Context): Promise<Response> => {
    try {
      // An interviewee is known by the session in the address, so the address is read first.
      const rawParams = (await context?.params) ?? {};
      const user = (await caller(config.auth, req, rawParams)) as UserFor<A>;
      const params = (config.params ? validate(config.params, rawParams, "address") : undefined) as Parsed<P>;
      const resource = (config.access ? await config.access({ req, user, params }) : undefined) as X;
      const query = (config.query ? validate(config.query, Object.fromEntries(new URL(req.url).searchParams), "query") : undefined) as Parsed<Q>;
      let body: unknown = undefined;
      const spec = config.body;
      if (spec && !(spec.optional && !hasBody(req))) {
        const raw = await readJsonBody(req, BODY_LIMITS[spec.limit]);
        body = spec.schema ? validate(spec.schema, raw, spec.subject ?? "request") : raw;
      }
      const result = await handler({ req, user, params, query, body: body as BodyOf<B>, resource });
      if (result instanceof Response) return result;
      if (result instanceof Reply) return json(result.data, result.init);
      return json(result);
    } catch (error) {
      // Next's own control flow (redirect, notFound, dynamic rendering bail-outs) is not an error.
      unstable_rethrow(error);
      return errorResponse(error, req);
    }
  };
  const meta: RouteMeta = {
    auth: config.auth,
    params: !!config.params,
    query: !!config.query,
    body: config.body ? { limit: config.body.limit, optional: !!config.body.optional, schema: !!config.body.schema } : null,
  };
  return Object.assign(run, { route: meta });
}
