/**
 * Invitations, the recruiter's side: invite a candidate to a kit (the link is returned once and
 * emailed when SMTP is configured), list them with their state, revoke, delete (which deletes the
 * candidate's answers), and read one candidate's interview and integrity signals. Every operation
 * takes the recruiter (KitActor) and finds the invitation through a kit the recruiter owns: another
 * recruiter's invitation reads as not found, whatever its id.
 */
import "server-only";
import type { Question, QuestionBank } from "../bank/schema.ts";
import { formatZodError } from "../api/zod.ts";
import { sendInvitationEmail } from "../auth/mailer.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { KitError } from "../kits/errors.ts";
import { questionBankFor } from "../library/store.ts";
import { idParamSchema, kitDocumentSchema, type KitDocument } from "../kits/schemas.ts";
import type { KitActor } from "../kits/store.ts";
import { settleInterview } from "../sessions/answer-flow.ts";
import { availableInterviewers } from "../sessions/service.ts";
import { getTranscript } from "../sessions/transcript.ts";
import type { Transcript } from "../sessions/views.ts";
import { summariseIntegrity, type IntegritySummary } from "./integrity.ts";
import { inviteInputSchema, type InvitationState } from "./schemas.ts";
import { invitationLink, newInvitationToken } from "./tokens.ts";

const DAY_MS = 86_400_000;
/** Open invitations a recruiter may have at once (each can cost model calls when taken). */
export const MAX_OPEN_INVITATIONS = 500;

export type InvitationSummary = {
  id: string;
  candidateName: string;
  candidateEmail: string;
  state: InvitationState;
  interviewer: string;
  showScore: boolean;
  scriptVersion: number;
  createdAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  consentedAt: Date | null;
  emailedAt: Date | null;
  sessionId: string | null;
  overallScore: number | null;
};

const notFound = (what = "Invitation") => new KitError("not-found", `${what} not found.`);

