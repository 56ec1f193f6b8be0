import Link from "next/link";
import { highlightAnswers } from "@/lib/sessions/highlight";
import type { Attempt, QuestionAttempts } from "@/lib/sessions/views";
import type { ScoreReport } from "@/lib/scoring/report";
import { Badge, scoreTone } from "../ui/badge";
import { cn } from "../ui/cn";
import { AnswerText } from "./answer-text";
import { InlineCode } from "../ui/inline-code";
import { LocalTime } from "../ui/local-time";

const RANK = { contradicted: -1, missed: 0, partial: 1, covered: 2 } as const;
const CHIP = {
  covered: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  partial: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  missed: "bg-rose-50 text-rose-700 dark:bg-rose-950 dark:text-rose-300",
  contradicted: "bg-rose-100 text-rose-800 ring-1 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800",
} as const;

/** A key point's status: small, since the table shows two per row. */
function Chip({ status }: { status: keyof typeof CHIP }) {
  return <span className={cn("rounded-md px-2 py-0.5 text-xs font-medium", CHIP[status])}>{SHORT[status]}</span>;
}
const SHORT = { covered: "Covered", partial: "Partly", missed: "Missed", contradicted: "Wrong" } as const;
const LISTED = 8;

export function ScoreDelta({ delta }: { delta: number }) {
  const tone = delta > 0 ? "good" : delta < 0 ? "bad" : "neutral";
  return (
    <Badge tone={tone} className="tabular-nums">
      <span className="sr-only">change </span>
      {delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : "±0"}
    </Badge>
  );
}

type Side = { label: string; attempt: Attempt; report: ScoreReport | null; answers: string[]; current: boolean };

/**
 * Attempts of the same question across sessions: every attempt's score in order, then this attempt
 * and the one before it (or after it, for a first attempt) side by side: the score change, each key
 * point's status then and now, and both answers.
 */
