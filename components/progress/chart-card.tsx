import type { ReactNode } from "react";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";

/**
 * A chart with its title, the chart as one image named by a one-sentence summary (what screen
 * readers announce; the server-drawn SVG inside is hidden from them) and the numbers behind it as a
 * table under a disclosure.
 */
export function ChartCard({
  id,
  title,
  description,
  summary,
  chart,
  table,
  className,
}: {
  id: string;
  title: string;
  description?: string;
  summary: string;
  chart: ReactNode;
  table: { head: string[]; rows: Array<Array<string | number>> };
  className?: string;
}) {
  return (
    // min-w-0: in a grid the card keeps to its column and the table, when opened, scrolls inside it
    // (a wide table would otherwise widen the card past a phone's screen).
    <Card className={cn("min-w-0", className)}>
      <figure aria-labelledby={`${id}-title`} className="space-y-3">
        <figcaption>
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
        </figcaption>
        <div role="img" aria-label={`${title}: ${summary}`} data-chart={id}>
          {chart}
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
            Show the numbers<span className="sr-only"> for {title.toLowerCase()}</span>
          </summary>
          {/* Scrolls when long (many sessions) or, on a phone, wide: focusable so it scrolls from the keyboard. */}
          <div
            role="region"
            aria-label={`The numbers for ${title.toLowerCase()}`}
            tabIndex={0}
            className="mt-2 max-h-72 overflow-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-800"
          >
            <table className="w-full text-left text-sm">
              <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
                <tr>
                  {table.head.map((h) => (
                    <th key={h} scope="col" className="px-3 py-1.5 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((c, j) => (
                      <td key={j} className="px-3 py-1.5 tabular-nums">
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </Card>
  );
}
