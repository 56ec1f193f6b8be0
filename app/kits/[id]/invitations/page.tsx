import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparisonTable } from "@/components/invitations/comparison-table";
import { InvitationsPanel } from "@/components/invitations/invitations-panel";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { invitationJson } from "@/lib/api/invitations/responses";
import { requireUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { compareCandidates } from "@/lib/invitations/compare";
import { listInvitations } from "@/lib/invitations/store";
import { KitError } from "@/lib/kits/errors";
import { canUseKits, getKit } from "@/lib/kits/store";
import { availableInterviewers } from "@/lib/sessions/service";

export const metadata: Metadata = { title: "Candidates" };

async function load(user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    const [kit, invitations, comparison] = await Promise.all([getKit(user, id), listInvitations(user, id), compareCandidates(user, id)]);
    return { kit, invitations, comparison };
  } catch (error) {
    if (error instanceof KitError && error.code === "not-found") notFound();
    throw error;
  }
}

/** A kit's candidates: invite them, follow their invitations, compare their interviews, export the comparison. */
export default async function KitCandidatesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/kits/${id}/invitations`);
  if (!canUseKits(user)) return <RecruiterOnly />;
  const { kit, invitations, comparison } = await load(user, id);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/kits/${id}`} className="text-brand-600 hover:underline dark:text-brand-200">
          ← {kit.title}
        </Link>
      </p>
      <PageHeader
        title="Candidates"
        description={`${kit.title} · ${kit.content.questions.length} questions · ${kit.content.totalMinutes} minutes`}
        actions={
          <a href={`/api/kits/${id}/invitations/export?format=csv`} download className={buttonClass("secondary")}>
            Export comparison (CSV)
          </a>
        }
      />
      <InvitationsPanel kitId={id} initial={invitations.map(invitationJson)} interviewers={availableInterviewers()} smtp={!!env().SMTP_URL} />
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Compare candidates</h2>
        <ComparisonTable kitId={id} data={comparison} />
      </Card>
    </div>
  );
}