function dbId(id: unknown, what?: string): string {
  const parsed = idParamSchema.safeParse(String(id));
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

/** The one rule from an invitation's columns (and its session's status) to the state shown. */
export function invitationState(
  row: { revokedAt: Date | null; erasedAt: Date | null; expiresAt: Date; openedAt: Date | null; consentedAt: Date | null },
  session: { status: string } | null,
  now = new Date(),
): InvitationState {
  if (row.erasedAt) return "erased";
  if (row.revokedAt) return "revoked";
  if (session?.status === "finished") return "completed";
  if (session) return "in-progress";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return row.openedAt ? "opened" : "sent";
}

const summarySelect = {
  id: true,
  candidateName: true,
  candidateEmail: true,
  interviewer: true,
  showScore: true,
  scriptVersion: true,
  createdAt: true,
  expiresAt: true,
  openedAt: true,
  consentedAt: true,
  emailedAt: true,
  revokedAt: true,
  erasedAt: true,
  sessionId: true,
  session: { select: { status: true, overallScore: true } },
} as const;

type SummaryRow = {
  id: string;
  candidateName: string;
  candidateEmail: string;
  interviewer: string;
  showScore: boolean;
  scriptVersion: number;
  createdAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  consentedAt: Date | null;
  emailedAt: Date | null;
  revokedAt: Date | null;
  erasedAt: Date | null;
  sessionId: string | null;
  session: { status: string; overallScore: number | null } | null;
};

function toSummary(row: SummaryRow, now = new Date()): InvitationSummary {
  return {
    id: row.id,
    candidateName: row.candidateName,
    candidateEmail: row.candidateEmail,
    state: invitationState(row, row.session, now),
    interviewer: row.interviewer,
    showScore: row.showScore,
    scriptVersion: row.scriptVersion,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    openedAt: row.openedAt,
    consentedAt: row.consentedAt,
    emailedAt: row.emailedAt,
    sessionId: row.sessionId,
    overallScore: row.session?.status === "finished" ? row.session.overallScore : null,
  };
}

/**
 * The kit document a kit version holds (the invitation freezes the version it was made with). Null
 * when that revision is gone.
 */
export async function kitVersionDocument(scriptId: string, version: number): Promise<KitDocument | null> {
  const rev = await db().scriptRevision.findUnique({ where: { scriptId_version: { scriptId, version } }, select: { content: true } });
  return rev ? kitDocumentSchema.parse(JSON.parse(rev.content)) : null;
}

/**
 * The questions a kit asks, in its order, with its minutes, as its owner's bank has them (the banks
 * and their library); throws when one is no longer there.
 */
export function kitQuestions(doc: KitDocument, bank: QuestionBank): { questions: Question[]; minutes: number[] } {
  const questions = doc.questions.map((q) => {
    const found = bank.get(q.id);
    if (!found)
      throw new KitError("invalid", `The question "${q.title}" is no longer in the question bank or your library: replace it in the kit before inviting.`);
    return found;
  });
  return { questions, minutes: doc.questions.map((q) => q.minutes) };
}

export type CreatedInvitation = { invitation: InvitationSummary; link: string; emailed: boolean; emailError: string | null };

/**
 * Invites one candidate to the kit as it is saved now. The link (with its token) is returned once;
 * only the token's hash is stored. With SMTP configured the link is emailed too; a failed send is
 * reported (the invitation stands, the link can be copied).
 */
export async function createInvitation(actor: KitActor, kitId: string, raw: unknown, requestOrigin?: string): Promise<CreatedInvitation> {
  const kit = await db().script.findFirst({
    where: { id: dbId(kitId, "Kit"), ownerId: actor.id },
    select: { id: true, title: true, version: true, content: true },
  });
  if (!kit) throw notFound("Kit");
  const parsed = inviteInputSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problem = formatZodError(parsed.error, "invitation");
    throw new KitError("invalid", problem.message, problem.fields);
  }
  const input = parsed.data;
  if (!availableInterviewers().some((i) => i.id === input.interviewer)) {
    const message = `The interviewer "${input.interviewer}" is not available on this server.`;
    throw new KitError("invalid", message, { interviewer: message });
  }
  const doc = kitDocumentSchema.parse(JSON.parse(kit.content));
  kitQuestions(doc, await questionBankFor(actor));
  const now = new Date();
  const open = await db().invitation.count({
    where: { script: { ownerId: actor.id }, revokedAt: null, erasedAt: null, sessionId: null, expiresAt: { gt: now } },
  });
  if (open >= MAX_OPEN_INVITATIONS) {
    throw new KitError("quota", `You have reached the limit of ${MAX_OPEN_INVITATIONS} open invitations. Revoke some first.`);
  }
  const { token, tokenHash } = newInvitationToken();
  const row = await db().invitation.create({
    data: {
      scriptId: kit.id,
      scriptVersion: kit.version,
      candidateName: input.candidateName,
      candidateEmail: input.candidateEmail,
      tokenHash,
      interviewer: input.interviewer,
      showScore: input.showScore,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    select: summarySelect,
  });
  const link = invitationLink(token, requestOrigin);
  let emailed = false;
  let emailError: string | null = null;
  if (env().SMTP_URL) {
    try {
      const inviter = await db().user.findUnique({ where: { id: actor.id }, select: { name: true } });
      await sendInvitationEmail({
        to: input.candidateEmail,
        candidateName: input.candidateName,
        inviterName: inviter?.name ?? "A recruiter",
        kitTitle: kit.title,
        // The candidate's time is the questions' (as the invitation page says).
        minutes: doc.questions.reduce((sum, q) => sum + q.minutes, 0),
        expiresAt: row.expiresAt,
        link,
      });
      emailed = true;
      await db().invitation.update({ where: { id: row.id }, data: { emailedAt: new Date() } });
    } catch (error) {
      // The invitation stands: the recruiter copies the link instead. The link is never logged.
      console.error("[invitations] the invitation email could not be sent:", error instanceof Error ? error.message : String(error));
      emailError = "The email could not be sent. Copy the link and send it yourself.";
    }
  }
  return { invitation: toSummary({ ...row, emailedAt: emailed ? new Date() : null }, now), link, emailed, emailError };
}

/**
 * Closes the kit's invited interviews whose time is over but that nobody settled (the candidate
 * closed the tab): their questions are scored with the last drafts, as the candidate's own page
 * would have done, so the recruiter sees them completed. Called by the recruiter's reads.
 */
export async function settleOverdueInterviews(scriptId: string, now = new Date()): Promise<void> {
  const overdue = await db().invitation.findMany({
    where: { scriptId, guest: { isNot: null }, session: { status: "active", endsAt: { lte: now } } },
    select: { sessionId: true, guest: { select: { id: true } } },
  });
  for (const o of overdue) if (o.sessionId && o.guest) await settleInterview(o.guest.id, o.sessionId);
}

/** The kit's invitations, newest first. The owner only. */
export async function listInvitations(actor: KitActor, kitId: string): Promise<InvitationSummary[]> {
  const kit = await db().script.findFirst({ where: { id: dbId(kitId, "Kit"), ownerId: actor.id }, select: { id: true } });
  if (!kit) throw notFound("Kit");
  await settleOverdueInterviews(kit.id);
  const rows = await db().invitation.findMany({ where: { scriptId: kit.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: summarySelect });
  const now = new Date();
  return rows.map((r) => toSummary(r, now));
}

async function ownedInvitation(actor: KitActor, kitId: string, invitationId: string) {
  const row = await db().invitation.findFirst({
    where: { id: dbId(invitationId), scriptId: dbId(kitId, "Kit"), script: { ownerId: actor.id } },
    select: { ...summarySelect, guest: { select: { id: true } } },
  });
  if (!row) throw notFound();
  return row;
}

/** Revokes the link: from then on it says so. An interview in progress is stopped too. */
export async function revokeInvitation(actor: KitActor, kitId: string, invitationId: string): Promise<InvitationSummary> {
  const row = await ownedInvitation(actor, kitId, invitationId);
  if (!row.revokedAt) await db().invitation.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return toSummary({ ...row, revokedAt: row.revokedAt ?? new Date() });
}

/** Deletes the invitation and, with its guest account, every answer and signal the candidate left. */
export async function deleteInvitation(actor: KitActor, kitId: string, invitationId: string): Promise<void> {
  const row = await ownedInvitation(actor, kitId, invitationId);
  // The guest account (and its session, answers and signals) goes with it: User.invitationId cascades.
  await db().invitation.deleteMany({ where: { id: row.id } });
}

export type InvitationReview = {
  invitation: InvitationSummary;
  kitTitle: string;
  /** The kit version the candidate was invited to (null when that revision is gone). */
  kitDocument: KitDocument | null;
  transcript: Transcript | null;
  integrity: IntegritySummary | null;
};

/** One candidate's interview as the recruiter reviews it: the transcript (with scores once finished) and the integrity signals. */
export async function getInvitationReview(actor: KitActor, kitId: string, invitationId: string): Promise<InvitationReview> {
  await ownedInvitation(actor, kitId, invitationId);
  await settleOverdueInterviews(dbId(kitId, "Kit"));
  const row = await ownedInvitation(actor, kitId, invitationId);
  const kit = await db().script.findUniqueOrThrow({ where: { id: dbId(kitId, "Kit") }, select: { title: true } });
  const transcript = row.sessionId && row.guest ? await getTranscript(row.guest.id, row.sessionId) : null;
  const [integrity, kitDocument] = await Promise.all([
    row.sessionId ? summariseIntegrity(row.sessionId, transcript) : null,
    kitVersionDocument(dbId(kitId, "Kit"), row.scriptVersion),
  ]);
  return { invitation: toSummary(row), kitTitle: kit.title, kitDocument, transcript, integrity };
}
