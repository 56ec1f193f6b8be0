/** Shown while a transcript loads. */
export default function TranscriptLoading() {
  return (
    <div className="animate-pulse space-y-6" role="status" aria-label="Loading the transcript">
      <div className="h-4 w-32 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-8 w-80 max-w-full rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-32 rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="space-y-3">
          <div className="h-20 rounded-xl bg-zinc-100 dark:bg-zinc-900" />
          <div className="h-40 rounded-xl bg-zinc-100 dark:bg-zinc-900" />
        </div>
        <div className="h-64 rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      </div>
    </div>
  );
}
