"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { resetPasswordAction } from "@/app/(auth)/actions";
import type { ActionState } from "@/lib/api/action";
import { formMessage } from "@/lib/api/client";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState<{ email: string }>, FormData>(resetPasswordAction, null);
  // Controlled, so a refused submission (too short, not matching, expired link) keeps what was
  // typed: React resets uncontrolled fields after every form action.
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  if (state?.ok) {
    return (
      <div
        role="status"
        className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100"
      >
        <p>Your password has been changed. Sign in with it now.</p>
        <p>
          <Link className="font-medium underline underline-offset-2" href={`/sign-in`}>
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  const error = state?.ok === false ? state.error : null;
  const alert = formMessage(error, ["password", "confirm"]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {alert ? (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
        >
          {alert}
        </p>
      ) : null}
      <Field id="password" label="New password" hint="At least 10 characters, mixing letters with digits or symbols." error={error?.fields?.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.fields?.password}
          aria-describedby="password-hint"
        />
      </Field>
      <Field id="confirm" label="New password again" error={error?.fields?.confirm}>
        <Input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={error?.fields?.confirm}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
