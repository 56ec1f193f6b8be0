"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, messageState } from "@/lib/api/action";
import { ApiError } from "@/lib/api/errors";
import { rephrase } from "@/lib/api/to-api-error";
import { removeSession, retakeQuestion } from "@/lib/review/commands";

/** What the session page's forms read (components/sessions): the message of a refusal. */
export type ActionState = { error?: string };

const sessionForm = z.object({ sessionId: z.string() });
const backToSession = (form: FormData) => `/sessions/${String(form.get("sessionId") ?? "")}`;
const GONE = "This session no longer exists.";

const retake = action(
  {
    auth: "user",
    input: sessionForm.extend({ questionIndex: z.coerce.number() }),
    fromForm: (form) => ({ sessionId: String(form.get("sessionId") ?? ""), questionIndex: form.get("questionIndex") }),
    signIn: backToSession,
  },
  async ({ user, input }) => {
    let started: { id: string } | null;
    try {
      started = await retakeQuestion(user.id, input.sessionId, input.questionIndex);
    } catch (error) {
      throw rephrase(error, (m) => `Could not start the retake: ${m}`);
    }
    if (!started) throw new ApiError("not_found", GONE);
    redirect(`/interview/${started.id}`);
  },
);

const remove = action(
  { auth: "user", input: sessionForm, fromForm: (form) => ({ sessionId: String(form.get("sessionId") ?? "") }), signIn: backToSession },
  async ({ user, input }) => {
    if (!(await removeSession(user.id, input.sessionId))) throw new ApiError("not_found", GONE);
    redirect("/sessions?deleted=1");
  },
);

/** "Retake this question": a new one-question session of a question from one of your sessions. */
export async function retakeQuestionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return messageState(await retake(null, form));
}

/** Deletes one of your sessions (after the dialog's confirmation), then back to the list. */
export async function deleteSessionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return messageState(await remove(null, form));
}
