"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { practiseWeakSpots } from "@/lib/review/commands";
import { SessionError } from "@/lib/sessions/errors";
import type { ActionState } from "../sessions/actions";

/** "Practise my weak spots": an interview of the questions behind your weakest key points. */
export async function practiseWeakSpotsAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fprogress");
  let started: { id: string } | null;
  try {
    started = await practiseWeakSpots(user.id);
  } catch (error) {
    if (error instanceof SessionError) return { error: `Could not start the interview: ${error.message}` };
    throw error;
  }
  if (!started) return { error: "No weak spots yet: finish an interview first." };
  redirect(`/interview/${started.id}`);
}
