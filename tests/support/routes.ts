/**
 * Calls the app's route handlers as Next does (a Request and a promise of the address's params),
 * as a given user (tests/support/fake-session.ts: the test file mocks lib/auth/current-user.ts).
 * Every API route is found on disk, so a new route is walked by the tests that list them.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { RouteHandler } from "../../lib/api/route.ts";
import { signInAs, type TestUser } from "./fake-session.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type RequestOptions = { method?: string; body?: unknown; type?: string | null; query?: Record<string, string> };

/** A request to `pathname`: a JSON body unless `body` is a string (sent as is) or absent. */
export function request(pathname: string, init: RequestOptions = {}): Request {
  const url = new URL(pathname, "http://localhost");
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  const type = init.type === undefined ? (init.body === undefined ? null : "application/json") : init.type;
  if (type) headers["content-type"] = type;
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return new Request(url, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

/** Runs a route handler as `user` (null: signed out) with the address's params. */
export function callRoute(handler: RouteHandler, user: TestUser | null, req: Request, params: Record<string, string | string[]> = {}): Promise<Response> {
  signInAs(user);
  return handler(req, { params: Promise.resolve(params) });
}

export type RouteFile = {
  /** The address pattern, e.g. /api/kits/[id]/share/[linkId]. */
  pattern: string;
  /** The file, relative to the repository. */
  file: string;
  /** The dynamic segments' names, in order. */
  segments: string[];
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name === "route.ts" ? [full] : [];
  });
}

/** Every route handler file under app/ (API routes and the others, such as the session export). */
export function routeFiles(): RouteFile[] {
  return walk(path.join(ROOT, "app"))
    .map((full) => {
      const rel = path.relative(ROOT, full).split(path.sep).join("/");
      const parts = rel
        .replace(/^app\//, "")
        .replace(/\/?route\.ts$/, "")
        .split("/")
        // Route groups such as (auth) are not part of the address.
        .filter((p) => p && !/^\(.*\)$/.test(p));
      const segments = parts.filter((p) => /^\[.*\]$/.test(p)).map((p) => p.replace(/^\[(\.\.\.)?|\]$/g, ""));
      return { pattern: `/${parts.join("/")}`, file: rel, segments };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
