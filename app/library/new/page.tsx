import type { Metadata } from "next";
import Link from "next/link";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { QuestionEditor } from "@/components/library/question-editor";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { canUseKits } from "@/lib/kits/store";
import { questionBankFor } from "@/lib/library/store";

export const metadata: Metadata = { title: "New library question" };

export default async function NewLibraryQuestionPage() {
  const user = await requireUser("/library/new");
  if (!canUseKits(user)) return <RecruiterOnly />;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/library" className="text-brand-600 hover:underline dark:text-brand-200">
          ← Library
        </Link>
      </p>
      <PageHeader
        title="New library question"
        description="Write the question and its reference answer; the key points say what a good answer covers, and kits, practice and scoring use them."
      />
      {/* Topics to suggest: the banks' and the library's, so a question joins a topic rather than a near-duplicate spelling. */}
      <QuestionEditor topics={(await questionBankFor(user)).topics().sort((a, b) => a.localeCompare(b, "en"))} />
    </div>
  );
}
