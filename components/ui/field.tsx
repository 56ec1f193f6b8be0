import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export const inputClass =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:border-brand-500 focus:outline-2 focus:outline-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900 aria-[invalid=true]:border-rose-500";

/** A labelled form field with its hint and error, wired for screen readers. */
export function Field({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-600 dark:text-rose-400" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, error, ...props }: ComponentProps<"input"> & { error?: string }) {
  return (
    <input
      className={cn(inputClass, className)}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${props.id}-error` : props["aria-describedby"]}
      {...props}
    />
  );
}

/** A field's error message on its own (for fields that are not a single input: fieldsets, lists); announced. */
export function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="text-xs font-medium text-rose-600 dark:text-rose-400">
      {message}
    </p>
  ) : null;
}
