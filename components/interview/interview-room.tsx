"use client";
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { draftSavedSchema, okSchema } from "@/lib/api/interview/schemas";
import { sayMinutes } from "@/lib/format/duration";
import { MAX_ANSWER_CHARS } from "@/lib/sessions/limits";
import type { InterviewView } from "@/lib/sessions/interview-view";
import { Badge, DifficultyBadge } from "../ui/badge";
import { Button } from "../ui/button";
import { AnswerEditor } from "./answer-editor";
import {
  actionErrorMessage,
  checkLength,
  draftStateFromError,
  draftStatusText,
  isDraftProblem,
  sendErrorMessage,
  timeUpText,
  tooLongMessage,
  warningLevel,
  warningText,
  wasRefused,
  wordCount,
  type DraftState,
  type TimeWarning,
} from "./answer-messages";
import { Countdown, useTimeLeft } from "./countdown";
import { MessageText } from "./message-text";
import { ScoreReportCard } from "./score-report-card";

type Revealed = Record<number, { referenceHtml: string; errataHtml: string | null }>;

const DRAFT_DEBOUNCE_MS = 700;

/**
 * The room restarts from the server's state after every turn (it is keyed by the transcript's
 * length), so where focus goes next, and what time-up sent, are kept here across that re-mount.
 */
