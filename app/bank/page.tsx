import type { Metadata } from "next";
import Link from "next/link";
import { BankFacets, DifficultyChips } from "@/components/bank/bank-facets";
import { bankHref, isFiltered, parseBankQuery } from "@/lib/bank/bank-query";
import { BankSearchForm } from "@/components/bank/bank-search-form";
import { QuestionList } from "@/components/bank/question-list";
import { groupByTopic, searchBank } from "@/lib/bank/faceted-search";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { questionBankFor } from "@/lib/library/store";

export const metadata: Metadata = {
  title: "Question bank",
  description: "Every interview question with its reference answer, key points, follow-ups and red flags.",
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function BankPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseBankQuery(await searchParams);
  // Anyone may browse the banks; a recruiter also finds their library's questions here.
  const bank = await questionBankFor(await getCurrentUser());
  const view = searchBank(bank, query);
  // Choosing a bank alone is browsing, not searching: only the other filters make a "match" count.
  const filtered = isFiltered({ ...query, bank: "" });
  const currentBank = view.banks.find((b) => b.id === view.bankId);
  const groups = query.q ? [] : groupByTopic(view.results, view.banks);
  const showBankNames = !view.bankId && view.banks.length > 1;

  return (
    <div>
      <PageHeader
        title="Question bank"
        description={
          currentBank
            ? `${currentBank.name}: ${currentBank.description}`
            : `${view.total} questions with reference answers, key points, follow-ups and red flags. Free to browse; sign in to practise one.`
        }
        actions={
          <ButtonLink href="/practice" variant="secondary">
            Set up an interview
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <aside aria-label="Counts by difficulty and topic" className="hidden lg:block">
          <div className="sticky top-20">
            <BankFacets query={query} topics={view.topics} difficulties={view.difficulties} />
          </div>
        </aside>
        <div className="min-w-0 space-y-5">
          <Card className="p-4">
            <BankSearchForm
              values={query}
              banks={view.banks.map((b) => ({ value: b.id, label: b.name, count: b.count }))}
              topics={view.topics}
              difficulties={view.difficulties}
              tags={view.tags}
            />
          </Card>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p role="status" aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
              {filtered ? (
                <>
                  <span className="font-semibold text-zinc-900 dark:text-zinc-100">{view.results.length}</span> of {view.total}{" "}
                  {view.total === 1 ? "question" : "questions"} match
                  {query.q ? (
                    <>
                      {" "}
                      <q className="font-medium text-zinc-900 dark:text-zinc-100">{query.q}</q>
                    </>
                  ) : null}
                  {query.q ? ", best match first" : ""}
                </>
              ) : (
                <>
                  <span className="font-semibold text-zinc-900 dark:text-zinc-100">{view.total}</span> questions
                </>
              )}
            </p>
            <div className="lg:hidden">
              <DifficultyChips query={query} difficulties={view.difficulties} />
            </div>
          </div>
          {view.results.length === 0 ? (
            <Card className="py-12 text-center">
              <h2 className="text-lg font-semibold">No questions match</h2>
              <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
                {query.q
                  ? "Try fewer or different words (search covers titles, tags, reference answers and key points), or loosen the filters."
                  : "No question has this combination of filters. Loosen one of them."}
              </p>
              <div className="mt-6 flex flex-wrap justify-center gap-2">
                {query.q && (query.topic || query.difficulty || query.tag) ? (
                  <ButtonLink href={bankHref({ q: query.q, bank: query.bank })} variant="secondary">
                    Search without filters
                  </ButtonLink>
                ) : null}
                <ButtonLink href="/bank">Show every question</ButtonLink>
              </div>
            </Card>
          ) : query.q ? (
            <QuestionList questions={view.results} showTopic label="Search results" />
          ) : (
            <div className="space-y-8">
              {groups.map((g) => (
                <section key={g.key} aria-labelledby={`group-${slug(g.key)}`}>
                  <div className="mb-2 flex items-baseline justify-between gap-3">
                    <h2 id={`group-${slug(g.key)}`} className="text-base font-semibold">
                      {showBankNames && g.bank ? <span className="font-normal text-zinc-500 dark:text-zinc-400">{g.bank.name} · </span> : null}
                      {g.topic}
                    </h2>
                    <Link
                      href={bankHref({ ...query, bank: g.bank?.id ?? query.bank, topic: g.topic })}
                      scroll={false}
                      prefetch={false}
                      className="shrink-0 text-xs text-zinc-500 hover:text-brand-700 dark:text-zinc-400 dark:hover:text-brand-200"
                    >
                      {g.questions.length} {g.questions.length === 1 ? "question" : "questions"}
                      <span className="sr-only"> in {g.topic}: show only these</span>
                    </Link>
                  </div>
                  <QuestionList questions={g.questions} label={g.topic} />
                </section>
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
