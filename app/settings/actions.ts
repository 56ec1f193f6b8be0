"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { ApiError } from "@/lib/api/errors";
import { deleteAccount, setUserRole } from "@/lib/auth/users";

const changeRole = action(
  { auth: "user", input: z.object({ role: z.enum(["candidate", "recruiter"]) }), fromForm: (form) => ({ role: form.get("role") }), signIn: "/settings" },
  async ({ user, input }) => {
    // An admin stays an admin.
    if (user.role === "admin") return {};
    await setUserRole(user.id, input.role);
    revalidatePath("/", "layout");
    return {};
  },
);

/** The role switch (a plain form: a refused value changes nothing and says nothing). */
export async function changeRoleAction(form: FormData): Promise<void> {
  await changeRole(null, form);
}

const CONFIRM_MESSAGE = "Type your email address exactly to confirm.";

/** Deletes the account and everything it owns, once its email is typed to confirm; then home, signed out. */
export const deleteAccountAction = action(
  { auth: "user", input: z.object({ confirm: z.string() }), fromForm: (form) => ({ confirm: String(form.get("confirm") ?? "") }) },
  async ({ user, input }) => {
    if (input.confirm.trim().toLowerCase() !== user.email) throw new ApiError("bad_request", CONFIRM_MESSAGE, { fields: { confirm: CONFIRM_MESSAGE } });
    await deleteAccount(user.id);
    // The session cookie names a user that no longer exists; drop it too.
    const jar = await cookies();
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) jar.delete(name);
    redirect("/");
  },
);
