"use client";
import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/** False on the server and during hydration, true after: local time zones are only known in the browser. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "24 Nov 2026, 17:07" in the browser's zone and locale (Intl: no date library in the bundle). */
function local(d: Date): string {
  return new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(d);
}

/** "3 minutes ago", "yesterday". */
function relative(d: Date, now: number): string {
  const seconds = Math.round((d.getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, "second") === "now" ? "just now" : rtf.format(0, "second");
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 26 * 86400) return rtf.format(Math.round(seconds / 86400), "day");
  return local(d);
}

/** Formats dates in the browser's zone (UTC until hydrated, so server and client agree). */
export function useDateFormatter(): (iso: string) => string {
  const mounted = useMounted();
  return (iso) => (mounted ? local(new Date(iso)) : utc(new Date(iso)));
}

// A clock that ticks every 30 s, shared by every relative time on the page.
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
function useNow(): number {
  return useSyncExternalStore(
    subscribeNow,
    () => nowValue,
    () => 0,
  );
}

export function LocalTime({ iso, relative: asRelative = false }: { iso: string; relative?: boolean }) {
  const mounted = useMounted();
  const now = useNow();
  const d = new Date(iso);
  return (
    <time dateTime={iso} title={mounted ? local(d) : undefined}>
      {mounted ? (asRelative ? relative(d, now) : local(d)) : utc(d)}
    </time>
  );
}
