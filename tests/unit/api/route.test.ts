// The one edge: route() and action() (lib/api/). Who may call, the body read with its cap before
// anything is parsed, the content type, zod errors as fields, domain errors by their code, and
// anything else a logged 500 (route) or a thrown error (action).
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("@/lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../../support/fake-session.ts")).getCurrentUser,
}));

import { action } from "@/lib/api/action.ts";
import { apiErrorBodySchema, API_ERROR_STATUS, ApiError } from "@/lib/api/errors.ts";
import { noContent, reply, route } from "@/lib/api/route.ts";
import { formatZodError } from "@/lib/api/zod.ts";
import { RateLimitError } from "@/lib/rate-limit/index.ts";
import { KitError } from "@/lib/kits/errors.ts";
import { SessionError } from "@/lib/sessions/errors.ts";
import { signInAs } from "../../support/fake-session.ts";

const candidate = { id: "c1", role: "candidate" };
const recruiter = { id: "r1", role: "recruiter" };
const admin = { id: "a1", role: "admin" };

const JSON_TYPE = { "content-type": "application/json" };
const post = (body: BodyInit | null, headers: Record<string, string> = JSON_TYPE) =>
  new Request("http://localhost/api/thing", { method: "POST", headers, body, duplex: "half" } as RequestInit);

