import { invitationJson } from "@/lib/api/invitations/responses";
import { invitationParamsSchema, invitationResponseSchema } from "@/lib/api/invitations/schemas";
import { route } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/invitations/store";

/** Revokes the link: the candidate's page says so, and an interview in progress stops. The owner can always revoke. */
export const POST = route({ auth: "user", params: invitationParamsSchema, response: invitationResponseSchema }, async ({ user, params }) => ({
  invitation: invitationJson(await revokeInvitation(user, params.id, params.invitationId)),
}));
