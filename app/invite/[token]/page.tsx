import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmForm } from "@/components/invitations/confirm-form";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { viewInvitation } from "@/lib/invitations/candidate";
import { eraseInvitationAction, startInvitationAction } from "./actions";

export const dynamic = "force-dynamic";

// The token is in the URL: keep the page out of search engines and the token out of Referer headers.
export const metadata: Metadata = { title: "Interview invitation", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * An invited candidate's page, reached through their link; no sign-in. Before the interview: who
 * invites, how long it takes, what is recorded, and the consent that starts it. During it: resume.
 * After: done, and the request to delete the answers. Unknown tokens are a 404; expired, revoked or
 * erased invitations say so.
 */
export default async function InvitationPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ erased?: string }> }) {
  const { token } = await params;
  const invitation = await viewInvitation(token);
  if (!invitation) notFound();
  const { erased } = await searchParams;
  const i = invitation;
  const interviewer = i.interviewer === "local:rubric" ? "an automated interviewer that works from a rubric" : "an AI interviewer";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <p className="text-sm font-medium text-brand-600 dark:text-brand-200">Interview invitation</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{i.kitTitle}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {i.inviterName} invites {i.candidateName} to this interview.
        </p>
      </header>

      {i.state === "expired" ? <Notice>This invitation has expired. Ask {i.inviterName} for a new one.</Notice> : null}
      {i.state === "revoked" ? <Notice>This invitation was withdrawn by {i.inviterName}.</Notice> : null}
      {i.state === "erased" ? <Notice>{erased ? "Your answers were deleted." : `Your answers to this invitation were deleted at your request.`}</Notice> : null}

      {i.state === "sent" || i.state === "opened" ? (
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold">Before you start</h2>
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            <li>
              {i.questionCount} question{i.questionCount === 1 ? "" : "s"}, about {i.totalMinutes} minutes in all. Each question has its own timer; when it runs
              out, what you typed is sent.
            </li>
            <li>You type your answers. {interviewer[0]!.toUpperCase() + interviewer.slice(1)} asks follow-up questions.</li>
            <li>
              <strong>What is recorded:</strong> your typed answers and when you sent them; pastes into the answer box (how many characters, when); when this
              tab loses focus and for how long; how long before your first keystroke; answers sent by the timer. {i.inviterName} sees all of it.
            </li>
            <li>{i.showScore ? "You will see your score at the end." : "You will not see a score: your answers go to the recruiter."}</li>
            <li>
              One attempt. You can close the page and come back through this link until the time runs out. Open it before{" "}
              <LocalTime iso={i.expiresAt.toISOString()} pattern="datetime" />.
            </li>
          </ul>
          <ConfirmForm
            action={startInvitationAction}
            token={token}
            name="consent"
            checkboxLabel="I agree that my answers and the signals above are recorded and shared with the recruiter."
            label="Start the interview"
            pendingLabel="Starting…"
          />
        </Card>
      ) : null}

      {i.state === "in-progress" && i.sessionId ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Your interview is in progress</h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">Pick up where you left off: your answers so far are saved.</p>
          <ConfirmForm
            action={startInvitationAction}
            token={token}
            name="consent"
            checkboxLabel="I still agree to the recording described when I started."
            label="Resume the interview"
            pendingLabel="Opening…"
          />
        </Card>
      ) : null}

      {i.state === "completed" && i.sessionId ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Your interview is complete</h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">Your answers were sent to {i.inviterName}.</p>
          {i.showScore ? <ButtonLink href={`/interview/${i.sessionId}`}>See your results</ButtonLink> : null}
        </Card>
      ) : null}

      {i.state === "in-progress" || i.state === "completed" ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Delete my answers</h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Deletes your answers and everything recorded during the interview, for good. {i.inviterName} will see that you asked for it.
          </p>
          <ConfirmForm
            action={eraseInvitationAction}
            token={token}
            name="confirm"
            checkboxLabel="I understand that my answers are deleted and cannot be recovered."
            label="Delete my answers"
            pendingLabel="Deleting…"
            variant="danger"
          />
        </Card>
      ) : null}
    </div>
  );
}

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      {children}
    </p>
  );
}