/** A body produced on demand, 64 kB at a time, up to `total` bytes; counts what was pulled. */
function endless(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

async function errorOf(res: Response) {
  const body = apiErrorBodySchema.parse(await res.json());
  expect(API_ERROR_STATUS[body.error.code]).toBe(res.status);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return body.error;
}

afterEach(() => {
  signInAs(null);
  vi.restoreAllMocks();
});

describe("route(): who may call", () => {
  const whoAmI = (auth: "public" | "optional" | "user" | "recruiter") => route({ auth }, async ({ user }) => ({ user: user?.id ?? null }));

  it("public never looks for a user; optional gives the user or null", async () => {
    signInAs(recruiter);
    expect(await (await whoAmI("public")(new Request("http://localhost/"))).json()).toEqual({ user: null });
    expect(await (await whoAmI("optional")(new Request("http://localhost/"))).json()).toEqual({ user: "r1" });
    signInAs(null);
    expect(await (await whoAmI("optional")(new Request("http://localhost/"))).json()).toEqual({ user: null });
  });

  it("user: 401 signed out; recruiter: 401 signed out, 403 for a candidate, admins and recruiters through", async () => {
    signInAs(null);
    for (const level of ["user", "recruiter"] as const) {
      const res = await whoAmI(level)(new Request("http://localhost/"));
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toEqual({ code: "unauthorized", message: "Sign in to continue." });
    }
    signInAs(candidate);
    expect((await whoAmI("user")(new Request("http://localhost/"))).status).toBe(200);
    const forbidden = await whoAmI("recruiter")(new Request("http://localhost/"));
    expect(forbidden.status).toBe(403);
    expect((await errorOf(forbidden)).message).toMatch(/recruiter.*Settings/);
    for (const user of [recruiter, admin]) {
      signInAs(user);
      expect((await whoAmI("recruiter")(new Request("http://localhost/"))).status).toBe(200);
    }
  });

  it("says what it declared, for the tests that walk every route", () => {
    const r = route({ auth: "recruiter", params: z.object({ id: z.string() }), body: { limit: "kits", optional: true } }, async () => ({}));
    expect(r.route).toEqual({ auth: "recruiter", params: true, query: false, body: { limit: "kits", optional: true, schema: false } });
  });
});

describe("route(): the body", () => {
  const echo = vi.fn(async ({ body }: { body: unknown }) => ({ body }));
  const json = route({ auth: "public", body: { limit: "auth" } }, echo);

  it("is capped before anything is parsed: a stream past the cap stops being read, a 413 even when it is not JSON", async () => {
    const { stream, pulled } = endless(50 * 1024 * 1024);
    const res = await json(post(stream));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toEqual({ code: "payload_too_large", message: "The request body is too large (the limit is 16 kB)." });
    expect(pulled.bytes).toBeLessThanOrEqual(16 * 1024 + 2 * 64 * 1024);
    const declared = await json(post("{}", { ...JSON_TYPE, "content-length": String(10 * 1024 * 1024) }));
    expect(declared.status).toBe(413);
    expect(echo).not.toHaveBeenCalled();
  });

  it("must be JSON by its Content-Type (415, unread), then by its text (400)", async () => {
    const { stream, pulled } = endless(50 * 1024 * 1024);
    const wrongType = await json(post(stream, { "content-type": "text/plain" }));
    expect(wrongType.status).toBe(415);
    expect((await errorOf(wrongType)).code).toBe("unsupported_media_type");
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
    expect((await json(post('{"a":1}', {}))).status).toBe(415);
    expect((await json(post('{"a":1}', { "content-type": "application/json; charset=utf-8" }))).status).toBe(200);
    expect((await errorOf(await json(post("{nope")))).code).toBe("bad_request");
    expect(echo).toHaveBeenCalledTimes(1);
  });

  it("an optional body may be left out; one that is sent is read as any other", async () => {
    const optional = route({ auth: "public", body: { limit: "auth", optional: true } }, async ({ body }) => ({ body: body ?? "none" }));
    expect(await (await optional(new Request("http://localhost/", { method: "POST" }))).json()).toEqual({ body: "none" });
    expect(await (await optional(post('{"a":1}'))).json()).toEqual({ body: { a: 1 } });
    expect((await optional(post("x", { "content-type": "text/plain" }))).status).toBe(415);
  });
});

describe("route(): validation with zod", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name."), items: z.array(z.object({ n: z.number({ error: "n must be a number." }) })) }).strict();
  const handler = vi.fn(async ({ body, params, query }: { body: unknown; params: unknown; query: unknown }) => ({ body, params, query }));
  const r = route(
    {
      auth: "public",
      params: z.object({ id: z.string().regex(/^\w+$/, "The id in the address is malformed.") }),
      query: z.object({ format: z.enum(["md", "json"], { error: "Choose format=md or format=json." }).default("md") }),
      body: { limit: "auth", schema, subject: "thing" },
    },
    handler,
  );
  const call = (body: unknown, id = "abc", query = "") =>
    r(new Request(`http://localhost/api/thing${query}`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) }), {
      params: Promise.resolve({ id }),
    });

  it("the body: 400 with one message per field (nested ones by path) and the messages in words", async () => {
    const error = await errorOf(await call({ name: "", items: [{ n: "one" }] }));
    expect(error).toEqual({
      code: "bad_request",
      message: "Enter a name. n must be a number.",
      fields: { name: "Enter a name.", items: "n must be a number.", "items.0.n": "n must be a number." },
    });
    expect((await errorOf(await call({ name: "x", items: [], extra: 1 }))).message).toBe("This thing has fields the server does not know (extra).");
    expect((await errorOf(await call([1]))).message).toBe("This thing is not in the expected form.");
    expect(handler).not.toHaveBeenCalled();
  });

  it("the address and the query: 400 naming the problem; the handler gets the parsed values", async () => {
    expect((await errorOf(await call({ name: "x", items: [] }, "../etc"))).message).toBe("The id in the address is malformed.");
    expect((await errorOf(await call({ name: "x", items: [] }, "abc", "?format=docx"))).message).toBe("Choose format=md or format=json.");
    const ok = await call({ name: "x", items: [{ n: 1 }] });
    expect(await ok.json()).toEqual({ body: { name: "x", items: [{ n: 1 }] }, params: { id: "abc" }, query: { format: "md" } });
  });

  it("access runs before the query and the body: a stranger's 404 whatever the request holds", async () => {
    const guarded = route(
      {
        auth: "public",
        query: z.object({ format: z.enum(["md"]) }),
        body: { limit: "auth" },
        access: async () => {
          throw new KitError("not-found", "Kit not found.");
        },
      },
      async () => ({}),
    );
    const res = await guarded(new Request("http://localhost/?format=nope", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }));
    expect(await errorOf(res)).toEqual({ code: "not_found", message: "Kit not found." });
  });
});

