import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { bankHref } from "@/lib/bank/bank-query";
import { PractiseButton } from "@/components/bank/practise-button";
import { KeyPoints, Misconceptions } from "@/components/bank/question-rubric";
import { difficultyLabel } from "@/lib/bank/faceted-search";
import { DifficultyBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InlineCode } from "@/components/ui/inline-code";
import { getCurrentUser } from "@/lib/auth/current-user";
import { questionBankFor } from "@/lib/library/store";
import { renderMarkdown } from "@/lib/markdown/render";
import { publicTask } from "@/lib/bank/task";
import { CodeTaskSection } from "@/components/code/code-task-section";

type Params = Promise<{ id: string }>;

/** The bank as the visitor sees it: the loaded banks, and a recruiter's library. */
async function visibleBank() {
  return questionBankFor(await getCurrentUser());
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const q = (await visibleBank()).get(id);
  if (!q) return { title: "Question not found" };
  return {
    title: q.title.replace(/`/g, ""),
    description: `${q.topic} · ${difficultyLabel(q.difficulty)} · reference answer, key points, follow-ups and red flags.`,
  };
}

const sectionHeading = "scroll-mt-20 text-lg font-semibold tracking-tight";

export default async function QuestionPage({ params }: { params: Params }) {
  const { id } = await params;
  const bank = await visibleBank();
  const q = bank.get(id);
  if (!q) notFound();

  const [user, referenceHtml, errataHtml, promptHtml] = await Promise.all([
    getCurrentUser(),
    renderMarkdown(q.reference),
    q.errata.trim() ? renderMarkdown(q.errata) : Promise.resolve(""),
    q.prompt.trim() !== q.title.trim() ? renderMarkdown(q.prompt) : Promise.resolve(""),
  ]);
  // Only the public part of a task reaches the page (never its hidden checks), rendered here.
  const task = publicTask(q);
  const taskHtml = task
    ? { prompt: await renderMarkdown(task.prompt), examples: await Promise.all(task.examples.map((example) => renderMarkdown(example))) }
    : null;
  const bankMeta = bank.banks().find((b) => b.id === q.bankId);
  const siblings = bank.list().filter((x) => x.bankId === q.bankId);
  const index = siblings.findIndex((x) => x.id === q.id);
  const prev = index > 0 ? siblings[index - 1] : undefined;
  const next = index >= 0 && index < siblings.length - 1 ? siblings[index + 1] : undefined;

  return (
    <article>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href="/bank"
          className="inline-flex items-center gap-1 font-medium text-zinc-600 hover:text-brand-700 dark:text-zinc-400 dark:hover:text-brand-200"
        >
          <span aria-hidden="true">←</span> Question bank
        </Link>
      </nav>

      <header className="mt-4 flex flex-col gap-5 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {bankMeta ? (
              <>
                <Link href={bankHref({ bank: q.bankId })} className="hover:text-brand-700 dark:hover:text-brand-200">
                  {bankMeta.name}
                </Link>
                <span aria-hidden="true"> · </span>
              </>
            ) : null}
            <Link href={bankHref({ bank: q.bankId, topic: q.topic })} className="hover:text-brand-700 dark:hover:text-brand-200">
              {q.topic}
            </Link>
            {q.number ? (
              <>
                <span aria-hidden="true"> · </span>
                Question {q.number}
              </>
            ) : null}
          </p>
          <h1 className="mt-1.5 text-2xl font-semibold tracking-tight text-balance sm:text-3xl">
            <InlineCode text={q.title} />
          </h1>
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            <DifficultyBadge difficulty={q.difficulty} />
            <span className="inline-flex items-center gap-1 text-zinc-600 dark:text-zinc-400">
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 text-zinc-400">
                <path
                  fillRule="evenodd"
                  d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-13a.75.75 0 0 0-1.5 0v5c0 .2.08.39.22.53l3 3a.75.75 0 1 0 1.06-1.06l-2.78-2.78V5Z"
                  clipRule="evenodd"
                />
              </svg>
              {q.minutes} min suggested
            </span>
            {q.tags.length ? (
              <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
                {q.tags.map((t) => (
                  <li key={t}>
                    <Link
                      href={bankHref({ bank: q.bankId, tag: t })}
                      className="inline-block rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-brand-50 hover:text-brand-700 dark:bg-zinc-800 dark:text-zinc-300 dark:hover:bg-brand-900/40 dark:hover:text-brand-200"
                    >
                      #{t}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
        <div className="shrink-0">
          {user ? (
            <PractiseButton questionId={q.id} bankId={q.bankId} />
          ) : (
            <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(`/bank/${q.id}`)}`} className="w-full sm:w-auto">
              Sign in to practise
            </ButtonLink>
          )}
        </div>
      </header>

      {errataHtml ? (
        <p className="mt-5 flex gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
          <span aria-hidden="true">⚠</span>
          <span>
            The source&apos;s reference answer contains a factual error; it is kept as written and corrected in the{" "}
            <a href="#errata" className="font-semibold underline underline-offset-2">
              errata
            </a>
            . The key points follow the correction.
          </span>
        </p>
      ) : null}

      {promptHtml ? (
        <Card className="mt-6">
          <h2 className={sectionHeading}>The question</h2>
          <div className="prose-md mt-2" dangerouslySetInnerHTML={{ __html: promptHtml }} />
        </Card>
      ) : null}

      {task && taskHtml ? (
        <Card className="mt-6">
          <section aria-labelledby="task-heading">
            <h2 id="task-heading" className={sectionHeading}>
              Try the task
            </h2>
            <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
              Write Python and run it here: it runs in your browser, and nothing is sent to the server.
            </p>
            <CodeTaskSection promptHtml={taskHtml.prompt} examplesHtml={taskHtml.examples} starter={task.starter} />
          </section>
        </Card>
      ) : null}

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_13rem]">
        <div className="min-w-0">
          <div className="space-y-8">
            <section aria-labelledby="reference-heading">
              <h2 id="reference-heading" className={sectionHeading}>
                Reference answer
              </h2>
              <div className="prose-md mt-1" dangerouslySetInnerHTML={{ __html: referenceHtml }} />
            </section>

            {errataHtml ? (
              <section
                id="errata"
                aria-labelledby="errata-heading"
                className="scroll-mt-20 rounded-xl border border-amber-300 border-l-4 border-l-amber-500 bg-amber-50/70 px-4 py-4 sm:px-6 dark:border-amber-800/70 dark:border-l-amber-500 dark:bg-amber-950/30"
              >
                <h2 id="errata-heading" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-amber-900 dark:text-amber-200">
                  <span aria-hidden="true">⚠</span> Errata
                </h2>
                <p className="mt-1 text-sm text-amber-900/80 dark:text-amber-200/80">Where the reference above is wrong, and what is true instead.</p>
                <div className="prose-md mt-2" dangerouslySetInnerHTML={{ __html: errataHtml }} />
              </section>
            ) : null}
          </div>

          <section aria-labelledby="key-points-heading" className="mt-10">
            <h2 id="key-points-heading" className={sectionHeading}>
              Key points
            </h2>
            <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
              {q.keyPoints.length
                ? `The rubric: ${q.keyPoints.length} points a good answer makes, the evidence that shows each, and the follow-ups that probe it.`
                : "None authored for this question: the scorer derives key points from the reference answer."}
            </p>
            {q.keyPoints.length ? <KeyPoints keyPoints={q.keyPoints} followUps={q.followUps} /> : null}
          </section>

          <section aria-labelledby="red-flags-heading" className="mt-10">
            <h2 id="red-flags-heading" className={sectionHeading}>
              Red flags
            </h2>
            <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
              {q.misconceptions.length ? "Misconceptions, and the phrasings that give them away." : "None authored for this question."}
            </p>
            {q.misconceptions.length ? <Misconceptions misconceptions={q.misconceptions} /> : null}
          </section>
        </div>
        <aside className="hidden lg:block">
          <nav aria-label="On this page" className="sticky top-20 border-l border-zinc-200 pl-4 text-sm dark:border-zinc-800">
            <p className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">On this page</p>
            <ul className="space-y-1.5">
              {task ? <TocLink href="#task-heading" label="Try the task" /> : null}
              <TocLink href="#reference-heading" label="Reference answer" />
              {errataHtml ? <TocLink href="#errata" label="Errata" tone="amber" /> : null}
              <TocLink href="#key-points-heading" label="Key points" count={q.keyPoints.length} />
              <TocLink href="#key-points-heading" label="Follow-ups" count={q.followUps.length} />
              <TocLink href="#red-flags-heading" label="Red flags" count={q.misconceptions.length} />
            </ul>
          </nav>
        </aside>
      </div>

      {prev || next ? (
        <nav aria-label="More questions" className="mt-12 grid gap-3 border-t border-zinc-200 pt-6 sm:grid-cols-2 dark:border-zinc-800">
          {prev ? <Neighbour question={prev} direction="Previous" /> : <span />}
          {next ? <Neighbour question={next} direction="Next" /> : null}
        </nav>
      ) : null}
    </article>
  );
}

