import Link from "next/link";
import type { Question } from "@/lib/bank";
import { DifficultyBadge } from "../ui/badge";
import { InlineCode } from "../ui/inline-code";
import { bankHref } from "@/lib/bank/bank-query";

// Styled from the list (not per link): the bank page repeats these rows fifty-odd times.
const tagList =
  "flex flex-wrap gap-1 [&_a]:relative [&_a]:z-10 [&_a]:inline-block [&_a]:rounded-md [&_a]:bg-zinc-100 [&_a]:px-1.5 [&_a]:py-0.5 [&_a]:text-zinc-600 [&_a:hover]:bg-brand-50 [&_a:hover]:text-brand-700 dark:[&_a]:bg-zinc-800 dark:[&_a]:text-zinc-300 dark:[&_a:hover]:bg-brand-900/40 dark:[&_a:hover]:text-brand-200";

/** A compact list of questions: the whole row opens the question; tags filter the bank. */
export function QuestionList({ questions, showTopic, label }: { questions: Question[]; showTopic?: boolean; label?: string }) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      {questions.map((q) => (
        <QuestionRow key={q.id} question={q} showTopic={showTopic} />
      ))}
    </ul>
  );
}

function QuestionRow({ question: q, showTopic }: { question: Question; showTopic?: boolean }) {
  return (
    <li data-question-id={q.id} className="relative flex gap-3 px-4 py-3 transition-colors hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
      <span aria-hidden="true" className="w-6 shrink-0 pt-0.5 text-right font-mono text-xs leading-5 text-zinc-500 tabular-nums dark:text-zinc-400">
        {q.number ?? "·"}
      </span>
      <div className="min-w-0 flex-1">
        <Link
          href={`/bank/${q.id}`}
          prefetch={false}
          className="block text-[15px] leading-6 font-medium text-zinc-900 after:absolute after:inset-0 after:content-[''] hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-zinc-100 dark:hover:text-brand-200"
        >
          <InlineCode text={q.title} />
        </Link>
        <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1.5 text-xs text-zinc-500 dark:text-zinc-400">
          <DifficultyBadge difficulty={q.difficulty} />
          {showTopic ? <span>{q.topic}</span> : null}
          <span>
            <span className="sr-only">Suggested time: </span>
            {q.minutes} min
          </span>
          {q.tags.length ? (
            <ul aria-label="Tags" className={tagList}>
              {q.tags.map((t) => (
                <li key={t}>
                  <Link href={bankHref({ bank: q.bankId, tag: t })} prefetch={false}>
                    #{t}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <span aria-hidden="true" className="hidden self-center text-zinc-300 sm:block dark:text-zinc-600">
        ›
      </span>
    </li>
  );
}
