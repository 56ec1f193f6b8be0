import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecruiterOnly } from "@/components/scripts/recruiter-only";
import { ScriptEditor } from "@/components/scripts/script-editor";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { getQuestionBank } from "@/lib/bank";
import { alternativesFor } from "@/lib/scripts/builder";
import { ScriptError } from "@/lib/scripts/errors";
import { LEVEL_LABELS } from "@/lib/scripts/schemas";
import { canUseScripts, getScript, listRevisions, listScorecards, listShareLinks } from "@/lib/scripts/store";

export const metadata: Metadata = { title: "Edit script" };

async function load(user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    const script = await getScript(user, id);
    const [revisions, links, scorecards] = await Promise.all([listRevisions(user, id), listShareLinks(user, id), listScorecards(user, id)]);
    return { script, revisions, links, scorecards };
  } catch (error) {
    if (error instanceof ScriptError && error.code === "not-found") notFound();
    throw error;
  }
}

export default async function ScriptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/scripts/${id}`);
  if (!canUseScripts(user)) return <RecruiterOnly />;
  const { script, revisions, links, scorecards } = await load(user, id);
  const doc = script.content;
  const alternatives = alternativesFor(doc, getQuestionBank(), script.inputs.jobDescription, 5, { includeInScript: true });
  const n = doc.questions.length;
  return (
    <div>
      <div className="print:hidden">
        <p className="mb-2 text-sm">
          <Link href="/scripts" className="text-brand-600 hover:underline dark:text-brand-200">
            ← Scripts
          </Link>
        </p>
        <PageHeader
          title={script.title}
          description={`${LEVEL_LABELS[doc.level]} · ${doc.totalMinutes} minutes · ${n} question${n === 1 ? "" : "s"} · seed ${doc.seed}`}
          actions={
            <>
              <ButtonLink href={`/scripts/${id}/live`}>Run live interview</ButtonLink>
              <ButtonLink href={`/scripts/${id}/scorecards`} variant="secondary">
                Scorecards ({scorecards.length})
              </ButtonLink>
              <a href={`/api/scripts/${id}/export?format=md`} download className={buttonClass("secondary")}>
                Export Markdown
              </a>
              <a href={`/api/scripts/${id}/export?format=json`} download className={buttonClass("secondary")}>
                Export JSON
              </a>
            </>
          }
        />
        {doc.steering?.terms.length ? (
          <p className="-mt-3 mb-5 text-sm text-zinc-600 dark:text-zinc-400">Steered by the job description: {doc.steering.terms.join(", ")}.</p>
        ) : null}
      </div>
      <ScriptEditor
        scriptId={id}
        initialVersion={script.version}
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
