"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ApiClientError, fetchJson, formMessage } from "@/lib/api/client";
import { invitationCreatedSchema, invitationResponseSchema, type InvitationJson } from "@/lib/api/invitations/schemas";
import { DEFAULT_INVITATION_DAYS, INVITATION_STATE_LABELS, MAX_INVITATION_DAYS, type InvitationState } from "@/lib/invitations/schemas";
import { Badge, scoreTone, type BadgeTone } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, inputClass } from "../ui/field";
import { LocalTime } from "../ui/local-time";

const STATE_TONE: Record<InvitationState, BadgeTone> = {
  sent: "neutral",
  opened: "brand",
  "in-progress": "warn",
  completed: "good",
  expired: "neutral",
  revoked: "neutral",
  erased: "neutral",
};

/**
 * Invite candidates to take the kit's interview on their own time, and follow the invitations: the
 * link is shown once to copy (and emailed when the server has SMTP); each row has its state, score
 * once completed, a review link, revoke and delete.
 */
export function InvitationsPanel({
  kitId,
  initial,
  interviewers,
  smtp,
}: {
  kitId: string;
  initial: InvitationJson[];
  interviewers: { id: string; label: string }[];
  smtp: boolean;
}) {
  const [rows, setRows] = useState(initial);
  const [fresh, setFresh] = useState<{ name: string; link: string; emailed: boolean; emailError: string | null } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  async function invite(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const body = {
        candidateName: String(form.get("candidateName") ?? ""),
        candidateEmail: String(form.get("candidateEmail") ?? ""),
        expiresInDays: Number(form.get("expiresInDays") ?? DEFAULT_INVITATION_DAYS),
        interviewer: String(form.get("interviewer") ?? "local:rubric"),
        showScore: form.get("showScore") === "on",
      };
      const made = await fetchJson(`/api/kits/${kitId}/invitations`, { method: "POST", body, schema: invitationCreatedSchema });
      setRows([made.invitation, ...rows]);
      setFresh({ name: made.invitation.candidateName, link: made.link, emailed: made.emailed, emailError: made.emailError });
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      setError(err instanceof ApiClientError ? err : new ApiClientError("bad_response", 0, "The invitation could not be made."));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!fresh) return;
    try {
      await navigator.clipboard.writeText(fresh.link);
      setCopied(true);
    } catch {
      setRowError("Copying is blocked here: select the link and copy it by hand.");
    }
  }

  async function revoke(row: InvitationJson) {
    setBusy(true);
    setRowError(null);
    try {
      const { invitation } = await fetchJson(`/api/kits/${kitId}/invitations/${row.id}/revoke`, { method: "POST", schema: invitationResponseSchema });
      setRows(rows.map((r) => (r.id === row.id ? invitation : r)));
    } catch {
      setRowError(`The invitation of ${row.candidateName} could not be revoked. Try again.`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(row: InvitationJson) {
    if (!window.confirm(`Delete the invitation of ${row.candidateName}? Their answers are deleted too, for good.`)) return;
    setBusy(true);
    setRowError(null);
    try {
      await fetchJson(`/api/kits/${kitId}/invitations/${row.id}`, { method: "DELETE" });
      setRows(rows.filter((r) => r.id !== row.id));
    } catch {
      setRowError(`The invitation of ${row.candidateName} could not be deleted. Try again.`);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => error?.fields?.[name];
  const alert = formMessage(error, ["candidateName", "candidateEmail", "expiresInDays", "interviewer"]);
  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Invite a candidate</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The candidate gets a personal link to take this kit&apos;s questions as a timed mock interview, with follow-ups, on their own time. No account needed.
          {smtp
            ? " The link is emailed to them and shown here once."
            : " Copy the link shown once here and send it to them (this server has no SMTP for email)."}
        </p>
        <form onSubmit={(e) => void invite(e)} className="grid gap-4 sm:grid-cols-2" noValidate>
          <Field id="candidateName" label="Candidate's name" error={fieldError("candidateName")}>
            <input
              id="candidateName"
              name="candidateName"
              required
              maxLength={100}
              className={inputClass}
              aria-invalid={fieldError("candidateName") ? true : undefined}
            />
          </Field>
          <Field id="candidateEmail" label="Candidate's email" error={fieldError("candidateEmail")}>
            <input
              id="candidateEmail"
              name="candidateEmail"
              type="email"
              required
              maxLength={254}
              className={inputClass}
              aria-invalid={fieldError("candidateEmail") ? true : undefined}
            />
          </Field>
          <Field
            id="expiresInDays"
            label="Days to take it"
            hint={`1 to ${MAX_INVITATION_DAYS} days; the link stops working after.`}
            error={fieldError("expiresInDays")}
          >
            <input
              id="expiresInDays"
              name="expiresInDays"
              type="number"
              min={1}
              max={MAX_INVITATION_DAYS}
              defaultValue={DEFAULT_INVITATION_DAYS}
              className={inputClass}
              aria-invalid={fieldError("expiresInDays") ? true : undefined}
            />
          </Field>
          <Field id="interviewer" label="Interviewer" error={fieldError("interviewer")}>
            <select id="interviewer" name="interviewer" className={inputClass} defaultValue="local:rubric">
              {interviewers.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label}
                </option>
              ))}
            </select>
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <input id="showScore" name="showScore" type="checkbox" className="size-4 accent-brand-600" />
            <label htmlFor="showScore" className="text-sm">
              Show the candidate their score at the end
            </label>
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={busy}>
              {busy ? "Inviting…" : "Invite"}
            </Button>
          </div>
        </form>
        {alert ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {alert}
          </p>
        ) : null}
        {fresh ? (
          <div className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 p-3 dark:border-brand-900 dark:bg-brand-900/30" role="status">
            <label htmlFor="invitation-link" className="block text-sm font-medium">
              Invitation link for {fresh.name}
            </label>
            <input id="invitation-link" readOnly value={fresh.link} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono text-xs`} />
            <div className="flex flex-wrap items-center gap-2">
              <Button type="button" size="sm" variant="secondary" onClick={() => void copy()}>
                {copied ? "Copied" : "Copy link"}
              </Button>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {fresh.emailed ? "Emailed to the candidate. " : ""}
                {fresh.emailError ? `${fresh.emailError} ` : ""}Copy it now: it is not shown again.
              </span>
            </div>
          </div>
        ) : null}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Invitations</h2>
        {rowError ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {rowError}
          </p>
        ) : null}
        {rows.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No one is invited yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Invitations to this kit</caption>
              <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Candidate
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    State
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Score
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Deadline
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {rows.map((r) => {
                  const closed = r.state === "revoked" || r.state === "erased" || r.state === "completed" || r.state === "expired";
                  return (
                    <tr key={r.id}>
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {r.candidateName}
                        <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">{r.candidateEmail}</span>
                      </th>
                      <td className="py-2 pr-3">
                        <Badge tone={STATE_TONE[r.state]}>{INVITATION_STATE_LABELS[r.state]}</Badge>
                      </td>
                      <td className="py-2 pr-3 tabular-nums">
                        {r.overallScore != null ? <Badge tone={scoreTone(r.overallScore)}>{r.overallScore}/100</Badge> : <span aria-label="no score">—</span>}
                      </td>
                      <td className="py-2 pr-3">
                        <LocalTime iso={r.expiresAt} pattern="locale" />
                      </td>
                      <td className="py-2">
                        <div className="flex flex-wrap justify-end gap-1">
                          {r.state === "in-progress" || r.state === "completed" ? (
                            <Link
                              href={`/kits/${kitId}/invitations/${r.id}`}
                              className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:underline dark:text-brand-200"
                              aria-label={`Review ${r.candidateName}'s interview`}
                            >
                              Review
                            </Link>
                          ) : null}
                          {!closed ? (
                            <Button
                              type="button"
                              size="sm"
                              variant="ghost"
                              disabled={busy}
                              onClick={() => void revoke(r)}
                              aria-label={`Revoke the invitation of ${r.candidateName}`}
                            >
                              Revoke
                            </Button>
                          ) : null}
                          <Button
                            type="button"
                            size="sm"
                            variant="ghost"
                            disabled={busy}
                            onClick={() => void remove(r)}
                            aria-label={`Delete the invitation of ${r.candidateName}`}
                          >
                            Delete
                          </Button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
