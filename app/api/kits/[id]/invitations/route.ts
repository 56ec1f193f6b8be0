import { invitationJson } from "@/lib/api/invitations/responses";
import { invitationCreatedSchema, invitationsResponseSchema } from "@/lib/api/invitations/schemas";
import { ownedKit } from "@/lib/api/kits/access";
import { kitParamsSchema } from "@/lib/api/kits/schemas";
import { reply, route } from "@/lib/api/route";
import { createInvitation, listInvitations } from "@/lib/invitations/store";

export const dynamic = "force-dynamic";

/** The kit's invitations with their state (sent, opened, in progress, completed, expired, revoked, erased). */
export const GET = route({ auth: "recruiter", params: kitParamsSchema, response: invitationsResponseSchema }, async ({ user, params }) => ({
  invitations: (await listInvitations(user, params.id)).map(invitationJson),
}));

/**
 * Invites a candidate (body: inviteInputSchema in lib/invitations/schemas.ts, validated by
 * createInvitation). The link, with its token, appears only in this response; it is emailed too when
 * SMTP_URL is set.
 */
export const POST = route(
  { auth: "recruiter", params: kitParamsSchema, access: ownedKit, body: { limit: "kits" }, response: invitationCreatedSchema },
  async ({ req, user, params, body }) => {
    const made = await createInvitation(user, params.id, body, new URL(req.url).origin);
    return reply({ invitation: invitationJson(made.invitation), link: made.link, emailed: made.emailed, emailError: made.emailError }, { status: 201 });
  },
);
