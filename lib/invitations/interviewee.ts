/**
 * Who takes an interview: the invited guest whose cookie came with the request (the cookie's Path
 * is that interview's own address, lib/invitations/tokens.ts), else the signed-in user. Used by the
 * interview page and route()'s "interviewee" level, the only places a guest is ever let in.
 */
import "server-only";
import { NextRequest } from "next/server";
import { getCurrentUser } from "../auth/current-user.ts";
import type { PublicUser } from "../auth/users.ts";
import { invitedGuest } from "./candidate.ts";
import { INVITATION_COOKIE } from "./tokens.ts";

/** `token`: the invitation cookie's value, when the request carried one. */
export async function getInterviewee(sessionId: string, token: string | undefined): Promise<PublicUser | null> {
  return (await invitedGuest(token, sessionId)) ?? (await getCurrentUser());
}

/** The invitation cookie of a route handler's request (its headers only: the body is left unread). */
export function invitationCookieOf(req: Request): string | undefined {
  return new NextRequest(req.url, { headers: req.headers }).cookies.get(INVITATION_COOKIE)?.value;
}
