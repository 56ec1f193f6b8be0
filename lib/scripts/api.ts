/**
 * The logic of the /api/scripts route handlers, as functions of (user, request data) -> Response,
 * so the rules (401 signed out, 403 candidates, 404 anyone but the owner, 400 with field errors,
 * 409 stale saves) are tested without a running server. The route files only find the user and
 * call these. Responses are never cached; share tokens appear only in the create response.
 */
import "server-only";
import { BODY_LIMITS, BodyTooLargeError, InvalidJsonError, readJsonBody } from "../http/body.ts";
import { NOT_FOUND_MESSAGE, RECRUITERS_ONLY_MESSAGE, ScriptError } from "./errors.ts";
import { idParamSchema } from "./schemas.ts";
import { scorecardsToCsv, scorecardsToJson, scorecardsToMarkdown, scriptToJson, scriptToMarkdown } from "./export.ts";
import {
  canUseScripts,
  createScorecard,
  createScript,
  createShareLink,
  deleteScorecard,
  deleteScript,
  getScorecard,
  getScript,
  listRevisions,
  listScorecards,
  listScripts,
  listShareLinks,
  restoreRevision,
  revokeShareLink,
  saveScript,
  type ScriptActor,
  type ScriptRecord,
} from "./store.ts";

/** Request bodies larger than this are refused with a 413 (a script document is a few tens of kB). */
export const MAX_BODY_BYTES = BODY_LIMITS.scripts;

const NO_STORE = { "cache-control": "no-store" };

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ScriptError) {
    return json({ error: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }, error.status);
  }
  throw error;
}

/**
 * Runs a handler; ids from the address are checked first (idParamSchema): a malformed one (too
 * long, NUL or other characters no id has) is a 400 on both databases, never a driver error.
 */
async function run(fn: () => Promise<Response>, ...ids: string[]): Promise<Response> {
  try {
    for (const id of ids) {
      const parsed = idParamSchema.safeParse(id);
      if (!parsed.success) throw new ScriptError("invalid", parsed.error.issues[0]?.message ?? "The id in the address is malformed.");
    }
    return await fn();
  } catch (error) {
    return errorResponse(error);
  }
}

/** The JSON body of a request; throws a 400 (or 415) ScriptError with a clear message otherwise. */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ScriptError("invalid", "Send the body as JSON (Content-Type: application/json).");
  try {
    return await readJsonBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ScriptError("too-large", error.message);
    if (error instanceof InvalidJsonError) throw new ScriptError("invalid", "The request body is not valid JSON.");
    throw error;
  }
}

function scriptJson(s: ScriptRecord) {
  return { id: s.id, title: s.title, level: s.level, version: s.version, inputs: s.inputs, content: s.content, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

function fileName(title: string, suffix: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "script"}${suffix}`;
}

function download(body: string, type: string, name: string): Response {
  return new Response(body, {
    status: 200,
    headers: { ...NO_STORE, "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${name}"` },
  });
}

type User = ScriptActor | null;

export const scriptsApi = {
  list: (user: User) => run(async () => json({ scripts: await listScripts(user) })),

  create: (user: User, req: Request) =>
    run(async () => {
      // Role first: a candidate hears "recruiters only" whatever the body holds.
      if (!user) throw new ScriptError("unauthenticated", "Sign in to use interview scripts.");
      if (!canUseScripts(user)) throw new ScriptError("forbidden", RECRUITERS_ONLY_MESSAGE);
      const body = await readJson(req);
      const script = await createScript(user, body);
      return json({ script: scriptJson(script) }, 201, { location: `/scripts/${script.id}` });
    }),

  get: (user: User, id: string) => run(async () => json({ script: scriptJson(await getScript(user, id)) }), id),

  save: (user: User, id: string, req: Request) =>
    run(async () => {
      // Ownership first: a stranger learns nothing from the body's errors.
      await getScript(user, id);
      const script = await saveScript(user, id, await readJson(req));
      return json({ script: scriptJson(script) });
    }, id),

  remove: (user: User, id: string) =>
    run(async () => {
      await deleteScript(user, id);
      return new Response(null, { status: 204, headers: NO_STORE });
    }, id),

  exportScript: (user: User, id: string, format: string | null) =>
    run(async () => {
      const script = await getScript(user, id);
      if (format === "json") return download(scriptToJson(script.content), "application/json", fileName(script.title, ".json"));
      if (format === "md" || format === "markdown" || format === null)
        return download(scriptToMarkdown(script.content), "text/markdown", fileName(script.title, ".md"));
      throw new ScriptError("invalid", "Choose format=md or format=json.");
    }, id),

  revisions: (user: User, id: string) => run(async () => json({ revisions: await listRevisions(user, id) }), id),

  restore: (user: User, id: string, req: Request) =>
    run(async () => {
      await getScript(user, id);
      return json({ script: scriptJson(await restoreRevision(user, id, await readJson(req))) });
    }, id),

  shareList: (user: User, id: string) => run(async () => json({ links: await listShareLinks(user, id) }), id),

  shareCreate: (user: User, id: string, req?: Request) =>
    run(async () => {
      // Ownership first; the body ({ expiresInDays }) is optional.
      await getScript(user, id);
      const hasBody = !!req && (req.headers.get("content-length") ?? "") !== "0" && (req.headers.get("content-type") ?? "") !== "";
      const link = await createShareLink(user, id, hasBody ? await readJson(req!) : {});
      return json({ link: { id: link.id, version: link.version, createdAt: link.createdAt, expiresAt: link.expiresAt, path: `/share/${link.token}` } }, 201);
    }, id),

  shareRevoke: (user: User, id: string, linkId: string) =>
    run(
      async () => {
        await revokeShareLink(user, id, linkId);
        return new Response(null, { status: 204, headers: NO_STORE });
      },
      id,
      linkId,
    ),

  scorecardList: (user: User, id: string) => run(async () => json({ scorecards: await listScorecards(user, id) }), id),

  scorecardCreate: (user: User, id: string, req: Request) =>
    run(async () => {
      await getScript(user, id);
      const scorecard = await createScorecard(user, id, await readJson(req));
      return json({ scorecard }, 201, { location: `/scripts/${id}/scorecards/${scorecard.id}` });
    }, id),

  scorecardGet: (user: User, id: string, scorecardId: string) =>
    run(async () => json({ scorecard: await getScorecard(user, id, scorecardId) }), id, scorecardId),

  scorecardDelete: (user: User, id: string, scorecardId: string) =>
    run(
      async () => {
        await deleteScorecard(user, id, scorecardId);
        return new Response(null, { status: 204, headers: NO_STORE });
      },
      id,
      scorecardId,
    ),

  scorecardExport: (user: User, id: string, format: string | null) =>
    run(async () => {
      const script = await getScript(user, id);
      const cards = await listScorecards(user, id);
      const name = fileName(`${script.title}-scorecards`, "");
      if (format === "json") return download(scorecardsToJson(script, cards), "application/json", `${name}.json`);
      if (format === "csv" || format === null) return download(scorecardsToCsv(cards), "text/csv", `${name}.csv`);
      if (format === "md" || format === "markdown") return download(scorecardsToMarkdown(script.title, cards), "text/markdown", `${name}.md`);
      throw new ScriptError("invalid", "Choose format=csv, format=json or format=md.");
    }, id),
};

export { NOT_FOUND_MESSAGE };
