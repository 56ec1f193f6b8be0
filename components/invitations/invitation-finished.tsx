import type { Transcript } from "@/lib/sessions/views";
import { Badge, scoreTone } from "../ui/badge";
import { Card } from "../ui/card";

/**
 * What an invited candidate sees once their interview is over: thanks, where the answers went and,
 * when the recruiter chose to show it, the score (overall and per question). A guest has no account,
 * so nothing here links to the review pages.
 */
export function InvitationFinished({ inviterName, kitTitle, scores }: { inviterName: string; kitTitle: string; scores?: Transcript }) {
  return (
    <div className="mx-auto max-w-2xl">
      <Card className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Thank you: your interview is complete</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Your answers{kitTitle ? <> to “{kitTitle}”</> : null} were saved and sent to {inviterName}. They will be in touch with you about the next steps.
        </p>
        {scores ? (
          <div className="space-y-2">
            <p>Your score: {scores.overallScore != null ? <Badge tone={scoreTone(scores.overallScore)}>{scores.overallScore}/100</Badge> : "not scored"}</p>
            <ol className="list-decimal space-y-1 pl-5 text-sm" aria-label="Your score per question">
              {scores.questions.map((q) => (
                <li key={q.id}>
                  {q.title}: {q.score != null ? `${q.score}/100` : "not answered"}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You can close this page. To have your answers deleted, open your invitation link again and choose “Delete my answers”.
        </p>
      </Card>
    </div>
  );
}
