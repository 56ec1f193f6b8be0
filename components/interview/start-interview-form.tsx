"use client";
import { useActionState, useState } from "react";
import { startInterview } from "@/app/practice/actions";
import type { ActionState } from "@/lib/api/action";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { inputClass } from "../ui/field";

type BankOption = { id: string; name: string; topics: { name: string; count: number }[] };

const fieldset = "space-y-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800";
const legend = "px-1 text-sm font-semibold";
const choice = "flex items-center gap-2 text-sm";

export function StartInterviewForm({ banks, interviewers }: { banks: BankOption[]; interviewers: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(startInterview, null);
  const error = state?.ok === false ? state.error.message : null;
  const [bankId, setBankId] = useState(banks[0]?.id ?? "python");
  const bank = banks.find((b) => b.id === bankId) ?? banks[0];
  return (
    <Card>
      <form action={action} className="grid gap-5 lg:grid-cols-2">
        {error ? (
          <p
            role="alert"
            className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 lg:col-span-2 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
          >
            {error}
          </p>
        ) : null}
        <div className="space-y-5">
          <div className="space-y-1.5">
            <label htmlFor="bankId" className="block text-sm font-medium">
              Question bank
            </label>
            <select id="bankId" name="bankId" className={inputClass} value={bankId} onChange={(e) => setBankId(e.target.value)}>
              {banks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className={fieldset}>
            <legend className={legend}>Topics</legend>
            <p className="text-xs text-zinc-500">Leave all unticked for a mix of every topic.</p>
            {bank?.topics.map((t) => (
              <label key={t.name} className={choice}>
                <input type="checkbox" name="topics" value={t.name} className="h-4 w-4 accent-brand-600" />
                <span>
                  {t.name} <span className="text-zinc-500">({t.count})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className={fieldset}>
            <legend className={legend}>Difficulty</legend>
            <div className="flex flex-wrap gap-4">
              {(["easy", "medium", "hard"] as const).map((d) => (
                <label key={d} className={choice}>
                  <input type="checkbox" name="difficulties" value={d} className="h-4 w-4 accent-brand-600" />
                  {d[0]!.toUpperCase() + d.slice(1)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="space-y-5">
          <div className="grid grid-cols-2 gap-4">
            <div className="space-y-1.5">
              <label htmlFor="count" className="block text-sm font-medium">
                Number of questions
              </label>
              <input id="count" name="count" type="number" min={1} max={10} defaultValue={3} required className={inputClass} />
            </div>
            <div className="space-y-1.5">
              <label htmlFor="minutes" className="block text-sm font-medium">
                Minutes per question
              </label>
              <input
                id="minutes"
                name="minutes"
                type="number"
                min={0.25}
                max={60}
                step={0.25}
                placeholder="Suggested"
                aria-describedby="minutes-hint"
                className={inputClass}
              />
              <p id="minutes-hint" className="text-xs text-zinc-500">
                Empty: each question&apos;s suggested time.
              </p>
            </div>
          </div>
          <fieldset className={fieldset}>
            <legend className={legend}>Mode</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="mode" value="practice" defaultChecked className="mt-1 h-4 w-4 accent-brand-600" />
              <span>
                <span className="font-medium">Practice</span>
                <span className="block text-zinc-500">Feedback and the reference answer after each question.</span>
              </span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="mode" value="mock" className="mt-1 h-4 w-4 accent-brand-600" />
              <span>
                <span className="font-medium">Mock</span>
                <span className="block text-zinc-500">A neutral interviewer; all feedback at the end.</span>
              </span>
            </label>
          </fieldset>
          <div className="space-y-1.5">
            <label htmlFor="interviewer" className="block text-sm font-medium">
              Interviewer
            </label>
            <select id="interviewer" name="interviewer" className={inputClass} defaultValue={interviewers[0]?.id}>
              {interviewers.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "Starting…" : "Start interview"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
