"use client";
import { useActionState } from "react";
import { deleteAccountAction, type DeleteState } from "@/app/settings/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteAccountAction, {});
  return (
    <form action={action} className="mt-4 space-y-3">
      <Field id="confirm" label={`Type ${email} to confirm`} error={state.error}>
        <Input id="confirm" name="confirm" autoComplete="off" error={state.error} />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        Delete my account and data
      </Button>
    </form>
  );
}
