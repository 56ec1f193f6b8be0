"use client";
import { useState } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { shareLinkCreatedSchema, type ShareLinkJson } from "@/lib/api/kits/schemas";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { inputClass } from "../ui/field";
import { LocalTime, useDateFormatter } from "../ui/local-time";

export type ShareLinkRow = ShareLinkJson;

/**
 * Read-only links: created here, shown once (only a hash of the token is kept), frozen at the
 * version saved when made, expiring (SHARE_LINK_EXPIRY_DAYS), revocable.
 */
export function SharePanel({ kitId, initialLinks }: { kitId: string; initialLinks: ShareLinkRow[] }) {
  const when = useDateFormatter();
  const [links, setLinks] = useState(initialLinks);
  const [fresh, setFresh] = useState<{ id: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const active = links.filter((l) => !l.revokedAt && (!l.expiresAt || Date.parse(l.expiresAt) > now));
  const revoked = links.length - active.length;

  async function create() {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const { link } = await fetchJson(`/api/kits/${kitId}/share`, { method: "POST", schema: shareLinkCreatedSchema });
      const { id, version, createdAt, expiresAt } = link;
      setLinks([{ id, version, createdAt, expiresAt, revokedAt: null }, ...links]);
      setFresh({ id: link.id, url: new URL(link.path, window.location.origin).toString() });
    } catch (e) {
      setError(e instanceof ApiClientError && e.fromServer ? e.message : "The link could not be created.");
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setBusy(true);
    setError(null);
    try {
      await fetchJson(`/api/kits/${kitId}/share/${id}`, { method: "DELETE" });
      setLinks(links.map((l) => (l.id === id ? { ...l, revokedAt: new Date().toISOString() } : l)));
      if (fresh?.id === id) setFresh(null);
    } catch {
      setError("The link could not be revoked. Try again.");
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!fresh) return;
    try {
      await navigator.clipboard.writeText(fresh.url);
      setCopied(true);
    } catch {
      setCopied(false);
      setError("Copying is blocked here: select the link and copy it by hand.");
    }
  }

  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-base font-semibold">Share</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A read-only link anyone can open without signing in. It shows the kit as saved when you make the link (later saves do not change it), without your
        notes, never scorecards or candidates.
      </p>
      {fresh ? (
        <div className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 p-3 dark:border-brand-900 dark:bg-brand-900/30">
          <label htmlFor="share-url" className="block text-xs font-medium">
            New share link
          </label>
          <input id="share-url" readOnly value={fresh.url} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono text-xs`} />
          <div className="flex items-center gap-2">
            <Button type="button" size="sm" variant="secondary" onClick={() => void copy()}>
              {copied ? "Copied" : "Copy link"}
            </Button>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">Copy it now: it is not shown again.</span>
          </div>
        </div>
      ) : null}
      <Button type="button" size="sm" onClick={() => void create()} disabled={busy}>
        Create share link
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
      {active.length ? (
        <ul className="space-y-2 text-sm" aria-label="Active share links">
          {active.map((l) => (
            <li key={l.id} className="flex items-center justify-between gap-2">
              <span>
                Link to version {l.version ?? "latest"}, created <LocalTime iso={l.createdAt} pattern="locale" />
                {l.expiresAt ? (
                  <>
                    , expires <LocalTime iso={l.expiresAt} pattern="locale" />
                  </>
                ) : null}
              </span>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                disabled={busy}
                aria-label={`Revoke the link created ${when(l.createdAt)}`}
                onClick={() => void revoke(l.id)}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No active links.</p>
      )}
      {revoked ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {revoked} revoked or expired link{revoked === 1 ? "" : "s"} no longer open{revoked === 1 ? "s" : ""}.
        </p>
      ) : null}
    </Card>
  );
}
