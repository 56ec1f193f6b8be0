/**
 * Invitations, the candidate's side, reached only through the link's token (no account needed):
 * what the invitation page shows, consenting (which makes the guest account and starts the
 * interview: one attempt; opening the link again resumes it), the guest identity the interview's
 * own routes accept, and the candidate's request to delete their answers.
 *
 * A token that is unknown or malformed is nobody's (the page answers 404); an expired, revoked or
 * erased invitation says so and starts nothing.
 */
import "server-only";
import { db } from "../db/client.ts";
import type { PublicUser } from "../auth/users.ts";
import { kitDocumentSchema } from "../kits/schemas.ts";
import { questionBankFor } from "../library/store.ts";
import { canUseKits } from "../kits/store.ts";
import { SessionError } from "../sessions/errors.ts";
import { startInvitedSession } from "../sessions/service.ts";
import { invitationState, kitQuestions, kitVersionDocument } from "./store.ts";
import type { InvitationState } from "./schemas.ts";
import { hashInvitationToken, invitationTokenMatches, isWellFormedInvitationToken } from "./tokens.ts";

export type InvitationView = {
  state: InvitationState;
  candidateName: string;
  inviterName: string;
  kitTitle: string;
  totalMinutes: number;
  questionCount: number;
  interviewer: string;
  showScore: boolean;
  expiresAt: Date;
  sessionId: string | null;
};

const select = {
  id: true,
  tokenHash: true,
  scriptId: true,
  scriptVersion: true,
  candidateName: true,
  candidateEmail: true,
  interviewer: true,
  showScore: true,
  expiresAt: true,
  revokedAt: true,
  erasedAt: true,
  openedAt: true,
  consentedAt: true,
  guest: { select: { id: true } },
  sessionId: true,
  session: { select: { status: true } },
  script: { select: { title: true, owner: { select: { id: true, name: true, role: true } } } },
} as const;

/** A guest's email: unique, and in the reserved .invalid domain, so no mail provider can ever verify it for a sign-in. */
const guestEmail = (invitationId: string) => `invitation-${invitationId}@guest.invalid`;

async function findByToken(token: string) {
  if (!isWellFormedInvitationToken(token)) return null;
  const row = await db().invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select });
  if (!row || !invitationTokenMatches(row.tokenHash, token)) return null;
  // A recruiter who is no longer one cannot run interviews through links (as with share links).
  if (!canUseKits(row.script.owner)) return null;
  return row;
}

/** What the invitation page shows, or null (404). The first view marks the invitation opened. */
export async function viewInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  const row = await findByToken(token);
  if (!row) return null;
  if (!row.openedAt) await db().invitation.updateMany({ where: { id: row.id, openedAt: null }, data: { openedAt: now } });
  const doc = await kitVersionDocument(row.scriptId, row.scriptVersion);
  return {
    state: invitationState({ ...row, openedAt: row.openedAt ?? now }, row.session, now),
    candidateName: row.candidateName,
    inviterName: row.script.owner.name,
    kitTitle: doc?.title ?? row.script.title,
    // The candidate's time is the questions' (the kit's intro and wrap-up are for a live interviewer).
    totalMinutes: (doc?.questions ?? []).reduce((sum, q) => sum + q.minutes, 0),
    questionCount: doc?.questions.length ?? 0,
    interviewer: row.interviewer,
    showScore: row.showScore,
    expiresAt: row.expiresAt,
    sessionId: row.sessionId,
  };
}

const GONE: Partial<Record<InvitationState, string>> = {
  expired: "This invitation has expired. Ask the recruiter for a new one.",
  revoked: "This invitation was withdrawn by the recruiter.",
  erased: "Your answers to this invitation were deleted at your request.",
};

/**
 * The candidate agrees and starts: makes the guest account (named as invited) and the interview,
 * once. Opening the link again after that returns the same interview (resume); a second attempt is
 * never made. Two clicks at once make one interview: the invitation is claimed by a conditional
 * update before anything is created.
 */
