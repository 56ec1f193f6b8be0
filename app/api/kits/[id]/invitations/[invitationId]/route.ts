import { invitationParamsSchema } from "@/lib/api/invitations/schemas";
import { noContent, route } from "@/lib/api/route";
import { deleteInvitation } from "@/lib/invitations/store";

/** Deletes the invitation and every answer and signal the candidate left. */
export const DELETE = route({ auth: "user", params: invitationParamsSchema }, async ({ user, params }) => {
  await deleteInvitation(user, params.id, params.invitationId);
  return noContent();
});
