/** Route-handler helpers for the interview API: the signed-in user and typed errors as JSON. */
import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser } from "../auth/current-user.ts";
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

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 100_000) throw new SessionError("invalid", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new SessionError("invalid", "The request body must be JSON.");
  }
}
