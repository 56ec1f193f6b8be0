import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KitDocumentView } from "@/components/kits/kit-document-view";
import { getSharedKit } from "@/lib/kits/store";

export const dynamic = "force-dynamic";

// The token is in the URL: keep the page out of search engines and the token out of Referer headers.
export const metadata: Metadata = { title: "Shared interview kit", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A read-only kit behind a share token; no sign-in. The version saved when the link was made,
 * without private notes. Unknown, revoked or expired tokens get 404.
 */
export default async function SharedKitPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await getSharedKit(token);
  if (!shared) notFound();
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-4 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400 print:hidden">
        A read-only interview kit shared from Interview Studio (version {shared.version}).
        {shared.expiresAt ? <> This link stops working on {shared.expiresAt.toISOString().slice(0, 10)}.</> : null}
      </p>
      <KitDocumentView doc={shared.content} />
    </div>
  );
}
