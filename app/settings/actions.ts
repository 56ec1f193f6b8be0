"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { deleteAccount, setUserRole } from "@/lib/auth/users";

const roleSchema = z.enum(["candidate", "recruiter"]);

export async function changeRoleAction(form: FormData) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fsettings");
  const role = roleSchema.safeParse(form.get("role"));
  if (!role.success || user.role === "admin") return;
  await setUserRole(user.id, role.data);
  revalidatePath("/", "layout");
}

export type DeleteState = { error?: string };

export async function deleteAccountAction(_prev: DeleteState, form: FormData): Promise<DeleteState> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (
    String(form.get("confirm") ?? "")
      .trim()
      .toLowerCase() !== user.email
  ) {
    return { error: "Type your email address exactly to confirm." };
  }
  await deleteAccount(user.id);
  // The session cookie names a user that no longer exists; drop it too.
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) jar.delete(name);
  redirect("/");
}
