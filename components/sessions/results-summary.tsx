import { answersOf } from "@/lib/sessions/format";
import { scoredText } from "@/lib/sessions/highlight";
import type { Transcript } from "@/lib/sessions/views";
import { Badge, DifficultyBadge, scoreTone } from "../ui/badge";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { InlineCode } from "../ui/inline-code";
import { answeredSentence, numberWord } from "@/lib/format/count";
import { phraseQuotes } from "./quotes";

const MAX_ITEMS = 5;

type Went = { key: string; n: number; weight: number; point: string; said?: string };
type Next =
  | { key: string; n: number; rank: number; kind: "wrong"; said?: string; what: string; correction: string }
  | { key: string; n: number; rank: number; kind: "missed" | "partial" | "contradicted"; point: string; scaffold?: string };

/** The feedback of question `n` in the transcript. */
export const feedbackHref = (sessionId: string, n: number) => `/sessions/${sessionId}#question-${n}-feedback`;

/**
 * The results of a finished interview: the score, what went well (key points covered, in the
 * candidate's words), what to work on next (wrong claims that stand, then the key points missed or
 * only touched on, weightiest first, each with the bank's smaller question to practise it) and
 * every question linked to its feedback in the transcript.
 */
export function ResultsSummary({ t }: { t: Transcript }) {
  const answered = t.questions.filter((q) => q.status === "scored").length;
  const went: Went[] = [];
  const next: Next[] = [];
  for (const q of t.questions) {
    const r = q.report;
    if (!r) continue;
    const n = q.index + 1;
    const text = scoredText(answersOf(q));
    const scaffold = new Map((q.snapshot?.keyPoints ?? []).map((k) => [k.id, k.scaffold]));
    for (const m of r.misconceptions) {
      if (m.corrected) continue;
      next.push({ key: `${n}:m:${m.id}`, n, rank: 100, kind: "wrong", said: phraseQuotes(text, m.evidence, 1)[0], what: m.text, correction: m.correction });
    }
    for (const k of r.keyPoints) {
      if (k.status === "covered") went.push({ key: `${n}:${k.id}`, n, weight: k.weight, point: k.text, said: phraseQuotes(text, k.evidence, 1)[0] });
      else if (k.status === "contradicted" && r.misconceptions.some((m) => m.keyPointId === k.id && !m.corrected)) continue;
      else
        next.push({
          key: `${n}:${k.id}`,
          n,
          rank: k.weight * 2 + (k.status === "partial" ? 0 : 1),
          kind: k.status,
          point: k.text,
          scaffold: scaffold.get(k.id),
        });
    }
  }
  went.sort((a, b) => b.weight - a.weight);
  next.sort((a, b) => b.rank - a.rank);
  const moreWent = went.length - MAX_ITEMS;
  const moreNext = next.length - MAX_ITEMS;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Interview finished</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Your results</h1>
      </div>
      <Card className="flex flex-wrap items-center gap-6" aria-label="Overall score">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Overall score</p>
          <p className="text-4xl font-semibold tabular-nums">
            {t.overallScore ?? 0}
            <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">/100</span>
          </p>
        </div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {answeredSentence(answered, t.questionCount)}{" "}
          <span className="text-zinc-600 dark:text-zinc-400">{t.mode === "mock" ? "Mock interview." : "Practice."}</span>
        </p>
        <div className="flex flex-wrap gap-2 sm:ml-auto">
          <ButtonLink href={`/sessions/${t.id}`}>View transcript</ButtonLink>
          <ButtonLink href="/practice" variant="secondary">
            Practise again
          </ButtonLink>
        </div>
      </Card>

      <div className="grid gap-6 md:grid-cols-2">
        <Card aria-labelledby="went-well-title">
          <h2 id="went-well-title" className="font-semibold">
            What went well
          </h2>
          {went.length ? (
            <ul className="mt-3 space-y-3 text-sm" aria-label="What went well">
              {went.slice(0, MAX_ITEMS).map((w) => (
                <li key={w.key}>
                  <p>
                    <span aria-hidden="true" className="mr-1 font-bold text-emerald-700 dark:text-emerald-400">
                      ✓
                    </span>
                    <InlineCode text={w.point} />
                  </p>
                  {w.said ? (
                    <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">
                      You said <q className="text-zinc-800 dark:text-zinc-200">{w.said}</q>
                    </p>
                  ) : null}
                  {t.questionCount > 1 ? (
                    <a href={feedbackHref(t.id, w.n)} className="text-xs text-brand-700 underline-offset-2 hover:underline dark:text-brand-200">
                      Question {w.n}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">No key point fully covered this time. The list beside this one says where to start.</p>
          )}
          {moreWent > 0 ? <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">And {numberWord(moreWent)} more in the transcript.</p> : null}
        </Card>

        <Card aria-labelledby="work-next-title">
          <h2 id="work-next-title" className="font-semibold">
            What to work on next
          </h2>
          {next.length ? (
            <ul className="mt-3 space-y-3 text-sm" aria-label="What to work on next">
              {next.slice(0, MAX_ITEMS).map((x) => (
                <li key={x.key}>
                  {x.kind === "wrong" ? (
                    <>
                      <p>
                        <span aria-hidden="true" className="mr-1 font-bold text-rose-700 dark:text-rose-400">
                          ✗
                        </span>
                        <span className="font-medium">Set right: </span>
                        {x.said ? <q>{x.said}</q> : <InlineCode text={x.what} />}
                      </p>
                      {x.correction ? (
                        <p className="mt-0.5 text-zinc-700 dark:text-zinc-300">
                          <span className="font-medium">Correction: </span>
                          <InlineCode text={x.correction} />
                        </p>
                      ) : x.said ? (
                        <p className="mt-0.5 text-zinc-700 dark:text-zinc-300">
                          <InlineCode text={x.what} />
                        </p>
                      ) : null}
                    </>
                  ) : (
                    <>
                      <p>
                        <span className="font-medium">
                          {x.kind === "partial" ? "Explain more fully: " : x.kind === "contradicted" ? "Set right: " : "Add: "}
                        </span>
                        <InlineCode text={x.point} />
                      </p>
                      {x.scaffold ? (
                        <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">
                          To practise, ask yourself: <InlineCode text={x.scaffold} />
                        </p>
                      ) : null}
                    </>
                  )}
                  {t.questionCount > 1 ? (
                    <a href={feedbackHref(t.id, x.n)} className="text-xs text-brand-700 underline-offset-2 hover:underline dark:text-brand-200">
                      Question {x.n}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">Nothing missed and nothing wrong. Try a harder question next.</p>
          )}
          {moreNext > 0 ? <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">And {numberWord(moreNext)} more in the transcript.</p> : null}
        </Card>
      </div>

      <Card aria-labelledby="questions-title">
        <h2 id="questions-title" className="mb-3 font-semibold">
          Questions
        </h2>
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {t.questions.map((q) => {
            const n = q.index + 1;
            const title = q.status === "pending" ? `Question ${n} (not reached)` : (q.snapshot?.title ?? q.title);
            return (
              <li key={q.id} className="flex flex-wrap items-center gap-3 py-3">
                <span className="w-6 text-sm text-zinc-600 dark:text-zinc-400" aria-hidden="true">
                  {n}.
                </span>
                <span className="min-w-0 flex-1">
                  {q.status === "pending" ? (
                    <span className="font-medium">{title}</span>
                  ) : (
                    <a href={feedbackHref(t.id, n)} className="font-medium underline-offset-2 hover:underline">
                      {title}
                    </a>
                  )}
                  <span className="mt-1 flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                    {q.topic} <DifficultyBadge difficulty={q.difficulty} />
                  </span>
                </span>
                <Badge tone={scoreTone(q.score)}>{q.score === null ? "no score" : `${q.score}/100`}</Badge>
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}
