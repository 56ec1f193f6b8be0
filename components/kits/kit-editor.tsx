"use client";
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { useKitEditor } from "@/hooks/use-kit-editor";
import type { RevisionJson } from "@/lib/api/kits/schemas";
import { alternativeKey, moveQuestion, setQuestionMinutes, setSectionMinutes, swapQuestion, unpinQuestion } from "@/lib/kits/edit";
import { displayTerms } from "@/lib/kits/terms";
import { MAX_QUESTION_MINUTES, MAX_TOTAL_MINUTES, MIN_TOTAL_MINUTES, type KitDocument, type KitQuestion } from "@/lib/kits/schemas";
import { Badge, DifficultyBadge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { inputClass } from "../ui/field";
import { LocalTime, useMounted } from "../ui/local-time";
import { MinutesField } from "./minutes-field";
import { PlanBar, PlanList, QuestionDetails, KitDocumentView } from "./kit-document-view";
import { SharePanel, type ShareLinkRow } from "./share-panel";

export type RevisionRow = RevisionJson;

type Props = {
  kitId: string;
  initialVersion: number;
  initialContent: KitDocument;
  alternatives: Record<string, KitQuestion[]>;
  revisions: RevisionRow[];
  shareLinks: ShareLinkRow[];
  scorecardCount: number;
};

const textareaClass = cn(inputClass, "min-h-[4.5rem] max-h-96 leading-6 [field-sizing:content]");

export function KitEditor({ kitId, initialVersion, initialContent, alternatives, revisions: initialRevisions, shareLinks, scorecardCount }: Props) {
  const mounted = useMounted();
  const { doc, edit, discard, version, revisions, note, setNote, status, dirty, fit, titleOk, squeezed, canSave, save, restore, remove } = useKitEditor({
    kitId,
    initialVersion,
    initialContent,
    initialRevisions,
  });
  const [announcement, setAnnouncement] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);

  const move = (from: number, to: number) => {
    const q = doc.questions[from];
    if (!q || to < 0 || to >= doc.questions.length) return;
    edit(moveQuestion(doc, from, to));
    setAnnouncement(`Moved “${q.title}” to position ${to + 1} of ${doc.questions.length}.`);
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: string | number) => doc.questions.find((q) => q.id === id)?.title ?? String(id);
  const positionOf = (id: string | number) => doc.questions.findIndex((q) => q.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${titleOf(active.id)}”, position ${positionOf(active.id)} of ${doc.questions.length}.`,
    onDragOver: ({ active, over }) =>
      over && over.id !== active.id ? `“${titleOf(active.id)}” is over position ${positionOf(over.id)} of ${doc.questions.length}.` : undefined,
    onDragEnd: ({ active, over }) => (over ? `Dropped “${titleOf(active.id)}” at position ${positionOf(over.id)} of ${doc.questions.length}.` : undefined),
    onDragCancel: ({ active }) => `Cancelled. “${titleOf(active.id)}” stays at position ${positionOf(active.id)}.`,
  };
  function onDragEnd(e: DragEndEvent) {
    if (!e.over || e.active.id === e.over.id) return;
    const from = doc.questions.findIndex((q) => q.id === e.active.id);
    const to = doc.questions.findIndex((q) => q.id === e.over!.id);
    if (from >= 0 && to >= 0) edit(moveQuestion(doc, from, to));
  }

  const n = doc.questions.length;
  return (
    <>
      <div className="grid gap-6 pb-20 lg:grid-cols-[minmax(0,1fr)_20rem] lg:pb-0 print:hidden">
        <div className="min-w-0 space-y-4">
          <Card className="space-y-4">
            <h2 className="text-base font-semibold">Details and timing</h2>
            <div className="space-y-1.5">
              <label htmlFor="kit-title" className="block text-sm font-medium">
                Title
              </label>
              <input
                id="kit-title"
                className={inputClass}
                value={doc.title}
                maxLength={120}
                aria-invalid={!titleOk || undefined}
                onChange={(e) => edit({ ...doc, title: e.target.value })}
              />
              {!titleOk ? <p className="text-xs text-rose-600 dark:text-rose-400">Give the kit a title.</p> : null}
            </div>
            <div className="flex flex-wrap gap-4">
              <MinutesField
                id="total-minutes"
                label="Total minutes"
                value={doc.totalMinutes}
                min={MIN_TOTAL_MINUTES}
                max={MAX_TOTAL_MINUTES}
                onCommit={(v) => edit(setSectionMinutes(doc, { totalMinutes: v }).doc)}
              />
              <MinutesField
                id="intro-minutes"
                label="Intro minutes"
                value={doc.intro.minutes}
                min={1}
                max={30}
                onCommit={(v) => edit(setSectionMinutes(doc, { intro: v }).doc)}
              />
              <MinutesField
                id="wrap-minutes"
                label="Wrap-up minutes"
                value={doc.wrapUp.minutes}
                min={1}
                max={30}
                onCommit={(v) => edit(setSectionMinutes(doc, { wrapUp: v }).doc)}
              />
            </div>
            <PlanBar doc={doc} />
            {squeezed ? (
              <p
                role="status"
                className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
              >
                {squeezed}
              </p>
            ) : fit.fits ? (
              <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
                The plan fits: intro, {n} question{n === 1 ? "" : "s"} and wrap-up add up to {doc.totalMinutes} minutes.
              </p>
            ) : (
              <p
                role="alert"
                className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
              >
                {fit.message}
              </p>
            )}
            <details className="text-sm">
              <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Show the timed plan</summary>
              <div className="mt-2">
                <PlanList doc={doc} />
              </div>
            </details>
          </Card>

          <Card className="space-y-2">
            <label htmlFor="intro-text" className="block text-base font-semibold">
              Introduction <span className="font-normal text-zinc-500">· {doc.intro.minutes} min</span>
            </label>
            <textarea
              id="intro-text"
              rows={4}
              className={textareaClass}
              value={doc.intro.text}
              maxLength={5000}
              onChange={(e) => edit({ ...doc, intro: { ...doc.intro, text: e.target.value } })}
            />
          </Card>

          <section aria-labelledby="questions-heading" className="space-y-3">
            <div className="flex items-baseline justify-between gap-2">
              <h2 id="questions-heading" className="text-base font-semibold">
                Questions
              </h2>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">Drag the handle, or use the move buttons, to reorder.</p>
            </div>
            <DndContext
              id="kit-questions"
              sensors={sensors}
              collisionDetection={closestCenter}
              onDragEnd={onDragEnd}
              accessibility={{
                announcements,
                screenReaderInstructions: {
                  draggable:
                    "To pick up a question, press space or enter. Use the up and down arrow keys to move it, space or enter to drop it, escape to cancel.",
                },
              }}
            >
              <SortableContext items={doc.questions.map((q) => q.id)} strategy={verticalListSortingStrategy}>
                <ol className="space-y-3" aria-label="Questions in order">
                  {doc.questions.map((q, i) => (
                    <SortableQuestion
                      key={q.id}
                      q={q}
                      index={i}
                      count={n}
                      squeezed={fit.fits && fit.squeezed.some((x) => x.index === i)}
                      alternatives={(alternatives[alternativeKey(q.topic, q.difficulty)] ?? []).filter((a) => !doc.questions.some((x) => x.id === a.id))}
                      onMove={move}
                      onMinutes={(v) => edit(setQuestionMinutes(doc, i, v).doc)}
                      onUnpin={() => edit(unpinQuestion(doc, i).doc)}
                      onSwap={(alt) => {
                        edit(swapQuestion(doc, i, alt));
                        setAnnouncement(`Swapped “${q.title}” for “${alt.title}”.`);
                      }}
                      onNotes={(text) => edit({ ...doc, questions: doc.questions.map((x, k) => (k === i ? { ...x, notes: text } : x)) })}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
          </section>

          <Card className="space-y-2">
            <label htmlFor="wrap-text" className="block text-base font-semibold">
              Wrap-up <span className="font-normal text-zinc-500">· {doc.wrapUp.minutes} min</span>
            </label>
            <textarea
              id="wrap-text"
              rows={3}
              className={textareaClass}
              value={doc.wrapUp.text}
              maxLength={5000}
              onChange={(e) => edit({ ...doc, wrapUp: { ...doc.wrapUp, text: e.target.value } })}
            />
          </Card>

          <Card className="space-y-2">
            <label htmlFor="kit-notes" className="block text-base font-semibold">
              Notes for the interviewers
            </label>
            <textarea
              id="kit-notes"
              rows={3}
              className={textareaClass}
              value={doc.notes}
              maxLength={5000}
              placeholder="Anything the panel should know: what the team cares about, what to skip…"
              onChange={(e) => edit({ ...doc, notes: e.target.value })}
            />
          </Card>
        </div>

        <aside className="space-y-4 lg:sticky lg:top-20 lg:self-start" aria-label="Save, share and history">
          <Card className="space-y-3 p-4">
            <h2 className="text-base font-semibold">Save</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {status.kind === "saving" ? "Saving…" : dirty ? "You have unsaved changes." : `All changes saved (version ${version}).`}
            </p>
            <div className="space-y-1.5">
              <label htmlFor="save-note" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
                What changed (optional)
              </label>
              <input
                id="save-note"
                className={inputClass}
                value={note}
                maxLength={200}
                onChange={(e) => setNote(e.target.value)}
                placeholder="e.g. Swapped the GIL question"
              />
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={() => void save()} disabled={!canSave}>
                {status.kind === "saving" ? "Saving…" : "Save"}
              </Button>
              <Button type="button" variant="secondary" disabled={!dirty} onClick={discard}>
                Discard changes
              </Button>
              <Button type="button" variant="ghost" onClick={() => window.print()}>
                Print
              </Button>
            </div>
            {!fit.fits ? <p className="text-xs text-amber-700 dark:text-amber-300">Make the plan fit to save.</p> : null}
            {status.kind === "error" ? (
              <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
                {status.message}
              </p>
            ) : status.kind === "saved" ? (
              <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
                {status.message}
              </p>
            ) : null}
          </Card>

          <SharePanel kitId={kitId} initialLinks={shareLinks} />

          <Card className="space-y-3 p-4">
            <h2 className="text-base font-semibold">History</h2>
            <ol className="max-h-72 space-y-2 overflow-y-auto text-sm" aria-label="Versions, newest first">
              {revisions.map((r) => (
                <li key={r.version} className="flex items-start gap-2">
                  <Badge tone={r.version === version ? "brand" : "neutral"}>v{r.version}</Badge>
                  <span className="min-w-0 flex-1">
                    <span className="block break-words">{r.note || "Saved"}</span>
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">
                      <LocalTime iso={r.createdAt} relative />
                    </span>
                  </span>
                  {r.version !== version ? (
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      aria-label={`Restore version ${r.version}`}
                      disabled={dirty || status.kind === "saving"}
                      onClick={() => void restore(r.version)}
                    >
                      Restore
                    </Button>
                  ) : (
                    <span className="text-xs text-zinc-500">current</span>
                  )}
                </li>
              ))}
            </ol>
            {dirty ? <p className="text-xs text-zinc-500 dark:text-zinc-400">Save or discard your changes to restore an older version.</p> : null}
          </Card>

          <Card className="space-y-2 p-4">
            <h2 className="text-base font-semibold">Delete</h2>
            {confirmDelete ? (
              <div className="space-y-2">
                <p className="text-sm">
                  Delete this kit with its history, share links{scorecardCount ? ` and ${scorecardCount} scorecard${scorecardCount === 1 ? "" : "s"}` : ""}?
                  This cannot be undone.
                </p>
                <div className="flex gap-2">
                  <Button type="button" size="sm" variant="danger" onClick={() => void remove()}>
                    Delete kit
                  </Button>
                  <Button type="button" size="sm" variant="secondary" onClick={() => setConfirmDelete(false)}>
                    Keep it
                  </Button>
                </div>
              </div>
            ) : (
              <Button type="button" size="sm" variant="secondary" onClick={() => setConfirmDelete(true)}>
                Delete…
              </Button>
            )}
          </Card>
        </aside>
      </div>

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      {/* On a phone the Save card is below every question: keep saving within reach. */}
      {dirty || status.kind === "error" ? (
        <div className="fixed inset-x-0 bottom-0 z-30 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95 print:hidden">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-3">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {status.kind === "error" ? status.message : fit.fits ? "Unsaved changes" : "Make the plan fit to save"}
            </p>
            <Button type="button" size="sm" onClick={() => void save()} disabled={!canSave}>
              {status.kind === "saving" ? "Saving…" : "Save changes"}
            </Button>
          </div>
        </div>
      ) : null}

      {/* What the Print button prints: the kit as it stands, read-only (browser-only: not in the HTML). */}
      {mounted ? (
        <div className="hidden print:block">
          <KitDocumentView doc={doc} />
        </div>
      ) : null}
    </>
  );
}

function SortableQuestion({
  q,
  index,
  count,
  alternatives,
  onMove,
  onMinutes,
  onUnpin,
  onSwap,
  onNotes,
  squeezed = false,
}: {
  squeezed?: boolean;
  q: KitQuestion;
  index: number;
  count: number;
  alternatives: KitQuestion[];
  onMove: (from: number, to: number) => void;
  onMinutes: (minutes: number) => void;
  onUnpin: () => void;
  onSwap: (alt: KitQuestion) => void;
  onNotes: (text: string) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: q.id });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const iconButton =
    "inline-flex h-8 w-8 items-center justify-center rounded-lg border border-zinc-300 text-zinc-700 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";
  return (
    <li
      ref={setNodeRef}
      style={style}
      data-question-id={q.id}
      className={cn(
        "rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900",
        isDragging && "relative z-10 shadow-lg ring-2 ring-brand-500",
      )}
    >
      <div className="flex items-start gap-3">
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Drag “${q.title}” to reorder`}
          className="mt-0.5 inline-flex h-8 w-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 active:cursor-grabbing dark:hover:bg-zinc-800 dark:hover:text-zinc-200 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
            <circle cx="7" cy="5" r="1.5" />
            <circle cx="13" cy="5" r="1.5" />
            <circle cx="7" cy="10" r="1.5" />
            <circle cx="13" cy="10" r="1.5" />
            <circle cx="7" cy="15" r="1.5" />
            <circle cx="13" cy="15" r="1.5" />
          </svg>
        </button>
        <div className="min-w-0 flex-1 space-y-2">
          <h3 className="font-semibold leading-6">
            <span className="mr-1 tabular-nums text-zinc-500">{index + 1}.</span> {q.title}
          </h3>
          <div className="flex flex-wrap items-center gap-1.5">
            <Badge>{q.topic}</Badge>
            <DifficultyBadge difficulty={q.difficulty} />
            {displayTerms(q.matchedTerms).length ? <Badge tone="brand">Matches: {displayTerms(q.matchedTerms).slice(0, 3).join(", ")}</Badge> : null}
          </div>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-end gap-2 sm:pl-9">
        <MinutesField
          id={`minutes-${q.id}`}
          label={`Minutes for “${q.title}”`}
          visibleLabel={false}
          value={q.minutes}
          min={1}
          max={MAX_QUESTION_MINUTES}
          onCommit={onMinutes}
        />
        <span className="pb-2 text-sm text-zinc-600 dark:text-zinc-400" aria-hidden="true">
          min
        </span>
        {/* The unpin button's accessible name starts with its visible text (WCAG 2.5.3, label in name). */}
        {q.pinned ? (
          <Button type="button" size="sm" variant="ghost" onClick={onUnpin} aria-label={`Set by hand · fit automatically: “${q.title}”`} className="mb-0.5">
            Set by hand · fit automatically
          </Button>
        ) : (
          <span className={cn("pb-2 text-xs", squeezed ? "font-medium text-amber-800 dark:text-amber-200" : "text-zinc-600 dark:text-zinc-400")}>
            {squeezed ? `auto · squeezed, needs ${q.suggestedMinutes}` : `auto (suggested ${q.suggestedMinutes})`}
          </span>
        )}
        <div className="ml-auto flex items-center gap-1.5 pb-0.5">
          <button type="button" className={iconButton} aria-label={`Move “${q.title}” up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className={iconButton}
            aria-label={`Move “${q.title}” down`}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <DropdownMenu.Root>
            <DropdownMenu.Trigger asChild disabled={alternatives.length === 0}>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                aria-label={`Swap “${q.title}” for an alternative`}
                title={alternatives.length ? undefined : "No other question of this topic and difficulty"}
              >
                Swap
              </Button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content
                align="end"
                sideOffset={6}
                className="z-50 max-h-80 w-[min(26rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
              >
                <DropdownMenu.Label className="px-2 py-1.5 text-xs text-zinc-500">Same topic and difficulty ({q.difficulty})</DropdownMenu.Label>
                {alternatives.map((alt) => (
                  <DropdownMenu.Item
                    key={alt.id}
                    onSelect={() => onSwap(alt)}
                    className="cursor-pointer select-none rounded-md px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
                  >
                    {alt.title}
                    {displayTerms(alt.matchedTerms).length ? (
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">Matches: {displayTerms(alt.matchedTerms).slice(0, 3).join(", ")}</span>
                    ) : null}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </div>
      </div>

      <details className="group mt-3 sm:pl-9">
        <summary className="cursor-pointer text-sm font-medium text-brand-600 hover:underline dark:text-brand-200">
          Key points, probes, red flags and rubric
        </summary>
        <div className="mt-3">
          <QuestionDetails question={q} headingLevel={4} />
        </div>
      </details>

      <div className="mt-3 space-y-1 sm:pl-9">
        <label htmlFor={`notes-${q.id}`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Notes for question {index + 1}
        </label>
        <textarea
          id={`notes-${q.id}`}
          rows={2}
          maxLength={5000}
          className={cn(inputClass, "max-h-96 min-h-[3.5rem] leading-6 [field-sizing:content]")}
          value={q.notes}
          onChange={(e) => onNotes(e.target.value)}
        />
      </div>
    </li>
  );
}
