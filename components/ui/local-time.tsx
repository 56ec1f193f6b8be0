"use client";
/**
 * Dates in the reader's time zone. The server cannot know that zone, so every date renders in UTC
 * on the server and during hydration (the same text on both sides, no hydration mismatch), then in
 * the browser's zone once mounted.
 *
 * Two families of formats: fixed date-fns patterns (`date`, `datetime`, `time`, `hm`, `short`) for
 * transcripts and lists where columns must line up, and `locale` (the browser's own locale through
 * Intl, with the full date as a tooltip) for one-off timestamps. `relative` ("3 minutes ago") uses
 * one 30-second clock shared by every relative time on the page.
 */
import { format } from "date-fns";
import { useSyncExternalStore } from "react";

const PATTERNS = {
  /** Mon 3 Mar 2025 */
  date: "EEE d MMM yyyy",
  /** Mon 3 Mar 2025, 14:05 */
  datetime: "EEE d MMM yyyy, HH:mm",
  /** 14:05:02 */
  time: "HH:mm:ss",
  /** 14:05 */
  hm: "HH:mm",
  /** 3 Mar, 14:05 */
  short: "d MMM, HH:mm",
} as const;
/** A fixed date-fns pattern, or `locale`: "24 Nov 2026, 17:07" in the browser's locale. */
export type TimePattern = keyof typeof PATTERNS | "locale";

const noopSubscribe = () => () => {};

/** False on the server and during hydration, true after: local time zones are only known in the browser. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

/** UTC wall-clock time, whatever the process's zone: the same text on the server and at hydration. */
function asUtc(d: Date): Date {
  return new Date(d.getTime() + d.getTimezoneOffset() * 60_000);
}

/** "2026-11-24 17:07 UTC": the server-side stand-in for the locale format. */
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "24 Nov 2026, 17:07" in the browser's zone and locale (Intl: no date library needed). */
function local(d: Date): string {
  return new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(d);
}

/** "3 minutes ago", "yesterday"; beyond 26 days, the locale date. */
function relativeTo(d: Date, now: number): string {
  const seconds = Math.round((d.getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, "second") === "now" ? "just now" : rtf.format(0, "second");
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 26 * 86400) return rtf.format(Math.round(seconds / 86400), "day");
  return local(d);
}

/** Formats dates in the locale format for text that cannot hold a <time> element (labels, attributes). */
export function useDateFormatter(): (iso: string) => string {
  const mounted = useMounted();
  return (iso) => (mounted ? local(new Date(iso)) : utc(new Date(iso)));
}

// A clock that ticks every 30 s, shared by every relative time on the page; only relative times subscribe.
let nowValue = typeof window === "undefined" ? 0 : Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();
function subscribeNow(listener: () => void) {
  if (listeners.size === 0) {
    nowValue = Date.now();
    timer = setInterval(() => {
      nowValue = Date.now();
      listeners.forEach((l) => l());
    }, 30_000);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/**
 * A <time> element. `pattern` picks the format (default `datetime`); `relative` overrides it with
 * "3 minutes ago" and, like `locale`, shows the full locale date as a tooltip once mounted.
 */
export function LocalTime({
  iso,
  pattern = "datetime",
  relative = false,
  className,
}: {
  iso: string;
  pattern?: TimePattern;
  relative?: boolean;
  className?: string;
}) {
  const mounted = useMounted();
  const now = useSyncExternalStore(
    relative ? subscribeNow : noopSubscribe,
    () => nowValue,
    () => 0,
  );
  const d = new Date(iso);
  if (relative || pattern === "locale") {
    return (
      <time dateTime={iso} className={className} title={mounted ? local(d) : undefined}>
        {mounted ? (relative ? relativeTo(d, now) : local(d)) : utc(d)}
      </time>
    );
  }
  return (
    <time dateTime={iso} className={className}>
      {format(mounted ? d : asUtc(d), PATTERNS[pattern])}
    </time>
  );
}
