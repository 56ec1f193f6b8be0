/**
 * The /api/interview/[id]/... routes: their address and what they answer on success, as zod
 * schemas shared by the routes and the interview room (fetchJson). Request bodies are the session
 * service's own schemas (lib/sessions/schemas.ts). Client-safe.
 */
import "../browser-zod.ts";
import { z } from "zod";

/** Any string: an id no session has is that session's 404 (lib/sessions/read-model.ts isSessionId), not a 400. */
export const interviewParamsSchema = z.object({ id: z.string() });

/** PUT draft: when the server saved it. */
export const draftSavedSchema = z.object({ savedAt: z.string() });

/** POST next, POST finish. */
export const okSchema = z.object({ ok: z.literal(true) });
