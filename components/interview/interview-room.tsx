"use client";
import type { UIMessage } from "ai";
import { useState } from "react";
import { useIntegritySignals } from "@/hooks/use-integrity-signals";
import { useInterviewRoom } from "@/hooks/use-interview-room";
import { useTaskCode } from "@/hooks/use-task-code";
import { CodeTaskPanelLazy } from "../code/code-task-section";
import { sayMinutes } from "@/lib/format/duration";
import type { InterviewView } from "@/lib/sessions/interview-view";
import { Badge, DifficultyBadge } from "../ui/badge";
import { Button } from "../ui/button";
import { AnswerEditor } from "./answer-editor";
import { draftStatusText, isDraftProblem } from "./answer-messages";
import { Countdown } from "./countdown";
import { MessageText } from "./message-text";
import { ScoreReportCard } from "./score-report-card";

type Revealed = Record<number, { referenceHtml: string; errataHtml: string | null }>;
export type RoomTask = { promptHtml: string; examplesHtml: string[]; starter: string };

/** The interview page while a question is open or answered: markup only; state and transport are hooks/use-interview-room.ts'. */
export function InterviewRoom({
  view,
  promptHtml,
  revealed,
  recordSignals = false,
  task,
}: {
  view: InterviewView;
  promptHtml: string;
  revealed: Revealed;
  /** An interview taken through an invitation: integrity signals are recorded (the candidate agreed). */
  recordSignals?: boolean;
  /** The current question's coding task (its public part, rendered by the server; never the checks). */
  task?: RoomTask;
}) {
  const code = useTaskCode(view, task);
  const [editorOpen, setEditorOpen] = useState(false);
  const signals = useIntegritySignals({
    sessionId: view.id,
    enabled: recordSignals,
    questionIndex: view.currentIndex,
    startedAt: view.questions[view.currentIndex]?.startedAt ?? null,
    serverNow: view.serverNow,
  });
  const {
    question,
    answering,
    questionLeft,
    interviewLeft,
    stoppedAt,
    messages,
    streaming,
    answer,
    onType,
    draftState,
    pending,
    send,
    next,
    finish,
    busy,
    error,
    warning,
    timeUp,
    answerRef,
    continueRef,
    headingRef,
  } = useInterviewRoom(view, { onTimerSend: recordSignals ? signals.onTimerSend : undefined, code: code.toSend, codeDraft: task ? code.value : undefined });

  const isLast = view.currentIndex === view.questionCount - 1;
  const answersText = view.turns
    .filter((t) => t.questionIndex === view.currentIndex && t.role === "candidate" && t.kind === "answer")
    .map((t) => t.text)
    .join("\n\n");

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-5">
        <section aria-labelledby="question-heading" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
            <span>
              Question {view.currentIndex + 1} of {view.questionCount}
            </span>
            <span aria-hidden="true">·</span>
            <span>{question.topic}</span>
            <span aria-hidden="true">·</span>
            <span>{sayMinutes(question.minutes)} to answer</span>
            <DifficultyBadge difficulty={question.difficulty} />
            <Badge>{view.mode === "mock" ? "Mock interview" : "Practice"}</Badge>
          </div>
          <h1 id="question-heading" ref={headingRef} tabIndex={-1} className="mt-2 text-lg font-semibold leading-snug focus:outline-none">
            {question.title}
          </h1>
          {promptHtml && question.prompt !== question.title ? <div className="prose-md mt-2" dangerouslySetInnerHTML={{ __html: promptHtml }} /> : null}
        </section>

        <ol aria-label="Interview transcript" className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className={m.role === "user" ? "flex justify-end" : "flex"}>
              <Message message={m} />
            </li>
          ))}
        </ol>
        <div aria-live="polite" className="sr-only">
          {streaming ? "The interviewer is replying." : lastAssistantText(messages)}
        </div>
        {streaming ? <p className="text-sm text-zinc-600 dark:text-zinc-400">The interviewer is typing…</p> : null}
        <div role="status" aria-atomic="true">
          {timeUp ? (
            <div className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
              <p>
                <strong className="font-semibold">Time’s up. </strong>
                {timeUp.text.replace(/^Time is up: (.)/, (_, c: string) => c.toUpperCase())}
              </p>
              {timeUp.unsent ? (
                <details className="mt-2">
                  <summary className="cursor-pointer font-medium">The text that was not sent</summary>
                  <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-words font-mono text-xs">{timeUp.unsent}</pre>
                </details>
              ) : null}
            </div>
          ) : null}
        </div>
        {error ? (
          <p
            id="answer-error"
            role="alert"
            className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300"
          >
            {error}
          </p>
        ) : null}

        {answering && task ? (
          <section aria-labelledby="task-heading" className="space-y-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            <h2 id="task-heading" className="text-base font-semibold">
              The coding task
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Run your code here as often as you like. <strong className="font-medium">Send answer</strong> sends your code with your answer: the server runs it
              against hidden checks, and the interviewer asks about any that fail.
            </p>
            {editorOpen ? (
              <CodeTaskPanelLazy
                promptHtml={task.promptHtml}
                examplesHtml={task.examplesHtml}
                starter={task.starter}
                code={code.value}
                onCodeChange={code.set}
              />
            ) : (
              // The editor (CodeMirror) loads when asked for: the room's first load stays small, and
              // the task, its examples and the code so far are readable without it.
              <div className="space-y-3">
                <div className="prose-md" dangerouslySetInnerHTML={{ __html: task.promptHtml }} />
                {task.examplesHtml.map((html, i) => (
                  <div key={i} className="prose-md" dangerouslySetInnerHTML={{ __html: html }} />
                ))}
                <pre
                  className="max-h-64 overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-900"
                  tabIndex={0}
                  role="region"
                  aria-label="Your code so far"
                >
                  {code.value}
                </pre>
                <Button type="button" onClick={() => setEditorOpen(true)}>
                  Open the code editor
                </Button>
              </div>
            )}
          </section>
        ) : null}

        {answering ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
            className="space-y-3"
          >
            <div
              id="time-warning"
              aria-live="assertive"
              aria-atomic="true"
              className={
                warning.text && warning.level !== "up"
                  ? "rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
                  : "sr-only"
              }
            >
              {warning.level !== "up" && warning.text ? (
                <>
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 16 16"
                    className="mr-1.5 inline size-4 -translate-y-px"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.6"
                  >
                    <circle cx="8" cy="9" r="5.5" />
                    <path d="M8 6v3l2 1.5M6.5 1.5h3" strokeLinecap="round" />
                  </svg>
                  {warning.text}
                </>
              ) : (
                ""
              )}
            </div>
            <AnswerEditor
              ref={answerRef}
              value={answer}
              onChange={onType}
              onSubmit={() => send()}
              readOnly={streaming || pending !== null}
              describedBy={error ? "answer-error" : undefined}
              onPaste={recordSignals ? signals.onPaste : undefined}
              onFirstKey={recordSignals ? signals.onKey : undefined}
            />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={streaming}>
                Send answer
              </Button>
              <span
                className={isDraftProblem(draftState) ? "text-xs font-medium text-amber-800 dark:text-amber-300" : "text-xs text-zinc-600 dark:text-zinc-400"}
                aria-live="polite"
              >
                {draftStatusText(draftState)}
              </span>
            </div>
          </form>
        ) : !streaming ? (
          <div className="space-y-4">
            {question.report ? (
              <ScoreReportCard
                headingLevel={2}
                report={question.report}
                answerText={answersText}
                referenceHtml={revealed[view.currentIndex]?.referenceHtml}
                errataHtml={revealed[view.currentIndex]?.errataHtml}
              />
            ) : (
              <p className="rounded-lg border border-zinc-200 p-3 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                Answer recorded. Feedback comes at the end of the mock interview.
              </p>
            )}
            {isLast ? (
              <Button ref={continueRef} onClick={finish} disabled={busy}>
                Finish interview
              </Button>
            ) : (
              <Button ref={continueRef} onClick={next} disabled={busy}>
                Next question
              </Button>
            )}
          </div>
        ) : null}
      </div>

      <aside aria-label="Timers and progress" className="order-first space-y-4 lg:order-last lg:sticky lg:top-20 lg:self-start">
        <div className="flex justify-between gap-4 rounded-xl border border-zinc-200 p-4 lg:flex-col dark:border-zinc-800">
          <Countdown label="Time left for this question" msLeft={answering ? questionLeft : null} />
          <Countdown label="Time left in the interview" msLeft={stoppedAt ?? interviewLeft} stopped={stoppedAt !== null} />
        </div>
        <ol aria-label="Questions" className="space-y-1 rounded-xl border border-zinc-200 p-4 text-sm dark:border-zinc-800">
          {view.questions.map((q) => (
            <li key={q.index} className="flex items-center justify-between gap-2">
              <span className={q.index === view.currentIndex ? "font-medium" : "text-zinc-600 dark:text-zinc-400"}>
                {q.index + 1}. {q.status === "pending" ? "Not asked yet" : q.title.length > 38 ? `${q.title.slice(0, 36)}…` : q.title}
              </span>
              {q.score !== null ? <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{q.score}</span> : null}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

function Message({ message }: { message: UIMessage }) {
  const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
  const notices = message.parts.filter((p) => p.type === "data-notice").map((p) => (p as { data: { text: string } }).data.text);
  const meta = (message.metadata ?? {}) as { createdAt?: string; late?: boolean };
  if (message.role === "system") {
    return (
      <p className="w-full rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
        {text}
      </p>
    );
  }
  const mine = message.role === "user";
  return (
    <div
      className={
        mine
          ? "max-w-[90%] rounded-2xl rounded-br-sm bg-brand-600 px-4 py-3 text-white"
          : "max-w-[90%] rounded-2xl rounded-bl-sm border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
      }
    >
      <p className={mine ? "mb-1 text-xs font-medium text-brand-100" : "mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400"}>
        {mine ? "You" : "Interviewer"}
        {meta.createdAt ? (
          <time dateTime={meta.createdAt} className="ml-2 font-normal">
            {new Date(meta.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
          </time>
        ) : null}
        {meta.late ? <span className="ml-2 rounded bg-amber-200 px-1 text-amber-900">late</span> : null}
      </p>
      {notices.map((n) => (
        <p key={n} role="status" className="mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {n}
        </p>
      ))}
      {mine ? <div className="whitespace-pre-wrap break-words font-mono text-[13px] leading-6">{text}</div> : <MessageText text={text} />}
    </div>
  );
}

function lastAssistantText(messages: UIMessage[]): string {
  const last = [...messages].reverse().find((m) => m.role === "assistant");
  return last ? `Interviewer: ${last.parts.map((p) => (p.type === "text" ? p.text : "")).join("")}` : "";
}
