"use client";
/**
 * The interview room's integrity signals, recorded only in an interview taken through an invitation
 * (the candidate agreed to them before starting): pastes into the answer box (characters), the
 * window losing focus (for how long), the time from the question's start to the first keystroke,
 * and an answer sent by the timer. Batched and posted to /api/interview/[id]/events every few
 * seconds and when the page is hidden (fetch keepalive, so a closing tab still sends). A failed
 * post keeps the batch for the next one; signals never block or slow the answer.
 */
import { useCallback, useEffect, useRef, useState, type ClipboardEvent } from "react";
import { MAX_EVENTS_PER_REPORT, type IntegrityEvent } from "@/lib/invitations/schemas";

const FLUSH_MS = 5_000;

export function useIntegritySignals({
  sessionId,
  enabled,
  questionIndex,
  startedAt,
  serverNow,
}: {
  sessionId: string;
  enabled: boolean;
  questionIndex: number;
  /** The current question's start (server time, ISO). */
  startedAt: string | null;
  /** The server's clock when the page was made (ISO): signals are stamped in server time. */
  serverNow: string;
}) {
  // Server clock minus client clock, fixed when the room mounts (as the room's own timers do).
  const [clockOffsetMs] = useState(() => new Date(serverNow).getTime() - Date.now());
  const queue = useRef<IntegrityEvent[]>([]);
  const keyed = useRef<number | null>(null);
  const awaySince = useRef<number | null>(null);
  const index = useRef(questionIndex);
  useEffect(() => {
    index.current = questionIndex;
  }, [questionIndex]);

  const push = useCallback(
    (e: Omit<IntegrityEvent, "at" | "questionIndex">) => {
      if (!enabled) return;
      queue.current.push({ ...e, questionIndex: index.current, at: new Date(Date.now() + clockOffsetMs).toISOString() });
    },
    [clockOffsetMs, enabled],
  );

  const flush = useCallback(() => {
    if (!enabled || queue.current.length === 0) return;
    const batch = queue.current.splice(0, MAX_EVENTS_PER_REPORT);
    void fetch(`/api/interview/${sessionId}/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events: batch }),
      keepalive: true,
    })
      .then((res) => {
        // A refusal of the batch itself (400, 404) is not retried; the server being unreachable or busy is.
        if (res.status >= 500 || res.status === 429) queue.current.unshift(...batch);
      })
      .catch(() => queue.current.unshift(...batch));
  }, [enabled, sessionId]);

  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(flush, FLUSH_MS);
    const onBlur = () => {
      awaySince.current ??= Date.now();
    };
    const onFocus = () => {
      if (awaySince.current === null) return;
      push({ kind: "blur", durationMs: Math.max(0, Date.now() - awaySince.current) });
      awaySince.current = null;
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") {
        onBlur();
        flush();
      } else onFocus();
    };
    window.addEventListener("blur", onBlur);
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onHidden);
      flush();
    };
  }, [enabled, flush, push]);

  const onPaste = useCallback((e: ClipboardEvent<HTMLTextAreaElement>) => push({ kind: "paste", chars: e.clipboardData.getData("text").length }), [push]);
  const onKey = useCallback(() => {
    if (keyed.current === index.current || !startedAt) return;
    keyed.current = index.current;
    push({ kind: "first-key", durationMs: Math.max(0, Date.now() + clockOffsetMs - new Date(startedAt).getTime()) });
  }, [clockOffsetMs, push, startedAt]);
  const onTimerSend = useCallback(() => {
    push({ kind: "timer" });
    flush();
  }, [flush, push]);

  return { onPaste, onKey, onTimerSend };
}
