"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { renderMarkdownPreview } from "@/app/library/actions";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import type { ApiFields } from "@/lib/api/errors";
import { draftRubricResponseSchema, libraryListSchema, libraryQuestionResponseSchema } from "@/lib/api/library/schemas";
import { VISIBILITIES, VISIBILITY_LABELS, type Visibility } from "@/lib/library/persisted";
import type { DraftFollowUp, DraftKeyPoint, QuestionDraft } from "@/lib/library/schema";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ErrorText, Field, Input, inputClass } from "../ui/field";
import { cn } from "../ui/cn";
import { draftFromForm, initialRows, keyPointIds, newKey, normaliseFields, proposedRow, shownField, type FollowUpRow, type KeyPointRow } from "./editor-rows";

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

/** A stored question as the editor opens it (the API's LibraryQuestionJson, less what it does not show). */
export type EditorQuestion = {
  id: string;
  version: number;
  visibility: Visibility;
  /** False for a question another recruiter shared: it opens read-only. */
  mine: boolean;
  ownerName: string;
  draft: QuestionDraft;
};

/** A proposal of the rubric drafter, waiting for a person to accept or dismiss it. */
type Proposal = {
  keyPoints: { n: number; kp: DraftKeyPoint }[];
  followUps: { n: number; fu: DraftFollowUp }[];
};

