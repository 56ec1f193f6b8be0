import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkLegend } from "@/components/sessions/answer-text";
import { DeleteSessionDialog } from "@/components/sessions/delete-session-dialog";
import { LocalTime } from "@/components/ui/local-time";
import { PrintButton } from "@/components/ui/print-button";
import { TranscriptQuestionSection } from "@/components/sessions/transcript-question";
import { Badge, scoreTone } from "@/components/ui/badge";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { renderMarkdown } from "@/lib/markdown/render";
import { formatDuration, sessionDurationMs, timeTakenMs } from "@/lib/sessions/format";
import { getAttempts } from "@/lib/sessions/queries";
import { getTranscript } from "@/lib/sessions/transcript";
import { deleteSessionAction, retakeQuestionAction } from "../actions";

export const metadata: Metadata = { title: "Transcript" };

export default async function TranscriptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/sessions/${id}`);
  const transcript = await getTranscript(user.id, id);
  if (!transcript) notFound();

  const [attempts, rendered] = await Promise.all([
    getAttempts(user.id, transcript),
    Promise.all(
      transcript.questions.map(async (q) => ({
        reference: q.snapshot?.reference ? await renderMarkdown(q.snapshot.reference) : null,
        errata: q.snapshot?.errata?.trim() ? await renderMarkdown(q.snapshot.errata) : null,
      })),
    ),
  ]);
  const t = transcript;
  const finished = t.status === "finished";
  const exportHref = (format: string) => `/api/sessions/${t.id}/export?format=${format}`;

  return (
    <article className="space-y-8" aria-labelledby="transcript-title">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400 print:hidden">
        <Link href="/sessions" className="hover:text-zinc-900 hover:underline dark:hover:text-white">
          Sessions
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Transcript</span>
      </nav>

      <header className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <div>
          <p className="text-sm font-medium text-brand-600 dark:text-brand-200">{t.mode === "mock" ? "Mock interview" : "Practice interview"}</p>
          <h1 id="transcript-title" className="mt-1 text-2xl font-semibold tracking-tight">
            Interview of <LocalTime iso={t.startedAt.toISOString()} pattern="datetime" />
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {t.questionCount} question{t.questionCount === 1 ? "" : "s"} · {finished ? `took ${formatDuration(sessionDurationMs(t))}` : "in progress"} ·{" "}
            {t.engine === "local:rubric" ? "offline interviewer" : t.engine.replace(/^openai:/, "")}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          {!finished ? <ButtonLink href={`/interview/${t.id}`}>Resume interview</ButtonLink> : null}
          <a href={exportHref("md")} download className={buttonClass("secondary")}>
            Export Markdown
          </a>
          <a href={exportHref("json")} download className={buttonClass("secondary")}>
            Export JSON
          </a>
          <PrintButton />
          <DeleteSessionDialog sessionId={t.id} action={deleteSessionAction} />
        </div>
      </header>

      <Card className="grid grid-cols-1 gap-6 sm:grid-cols-[auto_minmax(0,1fr)] sm:items-center print:shadow-none">
        <div className="text-center sm:border-r sm:border-zinc-200 sm:pr-8 sm:text-left dark:sm:border-zinc-800">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Overall score</p>
          {t.overallScore != null ? (
            <p className="mt-1">
              <span className="text-5xl font-semibold tabular-nums">{t.overallScore}</span>
              <span className="text-base text-zinc-500 dark:text-zinc-400">/100</span>
            </p>
          ) : (
            <p className="mt-2">
              <Badge tone="brand">{finished ? "Not scored" : "In progress"}</Badge>
            </p>
          )}
        </div>
        <ol className="min-w-0 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Questions and scores">
          {t.questions.map((q) => (
            <li key={q.id} className="flex items-center gap-3 py-2 text-sm">
              <span className="w-5 shrink-0 text-zinc-500 tabular-nums">{q.index + 1}.</span>
              <a href={`#question-${q.index + 1}`} className="min-w-0 flex-1 truncate hover:underline">
                {q.snapshot?.title ?? q.title}
              </a>
              <span className="hidden shrink-0 text-xs text-zinc-500 tabular-nums sm:inline dark:text-zinc-400">{formatDuration(timeTakenMs(q))}</span>
              <Badge tone={scoreTone(q.score)} className="shrink-0 tabular-nums">
                {q.score == null ? "—" : q.score}
              </Badge>
            </li>
          ))}
        </ol>
      </Card>

      <MarkLegend />

      {t.questions.map((q, i) => (
        <TranscriptQuestionSection
          key={q.id}
          sessionId={t.id}
          sessionStart={t.startedAt}
          question={q}
          total={t.questionCount}
          timeTaken={timeTakenMs(q)}
          referenceHtml={rendered[i]!.reference}
          errataHtml={rendered[i]!.errata}
          attempts={attempts.get(q.id)}
          retakeAction={retakeQuestionAction}
        />
      ))}
    </article>
  );
}