describe("route(): what a handler returns or throws", () => {
  it("data as JSON, reply() with a status and headers, a Response as it is, 204 with nothing", async () => {
    const data = await route({ auth: "public" }, async () => ({ a: 1 }))(new Request("http://localhost/"));
    expect([data.status, data.headers.get("cache-control"), await data.json()]).toEqual([200, "no-store", { a: 1 }]);
    const created = await route({ auth: "public" }, async () => reply({ b: 2 }, { status: 201, headers: { location: "/b" } }))(
      new Request("http://localhost/"),
    );
    expect([created.status, created.headers.get("location"), await created.json()]).toEqual([201, "/b", { b: 2 }]);
    const file = await route(
      { auth: "public" },
      async () => new Response("# hi", { headers: { "content-type": "text/markdown" } }),
    )(new Request("http://localhost/"));
    expect([file.headers.get("content-type"), await file.text()]).toEqual(["text/markdown", "# hi"]);
    expect((await route({ auth: "public" }, async () => noContent())(new Request("http://localhost/"))).status).toBe(204);
  });

  it("maps ApiError, zod errors and the domain errors by their code, in one table", async () => {
    const throwing = (error: unknown) => route({ auth: "public" }, async () => Promise.reject(error))(new Request("http://localhost/"));
    expect(await errorOf(await throwing(new ApiError("gone", "Expired.")))).toEqual({ code: "gone", message: "Expired." });
    expect((await errorOf(await throwing(z.object({ a: z.string({ error: "a is text." }) }).safeParse({}).error))).fields).toEqual({ a: "a is text." });
    const session = await throwing(new SessionError("already-answered", "This question has already been answered."));
    expect([session.status, (await errorOf(session)).code]).toEqual([409, "conflict"]);
    const quota = await throwing(new SessionError("quota", "You have reached the limit."));
    expect([quota.status, (await errorOf(quota)).code]).toEqual([409, "quota_exceeded"]);
    const script = await throwing(new KitError("invalid", "Bad plan.", { plan: "Bad plan.", other: undefined }));
    expect(await errorOf(script)).toEqual({ code: "bad_request", message: "Bad plan.", fields: { plan: "Bad plan." } });
    const limited = await throwing(new RateLimitError(1500));
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "2"]);
    expect((await errorOf(limited)).message).toMatch(/Try again in 2 seconds/);
  });

  it("anything else is a 500 that says nothing of the cause, with the error logged", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const bug = new Error("secret detail: connection string");
    const res = await route({ auth: "public" }, async () => {
      throw bug;
    })(new Request("http://localhost/api/broken", { method: "POST" }));
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error.code).toBe("internal");
    expect(error.message).not.toMatch(/secret/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("POST /api/broken"), bug);
  });
});

describe("action()", () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const rename = action(
    { auth: "user", input: z.object({ name: z.string().min(1, "Enter a name.") }), signIn: (f) => `/things/${String(f.get("name"))}` },
    async ({ user, input }) => {
      if (input.name === "taken") throw new ApiError("conflict", "That name is taken.", { fields: { name: "That name is taken." } });
      if (input.name === "gone") throw new SessionError("not-found", "No such session.");
      if (input.name === "bug") throw new Error("bug");
      return { renamed: `${user.id}:${input.name}` };
    },
  );

  it("a typed result: ok with the data, or the API's error (zod fields, ApiError, domain errors by code)", async () => {
    signInAs(candidate);
    expect(await rename(null, form({ name: "Ada" }))).toEqual({ ok: true, renamed: "c1:Ada" });
    expect(await rename(null, form({ name: "" }))).toEqual({
      ok: false,
      error: { code: "bad_request", message: "Enter a name.", fields: { name: "Enter a name." } },
    });
    expect(await rename(null, form({ name: "taken" }))).toEqual({
      ok: false,
      error: { code: "conflict", message: "That name is taken.", fields: { name: "That name is taken." } },
    });
    expect(await rename(null, form({ name: "gone" }))).toEqual({ ok: false, error: { code: "not_found", message: "No such session." } });
  });

  it("signed out: to sign-in and back; a bug is thrown, not a result", async () => {
    signInAs(null);
    const redirected = (await rename(null, form({ name: "Ada" })).then(
      () => ({}),
      (e: unknown) => e,
    )) as { digest?: string };
    expect(redirected.digest).toMatch(/^NEXT_REDIRECT;.*;\/sign-in\?callbackUrl=%2Fthings%2FAda;/);
    signInAs(candidate);
    await expect(rename(null, form({ name: "bug" }))).rejects.toThrow("bug");
  });
});

describe("formatZodError", () => {
  it("one sentence per message, repeats dropped, the subject named for unknown fields and wrong shapes", () => {
    const schema = z.object({ a: z.string({ error: "Give a" }), b: z.string({ error: "Give a" }) }).strict();
    expect(formatZodError(schema.safeParse({ c: 1 }).error!, "draft")).toEqual({
      message: "Give a. This draft has fields the server does not know (c).",
      fields: { a: "Give a", b: "Give a", form: 'Unrecognized key: "c"' },
    });
    expect(formatZodError(schema.safeParse("x").error!).message).toBe("This request is not in the expected form.");
  });
});
