/**
 * The interview room's client state and transport (components/interview/interview-room.tsx draws
 * it). It holds the answer being typed (backed up in localStorage and saved to the server as a
 * draft, debounced), sends answers through the AI SDK's useChat (the reply streams back; a reload
 * rejoins it through /stream), moves to the next question or finishes, keeps the clocks, submits
 * what was typed at time-up, and says where focus goes after the room re-mounts.
 *
 * The server's transcript is the truth: the room is keyed by the transcript's length, so after
 * every turn it re-mounts from the server's view. What must survive that re-mount (where focus goes
 * next, what time-up sent) is kept at module level below.
 */
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  actionErrorMessage,
  checkLength,
  draftStateFromError,
  sendErrorMessage,
  timeUpText,
  tooLongMessage,
  warningLevel,
  warningText,
  wasRefused,
  wordCount,
  type DraftState,
  type TimeWarning,
} from "@/components/interview/answer-messages";
import { useTimeLeft } from "@/components/interview/countdown";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { draftSavedSchema, okSchema } from "@/lib/api/interview/schemas";
import type { InterviewView } from "@/lib/sessions/interview-view";
import { MAX_ANSWER_CHARS } from "@/lib/sessions/limits";

const DRAFT_DEBOUNCE_MS = 700;

let focusAfterRemount: "answer" | "question" | null = null;
function focusNextMount(target: "answer" | "question" | null) {
  focusAfterRemount = target;
}

/** What time-up sent, shown after the re-mount: a summary, and the text past the limit that could not go. */
export type TimeUpNotice = { questionIndex: number; text: string; unsent: string };
const timeUpNotices = new Map<string, TimeUpNotice>();

function toMessages(view: InterviewView): UIMessage[] {
  return view.turns.map((t) => ({
    id: t.id,
    role: t.role === "candidate" ? "user" : t.role === "system" ? "system" : "assistant",
    parts: [{ type: "text", text: t.text }],
    metadata: { createdAt: t.createdAt, late: t.late, kind: t.kind },
  }));
}

function subscribeToStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

export function useInterviewRoom(
  view: InterviewView,
  options: {
    onTimerSend?: () => void;
    /** The code to send with the answer (a coding task), when there is any new. */
    code?: () => string | undefined;
    /** The coding task's code as it stands: autosaved with the draft, so time-up and another device have it. */
    codeDraft?: string;
  } = {},
) {
  const { onTimerSend, code, codeDraft } = options;
  // The code the room opened with: a draft is saved once the text or the code changes.
  const [initialCode] = useState(codeDraft);
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

  const codeChanged = codeDraft !== undefined && codeDraft !== initialCode;
  useEffect(() => {
    if (!answering || (typed === null && !codeChanged) || pending !== null) return;
    const text = typed ?? answer;
    if (text.length > MAX_ANSWER_CHARS || (codeDraft?.length ?? 0) > MAX_ANSWER_CHARS) return;
    const t = setTimeout(async () => {
      try {
        await fetchJson(`/api/interview/${view.id}/draft`, {
          method: "PUT",
          body: { questionIndex: view.currentIndex, text, ...(codeDraft !== undefined ? { code: codeDraft } : {}), expectedTurns: view.turns.length },
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
    // `answer` is read only when the code alone changed: its own changes come through `typed`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed, codeDraft, codeChanged, pending, answering, view.id, view.currentIndex, view.turns.length, retrySave]);

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
      // Code alone (a coding task) is an answer too.
      if (!answer.trim() && !isTimeUp && !code?.()) {
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
        { text: text || (code?.() ? "(code)" : "(no answer: time ran out)") },
        { body: { questionIndex: view.currentIndex, text, code: code?.(), expectedTurns: view.turns.length, timeUp: isTimeUp } },
      );
      setTyped("");
    },
    [answer, answering, code, draftKey, sendMessage, streaming, view.currentIndex, view.id, view.turns.length],
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
      onTimerSend?.();
      send(true);
    }
  }, [answering, questionLeft, send, streaming, onTimerSend]);

  /** "Next question" or "Finish interview": then the server's view again. */
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

  return {
    question,
    answering,
    /** The question's and the interview's time left (ms, by the server's clock); the interview's stops once all is answered. */
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
    next: () => void post("next"),
    finish: () => void post("finish"),
    busy,
    error,
    warning,
    timeUp,
    answerRef,
    continueRef,
    headingRef,
  };
}
