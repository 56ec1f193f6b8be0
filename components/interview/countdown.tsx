"use client";
import { useEffect, useState } from "react";
import { cn } from "../ui/cn";

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** Milliseconds left until `deadline` on the server's clock (`offsetMs` = server − client). */
export function useTimeLeft(deadline: string | null, offsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [deadline]);
  return deadline ? new Date(deadline).getTime() - (now + offsetMs) : null;
}

/**
 * A visible countdown; role="timer" keeps screen readers from announcing every second (warnings are
 * announced by the room). `stopped`: the clock is frozen (the interview is over) and says so.
 */
export function Countdown({ label, msLeft, paused, stopped }: { label: string; msLeft: number | null; paused?: boolean; stopped?: boolean }) {
  if (msLeft === null) return null;
  const urgent = msLeft < 60_000 && !paused && !stopped;
  return (
    <div className="flex flex-col items-end">
      <span className="text-[11px] font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{label}</span>
      <span
        role="timer"
        aria-label={`${label}: ${formatClock(msLeft)}${stopped ? " (stopped)" : ""}`}
        className={cn(
          "font-mono text-lg font-semibold tabular-nums",
          urgent ? "text-rose-700 dark:text-rose-300" : "",
          paused || stopped ? "text-zinc-600 dark:text-zinc-400" : "",
        )}
      >
        {formatClock(msLeft)}
      </span>
      {stopped ? <span className="text-xs text-zinc-600 dark:text-zinc-400">Stopped: all questions answered</span> : null}
    </div>
  );
}
