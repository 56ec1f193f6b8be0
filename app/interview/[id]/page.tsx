import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InterviewRoom } from "@/components/interview/interview-room";
import { SettleInterview } from "@/components/interview/settle-interview";
import { ResultsSummary } from "@/components/sessions/results-summary";
import { requireUser } from "@/lib/auth/current-user";
import { renderMarkdown } from "@/lib/markdown/render";
import { toInterviewView } from "@/lib/sessions/interview-view";
import { loadSession } from "@/lib/sessions/read-model";
import { toTranscript } from "@/lib/sessions/transcript";

export const metadata: Metadata = { title: "Interview" };

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/interview/${id}`);
  // One read of the session; the live view and, once finished, the results are projections of it.
  const session = await loadSession(user.id, id);
  if (!session) notFound();
  const view = toInterviewView(session);
  // The clock has something to settle: the page asks for it (a POST) instead of writing while it renders.
  if (view.settleDue) return <SettleInterview sessionId={id} />;
  if (view.status === "finished") {
    // The results: what went well and what to work on next, each question linked to its feedback.
    return <ResultsSummary t={toTranscript(session)} />;
  }

  const current = view.questions[view.currentIndex]!;
  const promptHtml = current.prompt ? await renderMarkdown(current.prompt) : "";
  const revealed: Record<number, { referenceHtml: string; errataHtml: string | null }> = {};
  if (current.reference) {
    revealed[current.index] = {
      referenceHtml: await renderMarkdown(current.reference),
      errataHtml: current.errata ? await renderMarkdown(current.errata) : null,
    };
  }
  // Keyed by the transcript's length: after each turn the room restarts from the server's state.
  return <InterviewRoom key={`${view.turns.length}:${current.status}`} view={view} promptHtml={promptHtml} revealed={revealed} />;
}
