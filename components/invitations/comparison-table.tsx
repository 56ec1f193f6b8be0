"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { INVITATION_STATE_LABELS, type InvitationState } from "@/lib/invitations/schemas";
import { Badge, scoreTone } from "../ui/badge";
import { cn } from "../ui/cn";

type Coverage = "covered" | "partial" | "missed" | "contradicted";
export type ComparisonData = {
  columns: { index: number; title: string; keyPoints: { id: string; text: string; weight: number }[] }[];
  rows: {
    invitationId: string;
    candidateName: string;
    state: InvitationState;
    overallScore: number | null;
    questions: { score: number | null; keyPoints: Record<string, Coverage> }[];
    pastes: number;
    blurs: number;
  }[];
};

/** How a key point's coverage sorts (covered first) and reads. */
const COVERAGE_RANK: Record<Coverage, number> = { covered: 3, partial: 2, missed: 1, contradicted: 0 };
const COVERAGE_MARK: Record<Coverage, { mark: string; label: string; className: string }> = {
  covered: { mark: "✓", label: "covered", className: "text-emerald-700 dark:text-emerald-300" },
  partial: { mark: "◐", label: "partly covered", className: "text-amber-700 dark:text-amber-300" },
  missed: { mark: "·", label: "missed", className: "text-zinc-500 dark:text-zinc-400" },
  contradicted: { mark: "✗", label: "contradicted", className: "text-rose-700 dark:text-rose-300" },
};

type SortKey = { kind: "name" } | { kind: "overall" } | { kind: "question"; index: number } | { kind: "keyPoint"; index: number; id: string };

/**
 * The kit's candidates side by side: overall and per-question scores, and each question's key points
 * (covered, partly, missed, contradicted). Every column header is a button that sorts by it; the
 * sort is announced through aria-sort.
 */
export function ComparisonTable({ kitId, data }: { kitId: string; data: ComparisonData }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: { kind: "overall" }, desc: true });
  const [expanded, setExpanded] = useState<number | null>(null);

  const rows = useMemo(() => {
    const value = (r: ComparisonData["rows"][number]): number | string => {
      const k = sort.key;
      if (k.kind === "name") return r.candidateName.toLowerCase();
      if (k.kind === "overall") return r.overallScore ?? -1;
      if (k.kind === "question") return r.questions[k.index]?.score ?? -1;
      const c = r.questions[k.index]?.keyPoints[k.id];
      return c ? COVERAGE_RANK[c] : -1;
    };
    return [...data.rows].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const order = va < vb ? -1 : va > vb ? 1 : a.candidateName.localeCompare(b.candidateName);
      return sort.desc ? -order : order;
    });
  }, [data.rows, sort]);

  const same = (a: SortKey, b: SortKey) => JSON.stringify(a) === JSON.stringify(b);
  const ariaSort = (key: SortKey) => (same(sort.key, key) ? (sort.desc ? "descending" : "ascending") : "none");
  const toggle = (key: SortKey) => setSort((s) => ({ key, desc: same(s.key, key) ? !s.desc : key.kind !== "name" }));
  const sortButton = (k: SortKey, label: string, children: React.ReactNode) => (
    <button
      type="button"
      onClick={() => toggle(k)}
      className="inline-flex items-center gap-1 text-left font-semibold hover:underline"
      aria-label={`Sort by ${label}`}
    >
      {children}
      <span aria-hidden="true">{same(sort.key, k) ? (sort.desc ? "↓" : "↑") : ""}</span>
    </button>
  );

  if (data.rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Candidates appear here once invited.</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Show a question's key points">
        {data.columns.map((c) => (
          <button
            key={c.index}
            type="button"
            aria-pressed={expanded === c.index}
            onClick={() => setExpanded(expanded === c.index ? null : c.index)}
            className={cn(
              "rounded-md border px-2 py-1 text-xs",
              expanded === c.index ? "border-brand-600 bg-brand-50 dark:border-brand-500 dark:bg-brand-900/40" : "border-zinc-300 dark:border-zinc-700",
            )}
          >
            Key points of Q{c.index + 1}
          </button>
        ))}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Candidates compared, sortable by every column</caption>
          <thead className="text-xs text-zinc-600 dark:text-zinc-300">
            <tr>
              <th scope="col" className="py-2 pr-3" aria-sort={ariaSort({ kind: "name" })}>
                {sortButton({ kind: "name" }, "candidate", "Candidate")}
              </th>
              <th scope="col" className="py-2 pr-3" aria-sort={ariaSort({ kind: "overall" })}>
                {sortButton({ kind: "overall" }, "overall score", "Overall")}
              </th>
              {data.columns.map((c) => [
                <th key={`q${c.index}`} scope="col" className="py-2 pr-3" aria-sort={ariaSort({ kind: "question", index: c.index })} title={c.title}>
                  {sortButton({ kind: "question", index: c.index }, `question ${c.index + 1}: ${c.title}`, `Q${c.index + 1}`)}
                </th>,
                ...(expanded === c.index
                  ? c.keyPoints.map((k) => (
                      <th
                        key={`q${c.index}-${k.id}`}
                        scope="col"
                        className="max-w-32 py-2 pr-3 font-normal"
                        aria-sort={ariaSort({ kind: "keyPoint", index: c.index, id: k.id })}
                        title={k.text}
                      >
                        {sortButton({ kind: "keyPoint", index: c.index, id: k.id }, `question ${c.index + 1} key point ${k.id}`, k.id)}
                      </th>
                    ))
                  : []),
              ])}
              <th scope="col" className="py-2 pr-3">
                Signals
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((r) => (
              <tr key={r.invitationId}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  {r.state === "in-progress" || r.state === "completed" ? (
                    <Link href={`/kits/${kitId}/invitations/${r.invitationId}`} className="text-brand-700 hover:underline dark:text-brand-200">
                      {r.candidateName}
                    </Link>
                  ) : (
                    r.candidateName
                  )}
                  <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">{INVITATION_STATE_LABELS[r.state]}</span>
                </th>
                <td className="py-2 pr-3">{r.overallScore != null ? <Badge tone={scoreTone(r.overallScore)}>{r.overallScore}</Badge> : "—"}</td>
                {data.columns.map((c) => [
                  <td key={`q${c.index}`} className="py-2 pr-3 tabular-nums">
                    {r.questions[c.index]?.score ?? "—"}
                  </td>,
                  ...(expanded === c.index
                    ? c.keyPoints.map((k) => {
                        const cov = r.questions[c.index]?.keyPoints[k.id];
                        const m = cov ? COVERAGE_MARK[cov] : null;
                        return (
                          <td key={`q${c.index}-${k.id}`} className={cn("py-2 pr-3 text-center", m?.className)}>
                            {m ? (
                              <>
                                <span aria-hidden="true">{m.mark}</span>
                                <span className="sr-only">{m.label}</span>
                              </>
                            ) : (
                              "—"
                            )}
                          </td>
                        );
                      })
                    : []),
                ])}
                <td className="py-2 pr-3 text-xs text-zinc-600 dark:text-zinc-400">
                  {r.pastes} paste{r.pastes === 1 ? "" : "s"} · focus lost {r.blurs}×
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Key points: ✓ covered · ◐ partly · · missed · ✗ contradicted. Scores appear once a candidate has finished. Signals are facts to ask about, not verdicts.
      </p>
    </div>
  );
}
