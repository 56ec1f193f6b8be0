/** Route-handler helpers for the interview API: the signed-in user and typed errors as JSON. */
import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser } from "../auth/current-user.ts";
import { BODY_LIMITS, BodyTooLargeError, InvalidJsonError, readJsonBody } from "../http/body.ts";
import { SessionError } from "./errors.ts";

export async function userIdOrNull(): Promise<string | null> {
  return (await getCurrentUser())?.id ?? null;
}

export function unauthorized() {
  return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
}

/** A SessionError becomes its status with a message; anything else is rethrown (a 500 with a log). */
export function errorResponse(error: unknown) {
  if (error instanceof SessionError) {
    return NextResponse.json({ error: error.message, code: error.code }, { status: error.status });
  }
  throw error;
}

/** The JSON body, streamed with a byte cap: 413 past BODY_LIMITS.interview, 400 when it is not JSON. */
export async function readJson(req: Request, maxBytes: number = BODY_LIMITS.interview): Promise<unknown> {
  try {
    return await readJsonBody(req, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new SessionError("too-large", error.message);
    if (error instanceof InvalidJsonError) throw new SessionError("invalid", error.message);
    throw error;
  }
}
