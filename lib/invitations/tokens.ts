/**
 * Invitation links and the cookie that carries one. A link's token is a share token (lib/kits/
 * share-token.ts: 256 bits, only its sha256 stored, compared in constant time). Once the candidate
 * consents, the token is also kept in an httpOnly cookie named after that interview, so the guest
 * identity counts only for requests about that one session: a recruiter who tries their own
 * invitation keeps their account everywhere else.
 */
import { env } from "../env.ts";
import { hashShareToken, isWellFormedShareToken, newShareToken, shareTokenMatches } from "../kits/share-token.ts";

export const newInvitationToken = newShareToken;
export const hashInvitationToken = hashShareToken;
export const invitationTokenMatches = shareTokenMatches;
export const isWellFormedInvitationToken = isWellFormedShareToken;

/** The guest cookie of one interview (session ids are cuids: letters and digits). */
export function invitationCookieName(sessionId: string): string {
  return `invitation_${sessionId}`;
}

/** The link a candidate opens: on NEXTAUTH_URL (the public address) when set, else on the request's origin. */
export function invitationLink(token: string, requestOrigin?: string): string {
  const base = (env().NEXTAUTH_URL ?? requestOrigin ?? `http://localhost:${env().PORT}`).replace(/\/+$/, "");
  return `${base}/invite/${token}`;
}
