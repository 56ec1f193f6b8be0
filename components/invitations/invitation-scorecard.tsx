"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { scorecardResponseSchema } from "@/lib/api/kits/schemas";
import type { Rating, ScorecardDraftEntry } from "@/lib/invitations/scorecard-draft";
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, type Recommendation } from "@/lib/kits/schemas";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { inputClass } from "../ui/field";

/** One scorecard mark: a checkbox, what it is about, and the candidate's words it came from. */
function EvidenceCheckbox({
  checked,
  onToggle,
  accent,
  evidence,
  children,
}: {
  checked: boolean;
  onToggle: () => void;
  accent: string;
  evidence: string[];
  children: React.ReactNode;
}) {
  return (
    <li className="text-sm">
      <label className="flex items-start gap-2">
        <input type="checkbox" className={`mt-1 size-4 ${accent}`} checked={checked} onChange={onToggle} />
        <span>
          {children}
          {evidence.length ? <span className="block text-xs italic text-zinc-600 dark:text-zinc-400">“{evidence.join("” … “")}”</span> : null}
        </span>
      </label>
    </li>
  );
}

type EntryState = { ticked: string[]; flagged: string[]; rating: Rating | null; notes: string };

/**
 * The scorecard of an invited candidate, pre-filled from their interview (lib/invitations/
 * scorecard-draft.ts): key points the scorer found covered are ticked, misconceptions stated are
 * marked, the rating the score suggests is selected, each with the candidate's words beside it. The
 * recruiter changes anything, adds notes, decides, and saves it under the kit's scorecards.
 */
export function InvitationScorecard({
  kitId,
  scriptVersion,
  invitationId,
  candidateName,
  draft,
}: {
  kitId: string;
  scriptVersion: number;
  invitationId: string;
  candidateName: string;
  draft: ScorecardDraftEntry[];
}) {
  const router = useRouter();
  const [entries, setEntries] = useState<Record<string, EntryState>>(() =>
    Object.fromEntries(
      draft.map((q) => [
        q.questionId,
        {
          ticked: q.keyPoints.filter((k) => k.ticked).map((k) => k.id),
          flagged: q.redFlags.filter((r) => r.heard).map((r) => r.id),
          rating: q.suggestedRating,
          notes: "",
        },
      ]),
    ),
  );
  const [notes, setNotes] = useState("");
  const [recommendation, setRecommendation] = useState<Recommendation>("undecided");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (id: string, change: Partial<EntryState>) => setEntries((e) => ({ ...e, [id]: { ...e[id]!, ...change } }));
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const body = {
        candidateName,
        scriptVersion,
        invitationId,
        entries: draft.map((q) => ({ questionId: q.questionId, ...entries[q.questionId]! })),
        notes,
        recommendation,
      };
      const { scorecard } = await fetchJson(`/api/kits/${kitId}/scorecards`, { method: "POST", body, schema: scorecardResponseSchema });
      router.push(`/kits/${kitId}/scorecards/${scorecard.id}?saved=1`);
    } catch (e) {
      setError(e instanceof ApiClientError && e.fromServer ? e.message : "The scorecard could not be saved. Try again.");
      setSaving(false);
    }
  }

  return (
    <Card className="space-y-6" aria-labelledby="scorecard-title">
      <div>
        <h2 id="scorecard-title" className="text-lg font-semibold">
          Scorecard
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Pre-filled from the interview: what the scorer found, with the candidate&apos;s words. Change anything before you save; the decision is yours.
        </p>
      </div>
      {draft.map((q, i) => {
        const e = entries[q.questionId]!;
        return (
          <fieldset key={q.questionId} className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <legend className="font-medium">
              Q{i + 1}. {q.title}
              {q.score != null ? <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">score {q.score}/100</span> : null}
            </legend>
            <div>
              <p className="text-sm font-medium">Key points heard</p>
              <ul className="mt-1 space-y-1.5">
                {q.keyPoints.map((k) => (
                  <EvidenceCheckbox
                    key={k.id}
                    accent="accent-brand-600"
                    checked={e.ticked.includes(k.id)}
                    onToggle={() => set(q.questionId, { ticked: toggle(e.ticked, k.id) })}
                    evidence={k.evidence}
                  >
                    {k.text}
                    {k.essential ? <span className="text-xs font-medium text-brand-700 dark:text-brand-200"> · essential</span> : null}
                    {k.status ? <span className="text-xs text-zinc-500 dark:text-zinc-400"> · the scorer found it {k.status}</span> : null}
                  </EvidenceCheckbox>
                ))}
              </ul>
            </div>
            {q.redFlags.length ? (
              <div>
                <p className="text-sm font-medium">Red flags heard</p>
                <ul className="mt-1 space-y-1.5">
                  {q.redFlags.map((r) => (
                    <EvidenceCheckbox
                      key={r.id}
                      accent="accent-rose-600"
                      checked={e.flagged.includes(r.id)}
                      onToggle={() => set(q.questionId, { flagged: toggle(e.flagged, r.id) })}
                      evidence={r.evidence}
                    >
                      {r.text}
                    </EvidenceCheckbox>
                  ))}
                </ul>
              </div>
            ) : null}
            <div role="radiogroup" aria-label={`Rating for question ${i + 1}`} className="space-y-1">
              <p className="text-sm font-medium">
                Rating
                {q.suggestedRating ? (
                  <span className="ml-1 text-xs font-normal text-zinc-500 dark:text-zinc-400">(suggested from the score: {q.suggestedRating})</span>
                ) : null}
              </p>
              <div className="grid gap-2 sm:grid-cols-4">
                {q.rubric.map((r) => (
                  <label key={r.score} className="flex cursor-pointer items-start gap-2 rounded-lg border border-zinc-300 p-2 text-xs dark:border-zinc-700">
                    <input
                      type="radio"
                      name={`rating-${q.questionId}`}
                      className="mt-0.5 accent-brand-600"
                      checked={e.rating === r.score}
                      onChange={() => set(q.questionId, { rating: r.score })}
                    />
                    <span>
                      <strong>
                        {r.score} · {r.label}
                      </strong>
                      <span className="block text-zinc-600 dark:text-zinc-400">{r.anchor}</span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
            <div>
              <label htmlFor={`notes-${q.questionId}`} className="text-sm font-medium">
                Notes on question {i + 1}
              </label>
              <textarea
                id={`notes-${q.questionId}`}
                className={`${inputClass} mt-1`}
                rows={2}
                maxLength={5000}
                value={e.notes}
                onChange={(ev) => set(q.questionId, { notes: ev.target.value })}
              />
            </div>
          </fieldset>
        );
      })}
      <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <div>
          <label htmlFor="recommendation" className="text-sm font-medium">
            Recommendation
          </label>
          <select
            id="recommendation"
            className={`${inputClass} mt-1 max-w-xs`}
            value={recommendation}
            onChange={(e) => setRecommendation(e.target.value as Recommendation)}
          >
            {RECOMMENDATIONS.map((r) => (
              <option key={r} value={r}>
                {RECOMMENDATION_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="scorecard-notes" className="text-sm font-medium">
            Overall notes
          </label>
          <textarea id="scorecard-notes" className={`${inputClass} mt-1`} rows={3} maxLength={5000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <Button type="button" onClick={() => void save()} disabled={saving}>
          {saving ? "Saving…" : "Save scorecard"}
        </Button>
        {error ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {error}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
