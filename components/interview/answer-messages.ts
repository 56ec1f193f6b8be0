/**
 * What the interview room tells the candidate about their answer: the length limit, draft saves,
 * refused sends and time-up, worded for a person (never a field path or a raw status). Pure and
 * client-safe, so every wording has a unit test (tests/unit/interview/answer-messages.test.ts).
 */
import { ApiClientError, errorFromResponse } from "@/lib/api/client";
import { sayDuration } from "@/lib/format/duration";
import { MAX_ANSWER_CHARS } from "@/lib/sessions/limits";

const count = (n: number) => n.toLocaleString("en");
const chars = (n: number) => `${count(n)} character${n === 1 ? "" : "s"}`;

/** The counter appears from here on (90% of the limit). */
export const COUNTER_FROM = Math.floor(MAX_ANSWER_CHARS * 0.9);

export type LengthCheck = { length: number; over: number; left: number; showCounter: boolean };

export function checkLength(text: string, max = MAX_ANSWER_CHARS): LengthCheck {
  const length = text.length;
  return { length, over: Math.max(0, length - max), left: Math.max(0, max - length), showCounter: length >= Math.min(COUNTER_FROM, max) };
}

/** "18,500 of 20,000 characters" / "20,001 of 20,000 characters: 1 over the limit". */
export function counterText(check: LengthCheck, max = MAX_ANSWER_CHARS): string {
  const base = `${count(check.length)} of ${count(max)} characters`;
  return check.over > 0 ? `${base}: ${count(check.over)} over the limit` : base;
}

/** Announced (politely) only when the candidate crosses into a band, not on every keystroke. */
export function lengthBand(check: LengthCheck): "ok" | "near" | "over" {
  return check.over > 0 ? "over" : check.showCounter ? "near" : "ok";
}

export function lengthAnnouncement(check: LengthCheck, max = MAX_ANSWER_CHARS): string {
  const band = lengthBand(check);
  if (band === "over") return `Your answer is over the ${chars(max)} limit. It is kept here; shorten it to send it.`;
  if (band === "near") return `Your answer is nearing the ${chars(max)} limit: a count is shown under the answer box.`;
  return "";
}

/** Shown when Send is pressed on an answer over the limit: the text stays in the box. */
export function tooLongMessage(check: LengthCheck, max = MAX_ANSWER_CHARS): string {
  return `Your answer is ${chars(check.length)} long and the limit is ${count(max)}. Shorten it by ${chars(check.over)} to send it; nothing has been sent and your text is kept here.`;
}

export type DraftState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "too-long"; over: number }
  | { kind: "refused"; reason: string }
  | { kind: "conflict"; reason: string }
  | { kind: "signed-out" }
  | { kind: "server-error" }
  | { kind: "offline" }
  | { kind: "unreachable" };

/** The draft-save line under the editor: what really happened, never a guess. */
export function draftStatusText(state: DraftState, max = MAX_ANSWER_CHARS): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "saving":
      return "Saving draft…";
    case "saved":
      return "Draft saved";
    case "too-long":
      return `Draft kept on this device only: it is ${chars(state.over)} over the ${count(max)}-character limit, so the server would refuse it.`;
    case "refused":
      return `Draft kept on this device only: the server refused it (${lowerFirst(stripPeriod(state.reason))}).`;
    case "conflict":
      return `Draft kept on this device only: ${lowerFirst(state.reason)}`;
    case "signed-out":
      return "Draft kept on this device only: you are signed out. Sign in again to save it.";
    case "server-error":
      return "Draft kept on this device only: the server had a problem saving it. It will try again as you type.";
    case "offline":
      return "You are offline: draft kept on this device. It is saved to the server when you are back online.";
    case "unreachable":
      return "Draft kept on this device only: the server could not be reached. It will try again as you type.";
  }
}

export function isDraftProblem(state: DraftState): boolean {
  return !["idle", "saving", "saved"].includes(state.kind);
}

/** The server's error in a raw response body (the API's one error shape), or null. */
function serverError(raw: string): { code: string; message: string } | null {
  const error = errorFromResponse(0, raw);
  return error.fromServer ? { code: error.code, message: error.message } : null;
}

/** A failed draft save (fetchJson's ApiClientError) as a DraftState. */
export function draftStateFromError(error: ApiClientError, online: boolean): DraftState {
  if (error.code === "network") return draftStateFromNetworkError(online);
  const message = error.fromServer ? error.message : undefined;
  if (error.status === 401) return { kind: "signed-out" };
  if (error.status === 409 || error.code === "conflict") {
    return { kind: "conflict", reason: personWords(message) || "this interview changed in another tab or window. Reload to continue." };
  }
  if (error.status === 413) return { kind: "refused", reason: "it was too large to send" };
  if (error.status >= 400 && error.status < 500) return { kind: "refused", reason: personWords(message) || `status ${error.status}` };
  return { kind: "server-error" };
}

/** A draft PUT's response as a DraftState (its status and raw body). */
export function draftStateFromResponse(status: number, raw: string): DraftState {
  if (status >= 200 && status < 300) return { kind: "saved" };
  return draftStateFromError(errorFromResponse(status, raw), true);
}

