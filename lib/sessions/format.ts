/** Small pure helpers shared by the review pages and the exporters. */
import type { TranscriptQuestion, TranscriptTurn } from "./views.ts";

/** 0 -> "0s", 65_000 -> "1m 05s", 3_725_000 -> "1h 02m". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return "—";
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

/** A candidate's answer (not a notice, not the interviewer's turn). */
export function isAnswer(turn: Pick<TranscriptTurn, "role" | "kind">): boolean {
  return turn.role === "candidate" && turn.kind === "answer";
}

/** The candidate's answers to one question, in turn order (what the score report's spans point into, once joined). */
export function answersOf(question: { turns: ReadonlyArray<Pick<TranscriptTurn, "role" | "kind" | "text">> }): string[] {
  return question.turns.filter(isAnswer).map((t) => t.text);
}

/** "+3:07" from the start of the session (mm:ss, or h:mm:ss past an hour). */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `+${h}:${String(m).padStart(2, "0")}:${s}` : `+${m}:${s}`;
}

/** Time the candidate spent answering: the answers' elapsed times, else the question's start-to-score time. */
export function timeTakenMs(question: Pick<TranscriptQuestion, "turns" | "startedAt" | "completedAt">): number | null {
  const answers = question.turns.filter(isAnswer);
  const measured = answers.filter((t) => t.elapsedMs != null);
  if (measured.length > 0) return measured.reduce((sum, t) => sum + (t.elapsedMs ?? 0), 0);
  if (question.startedAt && question.completedAt) return question.completedAt.getTime() - question.startedAt.getTime();
  return null;
}

/** A session's wall-clock duration (start to finish); null while it runs. */
export function sessionDurationMs(s: { startedAt: Date; finishedAt: Date | null }): number | null {
  return s.finishedAt ? s.finishedAt.getTime() - s.startedAt.getTime() : null;
}

export function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** What a turn is, in words, for the transcript and the Markdown export. */
export function turnLabel(turn: Pick<TranscriptTurn, "role" | "kind">): string {
  if (turn.role === "candidate") return "You";
  if (turn.role === "system") return "Notice";
  switch (turn.kind) {
    case "question":
      return "Interviewer · question";
    case "follow-up":
      return "Interviewer · follow-up";
    case "move-on":
      return "Interviewer";
    case "wrap-up":
      return "Interviewer · wrap-up";
    default:
      return "Interviewer";
  }
}

export const BAND_LABEL: Record<string, string> = { strong: "Strong", solid: "Solid", partial: "Partial", weak: "Weak" };
