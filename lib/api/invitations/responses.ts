/** Invitations as the JSON their schemas declare (./schemas.ts). */
import "server-only";
import type { z } from "zod";
import type { InvitationSummary } from "../../invitations/store.ts";
import type { invitationJsonSchema } from "./schemas.ts";

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function invitationJson(i: InvitationSummary): z.input<typeof invitationJsonSchema> {
  return {
    id: i.id,
    candidateName: i.candidateName,
    candidateEmail: i.candidateEmail,
    state: i.state,
    interviewer: i.interviewer,
    showScore: i.showScore,
    scriptVersion: i.scriptVersion,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    openedAt: isoOrNull(i.openedAt),
    consentedAt: isoOrNull(i.consentedAt),
    emailedAt: isoOrNull(i.emailedAt),
    overallScore: i.overallScore,
  };
}