/** A failed fetch: offline when the browser says so, otherwise the server was not reached. */
export function draftStateFromNetworkError(online: boolean): DraftState {
  return online ? { kind: "unreachable" } : { kind: "offline" };
}

/**
 * A server message for a person: drops "field.path: " prefixes that validation messages carry
 * ("text: Answers are limited to 20,000 characters." -> "Answers are limited to 20,000 characters.").
 */
export function personWords(message: string | undefined | null): string {
  if (!message) return "";
  return message
    .split(/;\s*/)
    .map((part) => upperFirst(part.replace(/^[A-Za-z_][\w.]*:\s+/, "").trim()))
    .filter(Boolean)
    .join(" ");
}

/** Whether a failed send means the answer was not taken (so it goes back into the editor). */
export function wasRefused(statusCode: number | undefined, raw: string): boolean {
  if (statusCode !== undefined && statusCode >= 400) return true;
  if (isNetworkFailure(raw)) return true;
  return serverError(raw) !== null;
}

function isNetworkFailure(raw: string): boolean {
  return /failed to fetch|networkerror|load failed|network request failed/i.test(raw);
}

/** A failed send, in words, with what happened to the text. */
export function sendErrorMessage(statusCode: number | undefined, raw: string): string {
  const keep = "Your answer is still in the box.";
  if (isNetworkFailure(raw)) return `Your answer was not sent: the server could not be reached. Check your connection and send it again. ${keep}`;
  const error = serverError(raw);
  const code = error?.code;
  if (statusCode === 401 || code === "unauthorized") return `Your answer was not sent: you are signed out. Sign in again in another tab, then send it. ${keep}`;
  if (code === "payload_too_large" || statusCode === 413)
    return `Your answer was not sent: it is too long. Answers are limited to ${count(MAX_ANSWER_CHARS)} characters. ${keep}`;
  if (code === "rate_limited" || statusCode === 429)
    return `Your answer was not sent: answers are being sent too quickly. Wait a minute, then send it again. ${keep}`;
  if (code === "conflict") return `${personWords(error?.message)} ${keep}`;
  if (code === "bad_request") return `Your answer was not sent: ${lowerFirst(personWords(error?.message))} ${keep}`;
  if (error?.message) return `${personWords(error.message)} ${keep}`;
  if (statusCode !== undefined && statusCode >= 500) return `Your answer was not sent: the server had a problem. Try again in a moment. ${keep}`;
  return "Something went wrong while the interviewer replied. Reload the page: your answers are saved.";
}

/** A failed Next/Finish request (fetchJson's ApiClientError), in words. */
export function actionErrorMessage(error: ApiClientError): string {
  if (error.code === "network") return "The server could not be reached. Check your connection and try again: your answers are saved.";
  if (error.status === 401) return "You are signed out. Sign in again, then reload this page: your answers are saved.";
  if (error.fromServer) return personWords(error.message);
  return "Something went wrong. Reload the page: your answers are saved.";
}

/** The warning levels before the question's time-up. */
export type TimeWarning = "none" | "minute" | "ten-seconds" | "up";

export function warningLevel(msLeft: number | null): TimeWarning {
  if (msLeft === null) return "none";
  if (msLeft <= 0) return "up";
  if (msLeft <= 10_000) return "ten-seconds";
  if (msLeft <= 60_000) return "minute";
  return "none";
}

/** What the warning says when the candidate reaches a level, with the time left rounded to the second. */
export function warningText(level: TimeWarning, msLeft: number): string {
  switch (level) {
    case "none":
      return "";
    case "minute":
      return `${sayDuration(Math.ceil(msLeft / 1000) * 1000)} left for this question.`;
    case "ten-seconds":
      return `${sayDuration(Math.ceil(msLeft / 1000) * 1000)} left. What you have typed is sent when the time is up.`;
    case "up":
      return "Time is up for this question.";
  }
}

/** What was sent at time-up, and why. */
export function timeUpText(sent: { chars: number; words: number; cut: number }): string {
  if (sent.chars === 0) return "Time is up: the clock for this question reached zero before you typed anything, so no answer was sent.";
  const what = `what you had typed (${sent.words} word${sent.words === 1 ? "" : "s"}) was sent as your answer`;
  const cut =
    sent.cut > 0 ? ` The last ${chars(sent.cut)} were over the ${count(MAX_ANSWER_CHARS)}-character limit and were not sent; they are shown below.` : "";
  return `Time is up: the clock for this question reached zero, so ${what}.${cut}`;
}

export function wordCount(text: string): number {
  return text.trim() ? text.trim().split(/\s+/).length : 0;
}

/**
 * Whether the caret is inside a fenced code block (an odd number of lines opening with ``` before
 * it): there, Tab indents; everywhere else it moves focus on.
 */
export function insideCodeFence(text: string, caret: number): boolean {
  const before = text.slice(0, caret);
  const fences = before.split("\n").filter((line) => /^\s*```/.test(line)).length;
  return fences % 2 === 1;
}

function upperFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
function lowerFirst(s: string): string {
  // Keep acronyms and names ("GIL", "I") as they are.
  return s && !/^[A-Z]{2}|^I\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
function stripPeriod(s: string): string {
  return s.replace(/\.\s*$/, "");
}
