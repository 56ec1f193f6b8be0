import type { IntegritySummary } from "@/lib/invitations/integrity";
import { formatDuration } from "@/lib/sessions/format";
import { Card } from "../ui/card";

/**
 * What the candidate's browser saw, per question: pastes (characters, against the answer's length),
 * focus lost (how often, how long), the time to the first keystroke, an answer sent by the timer.
 * Facts to ask the candidate about, never a verdict.
 */
export function IntegritySignals({ summary }: { summary: IntegritySummary }) {
  const { totals } = summary;
  return (
    <Card className="space-y-3" aria-labelledby="signals-title">
      <h2 id="signals-title" className="text-lg font-semibold">
        Integrity signals
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {totals.pastes} paste{totals.pastes === 1 ? "" : "s"} ({totals.pastedChars} characters) · focus lost {totals.blurs} time{totals.blurs === 1 ? "" : "s"}{" "}
        ({formatDuration(totals.awayMs)} away) · {totals.sentByTimer} answer{totals.sentByTimer === 1 ? "" : "s"} sent by the timer. Facts to ask about, not
        verdicts.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Integrity signals per question</caption>
          <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Question
              </th>
              <th scope="col" className="py-2 pr-3">
                Pasted
              </th>
              <th scope="col" className="py-2 pr-3">
                Focus lost
              </th>
              <th scope="col" className="py-2 pr-3">
                First keystroke after
              </th>
              <th scope="col" className="py-2 pr-3">
                Sent by the timer
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {summary.questions.map((q) => (
              <tr key={q.index}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  Q{q.index + 1}. <span className="font-normal">{q.title}</span>
                </th>
                <td className="py-2 pr-3 tabular-nums">{q.pastes.length ? `${q.pastes.length}× · ${q.pastedChars} of ${q.answerChars} characters` : "none"}</td>
                <td className="py-2 pr-3 tabular-nums">{q.blurs ? `${q.blurs}× · ${formatDuration(q.awayMs)}` : "never"}</td>
                <td className="py-2 pr-3 tabular-nums">{q.firstKeyMs != null ? formatDuration(q.firstKeyMs) : "—"}</td>
                <td className="py-2 pr-3">{q.sentByTimer ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
