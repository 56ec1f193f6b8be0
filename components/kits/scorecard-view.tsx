import type { ScorecardRecord } from "@/lib/kits/export";
import { ratingSummary } from "@/lib/kits/export";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/kits/schemas";
import { Badge, DifficultyBadge, type BadgeTone } from "../ui/badge";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { InlineCode } from "../ui/inline-code";

export const RECOMMENDATION_TONES: Record<Recommendation, BadgeTone> = {
  "strong-hire": "good",
  hire: "good",
  "no-hire": "bad",
  "strong-no-hire": "bad",
  undecided: "neutral",
};

const RATING_LABELS = ["", "Weak", "Partial", "Solid", "Excellent"];

/** A saved scorecard, read-only (and printable). */
export function ScorecardView({ card }: { card: ScorecardRecord }) {
  const summary = ratingSummary(card.entries);
  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-center gap-x-6 gap-y-2 p-4 text-sm">
        <span>
          Recommendation: <Badge tone={RECOMMENDATION_TONES[card.recommendation]}>{RECOMMENDATION_LABELS[card.recommendation]}</Badge>
        </span>
        <span>Average rating: {summary.text}</span>
        <span>
          Interviewed <time dateTime={card.createdAt.toISOString()}>{card.createdAt.toISOString().slice(0, 10)}</time> · kit version {card.scriptVersion}
        </span>
      </Card>
      {card.notes.trim() ? (
        <Card className="p-4">
          <h2 className="text-base font-semibold">Overall notes</h2>
          <p className="mt-1 whitespace-pre-line text-sm leading-6">{card.notes}</p>
        </Card>
      ) : null}
      {card.entries.map((e, i) => {
        const heard = e.keyPoints.filter((k) => k.ticked).length;
        return (
          <Card key={e.questionId} className="space-y-3 p-4 break-inside-avoid">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-base font-semibold">
                {i + 1}. {e.title}
              </h2>
              <span
                className={cn(
                  "rounded-md px-2 py-0.5 text-sm font-medium",
                  e.rating ? "bg-brand-50 text-brand-700 dark:bg-brand-900/40 dark:text-brand-200" : "text-zinc-600 dark:text-zinc-400",
                )}
              >
                {e.rating ? `${e.rating} · ${RATING_LABELS[e.rating]}` : "Not rated"}
              </span>
            </div>
            <div className="flex flex-wrap gap-1.5 text-xs">
              <Badge>{e.topic}</Badge>
              <DifficultyBadge difficulty={e.difficulty} />
              <Badge>
                {Math.round(e.seconds / 60)} of {e.minutes} min
              </Badge>
            </div>
            <div>
              <h3 className="text-sm font-semibold">
                Key points heard: {heard} of {e.keyPoints.length}
              </h3>
              <ul className="mt-2 space-y-1 text-sm leading-6">
                {e.keyPoints.map((k) => (
                  <li key={k.id} className={cn("flex gap-2", !k.ticked && "text-zinc-600 dark:text-zinc-400")}>
                    <span aria-hidden="true" className={k.ticked ? "text-emerald-600" : ""}>
                      {k.ticked ? "✓" : "○"}
                    </span>
                    <span>
                      <span className="sr-only">{k.ticked ? "Heard: " : "Not heard: "}</span>
                      <InlineCode text={k.text} />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
            {e.redFlags.length ? (
              <div>
                <h3 className="text-sm font-semibold">
                  Red flags heard: {e.redFlags.filter((r) => r.heard).length} of {e.redFlags.length}
                </h3>
                {e.redFlags.some((r) => r.heard) ? (
                  <ul className="mt-2 space-y-1 text-sm leading-6">
                    {e.redFlags
                      .filter((r) => r.heard)
                      .map((r) => (
                        <li key={r.id} className="flex gap-2 rounded-lg bg-rose-50 px-3 py-1.5 text-rose-900 dark:bg-rose-950/40 dark:text-rose-100">
                          <span aria-hidden="true">⚑</span>
                          <span>
                            <span className="sr-only">Red flag heard: </span>
                            <InlineCode text={r.text} />
                          </span>
                        </li>
                      ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            {e.notes.trim() ? (
              <div>
                <h3 className="text-sm font-semibold">Notes</h3>
                <p className="mt-1 whitespace-pre-line text-sm leading-6">{e.notes}</p>
              </div>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
