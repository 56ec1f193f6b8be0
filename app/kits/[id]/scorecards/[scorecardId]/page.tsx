import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteScorecardButton } from "@/components/scripts/delete-scorecard-button";
import { PrintButton } from "@/components/scripts/print-button";
import { RecruiterOnly } from "@/components/scripts/recruiter-only";
import { ScorecardView } from "@/components/scripts/scorecard-view";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { ScriptError } from "@/lib/scripts/errors";
import { canUseScripts, getScorecard, getScript } from "@/lib/scripts/store";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; scorecardId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { id, scorecardId } = await params;
  const user = await requireUser(`/scripts/${id}/scorecards/${scorecardId}`);
  if (!canUseScripts(user)) return <RecruiterOnly />;
  const [script, card] = await Promise.all([getScript(user, id), getScorecard(user, id, scorecardId)]).catch((error) => {
    if (error instanceof ScriptError && error.code === "not-found") notFound();
    throw error;
  });
  const { saved } = await searchParams;
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-2 text-sm print:hidden">
        <Link href={`/scripts/${id}/scorecards`} className="text-brand-600 hover:underline dark:text-brand-200">
          ← Scorecards for {script.title}
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
        description={script.title}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <PrintButton />
            <DeleteScorecardButton scriptId={id} scorecardId={card.id} candidateName={card.candidateName} />
          </div>
        }
      />
      <ScorecardView card={card} />
    </div>
  );
}
