"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { inputClass } from "../ui/field";
import { bankHref, isFiltered, normaliseQuery, sameQuery, type BankQuery } from "@/lib/bank/bank-query";

export type Option = { value: string; label: string; count?: number; group?: string };

const TYPING_DELAY_MS = 150;

/**
 * The bank's search and filters: a plain GET form (works without JavaScript; the button submits
 * it). With JavaScript, typing and choosing update the URL in place (router.replace), so the
 * server-rendered results follow as you type and every search stays linkable.
 */
export function BankSearchForm({
  values,
  banks,
  topics,
  difficulties,
  tags,
}: {
  values: BankQuery;
  banks: Option[];
  topics: Option[];
  difficulties: Option[];
  tags: Option[];
}) {
  const router = useRouter();
  const [updating, startTransition] = useTransition();
  const [state, setState] = useState(values);
  // URLs this form has asked for and not yet seen, and the URL values it last saw. When the URL
  // changes for another reason (a facet link, Back, Clear), the form follows it; when one of its
  // own URLs lands while the user kept typing, what they typed since stays.
  const [pending, setPending] = useState<BankQuery[]>([]);
  const [seen, setSeen] = useState(values);
  if (!sameQuery(values, seen)) {
    setSeen(values);
    const own = pending.findIndex((p) => sameQuery(p, values));
    if (own >= 0) {
      setPending(pending.slice(own + 1));
    } else {
      setPending([]);
      setState(values);
    }
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function go(next: BankQuery) {
    clearTimeout(timer.current);
    const target = normaliseQuery(next);
    if (sameQuery(target, pending.at(-1) ?? seen)) return; // e.g. a trailing space: the URL would not change
    setPending((p) => [...p.slice(-9), target]);
    startTransition(() => router.replace(bankHref(target), { scroll: false }));
  }

  function choose(key: Exclude<keyof BankQuery, "q">, value: string) {
    const next = { ...state, [key]: value };
    // Topics and tags belong to a bank: switching banks drops them.
    if (key === "bank") Object.assign(next, { topic: "", tag: "" });
    setState(next);
    go(next);
  }

  function type(q: string) {
    const next = { ...state, q };
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go(next), TYPING_DELAY_MS);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(state);
  }

  const select = cn(inputClass, "h-10 pr-8");
  return (
    <form method="get" action="/bank" role="search" aria-label="Question bank" onSubmit={submit} className="space-y-3">
      <div className="space-y-1.5">
        <div className="flex items-center justify-between gap-2">
          <label htmlFor="bank-q" className="block text-sm font-medium">
            Search questions
          </label>
          <span aria-hidden="true" className={cn("text-xs text-zinc-500 transition-opacity", updating ? "opacity-100" : "opacity-0")}>
            Updating…
          </span>
        </div>
        <div className="flex gap-2">
          <div className="relative min-w-0 flex-1">
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              fill="currentColor"
              className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 text-zinc-400"
            >
              <path
                fillRule="evenodd"
                d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z"
                clipRule="evenodd"
              />
            </svg>
            <input
              id="bank-q"
              name="q"
              type="search"
              value={state.q}
              onChange={(e) => type(e.target.value)}
              placeholder="GIL, decorators, asyncio.gather…"
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              className={cn(inputClass, "h-10 pl-9")}
            />
          </div>
          <Button type="submit" variant="secondary" className="shrink-0">
            Search
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <SelectField
          id="bank-bank"
          name="bank"
          label="Bank"
          value={state.bank}
          all="All banks"
          options={banks}
          onChange={(v) => choose("bank", v)}
          className={select}
        />
        <SelectField
          id="bank-topic"
          name="topic"
          label="Topic"
          value={state.topic}
          all="All topics"
          options={topics}
          onChange={(v) => choose("topic", v)}
          className={select}
        />
        <SelectField
          id="bank-difficulty"
          name="difficulty"
          label="Difficulty"
          value={state.difficulty}
          all="Any difficulty"
          options={difficulties}
          onChange={(v) => choose("difficulty", v)}
          className={select}
        />
        <SelectField
          id="bank-tag"
          name="tag"
          label="Tag"
          value={state.tag}
          all="Any tag"
          options={tags}
          onChange={(v) => choose("tag", v)}
          className={select}
        />
      </div>
      {isFiltered(values) ? (
        <p className="text-sm">
          <Link href="/bank" scroll={false} className="font-medium text-brand-600 hover:underline dark:text-brand-200">
            Clear search and filters
          </Link>
        </p>
      ) : null}
    </form>
  );
}

function SelectField({
  id,
  name,
  label,
  value,
  all,
  options,
  onChange,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  all: string;
  options: Option[];
  onChange: (value: string) => void;
  className: string;
}) {
  // A value from the URL that is not an option (e.g. a tag with no matches left) stays selectable.
  const known = value === "" || options.some((o) => o.value === value);
  return (
    <div className="min-w-0 space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} className={className}>
        <option value="">{all}</option>
        {groupOptions(options).map(([group, opts], i) =>
          group ? (
            <optgroup key={`g-${group}`} label={group}>
              {opts.map(renderOption)}
            </optgroup>
          ) : (
            <Fragment key={`o-${i}`}>{opts.map(renderOption)}</Fragment>
          ),
        )}
        {known ? null : <option value={value}>{value}</option>}
      </select>
    </div>
  );
}

function renderOption(o: Option) {
  return (
    <option key={o.value} value={o.value}>
      {o.count === undefined ? o.label : `${o.label} (${o.count})`}
    </option>
  );
}

/** Consecutive options that share a group, in order ("" = no group). */
function groupOptions(options: Option[]): Array<[string, Option[]]> {
  const out: Array<[string, Option[]]> = [];
  for (const o of options) {
    const g = o.group ?? "";
    const last = out.at(-1);
    if (last && last[0] === g) last[1].push(o);
    else out.push([g, [o]]);
  }
  return out;
}
