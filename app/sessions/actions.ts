"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { ApiError } from "@/lib/api/errors";
import { rephrase } from "@/lib/api/to-api-error";
import { retakeQuestion } from "@/lib/sessions/retake";
import { deleteSession } from "@/lib/sessions/service";

/*
 * The session page's forms (components/sessions) read what action() returns: success redirects,
 * a refusal is { ok: false, error: { code, message, fields? } }.
 */

const sessionForm = z.object({ sessionId: z.string() });
const backToSession = (form: FormData) => `/sessions/${String(form.get("sessionId") ?? "")}`;
const GONE = "This session no longer exists.";

/** "Retake this question": a new one-question session of a question from one of your sessions. */
export const retakeQuestionAction = action(
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

/** Deletes one of your sessions (after the dialog's confirmation), then back to the list. */
export const deleteSessionAction = action(
  { auth: "user", input: sessionForm, fromForm: (form) => ({ sessionId: String(form.get("sessionId") ?? "") }), signIn: backToSession },
  async ({ user, input }) => {
    if (!(await deleteSession(user.id, input.sessionId))) throw new ApiError("not_found", GONE);
    redirect("/sessions?deleted=1");
  },
);
