import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { KitEditor } from "@/components/kits/kit-editor";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { questionBankFor } from "@/lib/library/store";
import { alternativesFor } from "@/lib/kits/builder";
import { KitError } from "@/lib/kits/errors";
import { LEVEL_LABELS } from "@/lib/kits/schemas";
import { canUseKits, getKit, listRevisions, listScorecards, listShareLinks } from "@/lib/kits/store";

export const metadata: Metadata = { title: "Edit kit" };

async function load(user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    const kit = await getKit(user, id);
    const [revisions, links, scorecards] = await Promise.all([listRevisions(user, id), listShareLinks(user, id), listScorecards(user, id)]);
    return { kit, revisions, links, scorecards };
  } catch (error) {
    if (error instanceof KitError && error.code === "not-found") notFound();
    throw error;
  }
}

export default async function KitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/kits/${id}`);
  if (!canUseKits(user)) return <RecruiterOnly />;
  const { kit, revisions, links, scorecards } = await load(user, id);
  const doc = kit.content;
  const alternatives = alternativesFor(doc, await questionBankFor(user), kit.inputs.jobDescription, 5, { includeInKit: true });
  const n = doc.questions.length;
  return (
    <div>
      <div className="print:hidden">
        <p className="mb-2 text-sm">
          <Link href="/kits" className="text-brand-600 hover:underline dark:text-brand-200">
            ← Kits
          </Link>
        </p>
        <PageHeader
          title={kit.title}
          description={`${LEVEL_LABELS[doc.level]} · ${doc.totalMinutes} minutes · ${n} question${n === 1 ? "" : "s"} · seed ${doc.seed}`}
          actions={
            <>
              <ButtonLink href={`/kits/${id}/live`}>Run live interview</ButtonLink>
              <ButtonLink href={`/kits/${id}/invitations`} variant="secondary">
                Candidates
              </ButtonLink>
              <ButtonLink href={`/kits/${id}/scorecards`} variant="secondary">
                Scorecards ({scorecards.length})
              </ButtonLink>
              <a href={`/api/kits/${id}/export?format=md`} download className={buttonClass("secondary")}>
                Export Markdown
              </a>
              <a href={`/api/kits/${id}/export?format=json`} download className={buttonClass("secondary")}>
                Export JSON
              </a>
            </>
          }
        />
        {doc.steering?.terms.length ? (
          <p className="-mt-3 mb-5 text-sm text-zinc-600 dark:text-zinc-400">Steered by the job description: {doc.steering.terms.join(", ")}.</p>
        ) : null}
      </div>
      <KitEditor
        kitId={id}
        initialVersion={kit.version}
        initialContent={doc}
        alternatives={alternatives}
        revisions={revisions.map((r) => ({ version: r.version, note: r.note, createdAt: r.createdAt.toISOString() }))}
        shareLinks={links.map((l) => ({
          id: l.id,
          version: l.version,
          createdAt: l.createdAt.toISOString(),
          expiresAt: l.expiresAt?.toISOString() ?? null,
          revokedAt: l.revokedAt?.toISOString() ?? null,
        }))}
        scorecardCount={scorecards.length}
      />
    </div>
  );
}
