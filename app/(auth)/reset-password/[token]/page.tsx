import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetTokenIsUsable } from "@/lib/auth/password-reset";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await resetTokenIsUsable(token);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
      {usable ? (
        <div className="mt-6">
          <ResetPasswordForm token={token} />
        </div>
      ) : (
        <div className="mt-4 space-y-4 text-sm">
          <p
            role="alert"
            className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
          >
            This reset link has expired or has already been used. Links work once, for a short time.
          </p>
          <p>
            <Link className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-200" href="/forgot-password">
              Ask for a new link
            </Link>{" "}
            or{" "}
            <Link className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-200" href="/sign-in">
              sign in
            </Link>
            .
          </p>
        </div>
      )}
    </>
  );
}
