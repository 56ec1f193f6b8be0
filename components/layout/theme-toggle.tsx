"use client";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/** Cycles light → dark → system; the label says what the next click does. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // false during server render and hydration, true after: the theme is only known in the browser.
  const mounted = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  const current = mounted ? (theme ?? "system") : "system";
  const next = current === "light" ? "dark" : current === "dark" ? "system" : "light";
  const icon = current === "light" ? "☀" : current === "dark" ? "☾" : "◐";
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={`Theme: ${current}. Switch to ${next}`}
      title={`Theme: ${current}`}
      className="inline-flex h-9 w-9 items-center justify-center rounded-lg text-lg text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
