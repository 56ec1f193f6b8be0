import { Card } from "../ui/card";

/** What an invited candidate sees once their interview is over, when the recruiter chose not to show a score. */
export function InvitationFinished({ inviterName, kitTitle }: { inviterName: string; kitTitle: string }) {
  return (
    <div className="mx-auto max-w-2xl">
      <Card className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Thank you: your interview is complete</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Your answers{kitTitle ? <> to “{kitTitle}”</> : null} were saved and sent to {inviterName}. They will be in touch with you about the next steps.
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You can close this page. To have your answers deleted, open your invitation link again and choose “Delete my answers”.
        </p>
      </Card>
    </div>
  );
}
