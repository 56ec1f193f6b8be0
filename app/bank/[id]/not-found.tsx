import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** An unknown question id: say so plainly and lead back to the bank. */
export default function QuestionNotFound() {
  return (
    <Card className="mx-auto mt-6 max-w-xl py-12 text-center">
      <p className="font-mono text-sm font-semibold text-brand-600 dark:text-brand-200">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Question not found</h1>
      <p className="mx-auto mt-3 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        There is no question with this id in any bank. The link may be mistyped, or the question may have come from a bank this server no longer loads.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <ButtonLink href="/bank">Back to the question bank</ButtonLink>
      </div>
    </Card>
  );
}
