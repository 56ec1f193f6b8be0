"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { scorecardResponseSchema } from "@/lib/api/kits/schemas";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type Recommendation, type KitDocument, type KitQuestion } from "@/lib/kits/schemas";
import { Badge, DifficultyBadge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { inputClass } from "../ui/field";
import { InlineCode } from "../ui/inline-code";
import { ratingSummary } from "@/lib/kits/export";
import { useMounted } from "../ui/local-time";
import { FollowUpList } from "./kit-document-view";

type Rating = 1 | 2 | 3 | 4;
type Entry = { ticked: string[]; flagged: string[]; rating: Rating | null; notes: string };
type Draft = {
  candidateName: string;
  step: number;
  entries: Record<string, Entry>;
  /** Seconds spent per step: 0 intro, 1..n questions, n+1 wrap-up. */
  seconds: number[];
  notes: string;
  recommendation: Recommendation;
};

type Props = { kitId: string; version: number; doc: KitDocument; references: Record<string, string> };

/** Wall-clock milliseconds (event handlers and timers only). */
const nowMs = () => Date.now();

const draftKey = (kitId: string, version: number) => `interview-studio:live:${kitId}:v${version}`;

function emptyDraft(doc: KitDocument): Draft {
  return {
    candidateName: "",
    step: 0,
    entries: Object.fromEntries(doc.questions.map((q) => [q.id, { ticked: [], flagged: [], rating: null, notes: "" }])),
    seconds: new Array(doc.questions.length + 2).fill(0),
    notes: "",
    recommendation: "undecided",
  };
}

function readDraft(kitId: string, version: number, doc: KitDocument): Draft | null {
  try {
    const raw = window.localStorage.getItem(draftKey(kitId, version));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    const base = emptyDraft(doc);
    return {
      ...base,
      ...d,
      entries: Object.fromEntries(
        Object.entries(base.entries).map(([id, e]) => {
          const saved = d.entries?.[id];
          return [id, saved ? { ...e, ...saved, flagged: Array.isArray(saved.flagged) ? saved.flagged : [] } : e];
        }),
      ),
      seconds: base.seconds.map((_, i) => Number(d.seconds?.[i]) || 0),
      step: Math.min(Math.max(0, Number(d.step) || 0), doc.questions.length + 1),
    };
  } catch {
    return null;
  }
}

/** mm:ss (or h:mm:ss). */
function mmss(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** Renders the live interview once in the browser (the draft lives in localStorage). */
export function LiveInterview(props: Props) {
  const mounted = useMounted();
  if (!mounted) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading the interview…</p>;
  return <LiveInterviewInner {...props} />;
}

function LiveInterviewInner({ kitId, version, doc, references }: Props) {
  const router = useRouter();
  const [restored] = useState(() => readDraft(kitId, version, doc));
  const [draft, setDraft] = useState<Draft>(() => restored ?? emptyDraft(doc));
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [runSince, setRunSince] = useState<number | null>(null);
  const [now, setNow] = useState(nowMs);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const n = doc.questions.length;
  const last = n + 1;

  useEffect(() => {
    if (runSince === null) return;
    const t = window.setInterval(() => setNow(nowMs()), 500);
    return () => window.clearInterval(t);
  }, [runSince]);

  // Every change is kept in this browser until the scorecard is saved.
  useEffect(() => {
    try {
      window.localStorage.setItem(draftKey(kitId, version), JSON.stringify(draft));
    } catch {
      /* storage full or blocked: the interview still runs */
    }
  }, [draft, kitId, version]);

  const running = runSince !== null;
  const live = (i: number) => draft.seconds[i]! + (running && i === draft.step ? Math.max(0, (now - runSince!) / 1000) : 0);
  const totalElapsed = draft.seconds.reduce((s, _, i) => s + live(i), 0);

  /** Folds the running clock into the current step. */
  function bank(d: Draft): Draft {
    if (runSince === null) return d;
    const seconds = [...d.seconds];
    seconds[d.step] = (seconds[d.step] ?? 0) + Math.max(0, (nowMs() - runSince) / 1000);
    return { ...d, seconds };
  }

  function goTo(step: number) {
    if (step < 0 || step > last) return;
    setDraft((d) => ({ ...bank(d), step }));
    if (runSince !== null) setRunSince(nowMs());
    setNow(nowMs());
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function toggleClock() {
    if (running) {
      setDraft((d) => bank(d));
      setRunSince(null);
    } else {
      setRunSince(nowMs());
      setNow(nowMs());
    }
  }

  const setEntry = (id: string, change: Partial<Entry>) => setDraft((d) => ({ ...d, entries: { ...d.entries, [id]: { ...d.entries[id]!, ...change } } }));

  async function saveScorecard() {
    setError(null);
    if (!draft.candidateName.trim()) {
      setNameError("Enter the candidate's name before saving.");
      nameRef.current?.focus();
      return;
    }
    const final = bank(draft);
    setSaving(true);
    try {
      const body = {
        candidateName: final.candidateName.trim(),
        scriptVersion: version,
        entries: doc.questions.map((q, i) => ({
          questionId: q.id,
          ticked: final.entries[q.id]?.ticked ?? [],
          flagged: final.entries[q.id]?.flagged ?? [],
          rating: final.entries[q.id]?.rating ?? null,
          notes: final.entries[q.id]?.notes ?? "",
          seconds: Math.round(final.seconds[i + 1] ?? 0),
        })),
        notes: final.notes,
        recommendation: final.recommendation,
      };
      const { scorecard } = await fetchJson(`/api/kits/${kitId}/scorecards`, { method: "POST", body, schema: scorecardResponseSchema });
      setRunSince(null);
      window.localStorage.removeItem(draftKey(kitId, version));
      router.push(`/kits/${kitId}/scorecards/${scorecard.id}?saved=1`);
    } catch (e) {
      const keep = "Your notes are kept in this browser; try again.";
      if (e instanceof ApiClientError && e.fromServer) setError(e.message);
      else if (e instanceof ApiClientError && e.code === "network") setError(`The server could not be reached. ${keep}`);
      else setError(`Saving failed (${e instanceof ApiClientError ? e.status : "unexpected answer"}). ${keep}`);
      setSaving(false);
    }
  }

  const step = draft.step;
  const q = step >= 1 && step <= n ? doc.questions[step - 1]! : null;
  const stepLabel = (i: number) => (i === 0 ? "Intro" : i === last ? "Wrap-up" : `Q${i}`);

  return (
    <div className="space-y-4">
      {showRestored ? (
        <p
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-200 bg-brand-50 px-4 py-2 text-sm dark:border-brand-900 dark:bg-brand-900/30"
        >
          Restored the unsaved scorecard kept in this browser.
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => {
              setDraft(emptyDraft(doc));
              setRunSince(null);
              setShowRestored(false);
            }}
          >
            Start over
          </Button>
        </p>
      ) : null}

      <Card className="flex flex-col gap-4 p-4 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor="candidate-name" className="block text-sm font-medium">
            Candidate
          </label>
          <input
            id="candidate-name"
            ref={nameRef}
            className={inputClass}
            value={draft.candidateName}
            maxLength={120}
            autoComplete="off"
            placeholder="Full name"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "candidate-name-error" : undefined}
            onChange={(e) => {
              const value = e.target.value;
              setDraft((d) => ({ ...d, candidateName: value }));
              if (value.trim()) setNameError(null);
            }}
          />
          {nameError ? (
            <p id="candidate-name-error" role="alert" className="text-sm text-rose-700 dark:text-rose-300">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <p className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400" aria-live="off">
            <span className="sr-only">Elapsed </span>
            <span className="font-mono text-base text-zinc-900 dark:text-zinc-100">{mmss(totalElapsed)}</span> / {doc.totalMinutes}:00
          </p>
          <Button type="button" variant={running ? "secondary" : "primary"} onClick={toggleClock}>
            {running ? "Pause clock" : totalElapsed > 0 ? "Resume clock" : "Start clock"}
          </Button>
        </div>
      </Card>

      <nav aria-label="Interview steps" className="-mx-1 overflow-x-auto">
        <ol className="flex gap-1.5 px-1 pb-1">
          {Array.from({ length: n + 2 }, (_, i) => {
            const rating = i >= 1 && i <= n ? draft.entries[doc.questions[i - 1]!.id]?.rating : null;
            return (
              <li key={i}>
                <button
                  type="button"
                  onClick={() => goTo(i)}
                  aria-current={i === step ? "step" : undefined}
                  className={cn(
                    "inline-flex h-9 min-w-11 items-center justify-center gap-1 whitespace-nowrap rounded-lg border px-3 text-sm font-medium",
                    i === step
                      ? "border-brand-600 bg-brand-600 text-white"
                      : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800",
                  )}
                >
                  {stepLabel(i)}
                  {i >= 1 && i <= n ? <span className="sr-only">: {doc.questions[i - 1]!.title}</span> : null}
                  {rating ? (
                    <span className={cn("text-xs", i === step ? "text-brand-50" : "text-zinc-600 dark:text-zinc-400")}>
                      <span className="sr-only">, rated</span> · {rating}
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <Card className="space-y-5">
        {step === 0 ? (
          <>
            <StepHeading ref={headingRef} title="Introduction" minutes={doc.intro.minutes} seconds={live(0)} />
            <p className="whitespace-pre-line text-sm leading-6">{doc.intro.text}</p>
            {doc.notes.trim() ? (
              <div className="rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-800/60">
                <p className="font-medium">Notes for the interviewers</p>
                <p className="mt-1 whitespace-pre-line">{doc.notes}</p>
              </div>
            ) : null}
          </>
        ) : q ? (
          <QuestionStep
            key={q.id}
            headingRef={headingRef}
            q={q}
            index={step}
            seconds={live(step)}
            entry={draft.entries[q.id]!}
            reference={references[q.id]}
            onChange={(change) => setEntry(q.id, change)}
          />
        ) : (
          <>
            <StepHeading ref={headingRef} title="Wrap-up and decision" minutes={doc.wrapUp.minutes} seconds={live(last)} />
            <p className="whitespace-pre-line text-sm leading-6">{doc.wrapUp.text}</p>
            <Summary doc={doc} draft={draft} live={live} />
            <div className="space-y-1.5">
              <label htmlFor="overall-notes" className="block text-sm font-medium">
                Overall notes
              </label>
              <textarea
                id="overall-notes"
                rows={4}
                maxLength={5000}
                className={cn(inputClass, "leading-6")}
                value={draft.notes}
                onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))}
              />
            </div>
            <fieldset>
              <legend className="text-sm font-medium">Overall recommendation</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-5">
                {RECOMMENDATIONS.map((r) => (
                  <label
                    key={r}
                    className={cn(
                      "flex cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
                      draft.recommendation === r
                        ? "border-brand-600 bg-brand-50 dark:border-brand-500 dark:bg-brand-900/40"
                        : "border-zinc-300 dark:border-zinc-700",
                    )}
                  >
                    <input
                      type="radio"
                      name="recommendation"
                      value={r}
                      checked={draft.recommendation === r}
                      onChange={() => setDraft((d) => ({ ...d, recommendation: r }))}
                      className="h-4 w-4 accent-brand-600"
                    />
                    {RECOMMENDATION_LABELS[r]}
                  </label>
                ))}
              </div>
            </fieldset>
            {nameError ? <p className="text-sm text-rose-700 dark:text-rose-300">{nameError} The name field is at the top of the page.</p> : null}
            {error ? (
              <p
                role="alert"
                className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
              >
                {error}
              </p>
            ) : null}
            <Button type="button" onClick={() => void saveScorecard()} disabled={saving}>
              {saving ? "Saving…" : "Save scorecard"}
            </Button>
          </>
        )}
      </Card>

      <div className="flex justify-between gap-2">
        <Button type="button" variant="secondary" onClick={() => goTo(step - 1)} disabled={step === 0}>
          ← Previous
        </Button>
        {step < last ? (
          <Button type="button" onClick={() => goTo(step + 1)}>
            Next: {step + 1 === last ? "wrap-up" : `question ${step + 1}`} →
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function StepHeading({ title, minutes, seconds, ref }: { title: string; minutes: number; seconds: number; ref: React.Ref<HTMLHeadingElement> }) {
  const left = minutes * 60 - seconds;
  const over = left < 0;
  const nearly = !over && left <= 60 && seconds > 0;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <h2 ref={ref} tabIndex={-1} className="text-lg font-semibold leading-7 outline-none">
        {title}
      </h2>
      <p
        className={cn(
          "shrink-0 rounded-lg px-3 py-1 font-mono text-sm tabular-nums",
          over
            ? "bg-rose-50 text-rose-700 dark:bg-rose-950 dark:text-rose-300"
            : nearly
              ? "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300"
              : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
        )}
      >
        {over ? `Over by ${mmss(-left)}` : `${mmss(left)} left`} <span className="font-sans text-xs">of {minutes} min</span>
      </p>
    </div>
  );
}

function QuestionStep({
  q,
  index,
  seconds,
  entry,
  reference,
  onChange,
  headingRef,
}: {
  q: KitQuestion;
  index: number;
  seconds: number;
  entry: Entry;
  reference: string | undefined;
  onChange: (change: Partial<Entry>) => void;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const toggle = (id: string) => onChange({ ticked: entry.ticked.includes(id) ? entry.ticked.filter((t) => t !== id) : [...entry.ticked, id] });
  const toggleFlag = (id: string) => onChange({ flagged: entry.flagged.includes(id) ? entry.flagged.filter((t) => t !== id) : [...entry.flagged, id] });
  return (
    <>
      <StepHeading ref={headingRef} title={`${index}. ${q.title}`} minutes={q.minutes} seconds={seconds} />
      <div className="flex flex-wrap gap-1.5">
        <Badge>{q.topic}</Badge>
        <DifficultyBadge difficulty={q.difficulty} />
      </div>
      {q.prompt ? <p className="whitespace-pre-line text-sm leading-6">{q.prompt}</p> : null}
      {q.notes.trim() ? <p className="rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-800/60">Note: {q.notes}</p> : null}

      {/* min-w-0: a fieldset is as wide as its widest line by default, wider than a phone. */}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <fieldset className="min-w-0">
          <legend className="text-sm font-semibold">
            Key points heard{" "}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">
              ({entry.ticked.length} of {q.keyPoints.length})
            </span>
          </legend>
          <ul className="mt-2 space-y-1.5">
            {q.keyPoints.map((k) => (
              <li key={k.id}>
                <label className="flex cursor-pointer gap-2.5 rounded-lg p-1.5 text-sm leading-6 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                  <input
                    type="checkbox"
                    checked={entry.ticked.includes(k.id)}
                    onChange={() => toggle(k.id)}
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                  />
                  <span>
                    {k.essential ? (
                      <Badge tone="brand" className="mr-1.5 align-[1px]">
                        Essential
                      </Badge>
                    ) : null}
                    <InlineCode text={k.text} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <div className="space-y-4">
          {q.followUps.length ? (
            <div>
              <h3 className="text-sm font-semibold">Follow-up probes</h3>
              <FollowUpList question={q} />
            </div>
          ) : null}
          {q.redFlags.length ? (
            <fieldset className="min-w-0">
              <legend className="text-sm font-semibold">
                Red flags heard{" "}
                <span className="font-normal text-zinc-600 dark:text-zinc-400">
                  ({entry.flagged.length} of {q.redFlags.length})
                </span>
              </legend>
              <ul className="mt-2 space-y-1.5">
                {q.redFlags.map((r) => (
                  <li key={r.id}>
                    <label
                      className={cn(
                        "flex cursor-pointer gap-2.5 rounded-lg px-3 py-2 text-sm leading-6",
                        entry.flagged.includes(r.id)
                          ? "bg-rose-100 ring-1 ring-rose-400 dark:bg-rose-950 dark:ring-rose-700"
                          : "bg-rose-50 dark:bg-rose-950/40",
                      )}
                    >
                      <input
                        type="checkbox"
                        checked={entry.flagged.includes(r.id)}
                        onChange={() => toggleFlag(r.id)}
                        className="mt-1 h-4 w-4 shrink-0 accent-rose-600"
                      />
                      {/* One flex item: the text's code spans would each become one otherwise. */}
                      <span>
                        <InlineCode text={r.text} />
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
          {reference ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium text-brand-600 dark:text-brand-200">Reference answer</summary>
              <div className="prose-md mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: reference }} />
            </details>
          ) : null}
        </div>
      </div>

      <fieldset className="min-w-0">
        <legend className="text-sm font-semibold">Rating</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
          {q.rubric.map((r) => (
            <label
              key={r.score}
              className={cn(
                "flex cursor-pointer gap-2.5 rounded-lg border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
                entry.rating === r.score ? "border-brand-600 bg-brand-50 dark:border-brand-500 dark:bg-brand-900/40" : "border-zinc-300 dark:border-zinc-700",
              )}
            >
              <input
                type="radio"
                name={`rating-${q.id}`}
                value={r.score}
                checked={entry.rating === r.score}
                onChange={() => onChange({ rating: r.score })}
                aria-describedby={`anchor-${q.id}-${r.score}`}
                className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
              />
              <span>
                <span className="font-semibold">
                  {r.score} · {r.label}
                </span>
                <span id={`anchor-${q.id}-${r.score}`} className="mt-0.5 block text-xs leading-5 text-zinc-600 dark:text-zinc-400">
                  <InlineCode text={r.anchor} />
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="space-y-1.5">
        <label htmlFor={`answer-notes-${q.id}`} className="block text-sm font-semibold">
          Notes on this answer
        </label>
        <textarea
          id={`answer-notes-${q.id}`}
          rows={4}
          maxLength={5000}
          className={cn(inputClass, "leading-6")}
          value={entry.notes}
          onChange={(e) => onChange({ notes: e.target.value })}
        />
      </div>
    </>
  );
}

function Summary({ doc, draft, live }: { doc: KitDocument; draft: Draft; live: (i: number) => number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-sm font-semibold">Summary</caption>
        <thead>
          <tr className="text-left text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Question
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Points
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Red flags
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Rating
            </th>
            <th scope="col" className="py-1.5 font-medium">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.questions.map((q, i) => {
            const e = draft.entries[q.id]!;
            return (
              <tr key={q.id} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1.5 pr-3">
                  {i + 1}. {q.title}
                </td>
                <td className="whitespace-nowrap py-1.5 pr-3 tabular-nums">
                  {e.ticked.length}/{q.keyPoints.length}
                </td>
                <td className="whitespace-nowrap py-1.5 pr-3 tabular-nums">{e.flagged.length ? `${e.flagged.length} heard` : "none"}</td>
                <td className="whitespace-nowrap py-1.5 pr-3">
                  {e.rating ? `${e.rating} · ${q.rubric[e.rating - 1]!.label}` : <span className="text-zinc-600 dark:text-zinc-400">not rated</span>}
                </td>
                <td className="py-1.5 font-mono tabular-nums">{mmss(live(i + 1))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-sm">Average rating: {ratingSummary(doc.questions.map((q) => ({ rating: draft.entries[q.id]?.rating ?? null }))).text}</p>
    </div>
  );
}
