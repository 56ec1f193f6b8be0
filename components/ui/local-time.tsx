"use client";
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
export type TimePattern = keyof typeof PATTERNS;

const subscribe = () => () => {};

/** UTC wall-clock time, whatever the process's zone: the same text on the server and at hydration. */
function asUtc(d: Date): Date {
  return new Date(d.getTime() + d.getTimezoneOffset() * 60_000);
}

/**
 * A date in the reader's time zone: rendered in UTC on the server and during hydration, then in
 * the browser's zone (the same text on a machine that runs in UTC).
 */
export function LocalTime({ iso, pattern = "datetime", className }: { iso: string; pattern?: TimePattern; className?: string }) {
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const d = new Date(iso);
  return (
    <time dateTime={iso} className={className}>
      {format(mounted ? d : asUtc(d), PATTERNS[pattern])}
    </time>
  );
}
