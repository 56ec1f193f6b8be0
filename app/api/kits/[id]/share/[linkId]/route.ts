import { shareLinkParamsSchema } from "@/lib/api/kits/schemas";
import { noContent, route } from "@/lib/api/route";
import { revokeShareLink } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

/** Revokes a link (a 404 from then on). Its owner can always revoke, whatever their role now. */
export const DELETE = route({ auth: "user", params: shareLinkParamsSchema }, async ({ user, params }) => {
  await revokeShareLink(user, params.id, params.linkId);
  return noContent();
});
