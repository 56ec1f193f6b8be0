import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { QuestionEditor } from "@/components/library/question-editor";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { KitError } from "@/lib/kits/errors";
import { canUseKits } from "@/lib/kits/store";
import { getLibraryQuestion, questionBankFor } from "@/lib/library/store";
import { VISIBILITY_LABELS } from "@/lib/library/persisted";

export const metadata: Metadata = { title: "Library question" };

async function load(user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    return await getLibraryQuestion(user, id);
  } catch (error) {
    // Another recruiter's private question is not found, as one that never existed.
    if (error instanceof KitError && error.code === "not-found") notFound();
    throw error;
  }
}

export default async function LibraryQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/library/${id}`);
  if (!canUseKits(user)) return <RecruiterOnly />;
  const [question, bank] = await Promise.all([load(user, id), questionBankFor(user)]);
  // Topics to suggest: the banks' and the library's, so a question joins a topic rather than a near-duplicate spelling.
  const topics = bank.topics().sort((a, b) => a.localeCompare(b, "en"));
  const who = question.mine ? VISIBILITY_LABELS[question.visibility] : `Shared by ${question.ownerName}`;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/library" className="text-brand-600 hover:underline dark:text-brand-200">
          ← Library
        </Link>
      </p>
      <PageHeader title={question.title} description={`${question.slug} · version ${question.version} · ${who}`} />
      <QuestionEditor
        // Not keyed by version: the refresh after a save brings the new version into the header
        // without resetting the form (what the recruiter keeps typing stays). "Reload" is a full load.
        key={question.id}
        topics={topics}
        question={{
          id: question.id,
          version: question.version,
          visibility: question.visibility,
          mine: question.mine,
          ownerName: question.ownerName,
          draft: question.draft,
        }}
      />
    </div>
  );
}
