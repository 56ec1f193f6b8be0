"use client";
import { useActionState, useState } from "react";
import { requestResetAction } from "@/app/(auth)/actions";
import type { ActionState } from "@/lib/api/action";
import { formMessage } from "@/lib/api/client";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function ForgotPasswordForm({ emails }: { emails: boolean }) {
  const [state, action, pending] = useActionState<ActionState<{ email: string }>, FormData>(requestResetAction, null);
  // Controlled, so a refused submission keeps what was typed: React resets uncontrolled fields after every form action.
  const [email, setEmail] = useState("");
  if (state?.ok) {
    return (
      <p
        role="status"
        className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100"
      >
        {emails
          ? `If an account uses ${state.email}, an email with a reset link is on its way. The link works once, for a short time. Check your spam folder if it does not arrive.`
          : `This server cannot email ${state.email} a link. Ask the administrator to run “npm run user:reset-link -- ${state.email}” and send you the link it prints.`}
      </p>
    );
  }
  const error = state?.ok === false ? state.error : null;
  const alert = formMessage(error, ["email"]);
  return (
    <form action={action} className="space-y-4" noValidate>
      {alert ? (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
        >
          {alert}
        </p>
      ) : null}
      <Field id="email" label="Email" error={error?.fields?.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error?.fields?.email}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : emails ? "Email me a reset link" : "Continue"}
      </Button>
    </form>
  );
}
