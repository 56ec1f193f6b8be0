import type { FollowUp, KeyPoint, Misconception } from "@/lib/bank";
import { cn } from "../ui/cn";
import { InlineCode } from "../ui/inline-code";

/** How an interviewer reads a key point's weight (1-5). */
export function weightLabel(weight: number): string {
  return weight >= 5 ? "Essential" : weight === 4 ? "Important" : weight === 3 ? "Worth mentioning" : "Nice to have";
}

const weightTone = (weight: number) =>
  weight >= 5
    ? "bg-brand-600 text-white"
    : weight === 4
      ? "bg-brand-50 text-brand-700 ring-1 ring-brand-600/20 ring-inset dark:bg-brand-900/40 dark:text-brand-200"
      : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

function Weight({ weight }: { weight: number }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span className={cn("rounded-md px-2 py-0.5 text-xs font-semibold", weightTone(weight))}>{weightLabel(weight)}</span>
      <span aria-hidden="true" className="flex gap-0.5">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={cn("h-1.5 w-1.5 rounded-full", i <= weight ? "bg-brand-500" : "bg-zinc-200 dark:bg-zinc-700")} />
        ))}
      </span>
      <span className="sr-only">(weight {weight} of 5)</span>
    </span>
  );
}

function Chips({ label, items, code }: { label: string; items: string[]; code?: boolean }) {
  if (items.length === 0) return null;
  return (
    <div className="flex items-baseline gap-2">
      <span className="w-11 shrink-0 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</span>
      <ul aria-label={label} className="flex min-w-0 flex-wrap gap-1.5">
        {items.map((item) => (
          <li
            key={item}
            className={cn(
              "rounded-md px-1.5 py-0.5 text-xs",
              code
                ? "bg-brand-50 font-mono text-[11.5px] text-brand-800 ring-1 ring-brand-600/15 ring-inset dark:bg-brand-900/30 dark:text-brand-200 dark:ring-brand-200/15"
                : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
            )}
          >
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The rubric's key points, each with the evidence that shows it and the follow-ups that probe it. */
export function KeyPoints({ keyPoints, followUps }: { keyPoints: KeyPoint[]; followUps: FollowUp[] }) {
  return (
    <ol className="grid gap-4 lg:grid-cols-2">
      {keyPoints.map((kp) => {
        const probes = followUps.filter((f) => f.keyPointId === kp.id);
        return (
          <li key={kp.id} id={`kp-${kp.id}`} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60">
            <Weight weight={kp.weight} />
            <p className="mt-2 text-sm leading-6">
              <InlineCode text={kp.text} />
            </p>
            {kp.terms.length || kp.code.length ? (
              <div className="mt-3 space-y-1.5">
                <Chips label="Terms" items={kp.terms} />
                <Chips label="Code" items={kp.code} code />
              </div>
            ) : null}
            {probes.length ? (
              <div className="mt-3 border-t border-zinc-100 pt-3 dark:border-zinc-800">
                <p className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  {probes.length === 1 ? "Follow-up" : "Follow-ups"}
                </p>
                <ul className="mt-1.5 space-y-1.5">
                  {probes.map((f, i) => (
                    <li key={i} className="flex gap-2 text-sm leading-6 text-zinc-700 dark:text-zinc-300">
                      <span aria-hidden="true" className="text-brand-500">
                        ↳
                      </span>
                      <span className="min-w-0">
                        <InlineCode text={f.text} />
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Misconceptions, with the phrasings that give them away. */
export function Misconceptions({ misconceptions }: { misconceptions: Misconception[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
      {misconceptions.map((rf) => (
        <li key={rf.id} className="rounded-xl border border-rose-200 bg-rose-50/60 p-4 dark:border-rose-900/60 dark:bg-rose-950/30">
          <p className="text-sm leading-6 font-medium text-rose-900 dark:text-rose-200">
            <InlineCode text={rf.text} />
          </p>
          <p className="mt-2 text-[11px] font-semibold tracking-wide text-rose-700/80 uppercase dark:text-rose-300/80">Sounds like</p>
          <ul className="mt-1 space-y-1">
            {rf.phrasings.map((p) => (
              <li key={p} className="text-sm leading-6 text-zinc-700 italic dark:text-zinc-300">
                “{p}”
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
