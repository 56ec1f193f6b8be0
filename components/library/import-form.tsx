"use client";
import { strFromU8, unzipSync } from "fflate";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { importResponseSchema, libraryListSchema } from "@/lib/api/library/schemas";
import { VISIBILITY_LABELS, VISIBILITIES, type Visibility } from "@/lib/library/persisted";
import type { QuestionDraft } from "@/lib/library/schema";
import { DifficultyBadge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, inputClass } from "../ui/field";

type Format = "qa" | "csv" | "bank";
type Rubric = { keyPoints: QuestionDraft["keyPoints"]; followUps: QuestionDraft["followUps"] };
type Row = { draft: QuestionDraft; proposedRubric: Rubric | null; accepted: boolean };

const FORMAT_LABELS: Record<Format, string> = {
  qa: "A numbered Q&A document (.txt)",
  csv: "A CSV, one question per row",
  bank: "A bank folder (.zip or its .md files)",
};

/** The format a file's name suggests. */
function formatOf(names: string[]): Format {
  if (names.some((n) => /\.(zip|md|json)$/i.test(n))) return "bank";
  if (names.some((n) => /\.csv$/i.test(n))) return "csv";
  return "qa";
}

/** The files as text: a zip is unpacked here, so the server gets the bank folder's files. */
async function readFiles(list: FileList): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const file of Array.from(list)) {
    if (/\.zip$/i.test(file.name)) {
      const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
      for (const [path, bytes] of Object.entries(entries)) if (!path.endsWith("/")) out.push({ path, text: strFromU8(bytes) });
    } else out.push({ path: file.name, text: await file.text() });
  }
  return out;
}

/**
 * Import questions into the library: choose a file (the format is guessed from its name and can be
 * changed), read it on the server (nothing is saved yet; every problem is listed with its file and
 * line), review the questions and, for those without key points, the drafted rubric (accepted only
 * when ticked), then save them all at once.
 */
