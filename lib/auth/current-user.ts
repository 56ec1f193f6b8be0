/**
 * The signed-in user for server components, route handlers and actions. The JWT names the user;
 * the database is the truth for role and existence (a deleted account's cookie stops working).
 */
import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options.ts";
import type { Role } from "./schemas.ts";
import { findUserById, type PublicUser } from "./users.ts";

export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions(await headers()));
  const id = (session?.user as { id?: string } | undefined)?.id;
  const user = id ? await findUserById(id) : null;
  // A guest (an invited candidate) holds no session cookie; should one ever carry a guest's id, it is nobody.
  return user && user.role !== "guest" ? user : null;
});

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export function hasRole(user: PublicUser, ...roles: Role[]): boolean {
  return user.role === "admin" || roles.includes(user.role);
}
