"use client";
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "../ui/button";

type State = { error?: string };

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

/** A one-button form posting to a server action, with a pending label and the action's error. */
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
  action: (prev: State, form: FormData) => Promise<State>;
  fields?: Record<string, string>;
  children: ReactNode;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  size?: "sm" | "md";
  className?: string;
  buttonClassName?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Submit pendingLabel={pendingLabel} variant={variant} size={size} className={buttonClassName}>
        {children}
      </Submit>
      {state.error ? (
        <p role="alert" className="mt-2 text-sm text-rose-600 dark:text-rose-400">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
