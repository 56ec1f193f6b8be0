"use client";
import { useActionState } from "react";
import { deleteAccountAction } from "@/app/settings/actions";
import type { ActionState } from "@/lib/api/action";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteAccountAction, null);
  const error = state?.ok === false ? state.error : null;
  // The one field says why the account was not deleted.
  const message = error ? (error.fields?.confirm ?? error.message) : undefined;
  return (
    <form action={action} className="mt-4 space-y-3">
      <Field id="confirm" label={`Type ${email} to confirm`} error={message}>
        <Input id="confirm" name="confirm" autoComplete="off" error={message} />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        Delete my account and data
      </Button>
    </form>
  );
}
