import Link from "next/link";
import { highlightAnswers } from "@/lib/review/highlight";
import type { Attempt, QuestionAttempts } from "@/lib/review/types";
import type { ScoreReport } from "@/lib/scoring/report";
import { Badge, scoreTone } from "../ui/badge";
import { cn } from "../ui/cn";
import { AnswerText } from "./answer-text";
import { LocalTime } from "./local-time";
import { STATUS_LABEL, STATUS_TONE } from "./score-breakdown";

const RANK = { missed: 0, partial: 1, covered: 2 } as const;
const LISTED = 8;

export function ScoreDelta({ delta }: { delta: number }) {
  const tone = delta > 0 ? "good" : delta < 0 ? "bad" : "neutral";
  return (
    <Badge tone={tone} className="tabular-nums">
      <span className="sr-only">Score change </span>
      {delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : "±0"}
    </Badge>
  );
}

type Side = { label: string; attempt: Attempt; report: ScoreReport | null; answers: string[]; current: boolean };

/**
 * Attempts of the same question across sessions: every attempt's score in order, then this
 * attempt and the one before it (or after it, for a first attempt) side by side, with the change
 * in score and in each key point.
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
  const earlierStatus = new Map(earlier.report?.keyPoints.map((k) => [k.id, k.status]) ?? []);
  const start = Math.max(0, Math.min(at - Math.floor(LISTED / 2), attempts.length - LISTED));
  const listed = attempts.slice(start, start + LISTED);

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800 print:break-inside-avoid">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold">
          Your attempts at this question
        </h3>
        <span className="text-sm text-zinc-500 dark:text-zinc-400">
          {attempts.length} attempts · this is attempt {at + 1}
        </span>
      </div>
      <ol className="mt-3 flex flex-wrap items-center gap-1.5 text-sm" aria-label="Scores of every attempt, oldest first">
        {start > 0 ? <li className="text-zinc-400">…</li> : null}
        {listed.map((a, i) => {
          const isCurrent = a.sessionQuestionId === thisAttempt.sessionQuestionId;
          const prev = attempts[start + i - 1];
          return (
            <li key={a.sessionQuestionId} className="flex items-center gap-1.5">
              {i > 0 || start > 0 ? (
                <span aria-hidden="true" className="text-zinc-400">
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
                  className="rounded-md px-2 py-0.5 tabular-nums ring-1 ring-zinc-200 hover:bg-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800"
                  title={a.completedAt.toISOString().slice(0, 10)}
                >
                  {a.score}
                  <span className="sr-only">
                    {" "}
                    on {a.completedAt.toISOString().slice(0, 10)}
                    {prev ? `, ${a.score - prev.score >= 0 ? "+" : ""}${a.score - prev.score}` : ""}
                  </span>
                </Link>
              )}
            </li>
          );
        })}
        {start + LISTED < attempts.length ? <li className="text-zinc-400">…</li> : null}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <span>
          {earlier.label} → {later.label.toLowerCase()}:
        </span>
        <span className="tabular-nums">
          {earlier.attempt.score} → {later.attempt.score}
        </span>
        <ScoreDelta delta={delta} />
      </div>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {[earlier, later].map((side) => (
          <div
            key={side.attempt.sessionQuestionId}
            className={cn(
              "min-w-0 rounded-lg border p-3",
              side.current ? "border-brand-200 bg-brand-50/50 dark:border-brand-900 dark:bg-brand-900/20" : "border-zinc-200 dark:border-zinc-800",
            )}
          >
            <div className="flex flex-wrap items-center gap-2">
              <h4 className="text-sm font-semibold">{side.label}</h4>
              <LocalTime iso={side.attempt.completedAt.toISOString()} pattern="date" className="text-xs text-zinc-500 dark:text-zinc-400" />
              <Badge tone={scoreTone(side.attempt.score)} className="ml-auto tabular-nums">
                {side.attempt.score}/100
              </Badge>
            </div>
            {side.report ? (
              <ul className="mt-3 space-y-1.5 text-sm" aria-label={`Key points, ${side.label.toLowerCase()}`}>
                {side.report.keyPoints.map((k) => {
                  const before = side === later ? earlierStatus.get(k.id) : undefined;
                  const change = before === undefined ? 0 : RANK[k.status] - RANK[before];
                  return (
                    <li key={k.id} className="flex items-start gap-2">
                      <Badge tone={STATUS_TONE[k.status]} className="mt-0.5 shrink-0">
                        {STATUS_LABEL[k.status]}
                      </Badge>
                      <span className="min-w-0 flex-1">
                        {k.text}
                        {change > 0 ? <span className="ml-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">↑ improved</span> : null}
                        {change < 0 ? <span className="ml-1 text-xs font-medium text-rose-700 dark:text-rose-400">↓ slipped</span> : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            <details className="mt-3" data-print-open>
              <summary className="cursor-pointer text-sm font-medium text-brand-600 dark:text-brand-200">
                {side.current ? "Answer" : "Answer then"}
                <span className="sr-only">, {side.label.toLowerCase()}</span>
              </summary>
              <div className="mt-2 space-y-2 rounded-md bg-white p-2 dark:bg-zinc-950">
                {highlightAnswers(side.answers, side.report).map((segments, i) => (
                  <AnswerText key={i} segments={segments} />
                ))}
              </div>
            </details>
            {!side.current ? (
              <Link href={`/sessions/${side.attempt.sessionId}`} className="mt-2 inline-block text-sm text-brand-600 hover:underline dark:text-brand-200">
                Open that transcript
              </Link>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}
