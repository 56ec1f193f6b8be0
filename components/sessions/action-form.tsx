"use client";
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState, ServerAction } from "@/lib/api/action";
import { formMessage } from "@/lib/api/client";
import { Button } from "../ui/button";

function Submit({
  children,
  pendingLabel,
  variant,
  size,
  className,
}: {
  children: ReactNode;
  pendingLabel: string;
  variant: "primary" | "secondary" | "danger";
  size: "sm" | "md";
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} size={size} disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/**
 * A one-button form posting to a server action (lib/api/action.ts), with a pending label and the
 * action's refusal in an alert. Its fields are hidden, so a field's message is shown as the form's.
 */
export function ActionForm({
  action,
  fields = {},
  children,
  pendingLabel,
  variant = "primary",
  size = "md",
  className,
  buttonClassName,
}: {
  action: ServerAction<object>;
  fields?: Record<string, string>;
  children: ReactNode;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  size?: "sm" | "md";
  className?: string;
  buttonClassName?: string;
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, null);
  const alert = formMessage(state?.ok === false ? state.error : null, []);
  return (
    <form action={formAction} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Submit pendingLabel={pendingLabel} variant={variant} size={size} className={buttonClassName}>
        {children}
      </Submit>
      {alert ? (
        <p role="alert" className="mt-2 text-sm text-rose-600 dark:text-rose-400">
          {alert}
        </p>
      ) : null}
    </form>
  );
}