export async function acceptInvitation(token: string, now = new Date()): Promise<{ sessionId: string }> {
  const row = await findByToken(token);
  if (!row) throw new SessionError("not-found", "This invitation link is not valid.");
  const state = invitationState(row, row.session, now);
  if (GONE[state]) throw new SessionError("finished", GONE[state]!);
  if (row.sessionId) return { sessionId: row.sessionId };
  const claimed = await db().invitation.updateMany({ where: { id: row.id, consentedAt: null }, data: { consentedAt: now } });
  if (claimed.count !== 1) {
    // Another request claimed it a moment ago: wait for its interview rather than start a second one.
    for (let i = 0; i < 50; i++) {
      const again = await db().invitation.findUnique({ where: { id: row.id }, select: { sessionId: true } });
      if (again?.sessionId) return { sessionId: again.sessionId };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new SessionError("conflict", "This interview is being started in another tab. Reload the page.");
  }
  try {
    const doc = await kitVersionDocument(row.scriptId, row.scriptVersion);
    if (!doc) throw new SessionError("unavailable", "This interview is no longer available. Ask the recruiter for a new invitation.");
    const { questions, minutes } = kitQuestions(kitDocumentSchema.parse(doc), await questionBankFor(row.script.owner));
    const guest = await db().user.create({
      data: { email: guestEmail(row.id), name: row.candidateName, role: "guest", invitationId: row.id },
      select: { id: true },
    });
    const session = await startInvitedSession(guest.id, { questions, minutes, interviewer: row.interviewer });
    // Only while the invitation still stands: an erasure or a revocation meanwhile wins (the catch below removes what was made).
    const linked = await db().invitation.updateMany({ where: { id: row.id, erasedAt: null, revokedAt: null }, data: { sessionId: session.id } });
    if (linked.count !== 1) throw new SessionError("finished", "This invitation was withdrawn or its answers deleted while the interview was being prepared.");
    return { sessionId: session.id };
  } catch (error) {
    // Nothing half-made stays: the guest (and with it any session) goes, and the link can be tried again.
    await db().user.deleteMany({ where: { invitationId: row.id, role: "guest" } });
    await db().invitation.updateMany({ where: { id: row.id, sessionId: null }, data: { consentedAt: null } });
    throw error;
  }
}

/**
 * The guest an interview's request stands for: the invitation behind the token carried by the
 * cookie, when that invitation's session is `sessionId` and it was not revoked or erased.
 */
export async function invitedGuest(token: string | undefined, sessionId: string): Promise<PublicUser | null> {
  if (!token) return null;
  const row = await findByToken(token);
  if (!row || row.sessionId !== sessionId || !row.guest || row.revokedAt || row.erasedAt) return null;
  return { id: row.guest.id, email: guestEmail(row.id), name: row.candidateName, role: "guest" };
}

/** Whether the finished interview's results may be shown to the candidate (the recruiter chose). */
export async function invitationForSession(sessionId: string): Promise<{ showScore: boolean; inviterName: string; kitTitle: string } | null> {
  const row = await db().invitation.findUnique({
    where: { sessionId },
    select: { showScore: true, script: { select: { title: true, owner: { select: { name: true } } } } },
  });
  return row ? { showScore: row.showScore, inviterName: row.script.owner.name, kitTitle: row.script.title } : null;
}

/** The candidate's request, through their link, to delete their answers: the guest account and its interview go. */
export async function eraseInvitation(token: string, now = new Date()): Promise<void> {
  const row = await findByToken(token);
  if (!row) throw new SessionError("not-found", "This invitation link is not valid.");
  await db().$transaction([
    db().user.deleteMany({ where: { invitationId: row.id, role: "guest" } }),
    db().invitation.update({ where: { id: row.id }, data: { erasedAt: now, sessionId: null } }),
  ]);
}
