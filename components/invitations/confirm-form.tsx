"use client";
import { useActionState, useId } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState, ServerAction } from "@/lib/api/action";
import { formMessage } from "@/lib/api/client";
import { Button } from "../ui/button";

function Submit({ label, pendingLabel, variant }: { label: string; pendingLabel: string; variant: "primary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </Button>
  );
}

/**
 * A form that needs a ticked box before it posts to its server action (consent before an invited
 * interview; confirming a deletion): the box is required, and the action refuses without it too.
 */
export function ConfirmForm({
  action,
  token,
  name,
  checkboxLabel,
  label,
  pendingLabel,
  variant = "primary",
}: {
  action: ServerAction<object>;
  token: string;
  /** The checkbox's field name (consent, confirm): the action's schema reads it. */
  name: string;
  checkboxLabel: string;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, null);
  const alert = formMessage(state?.ok === false ? state.error : null, []);
  const id = useId();
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <div className="flex items-start gap-3">
        <input id={id} name={name} type="checkbox" required className="mt-1 size-4 rounded border-zinc-300 accent-brand-600" />
        <label htmlFor={id} className="text-sm">
          {checkboxLabel}
        </label>
      </div>
      <Submit label={label} pendingLabel={pendingLabel} variant={variant} />
      {alert ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {alert}
        </p>
      ) : null}
    </form>
  );
}
