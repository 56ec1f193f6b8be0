"use client";
import { useEffect } from "react";
import { Button } from "../ui/button";

/**
 * "Print / Save as PDF". Printing always uses the light theme and opens every collapsible panel
 * marked data-print-open (the reference answers, earlier attempts), restoring both afterwards.
 */
export function PrintButton() {
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
      Print / Save as PDF
    </Button>
  );
}
