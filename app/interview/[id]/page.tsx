import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InterviewRoom } from "@/components/interview/interview-room";
import { Badge, DifficultyBadge, scoreTone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { renderMarkdown } from "@/lib/markdown/render";
import { getInterview, type InterviewView } from "@/lib/sessions/interview-view";

export const metadata: Metadata = { title: "Interview" };

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/interview/${id}`);
  const view = await getInterview(user.id, id);
  if (!view) notFound();
  if (view.status === "finished") return <Summary view={view} />;

  const current = view.questions[view.currentIndex]!;
  const promptHtml = current.prompt ? await renderMarkdown(current.prompt) : "";
  const revealed: Record<number, { referenceHtml: string; errataHtml: string | null }> = {};
  if (current.reference) {
    revealed[current.index] = {
      referenceHtml: await renderMarkdown(current.reference),
      errataHtml: current.errata ? await renderMarkdown(current.errata) : null,
    };
  }
  // Keyed by the transcript's length: after each turn the room restarts from the server's state.
  return <InterviewRoom key={`${view.turns.length}:${current.status}`} view={view} promptHtml={promptHtml} revealed={revealed} />;
}

function Summary({ view }: { view: InterviewView }) {
  const answered = view.questions.filter((q) => q.status === "scored").length;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-zinc-500">Interview finished</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Your results</h1>
      </div>
      <Card className="flex flex-wrap items-center gap-6">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Overall score</p>
          <p className="text-4xl font-semibold tabular-nums">
            {view.overallScore ?? 0}
            <span className="text-base font-normal text-zinc-500">/100</span>
          </p>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {answered} of {view.questionCount} questions answered · {view.mode === "mock" ? "Mock interview" : "Practice"}
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          <ButtonLink href={`/sessions/${view.id}`}>View transcript</ButtonLink>
          <ButtonLink href="/practice" variant="secondary">
            Practise again
          </ButtonLink>
        </div>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">Questions</h2>
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {view.questions.map((q) => (
            <li key={q.index} className="flex flex-wrap items-center gap-3 py-3">
              <span className="w-6 text-sm text-zinc-500">{q.index + 1}.</span>
              <span className="min-w-0 flex-1">
                <Link href={`/bank/${q.questionId}`} className="font-medium hover:underline">
                  {q.status === "pending" ? `Question ${q.index + 1} (not reached)` : q.title}
                </Link>
                <span className="mt-1 flex items-center gap-2 text-xs text-zinc-500">
                  {q.topic} <DifficultyBadge difficulty={q.difficulty} />
                </span>
              </span>
              <Badge tone={scoreTone(q.score)}>{q.score === null ? "no score" : `${q.score}/100`}</Badge>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
