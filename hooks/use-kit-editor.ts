/**
 * The kit editor's client state and transport (components/kits/kit-editor.tsx draws it). It holds
 * the document being edited and the last saved copy (so it knows what is unsaved), the version the
 * editor started from, the version list and the save note; it saves (PUT, refused with 409 when
 * someone saved since: the message says so), restores an old version, deletes the kit, and reloads
 * the version list after a change. Every call goes through fetchJson (lib/api/client.ts): responses
 * are checked against the routes' schemas, failures arrive as ApiClientError with the server's
 * message when it sent one.
 *
 * It also guards the edits: leaving with unsaved changes asks first, and Ctrl/Cmd+S saves.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { kitResponseSchema, revisionsResponseSchema, type RevisionJson } from "@/lib/api/kits/schemas";
import { refitDocument, squeezeMessage } from "@/lib/kits/plan";
import type { KitDocument } from "@/lib/kits/schemas";

export type KitEditorStatus = { kind: "idle" | "saving" | "saved" | "error"; message?: string };

export type KitEditorInit = {
  kitId: string;
  initialVersion: number;
  initialContent: KitDocument;
  initialRevisions: RevisionJson[];
};

export function useKitEditor({ kitId, initialVersion, initialContent, initialRevisions }: KitEditorInit) {
  const router = useRouter();
  const [doc, setDoc] = useState<KitDocument>(initialContent);
  const [saved, setSaved] = useState<string>(() => JSON.stringify(initialContent));
  const [version, setVersion] = useState(initialVersion);
  const [revisions, setRevisions] = useState(initialRevisions);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<KitEditorStatus>({ kind: "idle" });
  const dirty = useMemo(() => JSON.stringify(doc) !== saved, [doc, saved]);
  const fit = useMemo(() => refitDocument(doc).fit, [doc]);
  const titleOk = doc.title.trim().length > 0;
  const squeezed = fit.fits ? squeezeMessage(doc, fit.squeezed) : null;
  const canSave = dirty && fit.fits && titleOk && status.kind !== "saving";

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** Replaces the document with an edited one; a "saved" or "error" notice no longer applies. */
  const edit = useCallback((next: KitDocument) => {
    setDoc(next);
    setStatus((s) => (s.kind === "saved" || s.kind === "error" ? { kind: "idle" } : s));
  }, []);

  /** Back to the last saved document. */
  function discard() {
    setDoc(JSON.parse(saved) as KitDocument);
    setStatus({ kind: "idle" });
  }

  /** The version list after a save or restore; left as it was when it cannot be read (the save itself went through). */
  async function reloadRevisions() {
    const list = await fetchJson(`/api/kits/${kitId}/revisions`, { schema: revisionsResponseSchema }).catch(() => null);
    if (list) setRevisions(list.revisions);
  }

  async function save() {
    if (!canSave) return;
    setStatus({ kind: "saving" });
    let kit: { version: number };
    try {
      ({ script: kit } = await fetchJson(`/api/kits/${kitId}`, { method: "PUT", body: { version, content: doc, note }, schema: kitResponseSchema }));
    } catch (e) {
      const error = e instanceof ApiClientError ? e : null;
      if (error?.code === "network") setStatus({ kind: "error", message: "The server could not be reached; your edits are still here. Try again." });
      else setStatus({ kind: "error", message: error?.fromServer ? error.message : `Saving failed (${error?.status ?? "unexpected answer"}). Try again.` });
      return;
    }
    setVersion(kit.version);
    setSaved(JSON.stringify(doc));
    setNote("");
    setStatus({ kind: "saved", message: `Saved as version ${kit.version}.` });
    await reloadRevisions();
    router.refresh();
  }

  /** Saves version `v`'s content as the next version (history is never rewritten). */
  async function restore(v: number) {
    setStatus({ kind: "saving" });
    let kit: { version: number; content: KitDocument };
    try {
      ({ script: kit } = await fetchJson(`/api/kits/${kitId}/revisions`, { method: "POST", body: { version: v }, schema: kitResponseSchema }));
    } catch (e) {
      setStatus({ kind: "error", message: e instanceof ApiClientError && e.fromServer ? e.message : "Restoring failed. Try again." });
      return;
    }
    setDoc(kit.content);
    setSaved(JSON.stringify(kit.content));
    setVersion(kit.version);
    setStatus({ kind: "saved", message: `Restored version ${v} as version ${kit.version}.` });
    await reloadRevisions();
    router.refresh();
  }

  /** Deletes the kit and goes back to the list. */
  async function remove() {
    try {
      await fetchJson(`/api/kits/${kitId}`, { method: "DELETE" });
    } catch {
      setStatus({ kind: "error", message: "Deleting failed. Try again." });
      return;
    }
    setSaved(JSON.stringify(doc)); // nothing left to warn about
    router.push("/kits?deleted=1");
    router.refresh();
  }

  // Ctrl/Cmd+S saves (through a ref: the listener is added once, the save it calls is the latest).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return { doc, edit, discard, version, revisions, note, setNote, status, dirty, fit, titleOk, squeezed, canSave, save, restore, remove };
}
