import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { describeModels } from "@/lib/ai/providers";
import { changeRoleAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const models = describeModels();
  return (
    <div className="max-w-2xl">
      <PageHeader title="Settings" description={`Signed in as ${user.email}`} />
      <div className="space-y-6">
        <Card>
          <h2 className="font-semibold">Account type</h2>
          <form action={changeRoleAction} className="mt-3 space-y-3">
            <fieldset className="space-y-2" disabled={user.role === "admin"}>
              <legend className="sr-only">Account type</legend>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="role" value="candidate" defaultChecked={user.role === "candidate"} className="mt-1 h-4 w-4 accent-brand-600" />
                <span>
                  <span className="font-medium">Candidate</span>
                  <span className="block text-zinc-500">Practise interviews and review your sessions.</span>
                </span>
              </label>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="role" value="recruiter" defaultChecked={user.role === "recruiter"} className="mt-1 h-4 w-4 accent-brand-600" />
                <span>
                  <span className="font-medium">Recruiter (I&apos;m hiring)</span>
                  <span className="block text-zinc-500">Also build, share and run interview kits.</span>
                </span>
              </label>
            </fieldset>
            <Button type="submit" variant="secondary" size="sm" disabled={user.role === "admin"}>
              Save account type
            </Button>
          </form>
        </Card>
        <Card>
          <h2 className="font-semibold">Interviewer on this server</h2>
          <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
            <dt className="text-zinc-500">Interviewer</dt>
            <dd>{models.interviewer}</dd>
            <dt className="text-zinc-500">Scoring</dt>
            <dd>{models.usesLlm ? `Rubric + ${models.judge}` : "Offline rubric scorer"}</dd>
          </dl>
        </Card>
        <Card className="border-rose-200 dark:border-rose-900">
          <h2 className="font-semibold text-rose-700 dark:text-rose-300">Delete account</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Deletes your account and everything it owns: sessions, transcripts, interview kits and scorecards. This cannot be undone.
          </p>
          <DeleteAccountForm email={user.email} />
        </Card>
      </div>
    </div>
  );
}
