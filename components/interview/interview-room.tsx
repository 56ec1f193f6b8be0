"use client";
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { InterviewView } from "@/lib/sessions/interview-view";
import { Badge, DifficultyBadge } from "../ui/badge";
import { Button } from "../ui/button";
import { AnswerEditor } from "./answer-editor";
import { Countdown, useTimeLeft } from "./countdown";
import { MessageText } from "./message-text";
import { ScoreReportCard } from "./score-report-card";

type Revealed = Record<number, { referenceHtml: string; errataHtml: string | null }>;

const DRAFT_DEBOUNCE_MS = 700;

function toMessages(view: InterviewView): UIMessage[] {
  return view.turns.map((t) => ({
    id: t.id,
    role: t.role === "candidate" ? "user" : t.role === "system" ? "system" : "assistant",
    parts: [{ type: "text", text: t.text }],
    metadata: { createdAt: t.createdAt, late: t.late, kind: t.kind },
  }));
}

export function InterviewRoom({ view, promptHtml, revealed }: { view: InterviewView; promptHtml: string; revealed: Revealed }) {
  const router = useRouter();
  const question = view.questions[view.currentIndex]!;
  const answering = question.status === "answering";
  // Server clock minus client clock, fixed when the room mounts.
  const [offset] = useState(() => new Date(view.serverNow).getTime() - Date.now());
  const questionLeft = useTimeLeft(answering ? question.deadlineAt : null, offset);
  const interviewLeft = useTimeLeft(view.endsAt, offset);
  const draftKey = `interview-studio:draft:${view.id}:${view.currentIndex}`;

  // The local copy backs up the server draft (typed while the server was unreachable).
  const localDraft = useSyncExternalStore(
    subscribeToStorage,
    () => window.localStorage.getItem(draftKey),
    () => null,
  );
  const [typed, setTyped] = useState<string | null>(null);
  const answer = typed ?? (answering ? question.draft || localDraft || "" : "");
  const [saveState, setSaveState] = useState<"idle" | "saving" | "saved" | "offline">("idle");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const lastTurn = view.turns.at(-1);

  const { messages, sendMessage, status } = useChat({
    id: `${view.id}:${view.turns.length}`,
    messages: toMessages(view),
    resume: lastTurn?.role === "candidate",
    transport: new DefaultChatTransport({
      api: `/api/interview/${view.id}/chat`,
      // Only the answer goes to the server: the transcript there is the truth, not the client's copy.
      prepareSendMessagesRequest: ({ body }) => ({ body: body ?? {} }),
      prepareReconnectToStreamRequest: () => ({ api: `/api/interview/${view.id}/stream` }),
    }),
    onFinish: () => router.refresh(),
    onError: (e) => {
      setError(readError(e.message));
      router.refresh();
    },
  });
  const streaming = status === "submitted" || status === "streaming";

  function onType(value: string) {
    setTyped(value);
    window.localStorage.setItem(draftKey, value);
    setSaveState("saving");
  }

  useEffect(() => {
    if (!answering || typed === null) return;
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/interview/${view.id}/draft`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ questionIndex: view.currentIndex, text: typed, expectedTurns: view.turns.length }),
          keepalive: true,
        });
        setSaveState(res.ok ? "saved" : "offline");
      } catch {
        setSaveState("offline");
      }
    }, DRAFT_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [typed, answering, view.id, view.currentIndex, view.turns.length]);

  const send = useCallback(
    (timeUp = false) => {
      if (streaming || !answering) return;
      if (!answer.trim() && !timeUp) {
        setError("Write an answer before sending it.");
        return;
      }
      setError("");
      window.localStorage.removeItem(draftKey);
      void sendMessage(
        { text: answer || "(no answer: time ran out)" },
        { body: { questionIndex: view.currentIndex, text: answer, expectedTurns: view.turns.length, timeUp } },
      );
      setTyped("");
    },
    [answer, answering, draftKey, sendMessage, streaming, view.currentIndex, view.turns.length],
  );

  // Time-up submits what was typed, once.
  const timeUpSent = useRef(false);
  useEffect(() => {
    if (answering && questionLeft !== null && questionLeft <= 0 && !timeUpSent.current && !streaming) {
      timeUpSent.current = true;
      send(true);
    }
  }, [answering, questionLeft, send, streaming]);

  async function post(path: "next" | "finish") {
    setBusy(true);
    setError("");
    const res = await fetch(`/api/interview/${view.id}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ expectedTurns: view.turns.length }),
    });
    if (!res.ok) setError(readError(await res.text()));
    router.refresh();
    setBusy(false);
  }

  const isLast = view.currentIndex === view.questionCount - 1;
  const answersText = view.turns
    .filter((t) => t.questionIndex === view.currentIndex && t.role === "candidate" && t.kind === "answer")
    .map((t) => t.text)
    .join("\n\n");

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-5">
        <section aria-labelledby="question-heading" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
            <span>
              Question {view.currentIndex + 1} of {view.questionCount}
            </span>
            <span aria-hidden="true">·</span>
            <span>{question.topic}</span>
            <DifficultyBadge difficulty={question.difficulty} />
            <Badge>{view.mode === "mock" ? "Mock interview" : "Practice"}</Badge>
          </div>
          <h1 id="question-heading" className="mt-2 text-lg font-semibold leading-snug">
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
        {streaming ? <p className="text-sm text-zinc-500">The interviewer is typing…</p> : null}
        {error ? (
          <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300">
            {error}
          </p>
        ) : null}

        {answering ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
            className="space-y-3"
          >
            <AnswerEditor value={answer} onChange={onType} onSubmit={() => send()} disabled={streaming} />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={streaming}>
                Send answer
              </Button>
              <span className="text-xs text-zinc-500" aria-live="polite">
                {saveState === "saving" ? "Saving draft…" : saveState === "saved" ? "Draft saved" : saveState === "offline" ? "Draft kept on this device (server unreachable)" : ""}
              </span>
            </div>
          </form>
        ) : !streaming ? (
          <div className="space-y-4">
            {question.report ? (
              <ScoreReportCard report={question.report} answerText={answersText} referenceHtml={revealed[view.currentIndex]?.referenceHtml} errataHtml={revealed[view.currentIndex]?.errataHtml} />
            ) : (
              <p className="rounded-lg border border-zinc-200 p-3 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                Answer recorded. Feedback comes at the end of the mock interview.
              </p>
            )}
            {isLast ? (
              <Button onClick={() => void post("finish")} disabled={busy}>
                Finish interview
              </Button>
            ) : (
              <Button onClick={() => void post("next")} disabled={busy}>
                Next question
              </Button>
            )}
          </div>
        ) : null}
      </div>

      <aside aria-label="Timers and progress" className="order-first space-y-4 lg:order-last lg:sticky lg:top-20 lg:self-start">
        <div className="flex justify-between gap-4 rounded-xl border border-zinc-200 p-4 lg:flex-col dark:border-zinc-800">
          <Countdown label="Time left for this question" msLeft={answering ? questionLeft : null} />
          <Countdown label="Time left in the interview" msLeft={interviewLeft} />
        </div>
        <ol aria-label="Questions" className="space-y-1 rounded-xl border border-zinc-200 p-4 text-sm dark:border-zinc-800">
          {view.questions.map((q) => (
            <li key={q.index} className="flex items-center justify-between gap-2">
              <span className={q.index === view.currentIndex ? "font-medium" : "text-zinc-500"}>
                {q.index + 1}. {q.status === "pending" ? "Not asked yet" : q.title.length > 38 ? `${q.title.slice(0, 36)}…` : q.title}
              </span>
              {q.score !== null ? <span className="tabular-nums text-zinc-500">{q.score}</span> : null}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

function subscribeToStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

function Message({ message }: { message: UIMessage }) {
  const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
  const notices = message.parts.filter((p) => p.type === "data-notice").map((p) => (p as { data: { text: string } }).data.text);
  const meta = (message.metadata ?? {}) as { createdAt?: string; late?: boolean };
  if (message.role === "system") {
    return <p className="w-full rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">{text}</p>;
  }
  const mine = message.role === "user";
  return (
    <div className={mine ? "max-w-[90%] rounded-2xl rounded-br-sm bg-brand-600 px-4 py-3 text-white" : "max-w-[90%] rounded-2xl rounded-bl-sm border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"}>
      <p className={mine ? "mb-1 text-xs font-medium text-brand-100" : "mb-1 text-xs font-medium text-zinc-500"}>
        {mine ? "You" : "Interviewer"}
        {meta.createdAt ? <time dateTime={meta.createdAt} className="ml-2 font-normal">{new Date(meta.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</time> : null}
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

function readError(raw: string): string {
  try {
    const parsed = JSON.parse(raw) as { error?: string };
    if (parsed.error) return parsed.error;
  } catch {
    /* not JSON */
  }
  return raw || "Something went wrong. Reload the page: your answers are saved.";
}
