"use server";
import { redirect } from "next/navigation";
import { action } from "@/lib/api/action";
import { startSessionSchema } from "@/lib/sessions/schemas";
import { startSession } from "@/lib/sessions/service";

const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);

/**
 * The set-up form and every "practise this" button post here; success opens the interview. The
 * form is read as startSessionSchema's input and validated with it ("set-up" in its messages).
 */
export const startInterview = action(
  {
    auth: "user",
    input: startSessionSchema,
    subject: "set-up",
    signIn: "/practice",
    fromForm: (form) => {
      const minutes = String(form.get("minutes") ?? "").trim();
      const questionIds = list(form, "questionIds");
      return {
        bankId: String(form.get("bankId") ?? "python"),
        topics: list(form, "topics"),
        difficulties: list(form, "difficulties"),
        count: Number(form.get("count") ?? 3),
        minutesPerQuestion: minutes ? Number(minutes) : null,
        mode: form.get("mode") === "mock" ? "mock" : "practice",
        interviewer: String(form.get("interviewer") ?? "local:rubric"),
        questionIds: questionIds.length ? questionIds : undefined,
      };
    },
  },
  async ({ user, input }) => {
    const { id } = await startSession(user.id, input);
    redirect(`/interview/${id}`);
  },
);
