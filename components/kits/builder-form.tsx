"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import type { ApiFields } from "@/lib/api/errors";
import { kitResponseSchema } from "@/lib/api/kits/schemas";
import { LEVEL_LABELS, LEVELS, type DifficultyMix, type Level } from "@/lib/kits/schemas";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { ErrorText, Field, Input, inputClass } from "../ui/field";

export type BuilderBank = { id: string; name: string; topics: { name: string; count: number }[] };

const LEVEL_HINTS: Record<Level, string> = {
  junior: "Mostly easy and medium",
  mid: "Mostly medium",
  senior: "Medium and hard",
  staff: "Mostly hard",
};

export function BuilderForm({
  banks,
  levelMix,
  defaultBankId,
  library = [],
  preselected = [],
}: {
  banks: BuilderBank[];
  levelMix: Record<Level, DifficultyMix>;
  defaultBankId: string;
  /** The recruiter's library questions (theirs and the shared ones), to include by hand. */
  library?: { id: string; title: string; topic: string; difficulty: string }[];
  /** Library questions ticked when the form opens (from the library's "Build a kit with these"). */
  preselected?: string[];
}) {
  const router = useRouter();
  const uid = useId();
  const [bankId, setBankId] = useState(defaultBankId);
  const [level, setLevel] = useState<Level>("senior");
  const [customMix, setCustomMix] = useState(false);
  const [mix, setMix] = useState<DifficultyMix>(levelMix.senior);
  const [errors, setErrors] = useState<ApiFields>({});
  const [pending, setPending] = useState(false);
  const bank = banks.find((b) => b.id === bankId) ?? banks[0];

  function chooseLevel(l: Level) {
    setLevel(l);
    if (!customMix) setMix(levelMix[l]);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body = {
      title: text("title") || undefined,
      level,
      bankId,
      topics: form.getAll("topics").map(String),
      minutes: text("minutes") || undefined,
      count: text("count") || undefined,
      difficultyMix: customMix ? mix : undefined,
      jobDescription: text("jobDescription") || undefined,
      seed: text("seed") || undefined,
      include: form.getAll("include").map(String),
    };
    setPending(true);
    setErrors({});
    try {
      const { script: kit } = await fetchJson("/api/kits", { method: "POST", body, schema: kitResponseSchema });
      router.push(`/kits/${kit.id}`);
    } catch (error) {
      if (!(error instanceof ApiClientError)) throw error;
      if (error.code === "network") setErrors({ form: "The server could not be reached. Check your connection and try again." });
      else if (error.fields) setErrors(error.fields);
      else setErrors({ form: error.fromServer ? error.message : "The kit could not be built. Try again." });
    } finally {
      setPending(false);
    }
  }

  const formError = errors.form ?? errors.bankId;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {formError ? (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
        >
          {formError}
        </p>
      ) : null}

      <Card className="space-y-5">
        <h2 className="text-base font-semibold">The role</h2>
        <Field id="title" label="Role title" hint={`Optional. Default: “${LEVEL_LABELS[level]} ${bank?.name ?? ""} engineer”.`} error={errors.title}>
          <Input
            id="title"
            name="title"
            maxLength={120}
            placeholder={`${LEVEL_LABELS[level]} ${bank?.name ?? ""} engineer`}
            error={errors.title}
            aria-describedby="title-hint"
          />
        </Field>

        <fieldset>
          <legend className="text-sm font-medium">Level</legend>
          <div className="mt-1.5 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {LEVELS.map((l) => (
              <label
                key={l}
                className={cn(
                  "relative flex cursor-pointer flex-col rounded-lg border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
                  level === l
                    ? "border-brand-600 bg-brand-50 text-brand-700 dark:border-brand-500 dark:bg-brand-900/40 dark:text-brand-100"
                    : "border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800",
                )}
              >
                <input type="radio" name="level" value={l} checked={level === l} onChange={() => chooseLevel(l)} className="sr-only" />
                <span className="font-medium">{LEVEL_LABELS[l]}</span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{LEVEL_HINTS[l]}</span>
              </label>
            ))}
          </div>
          <ErrorText id="level-error" message={errors.level} />
        </fieldset>

        {banks.length > 1 ? (
          <Field id="bankId" label="Question bank">
            <select id="bankId" className={inputClass} value={bankId} onChange={(e) => setBankId(e.target.value)}>
              {banks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </Card>

      <Card className="space-y-5">
        <h2 className="text-base font-semibold">Time</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="minutes" label="Total minutes" hint="10–240, including the intro and the wrap-up." error={errors.minutes}>
            <Input
              id="minutes"
              name="minutes"
              type="number"
              inputMode="numeric"
              min={10}
              max={240}
              defaultValue={45}
              error={errors.minutes}
              aria-describedby="minutes-hint"
            />
          </Field>
          <Field
            id="count"
            label="Number of questions"
            hint="Optional: empty fits as many as the time allows; with no minutes, the questions set the time."
            error={errors.count}
          >
            <Input id="count" name="count" type="number" inputMode="numeric" min={1} max={15} error={errors.count} aria-describedby="count-hint" />
          </Field>
        </div>
      </Card>

      <Card className="space-y-5">
        <h2 className="text-base font-semibold">Content</h2>
        <fieldset aria-describedby={`${uid}-topics-hint`}>
          <legend className="text-sm font-medium">Topics</legend>
          <p id={`${uid}-topics-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            None ticked: questions from every topic.
          </p>
          <div key={bank?.id} className="mt-2 grid gap-2 sm:grid-cols-2">
            {bank?.topics.map((t) => (
              <label key={t.name} className="flex items-center gap-2.5 rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
                <input type="checkbox" name="topics" value={t.name} className="h-4 w-4 accent-brand-600" />
                <span className="flex-1">{t.name}</span>
                <span className="text-xs text-zinc-500">{t.count}</span>
              </label>
            ))}
          </div>
          <ErrorText id="topics-error" message={errors.topics} />
        </fieldset>

        {library.length ? (
          <fieldset aria-describedby={`${uid}-include-hint`}>
            <legend className="text-sm font-medium">From your library</legend>
            <p id={`${uid}-include-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
              Ticked questions come first in the kit; the builder picks the rest from the bank and topics above.
            </p>
            <div className="mt-2 grid gap-2">
              {library.map((q) => (
                <label key={q.id} className="flex items-center gap-2.5 rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
                  <input type="checkbox" name="include" value={q.id} defaultChecked={preselected.includes(q.id)} className="h-4 w-4 accent-brand-600" />
                  <span className="flex-1">{q.title}</span>
                  <span className="text-xs text-zinc-500">
                    {q.topic} · {q.difficulty}
                  </span>
                </label>
              ))}
            </div>
            <ErrorText id="include-error" message={errors.include} />
          </fieldset>
        ) : null}

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Difficulty mix</legend>
          <label className="flex items-center gap-2.5 text-sm">
            <input
              type="checkbox"
              checked={customMix}
              onChange={(e) => {
                setCustomMix(e.target.checked);
                if (!e.target.checked) setMix(levelMix[level]);
              }}
              className="h-4 w-4 accent-brand-600"
            />
            Set the mix myself (otherwise by level: {levelMix[level].easy}% easy, {levelMix[level].medium}% medium, {levelMix[level].hard}% hard)
          </label>
          {customMix ? (
            <div className="grid grid-cols-3 gap-3">
              {(["easy", "medium", "hard"] as const).map((d) => (
                <Field key={d} id={`mix-${d}`} label={`${d[0]!.toUpperCase()}${d.slice(1)} %`}>
                  <Input
                    id={`mix-${d}`}
                    type="number"
                    min={0}
                    max={100}
                    value={mix[d]}
                    onChange={(e) => setMix({ ...mix, [d]: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })}
                  />
                </Field>
              ))}
            </div>
          ) : null}
          <ErrorText id="mix-error" message={errors.difficultyMix} />
        </fieldset>

        <Field
          id="jobDescription"
          label="Job description"
          hint="Optional. Paste the ad: its terms steer the choice of topics and questions."
          error={errors.jobDescription}
        >
          <textarea id="jobDescription" name="jobDescription" rows={5} maxLength={20000} className={inputClass} aria-describedby="jobDescription-hint" />
        </Field>

        <Field id="seed" label="Seed" hint="Optional. Blank picks a random one. The same inputs and seed give the same kit (the CLI too)." error={errors.seed}>
          <Input
            id="seed"
            name="seed"
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            className="sm:max-w-xs"
            error={errors.seed}
            aria-describedby="seed-hint"
          />
        </Field>
      </Card>

      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Building…" : "Build kit"}
        </Button>
      </div>
    </form>
  );
}
