/**
 * Every route handler, found on disk (a new route is walked without editing this file), answers
 * refusals with the one error shape, { error: { code, message, fields? } }, and the status its code
 * stands for (lib/api/errors.ts): signed out (401), a candidate on a recruiter route (403), an
 * address no resource can have (400 or 404), a bad query (400), and a bad body: not JSON by its
 * Content-Type (415), past the route's cap (413), not JSON (400), JSON of the wrong shape (400).
 * Each handler is called as Next calls it, on a real database.
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));

import { BODY_LIMITS } from "../../lib/api/body.ts";
import { API_ERROR_STATUS, apiErrorBodySchema } from "../../lib/api/errors.ts";
import type { RouteHandler } from "../../lib/api/route.ts";
import { createInvitation } from "../../lib/invitations/store.ts";
import { saveLibraryQuestions } from "../../lib/library/store.ts";
import { createScorecard, createKit, createShareLink } from "../../lib/kits/store.ts";
import { startSession } from "../../lib/sessions/service.ts";
import type { TestUser } from "../support/fake-session.ts";
import { callRoute, HTTP_METHODS, request, routeFiles, type RouteFile } from "../support/routes.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const ROUTES = routeFiles();
/** next-auth's own handler: the one route not built with route() (its body cap is checked below). */
const NEXTAUTH = "/api/auth/[...nextauth]";

type Handlers = Partial<Record<(typeof HTTP_METHODS)[number], RouteHandler>>;
const modules = new Map<string, Handlers>();
async function handlersOf(route: RouteFile): Promise<Handlers> {
  if (!modules.has(route.file)) modules.set(route.file, (await import(/* @vite-ignore */ `../../${route.file}`)) as Handlers);
  return modules.get(route.file)!;
}

async function methodsOf(route: RouteFile) {
  const mod = await handlersOf(route);
  return HTTP_METHODS.flatMap((method) => (mod[method] ? [{ method, handler: mod[method] }] : []));
}

/** A refusal: the status, and the one shape with the code that stands for that status. */
async function expectRefusal(res: Response, status: number | number[], what: string) {
  const statuses = Array.isArray(status) ? status : [status];
  const text = await res.text();
  expect(statuses, `${what}: status ${res.status} ${text.slice(0, 200)}`).toContain(res.status);
  const parsed = apiErrorBodySchema.safeParse(JSON.parse(text));
  expect(parsed.success, `${what}: the one error shape, got ${text.slice(0, 200)}`).toBe(true);
  const { code, message } = parsed.data!.error;
  expect(API_ERROR_STATUS[code], `${what}: code ${code} with status ${res.status}`).toBe(res.status);
  expect(message.length, `${what}: a message`).toBeGreaterThan(0);
  return parsed.data!.error;
}

/** Real resources for every address: the recruiter's kit, link and scorecard; the candidate's interview. */
const world = {
  recruiter: null as unknown as TestUser,
  candidate: null as unknown as TestUser,
  params: {} as Record<string, string>,
  libraryParams: {} as Record<string, string>,
  sessionId: "",
};

async function setUp() {
  if (world.sessionId) return;
  const r = await db().user.create({ data: { email: uniqueEmail("walk-r"), name: "Walker", role: "recruiter" } });
  const c = await db().user.create({ data: { email: uniqueEmail("walk-c"), name: "Candidate", role: "candidate" } });
  world.recruiter = { id: r.id, role: r.role, email: r.email, name: r.name };
  world.candidate = { id: c.id, role: c.role, email: c.email, name: c.name };
  const kit = await createKit(world.recruiter, { level: "mid", minutes: 30, seed: "walk" });
  const link = await createShareLink(world.recruiter, kit.id);
  const card = await createScorecard(world.recruiter, kit.id, { candidateName: "Ada", scriptVersion: 1, entries: [] });
  const invited = await createInvitation(world.recruiter, kit.id, { candidateName: "Grace", candidateEmail: "grace@example.com" });
  world.params = { id: kit.id, linkId: link.id, scorecardId: card.id, invitationId: invited.invitation.id };
  const [question] = await saveLibraryQuestions(world.recruiter, {
    questions: [
      { title: "What is a closure?", reference: "A function that keeps the variables of the scope it was defined in.", topic: "Functions", difficulty: "easy" },
    ],
  });
  world.libraryParams = { id: question!.id };
  world.sessionId = (await startSession(c.id, { questionIds: ["python-memory-model"], seed: "walk" })).id;
}

/** Who may call a route, and the address of a resource they own. */
function owner(route: RouteFile): { user: TestUser; params: Record<string, string> } {
  if (route.pattern.startsWith("/api/kits")) return { user: world.recruiter, params: world.params };
  if (route.pattern.startsWith("/api/library")) return { user: world.recruiter, params: world.libraryParams };
  return { user: world.candidate, params: { id: world.sessionId } };
}

const pathOf = (route: RouteFile, params: Record<string, string>) => route.pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => params[name] ?? "x");

