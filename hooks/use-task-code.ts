"use client";
/**
 * The code of the interview room's coding task: starts from the code kept in this browser, else
 * the code autosaved on the server (typed on another device), else the code last sent, else the
 * starter code; is kept in this browser per interview and question at every change (the room
 * autosaves it to the server with the draft), and says what to send with the next answer: the code when it differs from the starter and from the code already
 * sent on this question (the server runs the latest code it has; sending it again would only store
 * it twice).
 */
import { useCallback, useState } from "react";
import { latestCode } from "@/lib/code-runner/answer-code";
import type { InterviewView } from "@/lib/sessions/interview-view";

export function useTaskCode(view: InterviewView, task: { starter: string } | undefined) {
  const key = `interview-studio:code:${view.id}:${view.currentIndex}`;
  const sent = latestCode(view.turns.filter((t) => t.questionIndex === view.currentIndex && t.role === "candidate" && t.kind === "answer").map((t) => t.text));
  const [value, setValue] = useState<string>(() => {
    if (!task) return "";
    const kept = typeof window === "undefined" ? null : window.localStorage.getItem(key);
    const saved = view.questions[view.currentIndex]?.draftCode || null;
    return kept ?? saved ?? sent ?? task.starter;
  });
  const set = useCallback(
    (next: string) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Storage full or blocked: the code stays in the page and goes with the next answer.
      }
    },
    [key],
  );
  const toSend = useCallback((): string | undefined => {
    if (!task || !value.trim() || value.trim() === task.starter.trim() || value.trimEnd() === sent) return undefined;
    return value;
  }, [sent, task, value]);
  return { value, set, toSend };
}
