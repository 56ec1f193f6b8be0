"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldErrors } from "@/lib/auth/schemas";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
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
    try {
      const res = await fetch("/api/auth/sign-up", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = (await res.json().catch(() => ({}))) as { fieldErrors?: FieldErrors; error?: string };
      if (!res.ok) {
        setErrors(data.fieldErrors ?? { form: data.error ?? "Sign-up failed. Try again." });
        return;
      }
      const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      if (!result || result.error) {
        router.push("/sign-in");
        return;
      }
      router.push(body.role === "recruiter" && callbackUrl === "/practice" ? "/scripts" : callbackUrl);
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
      {errors.email?.includes("already exists") ? (
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
          <span className="block text-zinc-600 dark:text-zinc-400">Recruiter account: build and run interview scripts.</span>
        </span>
      </label>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
