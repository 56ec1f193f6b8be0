import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveInterview } from "@/components/scripts/live-interview";
import { RecruiterOnly } from "@/components/scripts/recruiter-only";
import { requireUser } from "@/lib/auth/current-user";
import { getQuestionBank } from "@/lib/bank";
import { renderMarkdown } from "@/lib/markdown/render";
import { ScriptError } from "@/lib/scripts/errors";
import { canUseScripts, getScript } from "@/lib/scripts/store";

export const metadata: Metadata = { title: "Live interview" };

export default async function LiveInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/scripts/${id}/live`);
  if (!canUseScripts(user)) return <RecruiterOnly />;
  const script = await getScript(user, id).catch((error) => {
    if (error instanceof ScriptError && error.code === "not-found") notFound();
    throw error;
  });
  const bank = getQuestionBank();
  // The reference answers, for the interviewer's eyes, from the bank (when the question is still there).
  const references: Record<string, string> = {};
  await Promise.all(
    script.content.questions.map(async (q) => {
      const question = bank.get(q.id);
      if (question) references[q.id] = await renderMarkdown(question.reference);
    }),
  );
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/scripts/${id}`} className="text-brand-600 hover:underline dark:text-brand-200">
          ← {script.title}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Live interview</h1>
      <LiveInterview scriptId={id} version={script.version} doc={script.content} references={references} />
    </div>
  );
}
