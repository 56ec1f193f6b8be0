import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** Every unknown address, and every notFound() without a page of its own. */
export default function NotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto max-w-xl py-12 text-center sm:py-20">
      <p className="font-mono text-sm font-medium text-brand-700 dark:text-brand-200">404</p>
      <h1 id="not-found-heading" className="mt-2 text-3xl font-semibold tracking-tight">
        This page does not exist
      </h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        The address may be mistyped, or what it pointed to was deleted, revoked or has expired. Nothing you typed elsewhere is lost.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <ButtonLink href="/">Go to the home page</ButtonLink>
        <ButtonLink href="/bank" variant="secondary">
          Browse the question bank
        </ButtonLink>
      </div>
    </section>
  );
}
