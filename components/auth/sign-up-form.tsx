"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signUpResponseSchema } from "@/lib/api/auth/schemas";
import { ApiClientError, fetchJson, formMessage } from "@/lib/api/client";
import type { ApiFields } from "@/lib/api/errors";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<ApiFields>({});
  /** The email already has an account (409): offer signing in or resetting the password instead. */
  const [taken, setTaken] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role: form.get("hiring") === "on" ? "recruiter" : "candidate",
    };
    setPending(true);
    setErrors({});
    setTaken(false);
    try {
      try {
        await fetchJson("/api/auth/sign-up", { method: "POST", body, schema: signUpResponseSchema });
      } catch (error) {
        if (!(error instanceof ApiClientError)) throw error;
        const alert = error.fromServer ? formMessage(error, ["name", "email", "password"]) : "Sign-up failed. Try again.";
        setErrors({ ...error.fields, ...(alert ? { form: alert } : {}) });
        setTaken(error.code === "conflict");
        return;
      }
      const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      if (!result || result.error) {
        router.push("/sign-in");
        return;
      }
      router.push(body.role === "recruiter" && callbackUrl === "/practice" ? "/kits" : callbackUrl);
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      {errors.form ? (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
        >
          {errors.form}
        </p>
      ) : null}
      <Field id="name" label="Name" error={errors.name}>
        <Input id="name" name="name" autoComplete="name" required maxLength={100} error={errors.name} />
      </Field>
      <Field id="email" label="Email" error={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required error={errors.email} />
      </Field>
      {taken ? (
        <p className="-mt-2 text-sm">
          <Link
            className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-200"
            href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          >
            Sign in instead
          </Link>{" "}
          or{" "}
          <Link className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-200" href="/forgot-password">
            reset your password
          </Link>
        </p>
      ) : null}
      <Field id="password" label="Password" hint="At least 10 characters, mixing letters with digits or symbols." error={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required error={errors.password} aria-describedby="password-hint" />
      </Field>
      <label className="flex items-start gap-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
        <input type="checkbox" name="hiring" className="mt-0.5 h-4 w-4 accent-brand-600" />
        <span>
          <span className="font-medium">I&apos;m hiring</span>
          <span className="block text-zinc-600 dark:text-zinc-400">Recruiter account: build and run interview kits.</span>
        </span>
      </label>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
