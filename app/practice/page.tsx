import type { Metadata } from "next";
import { StartInterviewForm } from "@/components/interview/start-interview-form";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { questionBankFor } from "@/lib/library/store";
import { availableInterviewers } from "@/lib/sessions/service";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  const user = await requireUser("/practice");
  // The banks and, for a recruiter, their library: they can try their own questions.
  const bank = await questionBankFor(user);
  const banks = bank.banks().map((b) => ({
    id: b.id,
    name: b.name,
    topics: bank.topics(b.id).map((t) => ({ name: t, count: bank.filter({ bankId: b.id, topics: [t] }).length })),
  }));
  return (
    <>
      <PageHeader
        title="Set up a practice interview"
        description="Choose what to practise. The interviewer asks, listens, follows up on what you missed, and scores each answer."
      />
      <StartInterviewForm banks={banks} interviewers={availableInterviewers()} />
    </>
  );
}