export function QuestionEditor({ question, topics }: { question?: EditorQuestion; topics: string[] }) {
  const router = useRouter();
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  /** The element to focus once the next render is on screen: a row just added, or the Add button after a removal (focus must not fall to the page). */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  /** Only the latest Preview request may fill the preview (an earlier, slower one would show stale text). */
  const previewRequest = useRef(0);
  const initial = question?.draft;
  const readOnly = question !== undefined && !question.mine;

  const [title, setTitle] = useState(initial?.title ?? "");
  const [prompt, setPrompt] = useState(initial?.prompt ?? "");
  const [reference, setReference] = useState(initial?.reference ?? "");
  const [topic, setTopic] = useState(initial?.topic ?? "");
  const [difficulty, setDifficulty] = useState<string>(initial?.difficulty ?? "medium");
  const [minutes, setMinutes] = useState(String(initial?.minutes ?? 5));
  const [tags, setTags] = useState(initial?.tags.join(", ") ?? "");
  const [visibility, setVisibility] = useState<Visibility>(question?.visibility ?? "private");
  const [rows] = useState(() => initialRows(initial));
  const [keyPoints, setKeyPoints] = useState<KeyPointRow[]>(rows.keyPoints);
  const [followUps, setFollowUps] = useState<FollowUpRow[]>(rows.followUps);
  const [version, setVersion] = useState(question?.version ?? 0);

  const [errors, setErrors] = useState<ApiFields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState<"save" | "draft" | "delete" | null>(null);
  const [preview, setPreview] = useState<{ html: string } | { error: string } | null>(null);
  const [showPreview, setShowPreview] = useState(false);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  /** Proposed key point id -> the row it became, so an accepted follow-up points at that row. */
  const [acceptedFrom, setAcceptedFrom] = useState<Record<string, string>>({});

  // After the server refuses a save, the first invalid field (in the order shown) gets the focus.
  const focusFirstInvalid = useRef(false);
  useEffect(() => {
    if (!focusFirstInvalid.current) return;
    focusFirstInvalid.current = false;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [errors]);

  const ids = keyPointIds(keyPoints);
  // What this form does not edit (written in the bank format or imported): named, so nobody wonders where it went.
  const misconceptionCount = initial?.misconceptions.length ?? 0;
  const keptParts = [
    misconceptionCount ? `${misconceptionCount} misconception${misconceptionCount === 1 ? "" : "s"}` : null,
    initial && Object.keys(initial.clarifications).length ? "clarifications" : null,
    initial?.errata.trim() ? "errata" : null,
  ].filter((part): part is string => part !== null);

  function showErrors(fields: ApiFields, message: string | null) {
    const normalised = normaliseFields(fields);
    const unshown = Object.entries(normalised).filter(([k]) => !shownField(k));
    focusFirstInvalid.current = true;
    setErrors(normalised);
    if (normalised.reference) setShowPreview(false);
    setFormError(message ?? (unshown.length ? unshown.map(([k, m]) => `${k}: ${m}`).join(" ") : null));
  }

  function failed(error: unknown, what: string) {
    if (!(error instanceof ApiClientError)) throw error;
    setConflict(error.code === "conflict");
    if (error.code === "conflict") {
      setErrors({});
      setFormError(error.message);
    } else if (error.code === "network") showErrors({}, "The server could not be reached. Check your connection and try again; nothing you typed is lost.");
    else if (error.fields && Object.keys(error.fields).length) showErrors(error.fields, error.fields.form ?? null);
    else showErrors({}, error.fromServer ? error.message : `The question could not be ${what}. Try again.`);
  }

  const draft = () => draftFromForm({ title, prompt, reference, topic, difficulty, minutes, tags }, keyPoints, followUps, initial);

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    setPending("save");
    setStatus(null);
    setFormError(null);
    setConflict(false);
    setErrors({});
    try {
      if (!question) {
        await fetchJson("/api/library", { method: "POST", body: { questions: [draft()], visibility }, schema: libraryListSchema });
        router.push("/library");
        router.refresh();
        return;
      }
      const saved = await fetchJson(`/api/library/${question.id}`, {
        method: "PUT",
        body: { question: draft(), version, visibility },
        schema: libraryQuestionResponseSchema,
      });
      setVersion(saved.question.version);
      // The rows saved under new ids keep them from now on, whatever their statement becomes.
      setKeyPoints((rows) => rows.map((row) => ({ ...row, id: ids.get(row.key) })));
      setStatus(`Saved (version ${saved.question.version})`);
      // The page's header (title, version) is the server's: refresh it; the form's state stays.
      router.refresh();
    } catch (error) {
      failed(error, "saved");
    } finally {
      setPending(null);
    }
  }

  async function togglePreview() {
    if (showPreview) {
      setShowPreview(false);
      return;
    }
    setShowPreview(true);
    setPreview(null);
    const request = ++previewRequest.current;
    const form = new FormData();
    form.set("markdown", reference);
    let shown: { html: string } | { error: string };
    try {
      const result = await renderMarkdownPreview(null, form);
      shown = result.ok ? { html: result.html } : { error: result.error.fields?.markdown ?? result.error.message };
    } catch {
      shown = { error: "The preview could not be rendered: the server could not be reached. Your text is kept; try again." };
    }
    if (request === previewRequest.current) setPreview(shown);
  }

  async function draftRubric() {
    setPending("draft");
    setStatus(null);
    setFormError(null);
    setErrors({});
    try {
      const { rubric } = await fetchJson("/api/library/draft-rubric", { method: "POST", body: { title, reference }, schema: draftRubricResponseSchema });
      setProposal({ keyPoints: rubric.keyPoints.map((kp, i) => ({ n: i + 1, kp })), followUps: rubric.followUps.map((fu, i) => ({ n: i + 1, fu })) });
      setAcceptedFrom({});
      if (rubric.keyPoints.length === 0) setStatus("The reference answer gave nothing to propose. Write the key points yourself.");
    } catch (error) {
      failed(error, "drafted");
    } finally {
      setPending(null);
    }
  }

  function acceptKeyPoint(n: number) {
    const item = proposal?.keyPoints.find((p) => p.n === n);
    if (!item) return;
    const row = proposedRow(item.kp);
    setKeyPoints((rows) => [...rows, row]);
    setAcceptedFrom((m) => ({ ...m, [item.kp.id]: row.key }));
    setProposal((p) => p && { ...p, keyPoints: p.keyPoints.filter((x) => x.n !== n) });
  }

  function acceptFollowUp(n: number) {
    const item = proposal?.followUps.find((p) => p.n === n);
    const target = item && acceptedFrom[item.fu.keyPointId];
    if (!item || !target) return;
    setFollowUps((rows) => [...rows, { key: newKey("fu"), keyPointKey: target, text: item.fu.text }]);
    setProposal((p) => p && { ...p, followUps: p.followUps.filter((x) => x.n !== n) });
  }

  function acceptAll() {
    if (!proposal) return;
    const rows = proposal.keyPoints.map(({ kp }) => ({ row: proposedRow(kp), from: kp.id }));
    const map = { ...acceptedFrom, ...Object.fromEntries(rows.map(({ row, from }) => [from, row.key])) };
    const fus = proposal.followUps
      .filter(({ fu }) => map[fu.keyPointId])
      .map(({ fu }) => ({ key: newKey("fu"), keyPointKey: map[fu.keyPointId]!, text: fu.text }));
    setKeyPoints((current) => [...current, ...rows.map((r) => r.row)]);
    setFollowUps((current) => [...current, ...fus]);
    setAcceptedFrom(map);
    setProposal(null);
  }

  function dismiss(kind: "keyPoints" | "followUps", n: number) {
    setProposal((p) => {
      if (!p) return p;
      const next = kind === "keyPoints" ? { ...p, keyPoints: p.keyPoints.filter((x) => x.n !== n) } : { ...p, followUps: p.followUps.filter((x) => x.n !== n) };
      return next.keyPoints.length || next.followUps.length ? next : null;
    });
  }

  function updateKeyPoint(key: string, patch: Partial<KeyPointRow>) {
    setKeyPoints((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }

  function moveKeyPoint(index: number, by: -1 | 1) {
    setKeyPoints((rows) => {
      const to = index + by;
      if (to < 0 || to >= rows.length) return rows;
      const next = [...rows];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    });
    // The server's errors are by position: after a move they would sit beside the wrong row.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("keyPoints."))));
  }

  function removeKeyPoint(key: string) {
    focusNext.current = `${uid}-add-kp`;
    setKeyPoints((rows) => rows.filter((r) => r.key !== key));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("keyPoints."))));
  }

  async function remove() {
    if (!question) return;
    setPending("delete");
    try {
      await fetchJson(`/api/library/${question.id}`, { method: "DELETE" });
      dialogRef.current?.close();
      router.push("/library");
      router.refresh();
    } catch (error) {
      dialogRef.current?.close();
      failed(error, "deleted");
    } finally {
      setPending(null);
    }
  }

  const err = (key: string) => errors[key];
  const kpId = (row: KeyPointRow, field: string) => `${uid}-kp-${row.key}-${field}`;
  const fuId = (row: FollowUpRow, field: string) => `${uid}-fu-${row.key}-${field}`;

  return (
    <form ref={formRef} onSubmit={save} noValidate className="space-y-6" aria-label={readOnly ? "Question (read-only)" : "Question editor"}>
      {readOnly ? (
        <p className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
          {question.ownerName} shared this question with every recruiter here. Only they can change or delete it.
        </p>
      ) : null}
      {formError ? (
        <div
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
        >
          <p>{formError}</p>
          {conflict && question ? (
            <p className="mt-1">
              {/* A full load, not a client navigation: the page must fetch the latest version. */}
              <a href={`/library/${question.id}`} className="font-medium underline">
                Reload the latest version
              </a>{" "}
              (what you typed here is not kept: copy it first if you need it).
            </p>
          ) : null}
        </div>
      ) : null}

      <Card className="space-y-5">
        <h2 className="text-base font-semibold">The question</h2>
        <Field id={`${uid}-title`} label="Title" error={err("title")}>
          <Input
            id={`${uid}-title`}
            name="title"
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            readOnly={readOnly}
            error={err("title")}
          />
        </Field>
        <Field
          id={`${uid}-prompt`}
          label="Question as asked"
          hint="Optional. When the question is longer than its title (Markdown); empty: the title is asked."
          error={err("prompt")}
        >
          <textarea
            id={`${uid}-prompt`}
            name="prompt"
            rows={3}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            readOnly={readOnly}
            className={inputClass}
            aria-invalid={err("prompt") ? true : undefined}
            aria-describedby={err("prompt") ? `${uid}-prompt-error` : `${uid}-prompt-hint`}
          />
        </Field>

        <div className="space-y-1.5">
          <div className="flex items-center justify-between gap-2">
            <label htmlFor={`${uid}-reference`} className="block text-sm font-medium">
              Reference answer
            </label>
            <Button type="button" variant="secondary" size="sm" aria-pressed={showPreview} onClick={() => void togglePreview()}>
              Preview
            </Button>
          </div>
          <textarea
            id={`${uid}-reference`}
            name="reference"
            required
            rows={10}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            readOnly={readOnly}
            hidden={showPreview}
            className={cn(inputClass, "font-mono")}
            aria-invalid={err("reference") ? true : undefined}
            aria-describedby={err("reference") ? `${uid}-reference-error` : `${uid}-reference-hint`}
          />
          {showPreview ? (
            <div
              role="region"
              aria-label="Reference answer preview"
              aria-busy={preview === null}
              className="rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800"
            >
              {preview === null ? (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">Rendering…</p>
              ) : "html" in preview ? (
                <div className="prose-md" dangerouslySetInnerHTML={{ __html: preview.html }} />
              ) : (
                <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
                  {preview.error}
                </p>
              )}
            </div>
          ) : null}
          {err("reference") ? (
            <ErrorText id={`${uid}-reference-error`} message={err("reference")} />
          ) : (
            <p id={`${uid}-reference-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
              Markdown; fence code with ``` and its language. Preview shows it as interviewers and candidates will see it.
            </p>
          )}
        </div>
      </Card>

      <Card className="space-y-5">
        <h2 className="text-base font-semibold">Where it belongs</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${uid}-topic`} label="Topic" hint="Pick an existing topic or write a new one." error={err("topic")}>
            <Input
              id={`${uid}-topic`}
              name="topic"
              required
              list={`${uid}-topics`}
              value={topic}
              onChange={(e) => setTopic(e.target.value)}
              readOnly={readOnly}
              error={err("topic")}
              aria-describedby={err("topic") ? `${uid}-topic-error` : `${uid}-topic-hint`}
            />
            <datalist id={`${uid}-topics`}>
              {topics.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </Field>
          <Field id={`${uid}-difficulty`} label="Difficulty" error={err("difficulty")}>
            <select
              id={`${uid}-difficulty`}
              name="difficulty"
              value={difficulty}
              onChange={(e) => setDifficulty(e.target.value)}
              disabled={readOnly}
              className={inputClass}
              aria-invalid={err("difficulty") ? true : undefined}
              aria-describedby={err("difficulty") ? `${uid}-difficulty-error` : undefined}
            >
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {d[0]!.toUpperCase() + d.slice(1)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${uid}-minutes`} label="Minutes" hint="1–60: the time it usually takes in an interview." error={err("minutes")}>
            <Input
              id={`${uid}-minutes`}
              name="minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              readOnly={readOnly}
              error={err("minutes")}
              aria-describedby={err("minutes") ? `${uid}-minutes-error` : `${uid}-minutes-hint`}
            />
          </Field>
          <Field id={`${uid}-tags`} label="Tags" hint="Optional, separated by commas." error={err("tags")}>
            <Input
              id={`${uid}-tags`}
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              readOnly={readOnly}
              error={err("tags")}
              aria-describedby={err("tags") ? `${uid}-tags-error` : `${uid}-tags-hint`}
            />
          </Field>
        </div>
        {readOnly ? null : (
          <fieldset aria-describedby={err("visibility") ? `${uid}-visibility-error` : undefined}>
            <legend className="text-sm font-medium">Who can use it</legend>
            <div className="mt-1.5 flex flex-wrap gap-4">
              {VISIBILITIES.map((v) => (
                <label key={v} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="visibility"
                    value={v}
                    checked={visibility === v}
                    onChange={() => setVisibility(v)}
                    className="h-4 w-4 accent-brand-600"
                  />
                  {VISIBILITY_LABELS[v]}
                </label>
              ))}
            </div>
            <ErrorText id={`${uid}-visibility-error`} message={err("visibility")} />
          </fieldset>
        )}
      </Card>

      <Card className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={`${uid}-kp-heading`} className="text-base font-semibold">
            Key points
          </h2>
          {readOnly ? null : (
            <Button type="button" variant="secondary" size="sm" disabled={pending !== null} onClick={() => void draftRubric()}>
              {pending === "draft" ? "Drafting…" : "Draft a rubric from the reference answer"}
            </Button>
          )}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          What a good answer says, each weighted 1 (nice to have) to 5 (essential). Terms are separated by semicolons, code identifiers by commas.
        </p>

        {proposal ? (
          <section
            aria-labelledby={`${uid}-proposal-heading`}
            className="space-y-3 rounded-lg border border-brand-200 bg-brand-50 p-4 dark:border-brand-800 dark:bg-brand-900/30"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={`${uid}-proposal-heading`} className="text-sm font-semibold">
                Proposed rubric
              </h3>
              <div className="flex gap-2">
                <Button type="button" size="sm" onClick={acceptAll}>
                  Accept all
                </Button>
                <Button type="button" variant="ghost" size="sm" onClick={() => setProposal(null)}>
                  Dismiss all
                </Button>
              </div>
            </div>
            <p className="text-xs text-zinc-600 dark:text-zinc-300">
              Drafted from the reference answer. Nothing here is used until you accept it; you can edit what you accept.
            </p>
            {proposal.keyPoints.length ? (
              <ul aria-label="Proposed key points" className="space-y-2">
                {proposal.keyPoints.map(({ n, kp }) => (
                  <li key={n} className="flex flex-wrap items-start justify-between gap-2 rounded-md bg-white p-2 text-sm dark:bg-zinc-900">
                    <span className="flex-1">
                      {kp.statement} <span className="text-xs text-zinc-500 dark:text-zinc-400">(weight {kp.weight})</span>
                    </span>
                    <span className="flex gap-1">
                      <Button type="button" size="sm" variant="secondary" aria-label={`Accept proposed key point ${n}`} onClick={() => acceptKeyPoint(n)}>
                        Accept
                      </Button>
                      <Button type="button" size="sm" variant="ghost" aria-label={`Dismiss proposed key point ${n}`} onClick={() => dismiss("keyPoints", n)}>
                        Dismiss
                      </Button>
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {proposal.followUps.length ? (
              <ul aria-label="Proposed follow-ups" className="space-y-2">
                {proposal.followUps.map(({ n, fu }) => {
                  const ready = acceptedFrom[fu.keyPointId] !== undefined;
                  return (
                    <li key={n} className="flex flex-wrap items-start justify-between gap-2 rounded-md bg-white p-2 text-sm dark:bg-zinc-900">
                      <span className="flex-1">
                        {fu.text}
                        {ready ? null : <span className="block text-xs text-zinc-500 dark:text-zinc-400">Accept its key point first.</span>}
                      </span>
                      <span className="flex gap-1">
                        <Button
                          type="button"
                          size="sm"
                          variant="secondary"
                          disabled={!ready}
                          aria-label={`Accept proposed follow-up ${n}`}
                          onClick={() => acceptFollowUp(n)}
                        >
                          Accept
                        </Button>
                        <Button type="button" size="sm" variant="ghost" aria-label={`Dismiss proposed follow-up ${n}`} onClick={() => dismiss("followUps", n)}>
                          Dismiss
                        </Button>
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </section>
        ) : null}

        {keyPoints.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No key points yet.</p> : null}
        <ol aria-labelledby={`${uid}-kp-heading`} className="space-y-4">
          {keyPoints.map((row, i) => {
            const n = i + 1;
            const e = (f: string) => err(`keyPoints.${i}.${f}`);
            return (
              <li key={row.key} className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-sm font-medium">
                    Key point {n} <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{ids.get(row.key)}</span>
                  </span>
                  {readOnly ? null : (
                    <span className="flex gap-1">
                      <Button
                        type="button"
                        size="sm"
                        variant="ghost"
                        disabled={i === 0}
                        aria-label={`Move key point ${n} up`}
                        onClick={() => moveKeyPoint(i, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        type="button"
                        size="sm"
                        variant="ghost"
                        disabled={i === keyPoints.length - 1}
                        aria-label={`Move key point ${n} down`}
                        onClick={() => moveKeyPoint(i, 1)}
                      >
                        ↓
                      </Button>
                      <Button type="button" size="sm" variant="ghost" aria-label={`Remove key point ${n}`} onClick={() => removeKeyPoint(row.key)}>
                        Remove
                      </Button>
                    </span>
                  )}
                </div>
                <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
                  <Field id={kpId(row, "statement")} label={`Key point ${n} statement`} error={e("statement")}>
                    <textarea
                      id={kpId(row, "statement")}
                      rows={2}
                      value={row.statement}
                      onChange={(ev) => updateKeyPoint(row.key, { statement: ev.target.value })}
                      readOnly={readOnly}
                      className={inputClass}
                      aria-invalid={e("statement") ? true : undefined}
                      aria-describedby={e("statement") ? `${kpId(row, "statement")}-error` : undefined}
                    />
                  </Field>
                  <Field id={kpId(row, "weight")} label={`Key point ${n} weight`} error={e("weight")}>
                    <select
                      id={kpId(row, "weight")}
                      value={row.weight}
                      onChange={(ev) => updateKeyPoint(row.key, { weight: Number(ev.target.value) })}
                      disabled={readOnly}
                      className={inputClass}
                      aria-invalid={e("weight") ? true : undefined}
                      aria-describedby={e("weight") ? `${kpId(row, "weight")}-error` : undefined}
                    >
                      {[1, 2, 3, 4, 5].map((w) => (
                        <option key={w} value={w}>
                          {w}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field id={kpId(row, "terms")} label={`Key point ${n} terms`} error={e("terms")}>
                    <Input
                      id={kpId(row, "terms")}
                      value={row.terms}
                      placeholder="reference count; refcount"
                      onChange={(ev) => updateKeyPoint(row.key, { terms: ev.target.value })}
                      readOnly={readOnly}
                      error={e("terms")}
                    />
                  </Field>
                  <Field id={kpId(row, "code")} label={`Key point ${n} code identifiers`} error={e("code")}>
                    <Input
                      id={kpId(row, "code")}
                      value={row.code}
                      placeholder="sys.getrefcount, gc.collect"
                      onChange={(ev) => updateKeyPoint(row.key, { code: ev.target.value })}
                      readOnly={readOnly}
                      error={e("code")}
                      className="font-mono"
                    />
                  </Field>
                </div>
                <Field
                  id={kpId(row, "scaffold")}
                  label={`Key point ${n} scaffold`}
                  hint="Optional: a hint the interviewer may give when the point is missed."
                  error={e("scaffold")}
                >
                  <Input
                    id={kpId(row, "scaffold")}
                    value={row.scaffold}
                    onChange={(ev) => updateKeyPoint(row.key, { scaffold: ev.target.value })}
                    readOnly={readOnly}
                    error={e("scaffold")}
                    aria-describedby={e("scaffold") ? `${kpId(row, "scaffold")}-error` : `${kpId(row, "scaffold")}-hint`}
                  />
                </Field>
              </li>
            );
          })}
        </ol>
        {readOnly ? null : (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            id={`${uid}-add-kp`}
            onClick={() => {
              const row: KeyPointRow = { key: newKey("kp"), statement: "", weight: 3, terms: "", code: "", scaffold: "" };
              focusNext.current = kpId(row, "statement");
              setKeyPoints((rows) => [...rows, row]);
            }}
          >
            Add a key point
          </Button>
        )}
      </Card>

      <Card className="space-y-4">
        <h2 id={`${uid}-fu-heading`} className="text-base font-semibold">
          Follow-ups
        </h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Questions that probe a key point the answer missed, without giving it away.</p>
        {followUps.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No follow-ups yet.</p> : null}
        <ol aria-labelledby={`${uid}-fu-heading`} className="space-y-3">
          {followUps.map((row, i) => {
            const n = i + 1;
            const e = (f: string) => err(`followUps.${i}.${f}`);
            return (
              <li key={row.key} className="grid gap-3 rounded-lg border border-zinc-200 p-3 sm:grid-cols-[14rem_1fr_auto] dark:border-zinc-800">
                <Field id={fuId(row, "kp")} label={`Follow-up ${n} key point`} error={e("keyPointId")}>
                  <select
                    id={fuId(row, "kp")}
                    value={row.keyPointKey}
                    onChange={(ev) => setFollowUps((rows) => rows.map((r) => (r.key === row.key ? { ...r, keyPointKey: ev.target.value } : r)))}
                    disabled={readOnly}
                    className={inputClass}
                    aria-invalid={e("keyPointId") ? true : undefined}
                    aria-describedby={e("keyPointId") ? `${fuId(row, "kp")}-error` : undefined}
                  >
                    <option value="">Choose a key point</option>
                    {keyPoints.map((kp, k) => (
                      <option key={kp.key} value={kp.key}>
                        {`${k + 1}. ${kp.statement.slice(0, 60) || ids.get(kp.key)}`}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={fuId(row, "text")} label={`Follow-up ${n} text`} error={e("text")}>
                  <Input
                    id={fuId(row, "text")}
                    value={row.text}
                    onChange={(ev) => setFollowUps((rows) => rows.map((r) => (r.key === row.key ? { ...r, text: ev.target.value } : r)))}
                    readOnly={readOnly}
                    error={e("text")}
                  />
                </Field>
                {readOnly ? null : (
                  <div className="flex items-end">
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove follow-up ${n}`}
                      onClick={() => {
                        focusNext.current = `${uid}-add-fu`;
                        setFollowUps((rows) => rows.filter((r) => r.key !== row.key));
                        setErrors((x) => Object.fromEntries(Object.entries(x).filter(([k]) => !k.startsWith("followUps."))));
                      }}
                    >
                      Remove
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        {readOnly ? null : (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={keyPoints.length === 0}
            id={`${uid}-add-fu`}
            onClick={() => {
              const row: FollowUpRow = { key: newKey("fu"), keyPointKey: keyPoints[0]?.key ?? "", text: "" };
              focusNext.current = fuId(row, "kp");
              setFollowUps((rows) => [...rows, row]);
            }}
          >
            Add a follow-up
          </Button>
        )}
      </Card>

      {keptParts.length ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This question also has {keptParts.length === 1 ? keptParts[0] : `${keptParts.slice(0, -1).join(", ")} and ${keptParts.at(-1)}`}. This form does not
          edit them; saving keeps them as they are.
        </p>
      ) : null}

      {readOnly ? (
        <p>
          <Link href="/library" className="text-sm text-brand-600 hover:underline dark:text-brand-200">
            Back to the library
          </Link>
        </p>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            {question ? (
              <Button type="button" variant="danger" disabled={pending !== null} onClick={() => dialogRef.current?.showModal()}>
                Delete…
              </Button>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
              {status}
            </p>
            <Link href="/library" className="text-sm text-brand-600 hover:underline dark:text-brand-200">
              Cancel
            </Link>
            <Button type="submit" disabled={pending !== null}>
              {pending === "save" ? "Saving…" : question ? "Save changes" : "Save question"}
            </Button>
          </div>
        </div>
      )}

      {question && !readOnly ? (
        <dialog
          ref={dialogRef}
          aria-labelledby={`${uid}-delete-heading`}
          className="m-auto max-w-md rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-lg backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <h2 id={`${uid}-delete-heading`} className="text-base font-semibold">
            Delete this question?
          </h2>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            It leaves your library and every recruiter&apos;s. Kits and interviews that already use it keep their own copy.
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => dialogRef.current?.close()}>
              Keep it
            </Button>
            <Button type="button" variant="danger" disabled={pending === "delete"} onClick={() => void remove()}>
              {pending === "delete" ? "Deleting…" : "Delete question"}
            </Button>
          </div>
        </dialog>
      ) : null}
    </form>
  );
}
