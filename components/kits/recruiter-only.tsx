import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";

/** What a candidate sees on any /kits page: kits are for recruiter accounts. */
export function RecruiterOnly() {
  return (
    <div className="mx-auto max-w-xl py-6">
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold tracking-tight">Interview kits are for recruiters</h1>
        <p className="text-sm leading-6 text-zinc-600 dark:text-zinc-400">
          Kits help people who run interviews: a timed plan, what a good answer covers, follow-up probes, red flags, a 1–4 rubric and a scorecard. Your account
          is a candidate account. To build kits, switch your account to <strong>recruiter</strong> in Settings; you can switch back at any time and your
          practice sessions stay as they are.
        </p>
        <div className="flex flex-wrap gap-2 pt-1">
          <ButtonLink href="/settings">Open Settings</ButtonLink>
          <ButtonLink href="/practice" variant="secondary">
            Back to practice
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}
