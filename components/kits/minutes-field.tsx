"use client";
import { useState } from "react";
import { cn } from "../ui/cn";
import { inputClass } from "../ui/field";

/**
 * A whole-minutes input that commits only valid numbers (so clearing the box to type a new value
 * does not re-fit the plan with 0) and follows its value when the plan re-fits it from outside.
 */
export function MinutesField({
  id,
  label,
  value,
  min,
  max,
  onCommit,
  labelClassName,
  visibleLabel = true,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (n: number) => void;
  labelClassName?: string;
  visibleLabel?: boolean;
}) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const n = Number(text);
  const invalid = text.trim() === "" || !Number.isInteger(n) || n < min || n > max;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={cn(visibleLabel ? "text-xs font-medium text-zinc-600 dark:text-zinc-400" : "sr-only", labelClassName)}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== "" && Number.isInteger(v) && v >= min && v <= max && v !== value) {
            setShown(v);
            onCommit(v);
          }
        }}
        onBlur={() => {
          if (invalid) setText(String(value));
        }}
        className={cn(inputClass, "w-20 py-1.5 tabular-nums")}
      />
      {invalid ? (
        <span id={`${id}-error`} className="text-xs text-rose-600 dark:text-rose-400">
          {min}–{max}
        </span>
      ) : null}
    </div>
  );
}
