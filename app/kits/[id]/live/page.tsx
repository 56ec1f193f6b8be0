import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveInterview } from "@/components/kits/live-interview";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { requireUser } from "@/lib/auth/current-user";
import { questionBankFor } from "@/lib/library/store";
import { renderMarkdown } from "@/lib/markdown/render";
import { KitError } from "@/lib/kits/errors";
import { canUseKits, getKit } from "@/lib/kits/store";

export const metadata: Metadata = { title: "Live interview" };

export default async function LiveInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/kits/${id}/live`);
  if (!canUseKits(user)) return <RecruiterOnly />;
  const kit = await getKit(user, id).catch((error) => {
    if (error instanceof KitError && error.code === "not-found") notFound();
    throw error;
  });
  const bank = await questionBankFor(user);
  // The reference answers, for the interviewer's eyes, from the bank (when the question is still there).
  const references: Record<string, string> = {};
  await Promise.all(
    kit.content.questions.map(async (q) => {
      const question = bank.get(q.id);
      if (question) references[q.id] = await renderMarkdown(question.reference);
    }),
  );
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/kits/${id}`} className="text-brand-600 hover:underline dark:text-brand-200">
          ← {kit.title}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Live interview</h1>
      <LiveInterview kitId={id} version={kit.version} doc={kit.content} references={references} />
    </div>
  );
}
