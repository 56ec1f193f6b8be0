"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { removeSession, retakeQuestion } from "@/lib/review/commands";
import { SessionError } from "@/lib/sessions/errors";

export type ActionState = { error?: string };

/** "Retake this question": a new one-question session of a question from one of your sessions. */
export async function retakeQuestionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const sessionId = String(form.get("sessionId") ?? "");
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/sessions/${sessionId}`)}`);
  let started: { id: string } | null;
  try {
    started = await retakeQuestion(user.id, sessionId, Number(form.get("questionIndex")));
  } catch (error) {
    if (error instanceof SessionError) return { error: `Could not start the retake: ${error.message}` };
    throw error;
  }
  if (!started) return { error: "This session no longer exists." };
  redirect(`/interview/${started.id}`);
}

/** Deletes one of your sessions (after the dialog's confirmation), then back to the list. */
export async function deleteSessionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const sessionId = String(form.get("sessionId") ?? "");
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/sessions/${sessionId}`)}`);
  const deleted = await removeSession(user.id, sessionId);
  if (!deleted) return { error: "This session no longer exists." };
  redirect("/sessions?deleted=1");
}
