import type { Metadata } from "next";
import { format } from "date-fns";
import { ChartCard } from "@/components/progress/chart-card";
import { DifficultyChart, ScoreOverTimeChart, TopicChart } from "@/components/progress/charts";
import { WeakPointsList } from "@/components/progress/weak-points";
import { ActionForm } from "@/components/sessions/action-form";
import { LocalTime } from "@/components/sessions/local-time";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { progressSummary, scoreByDifficulty, scoreByTopic, scoreOverTime, weakestKeyPoints, weakSpotQuestionIds } from "@/lib/review/aggregate";
import { WEAK_POINTS_LISTED, WEAK_SPOT_QUESTIONS } from "@/lib/review/commands";
import { getProgressRows, PROGRESS_REPORT_WINDOW } from "@/lib/review/queries";
import { practiseWeakSpotsAction } from "./actions";

export const metadata: Metadata = { title: "Progress" };

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
  const rows = await getProgressRows(user.id);

  if (rows.sessions.length === 0 && rows.questions.length === 0) {
    return (
      <div>
        <PageHeader title="Progress" description="Your scores over time, by topic and by difficulty, and the key points you miss most." />
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold">No progress to show yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">Finish an interview and your scores, charts and weak spots will appear here.</p>
          <ButtonLink href="/practice" className="mt-6">
            Start an interview
          </ButtonLink>
        </Card>
      </div>
    );
  }

  // A longer moving average when there are many sessions, so the trend stays readable.
  const window = rows.sessions.length > 100 ? 20 : 5;
  const series = scoreOverTime(rows.sessions, window);
  const topics = scoreByTopic(rows.questions);
  const difficulties = scoreByDifficulty(rows.questions);
  const weak = weakestKeyPoints(rows.reports, WEAK_POINTS_LISTED);
  const weakQuestions = weakSpotQuestionIds(weak, WEAK_SPOT_QUESTIONS);
  const summary = progressSummary(rows.sessions, rows.questions);
  const trend = summary.recentAverage != null && summary.previousAverage != null ? summary.recentAverage - summary.previousAverage : null;
  const titleOf = new Map(weak.map((w) => [w.questionId, w.questionTitle]));
  const first = series[0];
  const last = series.at(-1);

  const weakSpotsButton = (
    <ActionForm action={practiseWeakSpotsAction} pendingLabel="Starting…" size="md">
      Practise my weak spots
    </ActionForm>
  );

  return (
    <div className="space-y-6">
      <PageHeader title="Progress" description="Your scores over time, by topic and by difficulty, and the key points you miss most." actions={
          <ButtonLink href="/sessions" variant="secondary">
            Your sessions
          </ButtonLink>
        }
      />

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
          value={summary.lastPractisedAt ? <LocalTime iso={summary.lastPractisedAt.toISOString()} pattern="short" className="whitespace-nowrap text-lg sm:text-2xl" /> : "—"}
        />
      </div>

      {series.length > 0 ? (
        <ChartCard
          id="score-over-time"
          title="Score over time"
          description={`Each finished session's overall score, with the average of the last ${window}.`}
          summary={
            first && last
              ? `${series.length} sessions from ${format(first.t, "d MMM yyyy")} to ${format(last.t, "d MMM yyyy")}; the ${window}-session average went from ${Math.round(first.average)} to ${Math.round(last.average)}.`
              : "no sessions"
          }
          chart={<ScoreOverTimeChart points={series} window={window} />}
          table={{
            head: ["Date", "Score", `Average of last ${window}`],
            rows: [...series].reverse().map((p) => [format(p.t, "yyyy-MM-dd HH:mm"), p.score, Math.round(p.average)]),
          }}
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
          table={{ head: ["Difficulty", "Average", "Last 5", "Best", "Answers"], rows: difficulties.map((g) => [g.label, g.average, g.recentAverage, g.best, g.count]) }}
        />
      </div>

      <Card>
        <section aria-labelledby="weak-title">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div>
              <h2 id="weak-title" className="font-semibold">
                Weakest key points
              </h2>
              <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
                The points you miss most often, across your last {Math.min(PROGRESS_REPORT_WINDOW, rows.reports.length)} answered questions.
              </p>
            </div>
          </div>
          {weak.length ? (
            <>
              <WeakPointsList points={weak} />
              <div className="mt-4 flex flex-col gap-3 rounded-lg bg-zinc-50 p-4 dark:bg-zinc-900 sm:flex-row sm:items-center sm:justify-between">
                <div className="text-sm text-zinc-700 dark:text-zinc-300">
                  <p>An interview of {weakQuestions.length === 1 ? "the question" : `the ${weakQuestions.length} questions`} behind them:</p>
                  <ul className="mt-1 list-disc space-y-0.5 pl-5 font-medium">
                    {weakQuestions.map((id) => (
                      <li key={id}>{titleOf.get(id)}</li>
                    ))}
                  </ul>
                </div>
                <div className="shrink-0">{weakSpotsButton}</div>
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
