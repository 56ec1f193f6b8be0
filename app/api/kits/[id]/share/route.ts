import { ownedKit } from "@/lib/api/kits/access";
import { shareLinkJson } from "@/lib/api/kits/responses";
import { kitParamsSchema, shareLinkCreatedSchema, shareLinksResponseSchema } from "@/lib/api/kits/schemas";
import { reply, route } from "@/lib/api/route";
import { createShareLink, listShareLinks } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

/** The kit's links: its owner can always list them, even after switching to a candidate account. */
export const GET = route({ auth: "user", params: kitParamsSchema, response: shareLinksResponseSchema }, async ({ user, params }) => ({
  links: (await listShareLinks(user, params.id)).map(shareLinkJson),
}));

/** A new read-only link; the body ({ expiresInDays }, validated by createShareLink) is optional. The token appears only here. */
export const POST = route(
  { auth: "recruiter", params: kitParamsSchema, access: ownedKit, body: { limit: "kits", optional: true }, response: shareLinkCreatedSchema },
  async ({ user, params, body }) => {
    const link = await createShareLink(user, params.id, body ?? {});
    return reply(
      {
        link: {
          id: link.id,
          version: link.version,
          createdAt: link.createdAt.toISOString(),
          expiresAt: link.expiresAt?.toISOString() ?? null,
          path: `/share/${link.token}`,
        },
      },
      { status: 201 },
    );
  },
);
