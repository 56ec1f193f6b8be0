import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  easy: "bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300",
  medium: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300",
  hard: "bg-rose-50 text-rose-700 ring-rose-600/20 dark:bg-rose-950 dark:text-rose-300",
  brand: "bg-brand-50 text-brand-700 dark:bg-brand-900/40 dark:text-brand-200",
  good: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  warn: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  bad: "bg-rose-50 text-rose-700 dark:bg-rose-950 dark:text-rose-300",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ring-transparent", tones[tone], className)}>
      {children}
    </span>
  );
}

export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  const tone = difficulty === "easy" || difficulty === "medium" || difficulty === "hard" ? difficulty : "neutral";
  return <Badge tone={tone}>{difficulty[0]?.toUpperCase() + difficulty.slice(1)}</Badge>;
}

export function scoreTone(score: number | null | undefined): BadgeTone {
  if (score == null) return "neutral";
  return score >= 80 ? "good" : score >= 60 ? "brand" : score >= 35 ? "warn" : "bad";
}
