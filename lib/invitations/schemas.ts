/**
 * Invitations (a recruiter invites a candidate to take a kit's interview on their own time) and the
 * integrity signals the candidate's browser reports, as zod schemas. Client-safe: the invite form
 * and the interview room validate with these too.
 */
import { z } from "zod";
import { emailSchema } from "../auth/schemas.ts";
import { text } from "../kits/schemas.ts";

export const MAX_INVITATION_DAYS = 60;
export const DEFAULT_INVITATION_DAYS = 7;

/** What the recruiter fills in to invite one candidate. */
export const inviteInputSchema = z
  .object({
    candidateName: text({ error: "Enter the candidate's name." }).trim().min(1, "Enter the candidate's name.").max(100, "Use at most 100 characters."),
    candidateEmail: emailSchema,
    expiresInDays: z.coerce
      .number({ error: "The deadline must be a number of days." })
      .int("The deadline must be a whole number of days.")
      .min(1, "Give the candidate at least 1 day.")
      .max(MAX_INVITATION_DAYS, `Give the candidate at most ${MAX_INVITATION_DAYS} days.`)
      .default(DEFAULT_INVITATION_DAYS),
    /** local:rubric or the configured LLM's spec (lib/sessions/service.ts availableInterviewers). */
    interviewer: text().trim().min(1, "Choose an interviewer.").default("local:rubric"),
    /** The candidate sees their score at the end. */
    showScore: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
  })
  .strict();
export type InviteInput = z.output<typeof inviteInputSchema>;

export const INVITATION_STATES = ["sent", "opened", "in-progress", "completed", "expired", "revoked", "erased"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  sent: "Sent",
  opened: "Opened",
  "in-progress": "In progress",
  completed: "Completed",
  expired: "Expired",
  revoked: "Revoked",
  erased: "Answers deleted by the candidate",
};

// ---- integrity signals ----------------------------------------------------------------------------

/** paste (chars), blur (durationMs away), first-key (durationMs from the question's start), timer (the answer was sent by the timer). */
export const INTEGRITY_KINDS = ["paste", "blur", "first-key", "timer"] as const;
export type IntegrityKind = (typeof INTEGRITY_KINDS)[number];
/** Events in one report from the browser, and in one session in all (a flood is refused, not stored). */
export const MAX_EVENTS_PER_REPORT = 50;
export const MAX_EVENTS_PER_SESSION = 2_000;
const DAY_MS = 86_400_000;

export const integrityEventSchema = z
  .object({
    kind: z.enum(INTEGRITY_KINDS),
    /** The question being answered (its index in the session). */
    questionIndex: z.number().int().min(0).max(100),
    /** paste: the characters pasted. */
    chars: z.number().int().min(0).max(1_000_000).optional(),
    /** blur: how long the tab was away; first-key: time from the question's start to the first keystroke. */
    durationMs: z.number().int().min(0).max(DAY_MS).optional(),
    /** When the browser saw it (ISO time). */
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
export type IntegrityEvent = z.output<typeof integrityEventSchema>;

export const integrityReportSchema = z
  .object({ events: z.array(integrityEventSchema).min(1).max(MAX_EVENTS_PER_REPORT, `Send at most ${MAX_EVENTS_PER_REPORT} events at a time.`) })
  .strict();
