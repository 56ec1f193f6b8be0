import type { MisconceptionHit } from "@/lib/scoring/report";
import { InlineCode } from "../ui/inline-code";
import { wholePhrase } from "../sessions/quotes";

/**
 * The wrong claims of one question's answers, first in every score view: the candidate's own
 * sentence, what is wrong, and the correction; a claim set right in a later answer says so (the
 * report then shows it here and the key point as covered). Shown only where the score report is
 * (after the question in Practice mode, at the end in Mock mode), so the correction never comes early.
 */
export function WhatWasWrong({
  misconceptions,
  headingLevel = 4,
  answerText,
  questionNumber,
}: {
  misconceptions: readonly MisconceptionHit[];
  headingLevel?: 3 | 4;
  /** The answers as the scorer saw them: quotes then cover whole phrases, never part of a word. */
  answerText?: string;
  /** On a page with several questions (a transcript): names the region uniquely. */
  questionNumber?: number;
}) {
  if (misconceptions.length === 0) return null;
  const H = headingLevel === 3 ? "h3" : "h4";
  const standing = misconceptions.filter((m) => !m.corrected).length;
  return (
    <section
      aria-label={questionNumber ? `What was wrong in question ${questionNumber}` : "What was wrong"}
      className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm dark:border-rose-900 dark:bg-rose-950/40"
    >
      <H className="font-semibold text-rose-800 dark:text-rose-200">
        What was wrong{standing < misconceptions.length ? ` (${misconceptions.length - standing} corrected later)` : ""}
      </H>
      <ul className="mt-2 space-y-3">
        {misconceptions.map((m) => (
          <li key={`${m.id}:${m.answerIndex}`} className="space-y-1">
            <p>
              <span aria-hidden="true" className="mr-1 font-bold text-rose-700 dark:text-rose-300">
                ✗
              </span>
              <span className="sr-only">Wrong claim: </span>
              {m.evidence[0] ? (
                <q className="rounded bg-rose-100 px-1 font-medium text-rose-900 dark:bg-rose-900/60 dark:text-rose-100">
                  {answerText ? wholePhrase(answerText, m.evidence[0]) : m.evidence[0].text}
                </q>
              ) : (
                <InlineCode text={m.text} />
              )}
              {m.corrected ? (
                <span className="ml-2 inline-block rounded-md bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200">
                  ✓ corrected later
                </span>
              ) : null}
            </p>
            {m.evidence[0] && m.source !== "negation" ? (
              <p className="text-xs text-rose-800/90 dark:text-rose-200/90">
                <InlineCode text={m.text} />
              </p>
            ) : null}
            {m.correction ? (
              <p className="text-zinc-800 dark:text-zinc-200">
                <span className="font-medium">{m.source === "negation" ? "In fact: " : "Correction: "}</span>
                <InlineCode text={m.correction} />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
