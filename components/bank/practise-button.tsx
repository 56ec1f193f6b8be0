"use client";
import { useActionState } from "react";
import { startInterview } from "@/app/practice/actions";
import type { ActionState } from "@/lib/api/action";
import { formMessage } from "@/lib/api/client";
import { Button } from "../ui/button";

/** Starts a one-question practice interview on this question (signed-in users only). */
export function PractiseButton({ questionId, bankId }: { questionId: string; bankId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(startInterview, null);
  // Every field is hidden: a field's message (an unknown question id...) is shown as the form's.
  const alert = formMessage(state?.ok === false ? state.error : null, []);
  return (
    <form action={action} className="flex flex-col items-stretch gap-2 sm:items-end">
      <input type="hidden" name="questionIds" value={questionId} />
      <input type="hidden" name="bankId" value={bankId} />
      <input type="hidden" name="count" value="1" />
      <input type="hidden" name="mode" value="practice" />
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Starting…" : "Practise this question"}
      </Button>
      {alert ? (
        <p role="alert" className="max-w-xs text-sm text-rose-700 dark:text-rose-300">
          {alert}
        </p>
      ) : null}
    </form>
  );
}
