/**
 * The /api/kits/[id]/invitations routes: their address and what they answer, as zod schemas shared
 * by the routes and the invitations panel (fetchJson). Dates travel as ISO strings. The token
 * appears only in the create response's link. Client-safe.
 */
import "../browser-zod.ts";
import { z } from "zod";
import { INVITATION_STATES } from "../../invitations/schemas.ts";
import { idParamSchema } from "../../kits/schemas.ts";

export const invitationParamsSchema = z.object({ id: idParamSchema, invitationId: idParamSchema });

export const invitationJsonSchema = z.object({
  id: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  state: z.enum(INVITATION_STATES),
  interviewer: z.string(),
  showScore: z.boolean(),
  scriptVersion: z.number(),
  createdAt: z.string(),
  expiresAt: z.string(),
  openedAt: z.string().nullable(),
  consentedAt: z.string().nullable(),
  emailedAt: z.string().nullable(),
  overallScore: z.number().nullable(),
});
export type InvitationJson = z.infer<typeof invitationJsonSchema>;

export const invitationsResponseSchema = z.object({ invitations: z.array(invitationJsonSchema) });
export const invitationCreatedSchema = z.object({
  invitation: invitationJsonSchema,
  /** The link to send the candidate: shown once. */
  link: z.string(),
  emailed: z.boolean(),
  emailError: z.string().nullable(),
});
export const invitationResponseSchema = z.object({ invitation: invitationJsonSchema });
export const comparisonExportQuerySchema = z.object({ format: z.enum(["csv"], { error: "Choose format=csv." }).default("csv") });
