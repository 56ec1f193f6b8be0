/**
 * Durations as people say them: "15 seconds", "1 minute 30 seconds", "2 hours 5 minutes". Pure and
 * client-safe: the interview room, its announcements and the interviewer's words can all use it.
 */

function unit(n: number, singular: string): string {
  return `${n} ${singular}${n === 1 ? "" : "s"}`;
}

/** 15_000 -> "15 seconds", 60_000 -> "1 minute", 90_000 -> "1 minute 30 seconds". Rounded to the second. */
export function sayDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${unit(h, "hour")} ${unit(m, "minute")}` : unit(h, "hour");
  if (m > 0) return s > 0 ? `${unit(m, "minute")} ${unit(s, "second")}` : unit(m, "minute");
  return unit(s, "second");
}

/** A number of minutes (0.25, 1.5, 4) said as a duration: "15 seconds", "1 minute 30 seconds", "4 minutes". */
export function sayMinutes(minutes: number): string {
  return sayDuration(minutes * 60_000);
}
