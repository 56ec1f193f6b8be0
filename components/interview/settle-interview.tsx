"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { okSchema } from "@/lib/api/interview/schemas";

/**
 * Shown instead of the interview room when the server's clock has something to settle (the time ran
 * out while the tab was closed, or a reply was lost with its process): asks the server once to
 * settle it (POST /api/interview/[id]/settle; rendering the page never writes), then shows the
 * interview as it now stands. An error is shown, not retried in a loop.
 */
export function SettleInterview({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const asked = useRef(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    fetchJson(`/api/interview/${sessionId}/settle`, { method: "POST", schema: okSchema })
      .then(() => router.refresh())
      .catch((e: unknown) =>
        setError(e instanceof ApiClientError ? e.message : "The interview could not be brought up to date. Reload the page to try again."),
      );
  }, [router, sessionId]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-xl font-semibold">Interview</h1>
      {error ? (
        <p role="alert" className="mt-4 text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p role="status" className="mt-4 text-zinc-700 dark:text-zinc-300">
          Bringing the interview up to date with the clock…
        </p>
      )}
    </div>
  );
}
