"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { ApiError } from "@/lib/api/errors";
import { rephrase } from "@/lib/api/to-api-error";
import { practiseWeakSpots } from "@/lib/sessions/retake";

/** "Practise my weak spots": an interview of the questions behind your weakest key points. */
export const practiseWeakSpotsAction = action({ auth: "user", input: z.object({}), fromForm: () => ({}), signIn: "/progress" }, async ({ user }) => {
  let started: { id: string } | null;
  try {
    started = await practiseWeakSpots(user.id);
  } catch (error) {
    throw rephrase(error, (m) => `Could not start the interview: ${m}`);
  }
  if (!started) throw new ApiError("not_found", "No weak spots yet: finish an interview first.");
  redirect(`/interview/${started.id}`);
});
