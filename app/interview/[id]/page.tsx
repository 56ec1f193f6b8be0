import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { InterviewRoom } from "@/components/interview/interview-room";
import { SettleInterview } from "@/components/interview/settle-interview";
import { ResultsSummary } from "@/components/sessions/results-summary";
import { InvitationFinished } from "@/components/invitations/invitation-finished";
import { invitationForSession } from "@/lib/invitations/candidate";
import { getInterviewee } from "@/lib/invitations/interviewee";
import { invitationCookieName } from "@/lib/invitations/tokens";
import { getQuestionBank } from "@/lib/bank";
import { publicTask } from "@/lib/bank/task";
import { renderMarkdown } from "@/lib/markdown/render";
import { toInterviewView } from "@/lib/sessions/interview-view";
import { loadSession } from "@/lib/sessions/read-model";
import { toTranscript } from "@/lib/sessions/transcript";

export const metadata: Metadata = { title: "Interview" };

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The invited guest of this interview (its cookie), else the signed-in user.
  const user = await getInterviewee(id, (await cookies()).get(invitationCookieName(id))?.value);
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/interview/${id}`)}`);
  // One read of the session; the live view and, once finished, the results are projections of it.
  const session = await loadSession(user.id, id);
  if (!session) notFound();
  const view = toInterviewView(session);
  // The clock has something to settle: the page asks for it (a POST) instead of writing while it renders.
  if (view.settleDue) return <SettleInterview sessionId={id} />;
  if (view.status === "finished") {
    if (user.role === "guest") {
      // A guest has no account (no review pages): thanks, and the score when the recruiter chose to show it.
      const invitation = await invitationForSession(id);
      return (
        <InvitationFinished
          inviterName={invitation?.inviterName ?? "The recruiter"}
          kitTitle={invitation?.kitTitle ?? ""}
          scores={invitation?.showScore ? toTranscript(session) : undefined}
        />
      );
    }
    // The results: what went well and what to work on next, each question linked to its feedback.
    return <ResultsSummary t={toTranscript(session)} />;
  }

  const current = view.questions[view.currentIndex]!;
  const promptHtml = current.prompt ? await renderMarkdown(current.prompt) : "";
  // A coding task: its public part only (never the hidden checks), from the bank this process loaded.
  const stored = session.questions[view.currentIndex];
  const publicPart = stored ? publicTask(getQuestionBank().get(stored.questionId) ?? {}) : undefined;
  const task = publicPart
    ? {
        promptHtml: await renderMarkdown(publicPart.prompt),
        examplesHtml: await Promise.all(publicPart.examples.map((e) => renderMarkdown(e))),
        starter: publicPart.starter,
      }
    : undefined;
  const revealed: Record<number, { referenceHtml: string; errataHtml: string | null }> = {};
  if (current.reference) {
    revealed[current.index] = {
      referenceHtml: await renderMarkdown(current.reference),
      errataHtml: current.errata ? await renderMarkdown(current.errata) : null,
    };
  }
  // Keyed by the transcript's length: after each turn the room restarts from the server's state.
  const guest = user.role === "guest";
  const room = (
    <InterviewRoom key={`${view.turns.length}:${current.status}`} view={view} promptHtml={promptHtml} revealed={revealed} recordSignals={guest} task={task} />
  );
  if (!guest) return room;
  return (
    <div className="space-y-4">
      <p className="rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        An invited interview: your answers, pastes, focus changes and timings are recorded for the recruiter, as you agreed.
      </p>
      {room}
    </div>
  );
}
