import { ownedScript } from "@/lib/api/scripts/access";
import { shareLinkJson } from "@/lib/api/scripts/responses";
import { scriptParamsSchema, shareLinkCreatedSchema, shareLinksResponseSchema } from "@/lib/api/scripts/schemas";
import { reply, route } from "@/lib/api/route";
import { createShareLink, listShareLinks } from "@/lib/scripts/store";

export const dynamic = "force-dynamic";

/** The script's links: its owner can always list them, even after switching to a candidate account. */
export const GET = route({ auth: "user", params: scriptParamsSchema, response: shareLinksResponseSchema }, async ({ user, params }) => ({
  links: (await listShareLinks(user, params.id)).map(shareLinkJson),
}));

/** A new read-only link; the body ({ expiresInDays }, validated by createShareLink) is optional. The token appears only here. */
export const POST = route(
  { auth: "recruiter", params: scriptParamsSchema, access: ownedScript, body: { limit: "scripts", optional: true }, response: shareLinkCreatedSchema },
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
