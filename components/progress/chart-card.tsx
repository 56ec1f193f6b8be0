import type { ReactNode } from "react";
import { Card } from "../ui/card";

/**
 * A chart with its title, a one-sentence summary for screen readers (the SVG itself is drawn as an
 * image) and the numbers behind it as a table under a disclosure.
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
    <Card className={className}>
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
          <div className="mt-2 max-h-72 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
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
