/** Corrections to a reference answer (the bank's `## Errata`), rendered HTML from the server. */
export function ErrataCallout({ html }: { html: string }) {
  return (
    <div className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 dark:border-amber-900 dark:bg-amber-950/40">
      <p className="text-sm font-medium text-amber-800 dark:text-amber-300">Errata: corrections to the reference</p>
      <div className="prose-md text-sm" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
