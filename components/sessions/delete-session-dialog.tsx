"use client";
import { AlertDialog } from "radix-ui";
import { useActionState } from "react";
import type { ActionState, ServerAction } from "@/lib/api/action";
import { formMessage } from "@/lib/api/client";
import { Button } from "../ui/button";

/** "Delete session" with a confirmation dialog; the server action deletes and returns to /sessions, or its refusal is shown in an alert. */
export function DeleteSessionDialog({ sessionId, action }: { sessionId: string; action: ServerAction<object> }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  // The form's only field is hidden: any message is the form's.
  const alert = formMessage(state?.ok === false ? state.error : null, []);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" className="text-rose-700 hover:bg-rose-50 dark:text-rose-400 dark:hover:bg-rose-950/60">
          Delete session
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/50 backdrop-blur-[2px]" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none dark:border-zinc-800 dark:bg-zinc-900">
          <AlertDialog.Title className="text-lg font-semibold">Delete this session?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Its transcript, answers and scores will be deleted for good, and it will no longer count in your progress. This cannot be undone.
          </AlertDialog.Description>
          <form action={formAction} className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <input type="hidden" name="sessionId" value={sessionId} />
            <AlertDialog.Cancel asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Deleting…" : "Yes, delete it"}
            </Button>
          </form>
          {alert ? (
            <p role="alert" className="mt-3 text-sm text-rose-600 dark:text-rose-400">
              {alert}
            </p>
          ) : null}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
