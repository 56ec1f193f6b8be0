/**
 * Who takes an interview: the invited guest whose cookie came with the request (the cookie's Path
 * is that interview's own address, lib/invitations/tokens.ts), else the signed-in user. Used by the
 * interview page and route()'s "interviewee" level, the only places a guest is ever let in.
 */
import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "../auth/current-user.ts";
import type { PublicUser } from "../auth/users.ts";
import { invitedGuest } from "./candidate.ts";
import { INVITATION_COOKIE } from "./tokens.ts";

export async function getInterviewee(sessionId: string): Promise<PublicUser | null> {
  const token = (await cookies()).get(INVITATION_COOKIE)?.value;
  return (await invitedGuest(token, sessionId)) ?? (await getCurrentUser());
}
