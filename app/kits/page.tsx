import type { Metadata } from "next";
import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { RecruiterOnly } from "@/components/scripts/recruiter-only";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { LEVEL_LABELS, levelSchema } from "@/lib/scripts/schemas";
import { canUseScripts, listScripts } from "@/lib/scripts/store";

export const metadata: Metadata = { title: "Interview scripts" };

export default async function ScriptsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireUser("/scripts");
  if (!canUseScripts(user)) return <RecruiterOnly />;
  const [scripts, { deleted }] = await Promise.all([listScripts(user), searchParams]);
  return (
    <div>
      <PageHeader
        title="Interview scripts"
        description={
          scripts.length
            ? `${scripts.length} script${scripts.length === 1 ? "" : "s"}, most recently changed first.`
            : "Timed interview plans with what a good answer covers, follow-ups, red flags and a 1–4 rubric."
        }
        actions={<ButtonLink href="/scripts/new">New script</ButtonLink>}
      />
      {deleted === "1" ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-300"
        >
          Script deleted.
        </p>
      ) : null}
      {scripts.length === 0 ? (
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold">No scripts yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Pick a level, a duration and topics (or paste a job description) and get a ready-to-run interview: intro, timed questions, probes, red flags, a
            rubric and a scorecard.
          </p>
          <ButtonLink href="/scripts/new" className="mt-6">
            Build your first script
          </ButtonLink>
        </Card>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Your scripts">
          {scripts.map((s) => {
            const level = levelSchema.safeParse(s.level);
            return (
              <li key={s.id}>
                <Card className="relative h-full space-y-2 p-4 transition-colors hover:border-brand-500/60">
                  <h2 className="font-semibold">
                    <Link href={`/scripts/${s.id}`} className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none">
                      {s.title}
                    </Link>
                  </h2>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {level.success ? LEVEL_LABELS[level.data] : s.level} · {s.totalMinutes} min · {s.questionCount} question{s.questionCount === 1 ? "" : "s"}
                  </p>
                  <div className="flex flex-wrap items-center gap-1.5 text-xs">
                    <Badge>v{s.version}</Badge>
                    {s.scorecardCount ? (
                      <Badge tone="brand">
                        {s.scorecardCount} scorecard{s.scorecardCount === 1 ? "" : "s"}
                      </Badge>
                    ) : null}
                    {s.activeShareCount ? <Badge tone="good">Shared</Badge> : null}
                    <span className="ml-auto text-zinc-500 dark:text-zinc-400">
                      Updated <time dateTime={s.updatedAt.toISOString()}>{formatDistanceToNow(s.updatedAt, { addSuffix: true })}</time>
                    </span>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
