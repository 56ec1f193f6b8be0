"use client";
import { format, formatDistanceToNow } from "date-fns";
import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/** False on the server and during hydration, true after: local time zones are only known in the browser. */
export function useMounted(): boolean {
  return useSyncExternalStore(noopSubscribe, () => true, () => false);
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "3 Jun 2026, 14:05" in the browser's zone (UTC until hydrated, so server and client agree). */
export function useDateFormatter(): (iso: string) => string {
  const mounted = useMounted();
  return (iso) => (mounted ? format(new Date(iso), "d MMM yyyy, HH:mm") : utc(new Date(iso)));
}

export function LocalTime({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const mounted = useMounted();
  const d = new Date(iso);
  return (
    <time dateTime={iso} title={mounted ? format(d, "d MMM yyyy, HH:mm") : undefined}>
      {mounted ? (relative ? formatDistanceToNow(d, { addSuffix: true }) : format(d, "d MMM yyyy, HH:mm")) : utc(d)}
    </time>
  );
}
