import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IntegritySignals } from "@/components/invitations/integrity-signals";
import { InvitationScorecard } from "@/components/invitations/invitation-scorecard";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { MarkLegend } from "@/components/sessions/answer-text";
import { TranscriptQuestionSection } from "@/components/sessions/transcript-question";
import { Badge, scoreTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { renderMarkdown } from "@/lib/markdown/render";
import { INVITATION_STATE_LABELS } from "@/lib/invitations/schemas";
import { scorecardDraft } from "@/lib/invitations/scorecard-draft";
import { getInvitationReview } from "@/lib/invitations/store";
import { KitError } from "@/lib/kits/errors";
import { canUseKits } from "@/lib/kits/store";
import { timeTakenMs } from "@/lib/sessions/format";

export const metadata: Metadata = { title: "Candidate's interview" };

/**
 * One invited candidate's interview, for the recruiter who invited them: the state, the integrity
 * signals (facts, not verdicts), the transcript with the scorer's evidence (once finished), and the
 * scorecard pre-filled from it.
 */
export default async function InvitationReviewPage({ params }: { params: Promise<{ id: string; invitationId: string }> }) {
  const { id, invitationId } = await params;
  const user = await requireUser(`/kits/${id}/invitations/${invitationId}`);
  if (!canUseKits(user)) return <RecruiterOnly />;
  let review;
  try {
    review = await getInvitationReview(user, id, invitationId);
  } catch (error) {
    if (error instanceof KitError && error.code === "not-found") notFound();
    throw error;
  }
  const { invitation: inv, transcript: t, integrity, kitDocument } = review;
  const finished = t?.status === "finished";
  const rendered = t
    ? await Promise.all(t.questions.map(async (q) => ({ reference: q.snapshot?.reference ? await renderMarkdown(q.snapshot.reference) : null })))
    : [];
  const draft = finished && kitDocument ? scorecardDraft(kitDocument, t.questions) : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/kits/${id}/invitations`} className="text-brand-600 hover:underline dark:text-brand-200">
          ← Candidates of {review.kitTitle}
        </Link>
      </p>
      <PageHeader title={inv.candidateName} description={`${inv.candidateEmail} · ${INVITATION_STATE_LABELS[inv.state]}`} />
      {t ? (
        <Card className="flex flex-wrap items-center gap-4">
          <p>
            <span className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Overall score</span>
            <span className="ml-2">
              {t.overallScore != null ? <Badge tone={scoreTone(t.overallScore)}>{t.overallScore}/100</Badge> : "not yet (in progress)"}
            </span>
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t.questionCount} question{t.questionCount === 1 ? "" : "s"} ·{" "}
            {t.engine === "local:rubric" ? "offline interviewer" : t.engine.replace(/^openai:/, "")}
          </p>
        </Card>
      ) : (
        <Card>
          <p className="text-sm">The candidate has not started.</p>
        </Card>
      )}
      {integrity ? <IntegritySignals summary={integrity} /> : null}
      {t ? (
        <section aria-labelledby="transcript-heading" className="space-y-8">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <h2 id="transcript-heading" className="text-lg font-semibold">
              Transcript
            </h2>
            <MarkLegend />
          </div>
          {!finished ? <p className="text-sm text-zinc-600 dark:text-zinc-400">Scores and evidence appear when the candidate finishes.</p> : null}
          {t.questions.some((q) => q.report?.task) ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Coding tasks: the hidden checks run in a sandbox, in the same process as the candidate&apos;s code, so code written to game them could. Read their
              verdicts with the code in the transcript, as evidence rather than proof.
            </p>
          ) : null}
          {t.questions.map((q, i) => (
            <TranscriptQuestionSection
              key={q.id}
              sessionId={t.id}
              sessionStart={t.startedAt}
              question={q}
              total={t.questionCount}
              timeTaken={timeTakenMs(q)}
              referenceHtml={rendered[i]!.reference}
              errataHtml={null}
              attempts={undefined}
              candidateLabel={inv.candidateName}
            />
          ))}
        </section>
      ) : null}
      {draft ? (
        <InvitationScorecard kitId={id} scriptVersion={inv.scriptVersion} invitationId={inv.id} candidateName={inv.candidateName} draft={draft} />
      ) : null}
    </div>
  );
}
