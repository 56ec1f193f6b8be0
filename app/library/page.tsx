import type { Metadata } from "next";
import Link from "next/link";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { DifficultyBadge, Badge } from "@/components/ui/badge";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireUser } from "@/lib/auth/current-user";
import { canUseKits } from "@/lib/kits/store";
import { VISIBILITY_LABELS } from "@/lib/library/persisted";
import { listLibrary } from "@/lib/library/store";

export const metadata: Metadata = { title: "Question library" };

/**
 * The recruiter's question library: their questions and the ones colleagues share. Tick some and
 * build a kit with them (a plain GET form to the builder: it works without JavaScript); write a
 * new one, import a file, or export the library as a bank folder or CSV.
 */
export default async function LibraryPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser("/library");
  if (!canUseKits(user)) return <RecruiterOnly />;
  const [questions, { saved }] = await Promise.all([listLibrary(user), searchParams]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Question library"
        description="Your own questions, with reference answers and rubrics, used in kits and practice like the bank's."
        actions={
          <>
            <ButtonLink href="/library/new">New question</ButtonLink>
            <ButtonLink href="/library/import" variant="secondary">
              Import
            </ButtonLink>
            {questions.length ? (
              <>
                <a href="/api/library/export?format=zip" download className={buttonClass("secondary")}>
                  Export bank folder (.zip)
                </a>
                <a href="/api/library/export?format=csv" download className={buttonClass("secondary")}>
                  Export CSV
                </a>
              </>
            ) : null}
          </>
        }
      />
      {saved ? (
        <p
          role="status"
          className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Saved {saved} question{saved === "1" ? "" : "s"} to the library.
        </p>
      ) : null}
      {questions.length === 0 ? (
        <Card className="space-y-2">
          <h2 className="text-lg font-semibold">No questions yet</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Write one, or import a numbered Q&amp;A document, a CSV or a bank folder. Questions you import get a drafted rubric to review.
          </p>
        </Card>
      ) : (
        <form action="/kits/new" method="get" className="space-y-3">
          <Card className="overflow-x-auto p-0">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Questions in your library</caption>
              <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Include in a new kit</span>
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Question
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Topic
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Rubric
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Visible to
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Changed
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {questions.map((q) => (
                  <tr key={q.id}>
                    <td className="px-4 py-2">
                      <input
                        type="checkbox"
                        name="include"
                        value={q.slug}
                        aria-label={`Include “${q.title}” in a new kit`}
                        className="size-4 accent-brand-600"
                      />
                    </td>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link href={`/library/${q.id}`} className="text-brand-700 hover:underline dark:text-brand-200">
                        {q.title}
                      </Link>
                      <span className="ml-2 align-middle">
                        <DifficultyBadge difficulty={q.difficulty} />
                      </span>
                    </th>
                    <td className="py-2 pr-3">{q.topic}</td>
                    <td className="py-2 pr-3">
                      {q.draft.keyPoints.length ? (
                        `${q.draft.keyPoints.length} key point${q.draft.keyPoints.length === 1 ? "" : "s"}`
                      ) : (
                        <Badge tone="warn">derived when scored</Badge>
                      )}
                    </td>
                    <td className="py-2 pr-3">{q.mine ? VISIBILITY_LABELS[q.visibility] : `Shared by ${q.ownerName}`}</td>
                    <td className="py-2 pr-4">
                      <LocalTime iso={q.updatedAt.toISOString()} pattern="locale" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <Button type="submit" variant="secondary">
            Build a kit with the ticked questions
          </Button>
        </form>
      )}
    </div>
  );
}
