import { clock, timeline } from "@/lib/kits/plan";
import { displayTerms } from "@/lib/kits/terms";
import { LEVEL_LABELS, RECOMMENDATION_LABELS, type KitDocument, type KitQuestion } from "@/lib/kits/schemas";
import { Badge, DifficultyBadge } from "../ui/badge";
import { cn } from "../ui/cn";
import { InlineCode } from "../ui/inline-code";

const RATING_TONES = [
  "border-rose-200 dark:border-rose-900",
  "border-amber-200 dark:border-amber-900",
  "border-brand-200 dark:border-brand-900",
  "border-emerald-200 dark:border-emerald-900",
];

/** Stacked bar of the plan: one segment per section, widths by minutes. Decorative. */
export function PlanBar({ doc }: { doc: KitDocument }) {
  const rows = timeline(doc);
  const total = rows.reduce((s, r) => s + r.minutes, 0) || 1;
  return (
    <div aria-hidden="true" className="flex h-2.5 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800 print:hidden">
      {rows.map((r, i) => (
        <div
          key={r.key}
          title={`${r.label}: ${r.minutes} min`}
          style={{ width: `${(r.minutes / total) * 100}%` }}
          className={cn(
            "h-full border-r border-white last:border-r-0 dark:border-zinc-950",
            i === 0 || i === rows.length - 1 ? "bg-zinc-400 dark:bg-zinc-600" : i % 2 ? "bg-brand-600" : "bg-brand-500",
          )}
        />
      ))}
    </div>
  );
}

export function PlanList({ doc }: { doc: KitDocument }) {
  return (
    <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {timeline(doc).map((r) => (
        <li key={r.key} className="flex items-baseline gap-3 py-1.5">
          <span className="w-24 shrink-0 font-mono text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
            {clock(r.start)}–{clock(r.end)}
          </span>
          <span className="min-w-0 flex-1">{r.label}</span>
          <span className="shrink-0 tabular-nums text-zinc-600 dark:text-zinc-400">{r.minutes} min</span>
        </li>
      ))}
    </ol>
  );
}

