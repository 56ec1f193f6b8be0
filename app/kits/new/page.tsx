import type { Metadata } from "next";
import Link from "next/link";
import { BuilderForm, type BuilderBank } from "@/components/kits/builder-form";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { LIBRARY_BANK_ID, questionBankFor } from "@/lib/library/store";
import { LEVEL_MIX } from "@/lib/kits/builder";
import { canUseKits } from "@/lib/kits/store";

export const metadata: Metadata = { title: "New interview kit" };

export default async function NewKitPage({ searchParams }: { searchParams: Promise<{ include?: string | string[] }> }) {
  const user = await requireUser("/kits/new");
  if (!canUseKits(user)) return <RecruiterOnly />;
  const bank = await questionBankFor(user);
  const banks: BuilderBank[] = bank
    .banks()
    .map((b) => {
      const questions = bank.filter({ bankId: b.id });
      return { id: b.id, name: b.name, topics: bank.topics(b.id).map((name) => ({ name, count: questions.filter((q) => q.topic === name).length })) };
    })
    .filter((b) => b.topics.length > 0);
  const defaultBankId = banks.find((b) => b.id === "python")?.id ?? banks[0]?.id ?? "";
  const library = bank.filter({ bankId: LIBRARY_BANK_ID }).map((q) => ({ id: q.id, title: q.title, topic: q.topic, difficulty: q.difficulty }));
  const { include } = await searchParams;
  const preselected = (Array.isArray(include) ? include : include ? [include] : []).filter((id) => library.some((q) => q.id === id));
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/kits" className="text-brand-600 hover:underline dark:text-brand-200">
          ← Kits
        </Link>
      </p>
      <PageHeader title="New interview kit" description="Choose the level, the time and the topics; you can reorder, swap and retime everything afterwards." />
      <BuilderForm banks={banks} levelMix={LEVEL_MIX} defaultBankId={defaultBankId} library={library} preselected={preselected} />
    </div>
  );
}
