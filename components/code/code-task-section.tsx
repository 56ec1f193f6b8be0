"use client";
/**
 * The bank page's "Try the task": the code task panel loaded on the client only (next/dynamic),
 * so CodeMirror reaches only pages with a task, and Pyodide only when the candidate presses Run.
 * Keeps the code in its own state (the bank page saves nothing).
 */
import dynamic from "next/dynamic";
import { useState } from "react";
import type { CodeTaskPanelProps } from "@/components/code/code-task-panel";

/** The panel, loaded on the client only when a page renders it (the interview room uses it too, with its own code state). */
export const CodeTaskPanelLazy = dynamic(() => import("@/components/code/code-task-panel").then((m) => m.CodeTaskPanel), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      Loading the editor…
    </p>
  ),
});

export function CodeTaskSection(props: Omit<CodeTaskPanelProps, "code" | "onCodeChange">) {
  const [code, setCode] = useState(props.starter);
  return <CodeTaskPanelLazy {...props} code={code} onCodeChange={setCode} />;
}
