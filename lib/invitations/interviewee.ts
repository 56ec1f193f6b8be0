/**
 * Who takes an interview: the invited guest whose cookie for that interview came with the request
 * (lib/invitations/tokens.ts), else the signed-in user. Used by the
 * interview page and route()'s "interviewee" level, the only places a guest is ever let in.
 */
import "server-only";
import { NextRequest } from "next/server";
import { getCurrentUser } from "../auth/current-user.ts";
import type { PublicUser } from "../auth/users.ts";
import { invitedGuest } from "./candidate.ts";
import { invitationCookieName } from "./tokens.ts";

/** `token`: the invitation cookie's value, when the request carried one. */
export async function getInterviewee(sessionId: string, token: string | undefined): Promise<PublicUser | null> {
  return (await invitedGuest(token, sessionId)) ?? (await getCurrentUser());
}

/** The invitation cookie of this interview in a route handler's request (its headers only: the body is left unread). */
export function invitationCookieOf(req: Request, sessionId: string): string | undefined {
  return new NextRequest(req.url, { headers: req.headers }).cookies.get(invitationCookieName(sessionId))?.value;
}
