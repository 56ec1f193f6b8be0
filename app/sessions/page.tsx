import type { Metadata } from "next";
import { Pagination } from "@/components/sessions/pagination";
import { SessionFilters } from "@/components/sessions/session-filters";
import { SessionList } from "@/components/sessions/session-list";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { parseSessionFilters, sessionsHref, type SearchParams } from "@/lib/sessions/list-filters";
import { listSessions, listSessionTopics } from "@/lib/sessions/queries";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = parseSessionFilters(params);
  const user = await requireUser(sessionsHref(filters));
  const [list, topics] = await Promise.all([listSessions(user.id, filters), listSessionTopics(user.id)]);
  const filtered = Boolean(filters.topic || filters.score);
  const deleted = params.deleted === "1";

  return (
    <div>
      <PageHeader
        title="Your sessions"
        description={
          list.total > 0 || filtered
            ? `${list.total} ${filtered ? "matching " : ""}session${list.total === 1 ? "" : "s"}, newest first.`
            : "Every interview you practise is kept here with its transcript and score."
        }
        actions={
          <>
            <ButtonLink href="/progress" variant="secondary">
              Progress
            </ButtonLink>
            <ButtonLink href="/practice">New interview</ButtonLink>
          </>
        }
      />
      {deleted ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-300"
        >
          Session deleted.
        </p>
      ) : null}
      {list.total === 0 && !filtered ? (
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold">No sessions yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Start a timed interview: you will get follow-up questions, a score with evidence, and the transcript will be waiting here.
          </p>
          <ButtonLink href="/practice" className="mt-6">
            Start your first interview
          </ButtonLink>
        </Card>
      ) : (
        <>
          <Card className="mb-4 p-4">
            <SessionFilters topics={topics} topic={filters.topic} score={filters.score} />
          </Card>
          {list.items.length > 0 ? (
            <SessionList items={list.items} />
          ) : (
            <Card className="py-10 text-center">
              <h2 className="font-semibold">{list.total === 0 ? "No sessions match these filters" : "No sessions on this page"}</h2>
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                {list.total === 0 ? "Try another topic or score range." : `There are ${list.pageCount} pages.`}
              </p>
              <ButtonLink href={list.total === 0 ? "/sessions" : sessionsHref({ ...filters, page: list.pageCount })} variant="secondary" className="mt-4">
                {list.total === 0 ? "Clear filters" : "Go to the last page"}
              </ButtonLink>
            </Card>
          )}
          <Pagination page={list.page} pageCount={list.pageCount} topic={filters.topic} score={filters.score} />
        </>
      )}
    </div>
  );
}
