import type { Metadata } from "next";
import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { RecruiterOnly } from "@/components/kits/recruiter-only";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { LEVEL_LABELS, levelSchema } from "@/lib/kits/schemas";
import { canUseKits, listKits } from "@/lib/kits/store";

export const metadata: Metadata = { title: "Interview kits" };

export default async function KitsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireUser("/kits");
  if (!canUseKits(user)) return <RecruiterOnly />;
  const [kits, { deleted }] = await Promise.all([listKits(user), searchParams]);
  return (
    <div>
      <PageHeader
        title="Interview kits"
        description={
          kits.length
            ? `${kits.length} kit${kits.length === 1 ? "" : "s"}, most recently changed first.`
            : "Timed interview plans with what a good answer covers, follow-ups, red flags and a 1–4 rubric."
        }
        actions={<ButtonLink href="/kits/new">New kit</ButtonLink>}
      />
      {deleted === "1" ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-300"
        >
          Kit deleted.
        </p>
      ) : null}
      {kits.length === 0 ? (
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold">No kits yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Pick a level, a duration and topics (or paste a job description) and get a ready-to-run interview: intro, timed questions, probes, red flags, a
            rubric and a scorecard.
          </p>
          <ButtonLink href="/kits/new" className="mt-6">
            Build your first kit
          </ButtonLink>
        </Card>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Your kits">
          {kits.map((s) => {
            const level = levelSchema.safeParse(s.level);
            return (
              <li key={s.id}>
                <Card className="relative h-full space-y-2 p-4 transition-colors hover:border-brand-500/60">
                  <h2 className="font-semibold">
                    <Link href={`/kits/${s.id}`} className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none">
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
