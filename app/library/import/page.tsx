import type { Metadata } from "next";
import Link from "next/link";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { ImportForm } from "@/components/library/import-form";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { canUseKits } from "@/lib/kits/store";

export const metadata: Metadata = { title: "Import questions" };

export default async function ImportPage() {
  const user = await requireUser("/library/import");
  if (!canUseKits(user)) return <RecruiterOnly />;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/library" className="text-brand-600 hover:underline dark:text-brand-200">
          ← Question library
        </Link>
      </p>
      <PageHeader
        title="Import questions"
        description="Nothing is saved until you review the questions: a file with any problem imports nothing, and says where each problem is."
      />
      <ImportForm />
    </div>
  );
}
