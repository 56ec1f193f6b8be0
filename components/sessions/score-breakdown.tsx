import { BAND_LABEL } from "@/lib/sessions/format";
import type { ScoreReport } from "@/lib/scoring/report";
import { Badge, scoreTone } from "../ui/badge";
import { InlineCode } from "../ui/inline-code";
import { WhatWasWrong } from "../interview/what-was-wrong";
import { phraseQuotes } from "./quotes";
import { TaskChecks } from "./task-checks";

export const STATUS_LABEL = { covered: "Covered", partial: "Partly covered", missed: "Missed", contradicted: "Contradicted" } as const;
export const STATUS_TONE = { covered: "good", partial: "warn", missed: "bad", contradicted: "bad" } as const;

function Weight({ weight }: { weight: number }) {
  return (
    <span className="text-xs text-zinc-500 dark:text-zinc-400" title={`Weight ${weight} of 5`}>
      weight {weight}
    </span>
  );
}

/**
 * One question's feedback, right under the answers it is about: what was wrong first, the feedback
 * in sentences, a one-line count; the key points themselves (covered, with the candidate's words as
 * whole phrases; missed or contradicted) are rubric detail, behind a disclosure.
 */
export function ScoreBreakdown({
  report,
  headingId,
  answerText = "",
  id,
  questionNumber,
}: {
  report: ScoreReport;
  headingId: string;
  answerText?: string;
  id?: string;
  /** Names the region uniquely on a transcript ("Feedback on question 2"). */
  questionNumber?: number;
}) {
  const covered = report.keyPoints.filter((k) => k.status === "covered" || k.status === "partial");
  // A contradicted point is listed with what was missed: it earned nothing.
  const missed = report.keyPoints.filter((k) => k.status === "missed" || k.status === "contradicted");
  const partly = covered.filter((k) => k.status === "partial").length;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="scroll-mt-20 space-y-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60 print:break-inside-avoid print:shadow-none"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h3 id={headingId} className="font-semibold">
          Feedback{questionNumber ? <span className="sr-only"> on question {questionNumber}</span> : null}
        </h3>
        <Badge tone={scoreTone(report.score)} className="tabular-nums">
          {report.score}/100 · {BAND_LABEL[report.band] ?? report.band}
        </Badge>
        {report.method.includes("llm") && report.llm ? <Badge>AI judge: {report.llm.model}</Badge> : null}
      </div>
      <WhatWasWrong misconceptions={report.misconceptions} answerText={answerText} questionNumber={questionNumber} />
      {report.task ? <TaskChecks task={report.task} questionNumber={questionNumber} /> : null}
      {report.feedback ? <p className="text-sm leading-6 text-zinc-700 dark:text-zinc-300">{report.feedback}</p> : null}
      <details className="group rounded-lg border border-zinc-200 dark:border-zinc-800 print:border-0" data-print-open>
        <summary className="cursor-pointer rounded-lg px-3 py-2 text-sm font-medium hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
          Key points in detail{" "}
          <span className="font-normal text-zinc-600 dark:text-zinc-400">
            ({covered.length - partly} of {report.keyPoints.length} covered{partly ? `, ${partly} partly` : ""}
            {missed.length ? `, ${missed.length} missed` : ""})
          </span>
        </summary>
        <div className="border-t border-zinc-200 p-3 dark:border-zinc-800">
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-emerald-700 dark:text-emerald-400">
                Covered: {covered.length - partly}
                {partly ? ` fully, ${partly} partly` : ""} of {report.keyPoints.length}
              </h4>
              {covered.length ? (
                <ul className="space-y-3" aria-label="Covered key points">
                  {covered.map((k) => (
                    <li key={k.id} className="text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone={STATUS_TONE[k.status]}>{STATUS_LABEL[k.status]}</Badge>
                        <Weight weight={k.weight} />
                      </div>
                      <p className="mt-1">
                        <InlineCode text={k.text} />
                      </p>
                      {phraseQuotes(answerText, k.evidence).length ? (
                        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                          You said:{" "}
                          {phraseQuotes(answerText, k.evidence).map((q, i) => (
                            <span key={i}>
                              {i > 0 ? "; " : ""}
                              <q>{q}</q>
                            </span>
                          ))}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">None of the key points yet.</p>
              )}
            </div>
            <div>
              <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-rose-700 dark:text-rose-400">
                Missed or contradicted key points ({missed.length})
              </h4>
              {missed.length ? (
                <ul className="space-y-3" aria-label="Missed key points">
                  {missed.map((k) => (
                    <li key={k.id} className="text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone="bad">{STATUS_LABEL[k.status]}</Badge>
                        <Weight weight={k.weight} />
                      </div>
                      <p className="mt-1">
                        <InlineCode text={k.text} />
                      </p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing missed. Well done.</p>
              )}
            </div>
          </div>
        </div>
      </details>
      {report.flags.filter((f) => f !== "misconception").length ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Score adjusted for: {report.flags.filter((f) => f !== "misconception").join(", ")}.</p>
      ) : null}
    </section>
  );
}
