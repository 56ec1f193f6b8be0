import type { Metadata } from "next";
import { format } from "date-fns";
import { ChartCard } from "@/components/progress/chart-card";
import { DifficultyChart, ScoreOverTimeChart, TopicChart } from "@/components/progress/charts";
import { WeakPointsList } from "@/components/progress/weak-points";
import { ActionForm } from "@/components/sessions/action-form";
import { LocalTime } from "@/components/ui/local-time";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { scoreByMonth } from "@/lib/sessions/progress-aggregate";
import { getProgress } from "@/lib/sessions/progress";
import { practiseWeakSpotsAction } from "./actions";

export const metadata: Metadata = { title: "Progress" };

const DESCRIPTION = "Your scores over time, by topic and by difficulty, and the key points you miss most.";

function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {hint ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
    </Card>
  );
}

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const p = await getProgress(user.id);
  const yourSessions = (
    <ButtonLink href="/sessions" variant="secondary">
      Your sessions
    </ButtonLink>
  );

  if (p.empty) {
    return (
      <div>
        <PageHeader title="Progress" description={DESCRIPTION} actions={yourSessions} />
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold">No progress to show yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Finish an interview and your scores, charts and weak spots will appear here.
          </p>
          <ButtonLink href="/practice" className="mt-6">
            Start an interview
          </ButtonLink>
        </Card>
      </div>
    );
  }

  const { series, window, topics, difficulties, weak, summary } = p;
  const trend = summary.recentAverage != null && summary.previousAverage != null ? summary.recentAverage - summary.previousAverage : null;
  const titleOf = new Map(weak.map((w) => [w.questionId, w.questionTitle]));
  const first = series[0];
  const last = series.at(-1);
  // Many sessions: the table behind the chart lists months rather than every session.
  const byMonth = series.length > 60;

  return (
    <div className="space-y-6">
      <PageHeader title="Progress" description={DESCRIPTION} actions={yourSessions} />

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Sessions" value={summary.sessions} hint={`${summary.questions} questions answered`} />
        <Stat label="Average score" value={summary.average ?? "—"} hint={summary.best != null ? `best ${summary.best}` : undefined} />
        <Stat
          label="Last 5 sessions"
          value={summary.recentAverage ?? "—"}
          hint={trend == null ? "average" : `${trend > 0 ? "+" : trend < 0 ? "−" : "±"}${Math.abs(trend)} on the 5 before`}
        />
        <Stat
          label="Last practised"
          value={
            summary.lastPractisedAt ? (
              <LocalTime iso={summary.lastPractisedAt.toISOString()} pattern="short" className="whitespace-nowrap text-lg sm:text-2xl" />
            ) : (
              "—"
            )
          }
        />
      </div>

      {series.length > 0 ? (
        <ChartCard
          id="score-over-time"
          title="Score over time"
          description={`Each finished session's overall score, with the average of the last ${window}.`}
          summary={
            first && last
              ? series.length === 1
                ? `1 session from ${format(first.t, "d MMM yyyy")}, scored ${first.score}.`
                : `${series.length} sessions from ${format(first.t, "d MMM yyyy")} to ${format(last.t, "d MMM yyyy")}; the ${window}-session average went from ${Math.round(first.average)} to ${Math.round(last.average)}.`
              : "no sessions"
          }
          chart={<ScoreOverTimeChart points={series} window={window} />}
          table={
            byMonth
              ? {
                  head: ["Month", "Sessions", "Average", "Best"],
                  rows: scoreByMonth(series)
                    .reverse()
                    .map((m) => [m.month, m.sessions, m.average, m.best]),
                }
              : {
                  head: ["Date", "Score", `Average of last ${window}`],
                  rows: [...series].reverse().map((pt) => [format(pt.t, "yyyy-MM-dd HH:mm"), pt.score, Math.round(pt.average)]),
                }
          }
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          id="score-by-topic"
          title="By topic"
          description="Average score per topic, weakest first."
          summary={topics.map((g) => `${g.label} ${g.average}`).join("; ")}
          chart={<TopicChart groups={topics} />}
          table={{ head: ["Topic", "Average", "Last 5", "Best", "Answers"], rows: topics.map((g) => [g.label, g.average, g.recentAverage, g.best, g.count]) }}
        />
        <ChartCard
          id="score-by-difficulty"
          title="By difficulty"
          description="Average score per difficulty."
          summary={difficulties.map((g) => `${g.label} ${g.average}`).join("; ")}
          chart={<DifficultyChart groups={difficulties} />}
          table={{
            head: ["Difficulty", "Average", "Last 5", "Best", "Answers"],
            rows: difficulties.map((g) => [g.label, g.average, g.recentAverage, g.best, g.count]),
          }}
        />
      </div>

      <Card>
        <section aria-labelledby="weak-title">
          <h2 id="weak-title" className="font-semibold">
            Weakest key points
          </h2>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            The points you miss most often, across your last {p.reportWindow} answered questions.
          </p>
          {weak.length ? (
            <>
              <WeakPointsList points={weak} />
              <div className="mt-4 flex flex-col gap-3 rounded-lg bg-zinc-50 p-4 dark:bg-zinc-900 sm:flex-row sm:items-center sm:justify-between">
                <div className="text-sm text-zinc-700 dark:text-zinc-300">
                  <p>An interview of {p.weakQuestionIds.length === 1 ? "the question" : `the ${p.weakQuestionIds.length} questions`} behind them:</p>
                  <ul className="mt-1 list-disc space-y-0.5 pl-5 font-medium">
                    {p.weakQuestionIds.map((id) => (
                      <li key={id}>{titleOf.get(id)}</li>
                    ))}
                  </ul>
                </div>
                <div className="shrink-0">
                  <ActionForm action={practiseWeakSpotsAction} pendingLabel="Starting…">
                    Practise my weak spots
                  </ActionForm>
                </div>
              </div>
            </>
          ) : (
            <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">No weak spots: you covered every key point in your recent answers.</p>
          )}
        </section>
      </Card>
    </div>
  );
}
