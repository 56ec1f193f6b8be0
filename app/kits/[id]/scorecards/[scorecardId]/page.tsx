import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteScorecardButton } from "@/components/kits/delete-scorecard-button";
import { PrintButton } from "@/components/ui/print-button";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { ScorecardView } from "@/components/kits/scorecard-view";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { KitError } from "@/lib/kits/errors";
import { canUseKits, getScorecard, getKit } from "@/lib/kits/store";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; scorecardId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { id, scorecardId } = await params;
  const user = await requireUser(`/kits/${id}/scorecards/${scorecardId}`);
  if (!canUseKits(user)) return <RecruiterOnly />;
  const [kit, card] = await Promise.all([getKit(user, id), getScorecard(user, id, scorecardId)]).catch((error) => {
    if (error instanceof KitError && error.code === "not-found") notFound();
    throw error;
  });
  const { saved } = await searchParams;
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-2 text-sm print:hidden">
        <Link href={`/kits/${id}/scorecards`} className="text-brand-600 hover:underline dark:text-brand-200">
          ← Scorecards for {kit.title}
        </Link>
      </p>
      {saved === "1" ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-300 print:hidden"
        >
          Scorecard saved.
        </p>
      ) : null}
      <PageHeader
        title={`Scorecard: ${card.candidateName}`}
        description={kit.title}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <PrintButton label="Print" />
            <DeleteScorecardButton kitId={id} scorecardId={card.id} candidateName={card.candidateName} />
          </div>
        }
      />
      <ScorecardView card={card} />
    </div>
  );
}