let focusAfterRemount: "answer" | "question" | null = null;
function focusNextMount(target: "answer" | "question" | null) {
  focusAfterRemount = target;
}
type TimeUpNotice = { questionIndex: number; text: string; unsent: string };
const timeUpNotices = new Map<string, TimeUpNotice>();

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
  // The server never holds more than the limit: a longer local copy is newer than the server's draft.
  const restored = localDraft && localDraft.length > MAX_ANSWER_CHARS ? localDraft : question.draft || localDraft || "";
  const answer = typed ?? (answering ? restored : "");
  const [draftState, setDraftState] = useState<DraftState>(() =>
    answering && restored.length > MAX_ANSWER_CHARS ? { kind: "too-long", over: restored.length - MAX_ANSWER_CHARS } : { kind: "idle" },
  );
  const [retrySave, setRetrySave] = useState(0);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  /** The text of an answer on its way: put back in the editor if the server refuses it. */
  const [pending, setPending] = useState<string | null>(null);
  const pendingRef = useRef<string | null>(null);
  const [timeUp, setTimeUp] = useState<TimeUpNotice | null>(() => {
    const notice = timeUpNotices.get(view.id);
    return notice && notice.questionIndex === view.currentIndex ? notice : null;
  });
  const answerRef = useRef<HTMLTextAreaElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastTurn = view.turns.at(-1);

  const { messages, sendMessage, setMessages, status } = useChat({
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
      const statusCode = (e as { statusCode?: number }).statusCode;
      setError(sendErrorMessage(statusCode, e.message));
      if (pendingRef.current !== null && wasRefused(statusCode, e.message)) {
        // Refused: the answer was not taken. It goes back in the editor and the local copy, and
        // the bubble that showed it as sent goes away.
        const text = pendingRef.current;
        const known = new Set(view.turns.map((t) => t.id));
        setMessages((ms) => ms.filter((m) => m.role !== "user" || known.has(m.id)));
        window.localStorage.setItem(draftKey, text);
        setTyped(text);
        focusNextMount(null);
        requestAnimationFrame(() => answerRef.current?.focus());
      }
      pendingRef.current = null;
      setPending(null);
      router.refresh();
    },
  });
  const streaming = status === "submitted" || status === "streaming";

  function onType(value: string) {
    setTyped(value);
    window.localStorage.setItem(draftKey, value);
    const { over } = checkLength(value);
    setDraftState(over > 0 ? { kind: "too-long", over } : { kind: "saving" });
  }

  useEffect(() => {
    if (!answering || typed === null || pending !== null || typed.length > MAX_ANSWER_CHARS) return;
    const t = setTimeout(async () => {
      try {
        await fetchJson(`/api/interview/${view.id}/draft`, {
          method: "PUT",
          body: { questionIndex: view.currentIndex, text: typed, expectedTurns: view.turns.length },
          schema: draftSavedSchema,
          keepalive: true,
        });
        setDraftState({ kind: "saved" });
      } catch (e) {
        if (!(e instanceof ApiClientError)) throw e;
        setDraftState(draftStateFromError(e, navigator.onLine));
      }
    }, DRAFT_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [typed, pending, answering, view.id, view.currentIndex, view.turns.length, retrySave]);

  // Back online: save the draft that could not be saved.
  useEffect(() => {
    const retry = () => setRetrySave((n) => n + 1);
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, []);

  // After a send or Next, the re-mounted room puts focus where the candidate continues.
  useEffect(() => {
    const target = focusAfterRemount;
    if (!target) return;
    focusNextMount(null);
    if (target === "question") headingRef.current?.focus();
    else if (answering) answerRef.current?.focus();
    else continueRef.current?.focus();
  }, [answering]);

  const send = useCallback(
    (isTimeUp = false) => {
      if (streaming || !answering || pendingRef.current !== null) return;
      const check = checkLength(answer);
      if (!answer.trim() && !isTimeUp) {
        setError("Write an answer before sending it.");
        answerRef.current?.focus();
        return;
      }
      if (check.over > 0 && !isTimeUp) {
        // Nothing is sent and nothing is cut: the candidate shortens it.
        setError(tooLongMessage(check));
        answerRef.current?.focus();
        return;
      }
      // At time-up an over-long answer cannot wait: the part within the limit is sent, the rest is shown.
      const text = check.over > 0 ? answer.slice(0, MAX_ANSWER_CHARS) : answer;
      if (isTimeUp) {
        const notice = {
          questionIndex: view.currentIndex,
          text: timeUpText({ chars: text.trim().length, words: wordCount(text), cut: answer.length - text.length }),
          unsent: answer.slice(text.length),
        };
        timeUpNotices.set(view.id, notice);
        setTimeUp(notice);
      }
      setError("");
      window.localStorage.removeItem(draftKey);
      pendingRef.current = answer;
      setPending(answer);
      focusNextMount("answer");
      // Focus stays in the answer box (read-only while the interviewer replies), not on a disabled button.
      answerRef.current?.focus();
      void sendMessage(
        { text: text || "(no answer: time ran out)" },
        { body: { questionIndex: view.currentIndex, text, expectedTurns: view.turns.length, timeUp: isTimeUp } },
      );
      setTyped("");
    },
    [answer, answering, draftKey, sendMessage, streaming, view.currentIndex, view.id, view.turns.length],
  );

  // Warnings at one minute and ten seconds: shown and announced once per level, not every second.
  const level: TimeWarning = answering ? warningLevel(questionLeft) : "none";
  const [warning, setWarning] = useState<{ level: TimeWarning; text: string }>({ level: "none", text: "" });
  if (warning.level !== level) setWarning({ level, text: warningText(level, questionLeft ?? 0) });

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
    try {
      await fetchJson(`/api/interview/${view.id}/${path}`, { method: "POST", body: { expectedTurns: view.turns.length }, schema: okSchema });
      focusNextMount("question");
    } catch (e) {
      if (!(e instanceof ApiClientError)) throw e;
      setError(actionErrorMessage(e));
    }
    router.refresh();
    setBusy(false);
  }

  // The interview's clock stops once every question is answered: it shows the time that was left.
  const allAnswered = view.questions.every((q) => q.status === "scored");
  const stoppedAt = allAnswered && lastTurn ? new Date(view.endsAt).getTime() - new Date(lastTurn.createdAt).getTime() : null;

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
              <Button ref={continueRef} onClick={() => void post("finish")} disabled={busy}>
                Finish interview
              </Button>
            ) : (
              <Button ref={continueRef} onClick={() => void post("next")} disabled={busy}>
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

function subscribeToStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
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