describe(`every route handler on ${TEST_PROVIDER}`, () => {
  it("is found on disk, and every one but next-auth's is built with route()", async () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(17);
    expect(ROUTES.map((r) => r.pattern)).toEqual(
      expect.arrayContaining(["/api/auth/sign-up", "/api/interview/[id]/chat", "/api/kits/[id]", "/api/sessions/[id]/export"]),
    );
    for (const route of ROUTES) {
      const methods = await methodsOf(route);
      expect(methods.length, `${route.file} exports a method`).toBeGreaterThan(0);
      if (route.pattern === NEXTAUTH) continue;
      for (const { method, handler } of methods) expect(handler.route, `${method} ${route.pattern} is built with route()`).toBeDefined();
    }
  });

  it("signed out: 401 wherever a user is needed; a candidate on a recruiter route: 403", async () => {
    await setUp();
    for (const route of ROUTES.filter((r) => r.pattern !== NEXTAUTH)) {
      const { params } = owner(route);
      for (const { method, handler } of await methodsOf(route)) {
        const what = `${method} ${route.pattern}`;
        const req = () => request(pathOf(route, params), { method, body: handler.route.body ? {} : undefined });
        if (handler.route.auth === "user" || handler.route.auth === "recruiter" || handler.route.auth === "interviewee") {
          const error = await expectRefusal(await callRoute(handler, null, req(), params), 401, `${what} signed out`);
          expect(error.code).toBe("unauthorized");
        }
        if (handler.route.auth === "recruiter") {
          const error = await expectRefusal(await callRoute(handler, world.candidate, req(), params), 403, `${what} as a candidate`);
          expect(error.code).toBe("forbidden");
        }
      }
    }
  });

  it("an address no resource can have: 400 (the kits API checks ids) or 404, never a 500", async () => {
    await setUp();
    for (const route of ROUTES.filter((r) => r.segments.length && r.pattern !== NEXTAUTH)) {
      const { user } = owner(route);
      for (const bad of ["bad\u0000id", "x".repeat(65), "no-such-id"]) {
        const params = Object.fromEntries(route.segments.map((s) => [s, bad]));
        for (const { method, handler } of await methodsOf(route)) {
          const req = request(pathOf(route, { id: "x" }), { method, body: handler.route.body ? {} : undefined });
          await expectRefusal(await callRoute(handler, user, req, params), [400, 404], `${method} ${route.pattern} with ${JSON.stringify(bad)}`);
        }
      }
    }
  });

  it("a query it does not take: 400", async () => {
    await setUp();
    for (const route of ROUTES.filter((r) => r.pattern !== NEXTAUTH)) {
      const { user, params } = owner(route);
      for (const { method, handler } of await methodsOf(route)) {
        if (!handler.route.query) continue;
        const req = request(pathOf(route, params), { method, query: { format: "docx" } });
        const error = await expectRefusal(await callRoute(handler, user, req, params), 400, `${method} ${route.pattern}?format=docx`);
        expect(error.message).toMatch(/format/);
      }
    }
  });

  it("a bad body: 415 not JSON, 413 past the route's cap (before it is parsed), 400 not JSON or not the right shape", async () => {
    await setUp();
    let walked = 0;
    for (const route of ROUTES.filter((r) => r.pattern !== NEXTAUTH)) {
      const { user, params } = owner(route);
      for (const { method, handler } of await methodsOf(route)) {
        const body = handler.route.body;
        if (!body) continue;
        walked += 1;
        const what = `${method} ${route.pattern}`;
        const path = pathOf(route, params);
        const call = (req: Request) => callRoute(handler, route.pattern === "/api/auth/sign-up" ? null : user, req, params);

        const plain = await expectRefusal(await call(request(path, { method, body: "hello", type: "text/plain" })), 415, `${what} text/plain`);
        expect(plain.code).toBe("unsupported_media_type");
        // Not JSON at all, and past the cap: the cap is checked first, so this is a 413, not a 400.
        const huge = await expectRefusal(await call(request(path, { method, body: "x".repeat(BODY_LIMITS[body.limit] + 1) })), 413, `${what} over the cap`);
        expect(huge.message).toMatch(new RegExp(`the limit is ${BODY_LIMITS[body.limit] / 1024} kB`));
        await expectRefusal(await call(request(path, { method, body: "{not json" })), 400, `${what} not JSON`);
        const shape = await expectRefusal(await call(request(path, { method, body: [1, 2, 3] })), 400, `${what} an array`);
        expect(shape.code).toBe("bad_request");
      }
    }
    expect(walked).toBeGreaterThanOrEqual(8);
  });

  it("next-auth's callbacks are read through the same capped reader: 413 with the one shape", async () => {
    const { POST } = (await handlersOf(ROUTES.find((r) => r.pattern === NEXTAUTH)!)) as unknown as {
      POST: (req: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
    };
    const req = request("/api/auth/callback/credentials", {
      method: "POST",
      body: `email=a%40example.com&password=${"x".repeat(BODY_LIMITS.auth)}`,
      type: "application/x-www-form-urlencoded",
    });
    const error = await expectRefusal(await POST(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) }), 413, "next-auth callback");
    expect(error.code).toBe("payload_too_large");
  });
});