function TocLink({ href, label, count, tone }: { href: string; label: string; count?: number; tone?: "amber" }) {
  return (
    <li>
      <a
        href={href}
        className={
          tone === "amber"
            ? "flex justify-between gap-2 font-medium text-amber-700 hover:text-amber-900 dark:text-amber-300 dark:hover:text-amber-200"
            : "flex justify-between gap-2 text-zinc-600 hover:text-brand-700 dark:text-zinc-400 dark:hover:text-brand-200"
        }
      >
        <span>{label}</span>
        {count !== undefined ? <span className="text-xs text-zinc-400 tabular-nums">{count}</span> : null}
      </a>
    </li>
  );
}

function Neighbour({ question, direction }: { question: { id: string; title: string; number?: number }; direction: "Previous" | "Next" }) {
  return (
    <Link
      href={`/bank/${question.id}`}
      className={`rounded-xl border border-zinc-200 px-4 py-3 hover:border-brand-500/50 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900 ${direction === "Next" ? "sm:text-right" : ""}`}
    >
      <span className="block text-xs text-zinc-500 dark:text-zinc-400">
        {direction === "Previous" ? "← Previous" : "Next →"}
        {question.number ? ` · Question ${question.number}` : ""}
      </span>
      <span className="mt-0.5 block text-sm font-medium">
        <InlineCode text={question.title} />
      </span>
    </Link>
  );
}
