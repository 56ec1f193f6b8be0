"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SessionError } from "@/lib/sessions/errors";
import { startSession } from "@/lib/sessions/service";

export type StartState = { error?: string };

function list(form: FormData, name: string): string[] {
  return form.getAll(name).map(String).filter(Boolean);
}

/** The set-up form and every "practise this" button post here; success opens the interview. */
export async function startInterviewAction(_prev: StartState, form: FormData): Promise<StartState> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fpractice");
  const minutes = String(form.get("minutes") ?? "").trim();
  let id: string;
  try {
    ({ id } = await startSession(user.id, {
      bankId: String(form.get("bankId") ?? "python"),
      topics: list(form, "topics"),
      difficulties: list(form, "difficulties") as never,
      count: Number(form.get("count") ?? 3),
      minutesPerQuestion: minutes ? Number(minutes) : null,
      mode: form.get("mode") === "mock" ? "mock" : "practice",
      interviewer: String(form.get("interviewer") ?? "local:rubric"),
      questionIds: list(form, "questionIds").length ? list(form, "questionIds") : undefined,
    }));
  } catch (error) {
    if (error instanceof SessionError) return { error: error.message };
    throw error;
  }
  redirect(`/interview/${id}`);
}
