import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  const emails = env().SMTP_URL !== undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {emails
          ? "Enter the email you signed up with and we will send you a link to choose a new password."
          : "This server does not send email. Ask its administrator for a one-time reset link, or enter your email to check."}
      </p>
      <div className="mt-6">
        <ForgotPasswordForm emails={emails} />
      </div>
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Remembered it?{" "}
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-200" href="/sign-in">
          Sign in
        </Link>
      </p>
    </>
  );
}
