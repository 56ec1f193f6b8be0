import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScriptDocumentView } from "@/components/scripts/script-document-view";
import { getSharedScript } from "@/lib/scripts/store";

export const dynamic = "force-dynamic";

// The token is in the URL: keep the page out of search engines and the token out of Referer headers.
export const metadata: Metadata = { title: "Shared interview script", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A read-only script behind a share token; no sign-in. The version saved when the link was made,
 * without private notes. Unknown, revoked or expired tokens get 404.
 */
export default async function SharedScriptPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await getSharedScript(token);
  if (!shared) notFound();
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-4 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400 print:hidden">
        A read-only interview script shared from Interview Studio (version {shared.version}).
        {shared.expiresAt ? <> This link stops working on {shared.expiresAt.toISOString().slice(0, 10)}.</> : null}
      </p>
      <ScriptDocumentView doc={shared.content} />
    </div>
  );
}