export function ImportForm() {
  const router = useRouter();
  const uid = useId();
  const [format, setFormat] = useState<Format>("qa");
  const [files, setFiles] = useState<{ path: string; text: string }[]>([]);
  const [topic, setTopic] = useState("");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [visibility, setVisibility] = useState<Visibility>("private");
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ message: string; list: string[] } | null>(null);

  async function choose(list: FileList | null) {
    setRows(null);
    setProblems(null);
    if (!list?.length) return setFiles([]);
    const read = await readFiles(list);
    setFiles(read);
    setFormat(formatOf(Array.from(list).map((f) => f.name)));
  }

  const fail = (e: unknown, fallback: string) => {
    if (e instanceof ApiClientError && e.fromServer)
      setProblems({ message: e.message, list: Object.entries(e.fields ?? {}).map(([where, m]) => (m.startsWith(where) ? m : `${where}: ${m}`)) });
    else setProblems({ message: fallback, list: [] });
  };

  async function read() {
    setBusy(true);
    setProblems(null);
    try {
      const body = { format, files, ...(format === "qa" && topic.trim() ? { topic: topic.trim() } : {}) };
      const { questions } = await fetchJson("/api/library/import", { method: "POST", body, schema: importResponseSchema });
      setRows(questions.map((q) => ({ ...q, accepted: false })));
    } catch (e) {
      fail(e, "The file could not be read. Try again.");
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!rows) return;
    setBusy(true);
    setProblems(null);
    try {
      const questions = rows.map((r) => (r.accepted && r.proposedRubric ? { ...r.draft, ...r.proposedRubric } : r.draft));
      const { questions: saved } = await fetchJson("/api/library", { method: "POST", body: { questions, visibility }, schema: libraryListSchema });
      router.push(`/library?saved=${saved.length}`);
    } catch (e) {
      fail(e, "The questions could not be saved. Try again: nothing was saved.");
      setBusy(false);
    }
  }

  const setAccepted = (i: number, accepted: boolean) => setRows((r) => r && r.map((row, j) => (j === i ? { ...row, accepted } : row)));
  const proposals = rows?.filter((r) => r.proposedRubric).length ?? 0;

  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">1. Choose a file</h2>
        <Field
          id={`${uid}-file`}
          label="File to import"
          hint="A .txt Q&A document like the bundled source, a .csv, or a bank folder (.zip, or its .md files and bank.json)."
        >
          <input
            id={`${uid}-file`}
            type="file"
            multiple
            accept=".txt,.csv,.md,.json,.zip,text/plain,text/csv"
            onChange={(e) => void choose(e.currentTarget.files)}
            className="block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-1.5 file:text-white"
          />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium">Format</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
              <label key={f} className="flex items-center gap-2 rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} className="accent-brand-600" />
                {FORMAT_LABELS[f]}
              </label>
            ))}
          </div>
        </fieldset>
        {format === "qa" ? (
          <Field id={`${uid}-topic`} label="Topic" hint="For a document without section lines: every question gets this topic.">
            <input id={`${uid}-topic`} value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={100} className={inputClass} />
          </Field>
        ) : null}
        <Button type="button" onClick={() => void read()} disabled={busy || files.length === 0}>
          {busy && !rows ? "Reading…" : "Read the file"}
        </Button>
      </Card>

      {problems ? (
        <div
          role="alert"
          className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
        >
          <p className="font-medium">{problems.message}</p>
          {problems.list.length > 1 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 font-mono text-xs">
              {problems.list.slice(0, 50).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {rows ? (
        <Card className="space-y-4" aria-labelledby={`${uid}-review`}>
          <h2 id={`${uid}-review`} className="text-lg font-semibold">
            2. Review {rows.length} question{rows.length === 1 ? "" : "s"}
          </h2>
          {proposals ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {proposals} question{proposals === 1 ? " has" : "s have"} no key points: a rubric was drafted from the reference answer. It is used only if you
                accept it.
              </p>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                onClick={() => setRows((r) => r && r.map((row) => ({ ...row, accepted: !!row.proposedRubric })))}
              >
                Accept every drafted rubric
              </Button>
            </div>
          ) : null}
          <ol className="space-y-4">
            {rows.map((r, i) => (
              <li key={`${r.draft.title}-${i}`} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-medium">{r.draft.title}</h3>
                  <DifficultyBadge difficulty={r.draft.difficulty} />
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">
                    {r.draft.topic} · {r.draft.minutes} min
                  </span>
                </div>
                {r.draft.keyPoints.length ? (
                  <p className="mt-1 text-sm">{r.draft.keyPoints.length} key points from the file.</p>
                ) : r.proposedRubric ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-medium">Drafted rubric: {r.proposedRubric.keyPoints.length} key points</summary>
                    <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                      {r.proposedRubric.keyPoints.map((k) => (
                        <li key={k.id}>
                          {k.statement} <span className="text-xs text-zinc-500">(weight {k.weight})</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {r.proposedRubric ? (
                  <label className="mt-2 flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={r.accepted} onChange={(e) => setAccepted(i, e.target.checked)} className="size-4 accent-brand-600" />
                    Accept the drafted rubric for “{r.draft.title}”
                  </label>
                ) : null}
              </li>
            ))}
          </ol>
          <fieldset>
            <legend className="text-sm font-medium">Who can use these questions</legend>
            <div className="mt-2 flex flex-wrap gap-3">
              {VISIBILITIES.map((v) => (
                <label key={v} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="visibility" value={v} checked={visibility === v} onChange={() => setVisibility(v)} className="accent-brand-600" />
                  {VISIBILITY_LABELS[v]}
                </label>
              ))}
            </div>
          </fieldset>
          <Button type="button" onClick={() => void save()} disabled={busy}>
            {busy ? "Saving…" : `Save ${rows.length} question${rows.length === 1 ? "" : "s"} to the library`}
          </Button>
        </Card>
      ) : null}
    </div>
  );
}
