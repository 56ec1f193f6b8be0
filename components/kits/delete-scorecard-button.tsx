"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/lib/api/client";
import { Button } from "../ui/button";

export function DeleteScorecardButton({ kitId, scorecardId, candidateName }: { kitId: string; scorecardId: string; candidateName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    try {
      await fetchJson(`/api/kits/${kitId}/scorecards/${scorecardId}`, { method: "DELETE" });
    } catch {
      setError("Deleting failed. Try again.");
      return;
    }
    router.push(`/kits/${kitId}/scorecards?deleted=1`);
    router.refresh();
  }
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Delete…
      </Button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="text-sm">Delete {candidateName}&apos;s scorecard?</span>
      <Button type="button" variant="danger" onClick={() => void remove()}>
        Delete scorecard
      </Button>
      <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-rose-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
