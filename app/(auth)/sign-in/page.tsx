import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { oauthProviders } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Welcome back. Pick up where you left off.</p>
      <div className="mt-6">
        <SignInForm callbackUrl={target} initialError={error} />
        <OAuthButtons providers={oauthProviders()} callbackUrl={target} />
      </div>
      <p className="mt-4 text-sm">
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-200" href="/forgot-password">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link
          className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-200"
          href={`/sign-up?callbackUrl=${encodeURIComponent(target)}`}
        >
          Create an account
        </Link>
      </p>
    </>
  );
}