export function KeyPointList({ question }: { question: KitQuestion }) {
  return (
    <ul className="space-y-2 text-sm leading-6">
      {question.keyPoints.map((k) => (
        <li key={k.id} className="flex gap-2">
          <span aria-hidden="true" className={cn("mt-2 h-1.5 w-1.5 shrink-0 rounded-full", k.essential ? "bg-brand-600" : "bg-zinc-400")} />
          <span>
            {k.essential ? (
              <Badge tone="brand" className="mr-1.5 align-[1px]">
                Essential
              </Badge>
            ) : null}
            <InlineCode text={k.text} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function RubricGrid({ question }: { question: KitQuestion }) {
  return (
    <dl className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4 print:grid-cols-2">
      {question.rubric.map((r) => (
        <div key={r.score} className={cn("rounded-lg border bg-white p-3 dark:bg-zinc-900", RATING_TONES[r.score - 1])}>
          <dt className="text-sm font-semibold">
            {r.score} · {r.label}
          </dt>
          <dd className="mt-1 text-xs leading-5 text-zinc-600 dark:text-zinc-400">
            <InlineCode text={r.anchor} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A question's follow-up probes (used by the document and by live mode). */
export function FollowUpList({ question }: { question: KitQuestion }) {
  return (
    <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm leading-6">
      {question.followUps.map((f, i) => (
        <li key={i}>
          <InlineCode text={f.text} />
        </li>
      ))}
    </ul>
  );
}

/** A question's red flags; `listenFor` adds the phrasings that reveal each one. */
export function RedFlagList({ question, listenFor = true }: { question: KitQuestion; listenFor?: boolean }) {
  return (
    <ul className="mt-2 space-y-2 text-sm leading-6">
      {question.redFlags.map((r) => (
        <li key={r.id} className="rounded-lg bg-rose-50 px-3 py-2 dark:bg-rose-950/40">
          <InlineCode text={r.text} />
          {listenFor && r.listenFor.length ? (
            <span className="block text-xs text-rose-800 dark:text-rose-300">Listen for: {r.listenFor.map((p) => `“${p}”`).join(", ")}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function QuestionDetails({ question, headingLevel = 3 }: { question: KitQuestion; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  const h = "text-sm font-semibold text-zinc-900 dark:text-zinc-100";
  return (
    <div className="space-y-4">
      {question.prompt ? (
        <div>
          <H className={h}>Ask</H>
          <p className="mt-1 whitespace-pre-line text-sm leading-6">{question.prompt}</p>
        </div>
      ) : null}
      <div>
        <H className={h}>What a good answer covers</H>
        <div className="mt-2">
          <KeyPointList question={question} />
        </div>
      </div>
      {question.followUps.length ? (
        <div>
          <H className={h}>Follow-up probes</H>
          <FollowUpList question={question} />
        </div>
      ) : null}
      {question.redFlags.length ? (
        <div>
          <H className={h}>Red flags</H>
          <RedFlagList question={question} />
        </div>
      ) : null}
      <div>
        <H className={h}>Rating rubric</H>
        <div className="mt-2">
          <RubricGrid question={question} />
        </div>
      </div>
    </div>
  );
}

/**
 * A whole kit, read-only: the shared link, the printout, the export preview. Pure (no hooks),
 * so it renders on the server or inside a client component.
 */
export function KitDocumentView({ doc, showScorecard = true, className }: { doc: KitDocument; showScorecard?: boolean; className?: string }) {
  const n = doc.questions.length;
  return (
    <article className={cn("space-y-6", className)}>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{doc.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {LEVEL_LABELS[doc.level]} · {doc.totalMinutes} minutes · {n} question{n === 1 ? "" : "s"} · topics:{" "}
          {doc.topics.length ? doc.topics.join("; ") : "all"}
        </p>
        {doc.steering && displayTerms(doc.steering.terms).length ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Steered by the job description: {displayTerms(doc.steering.terms).join(", ")}</p>
        ) : null}
      </header>

      {doc.notes.trim() ? (
        <section aria-labelledby="doc-notes" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 id="doc-notes" className="text-base font-semibold">
            Notes
          </h2>
          <p className="mt-1 whitespace-pre-line text-sm leading-6">{doc.notes}</p>
        </section>
      ) : null}

      <section aria-labelledby="doc-plan" className="space-y-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="doc-plan" className="text-base font-semibold">
          Plan
        </h2>
        <PlanBar doc={doc} />
        <PlanList doc={doc} />
      </section>

      <section aria-labelledby="doc-intro" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="doc-intro" className="text-base font-semibold">
          Introduction <span className="font-normal text-zinc-500">· {doc.intro.minutes} min</span>
        </h2>
        <p className="mt-1 whitespace-pre-line text-sm leading-6">{doc.intro.text}</p>
      </section>

      {doc.questions.map((q, i) => (
        <section
          key={q.id}
          aria-labelledby={`doc-q-${i}`}
          className="space-y-4 rounded-xl border border-zinc-200 p-4 break-inside-avoid-page dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 id={`doc-q-${i}`} className="text-base font-semibold">
              {i + 1}. {q.title}
            </h2>
            <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">{q.minutes} min</span>
          </div>
          <div className="flex flex-wrap gap-1.5">
            <Badge>{q.topic}</Badge>
            <DifficultyBadge difficulty={q.difficulty} />
            {displayTerms(q.matchedTerms).length ? <Badge tone="brand">Matches: {displayTerms(q.matchedTerms).join(", ")}</Badge> : null}
          </div>
          <QuestionDetails question={q} />
          {q.notes.trim() ? (
            <div>
              <h3 className="text-sm font-semibold">Interviewer notes</h3>
              <p className="mt-1 whitespace-pre-line text-sm leading-6">{q.notes}</p>
            </div>
          ) : null}
        </section>
      ))}

      <section aria-labelledby="doc-wrap" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="doc-wrap" className="text-base font-semibold">
          Wrap-up <span className="font-normal text-zinc-500">· {doc.wrapUp.minutes} min</span>
        </h2>
        <p className="mt-1 whitespace-pre-line text-sm leading-6">{doc.wrapUp.text}</p>
      </section>

      {showScorecard ? <BlankScorecard doc={doc} /> : null}
    </article>
  );
}

/** The paper scorecard at the end of a printed or shared kit. */
export function BlankScorecard({ doc }: { doc: KitDocument }) {
  return (
    <section aria-labelledby="doc-scorecard" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800 print:break-before-page">
      <h2 id="doc-scorecard" className="text-base font-semibold">
        Scorecard
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Candidate: ____________________ · Date: ____________ · Interviewer: ____________________</p>
      {/* Scrolls sideways on a phone: focusable so the keyboard can scroll it too. */}
      <div role="region" aria-label="Scorecard table" tabIndex={0} className="mt-3 overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-500">
        <table className="w-full min-w-[36rem] border-collapse text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="border-b border-zinc-200 py-2 pr-3 font-medium dark:border-zinc-800">
                Question
              </th>
              <th scope="col" className="border-b border-zinc-200 py-2 pr-3 font-medium dark:border-zinc-800">
                Key points heard
              </th>
              <th scope="col" className="whitespace-nowrap border-b border-zinc-200 py-2 pr-3 font-medium dark:border-zinc-800">
                Rating (1–4)
              </th>
              <th scope="col" className="w-1/3 border-b border-zinc-200 py-2 font-medium dark:border-zinc-800">
                Notes
              </th>
            </tr>
          </thead>
          <tbody>
            {doc.questions.map((q, i) => (
              <tr key={q.id} className="align-top">
                <td className="border-b border-zinc-100 py-2 pr-3 dark:border-zinc-800">
                  {i + 1}. {q.title}
                </td>
                <td
                  className="border-b border-zinc-100 py-2 pr-3 font-mono tracking-widest text-zinc-500 dark:border-zinc-800 dark:text-zinc-400"
                  aria-label={`${q.keyPoints.length} boxes`}
                >
                  {q.keyPoints.map(() => "☐").join("")}
                </td>
                <td className="whitespace-nowrap border-b border-zinc-100 py-2 pr-3 font-mono tracking-widest text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                  1 2 3 4
                </td>
                <td className="border-b border-zinc-100 py-2 dark:border-zinc-800" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-sm">
        Overall:{" "}
        {(["strong-hire", "hire", "no-hire", "strong-no-hire"] as const).map((r) => (
          <span key={r} className="mr-3 whitespace-nowrap">
            ☐ {RECOMMENDATION_LABELS[r]}
          </span>
        ))}
      </p>
    </section>
  );
}
