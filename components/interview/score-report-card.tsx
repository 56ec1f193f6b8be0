import type { ScoreReport } from "@/lib/scoring/report";
import { TaskChecks } from "../sessions/task-checks";
import { Badge, scoreTone } from "../ui/badge";
import { InlineCode } from "../ui/inline-code";
import { HighlightedAnswer, type Highlight } from "./highlighted-answer";
import { ErrataCallout } from "../ui/errata-callout";
import { STATUS_LABEL, STATUS_TONE } from "../sessions/score-breakdown";
import { WhatWasWrong } from "./what-was-wrong";
import { phraseQuotes, snapToWords } from "../sessions/quotes";

/** One question's score with evidence: what was covered (in the candidate's words), what was missed. */
export function ScoreReportCard({
  report,
  answerText,
  referenceHtml,
  errataHtml,
  headingLevel = 3,
}: {
  report: ScoreReport;
  answerText: string;
  referenceHtml?: string | null;
  errataHtml?: string | null;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  // Wrong claims first, so they win over evidence on the same words; a contradicted point's
  // "evidence" is the wrong sentence itself, not coverage.
  // Highlights cover whole words: a span never splits an identifier ("create_" + "task").
  const words = (e: { start: number; end: number }) => snapToWords(answerText, e.start, e.end);
  const highlights: Highlight[] = [
    ...report.misconceptions.filter((r) => !r.corrected).flatMap((r) => r.evidence.map((e) => ({ ...words(e), kind: "red-flag" as const, label: r.text }))),
    ...report.keyPoints
      .filter((k) => k.status !== "contradicted")
      .flatMap((k) => k.evidence.map((e) => ({ ...words(e), kind: "evidence" as const, label: k.text }))),
  ];
  return (
    <section
      aria-label="Score for this question"
      className="space-y-4 rounded-xl border border-zinc-200 bg-zinc-50/60 p-4 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="flex flex-wrap items-center gap-3">
        <H className="text-base font-semibold">Your score</H>
        <span className="text-2xl font-semibold tabular-nums">
          {report.score}
          <span className="text-sm font-normal text-zinc-500">/100</span>
        </span>
        <Badge tone={scoreTone(report.score)}>{report.band}</Badge>
      </div>
      <WhatWasWrong misconceptions={report.misconceptions} headingLevel={headingLevel === 2 ? 3 : 4} answerText={answerText} />
      {report.task ? <TaskChecks task={report.task} /> : null}
      {report.feedback ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{report.feedback}</p> : null}
      <div>
        <p className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Your answer, with the evidence the scorer found</p>
        <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950">
          <HighlightedAnswer text={answerText} highlights={highlights} />
        </div>
      </div>
      <ul className="space-y-2" aria-label="Key points">
        {report.keyPoints.map((k) => (
          <li key={k.id} className="flex items-start gap-2 text-sm">
            <Badge tone={STATUS_TONE[k.status]} className="mt-0.5 shrink-0">
              {STATUS_LABEL[k.status]}
            </Badge>
            <span>
              <InlineCode text={k.text} />
              {phraseQuotes(answerText, k.evidence, 1)[0] ? (
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  You said: <q>{phraseQuotes(answerText, k.evidence, 1)[0]}</q>
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {referenceHtml ? (
        <details className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950">
          <summary className="cursor-pointer text-sm font-medium">Reference answer</summary>
          <div className="prose-md mt-2" dangerouslySetInnerHTML={{ __html: referenceHtml }} />
          {errataHtml ? <ErrataCallout html={errataHtml} /> : null}
        </details>
      ) : null}
    </section>
  );
}
