"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { env } from "@/lib/env";
import { requestIsHttps } from "@/lib/http/security-headers";
import { acceptInvitation, eraseInvitation } from "@/lib/invitations/candidate";
import { invitationCookieName } from "@/lib/invitations/tokens";

/*
 * The invitation page's forms: consent and start (or resume), and the candidate's request to delete
 * their answers. Both are reached through the link's token only; no account.
 */

const tokenForm = z.object({ token: z.string().max(64) });
const COOKIE_DAYS = 60;

/** "I agree, start": makes (once) the guest and the interview, keeps the token in a cookie named for that interview, and goes there. */
export const startInvitationAction = action(
  { auth: "public", input: tokenForm.extend({ consent: z.literal("on", { error: "Tick the box to agree before you start." }) }), subject: "consent" },
  async ({ input }) => {
    const { sessionId } = await acceptInvitation(input.token);
    const jar = await cookies();
    const secure = requestIsHttps(await headers(), env());
    jar.set(invitationCookieName(sessionId), input.token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: COOKIE_DAYS * 86_400 });
    redirect(`/interview/${sessionId}`);
  },
);

/** "Delete my answers": the guest account and its interview are deleted; the invitation says so from then on. */
export const eraseInvitationAction = action(
  { auth: "public", input: tokenForm.extend({ confirm: z.literal("on", { error: "Tick the box to confirm the deletion." }) }), subject: "request" },
  async ({ input }) => {
    await eraseInvitation(input.token);
    redirect(`/invite/${input.token}?erased=1`);
  },
);