export function AttemptsCompare({
  data,
  current,
  headingId,
}: {
  data: QuestionAttempts;
  current: { sessionQuestionId: string; report: ScoreReport | null; answers: string[] };
  headingId: string;
}) {
  const { attempts, compared } = data;
  if (attempts.length < 2 || !compared) return null;
  const at = attempts.findIndex((a) => a.sessionQuestionId === current.sessionQuestionId);
  const thisAttempt = attempts[at]!;
  const mine: Side = { label: "This attempt", attempt: thisAttempt, report: current.report, answers: current.answers, current: true };
  const other: Side = {
    label: data.comparedIsEarlier ? "Previous attempt" : "Next attempt",
    attempt: compared,
    report: compared.report,
    answers: compared.answers,
    current: false,
  };
  const [earlier, later] = data.comparedIsEarlier ? [other, mine] : [mine, other];
  const delta = later.attempt.score - earlier.attempt.score;
  const before = new Map(earlier.report?.keyPoints.map((k) => [k.id, k]) ?? []);
  const after = new Map(later.report?.keyPoints.map((k) => [k.id, k]) ?? []);
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  const start = Math.max(0, Math.min(at - Math.floor(LISTED / 2), attempts.length - LISTED));
  const listed = attempts.slice(start, start + LISTED);

  const columnHead = (side: Side) => (
    <th
      scope="col"
      className={cn("hidden w-40 px-3 py-2 text-left align-bottom font-medium sm:table-cell", side.current && "bg-brand-50/70 dark:bg-brand-900/20")}
    >
      <span className="block">{side.label}</span>
      <span className="flex flex-wrap items-center gap-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">
        <LocalTime iso={side.attempt.completedAt.toISOString()} pattern="date" />
        <Badge tone={scoreTone(side.attempt.score)} className="tabular-nums">
          {side.attempt.score}
        </Badge>
        {side === later ? <ScoreDelta delta={delta} /> : null}
      </span>
      {!side.current ? (
        <Link href={`/sessions/${side.attempt.sessionId}`} prefetch={false} className="text-xs font-normal text-brand-600 hover:underline dark:text-brand-200">
          Open its transcript
        </Link>
      ) : null}
    </th>
  );

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800 print:break-inside-avoid">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={headingId} className="font-semibold">
          Your attempts at this question
        </h3>
        <span className="text-sm text-zinc-500 dark:text-zinc-400">
          {attempts.length} attempts · this is attempt {at + 1}
        </span>
      </div>
      <ol className="mt-3 flex flex-wrap items-center gap-1.5 text-sm" aria-label="Score of each attempt, oldest first">
        {start > 0 ? <li className="text-zinc-500 dark:text-zinc-400">…</li> : null}
        {listed.map((a, i) => {
          const isCurrent = a.sessionQuestionId === thisAttempt.sessionQuestionId;
          return (
            <li key={a.sessionQuestionId} className="flex items-center gap-1.5">
              {i > 0 || start > 0 ? (
                <span aria-hidden="true" className="text-zinc-500 dark:text-zinc-400">
                  →
                </span>
              ) : null}
              {isCurrent ? (
                <span aria-current="true" className="rounded-md bg-brand-600 px-2 py-0.5 font-semibold tabular-nums text-white">
                  {a.score}
                  <span className="sr-only"> (this attempt)</span>
                </span>
              ) : (
                <Link
                  href={`/sessions/${a.sessionId}`}
                  prefetch={false}
                  className="rounded-md px-2 py-0.5 tabular-nums ring-1 ring-zinc-200 hover:bg-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800"
                  title={a.completedAt.toISOString().slice(0, 10)}
                >
                  {a.score}
                  <span className="sr-only"> on {a.completedAt.toISOString().slice(0, 10)}</span>
                </Link>
              )}
            </li>
          );
        })}
        {start + LISTED < attempts.length ? <li className="text-zinc-500 dark:text-zinc-400">…</li> : null}
      </ol>

      <p className="mt-4 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span>
          {earlier.label} <LocalTime iso={earlier.attempt.completedAt.toISOString()} pattern="short" className="text-zinc-500 dark:text-zinc-400" />:{" "}
          <strong className="tabular-nums">{earlier.attempt.score}</strong>
        </span>
        <span aria-hidden="true">→</span>
        <span>
          {later.label.toLowerCase()} <LocalTime iso={later.attempt.completedAt.toISOString()} pattern="short" className="text-zinc-500 dark:text-zinc-400" />:{" "}
          <strong className="tabular-nums">{later.attempt.score}</strong>
        </span>
        <ScoreDelta delta={delta} />
      </p>
      <div className="mt-3 rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="block w-full text-sm sm:table">
          <caption className="sr-only">
            Key points, {earlier.label.toLowerCase()} ({earlier.attempt.score}) and {later.label.toLowerCase()} ({later.attempt.score}), side by side
          </caption>
          <thead className="hidden border-b border-zinc-200 bg-zinc-50 sm:table-header-group dark:border-zinc-800 dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2 text-left align-bottom font-medium">
                Key point
              </th>
              {columnHead(earlier)}
              {columnHead(later)}
            </tr>
          </thead>
          <tbody className="block divide-y divide-zinc-100 sm:table-row-group dark:divide-zinc-800">
            {ids.map((id) => {
              const b = before.get(id);
              const a = after.get(id);
              const change = a && b ? RANK[a.status] - RANK[b.status] : 0;
              return (
                <tr key={id} className="block px-3 py-2 sm:table-row sm:p-0">
                  <td className="block pb-1.5 sm:table-cell sm:px-3 sm:py-2 sm:align-top">
                    <InlineCode text={(a ?? b)!.text} />
                  </td>
                  <td className={cn("inline-block sm:table-cell sm:px-3 sm:py-2 sm:align-top", earlier.current && "sm:bg-brand-50/70 sm:dark:bg-brand-900/20")}>
                    <span className="sr-only sm:hidden">{earlier.label}: </span>
                    {b ? <Chip status={b.status} /> : "—"}
                  </td>
                  <td
                    className={cn(
                      "inline-block before:mx-2 before:text-zinc-400 before:content-['→'] sm:table-cell sm:px-3 sm:py-2 sm:align-top sm:before:content-none",
                      later.current && "sm:bg-brand-50/70 sm:dark:bg-brand-900/20",
                    )}
                  >
                    <span className="sr-only sm:hidden">{later.label}: </span>
                    {a ? <Chip status={a.status} /> : "—"}
                    {change > 0 ? (
                      <span className="ml-2 text-xs font-medium text-emerald-700 sm:ml-0 sm:mt-1 sm:block dark:text-emerald-400">↑ improved</span>
                    ) : null}
                    {change < 0 ? <span className="ml-2 text-xs font-medium text-rose-700 sm:ml-0 sm:mt-1 sm:block dark:text-rose-400">↓ slipped</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <details className="mt-3" data-print-open>
        <summary className="cursor-pointer text-sm font-medium text-brand-600 dark:text-brand-200">
          Your answer in the {other.label.toLowerCase()} ({other.attempt.score}/100)
        </summary>
        <div className="mt-2 space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          {highlightAnswers(other.answers, other.report).map((segments, i) => (
            <AnswerText key={i} segments={segments} />
          ))}
        </div>
      </details>
    </section>
  );
}
