"use client";
import { useEffect } from "react";
import { Button } from "./button";

/**
 * A print button ("Print / Save as PDF" unless `label` says otherwise). Printing always uses the
 * light theme and opens every collapsible panel marked data-print-open (reference answers, earlier
 * attempts), restoring both afterwards, so every printed page looks the same whatever the theme.
 */
export function PrintButton({ label = "Print / Save as PDF" }: { label?: string }) {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    let wasDark = false;
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>("details[data-print-open]:not([open])")];
      for (const d of opened) d.open = true;
      const html = document.documentElement;
      wasDark = html.classList.contains("dark");
      if (wasDark) {
        html.classList.remove("dark");
        html.style.colorScheme = "light";
      }
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
      if (wasDark) {
        document.documentElement.classList.add("dark");
        document.documentElement.style.colorScheme = "dark";
      }
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
