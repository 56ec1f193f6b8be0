import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { RECOMMENDATION_TONES } from "@/components/kits/scorecard-view";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { KitError } from "@/lib/kits/errors";
import { ratingSummary } from "@/lib/kits/export";
import { RECOMMENDATION_LABELS } from "@/lib/kits/schemas";
import { canUseKits, getKit, listScorecards } from "@/lib/kits/store";

export const metadata: Metadata = { title: "Scorecards" };

export default async function ScorecardsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ deleted?: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/kits/${id}/scorecards`);
  if (!canUseKits(user)) return <RecruiterOnly />;
  const [kit, cards] = await Promise.all([getKit(user, id), listScorecards(user, id)]).catch((error) => {
    if (error instanceof KitError && error.code === "not-found") notFound();
    throw error;
  });
  const { deleted } = await searchParams;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/kits/${id}`} className="text-brand-600 hover:underline dark:text-brand-200">
          ← {kit.title}
        </Link>
      </p>
      <PageHeader
        title="Scorecards"
        description={`${cards.length} scorecard${cards.length === 1 ? "" : "s"} for “${kit.title}”, newest first.`}
        actions={
          <>
            <ButtonLink href={`/kits/${id}/live`}>Run live interview</ButtonLink>
            {cards.length ? (
              <>
                <a href={`/api/kits/${id}/scorecards/export?format=csv`} download className={buttonClass("secondary")}>
                  Export CSV
                </a>
                <a href={`/api/kits/${id}/scorecards/export?format=json`} download className={buttonClass("secondary")}>
                  Export JSON
                </a>
                <a href={`/api/kits/${id}/scorecards/export?format=md`} download className={buttonClass("secondary")}>
                  Export Markdown
                </a>
              </>
            ) : null}
          </>
        }
      />
      {deleted === "1" ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-300"
        >
          Scorecard deleted.
        </p>
      ) : null}
      {cards.length === 0 ? (
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold">No scorecards yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Run the kit live with a candidate: tick key points as you hear them, rate each answer 1–4 and give a recommendation.
          </p>
          <ButtonLink href={`/kits/${id}/live`} className="mt-6">
            Run live interview
          </ButtonLink>
        </Card>
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full min-w-[40rem] text-sm">
            <thead>
              <tr className="border-b border-zinc-200 text-left text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Candidate
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Date
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Recommendation
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Average rating
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Key points heard
                </th>
              </tr>
            </thead>
            <tbody>
              {cards.map((c) => {
                const summary = ratingSummary(c.entries);
                const heard = c.entries.reduce((s, e) => s + e.keyPoints.filter((k) => k.ticked).length, 0);
                const total = c.entries.reduce((s, e) => s + e.keyPoints.length, 0);
                return (
                  <tr key={c.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    <td className="px-4 py-2.5 font-medium">
                      <Link href={`/kits/${id}/scorecards/${c.id}`} className="text-brand-600 hover:underline dark:text-brand-200">
                        {c.candidateName}
                      </Link>
                    </td>
                    <td className="px-4 py-2.5 tabular-nums">
                      <time dateTime={c.createdAt.toISOString()}>{c.createdAt.toISOString().slice(0, 10)}</time>
                    </td>
                    <td className="px-4 py-2.5">
                      <Badge tone={RECOMMENDATION_TONES[c.recommendation]}>{RECOMMENDATION_LABELS[c.recommendation]}</Badge>
                    </td>
                    <td className="px-4 py-2.5 tabular-nums">{summary.text}</td>
                    <td className="px-4 py-2.5 tabular-nums">
                      {heard} of {total}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
