/**
 * Exporters of one session: Markdown (for reading, sharing, printing) and JSON (the versioned
 * format of export-schema.ts, documented in docs/export-format.md). Pure functions of a
 * Transcript; the route handler only sets the download headers.
 */
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportQuestion, type SessionExport } from "./export-schema.ts";
import { answersOf, BAND_LABEL, capitalise, formatDuration, formatOffset, isAnswer, sessionDurationMs, timeTakenMs, turnLabel } from "./format.ts";
import { evidenceQuotes, scoredText } from "./highlight.ts";
import type { Transcript, TranscriptQuestion } from "./views.ts";

export const EXPORT_FORMATS = ["md", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function toExportJson(t: Transcript, exportedAt: Date = new Date()): SessionExport {
  const duration = sessionDurationMs(t);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    session: {
      id: t.id,
      status: t.status,
      mode: t.mode,
      engine: t.engine,
      bankId: t.bankId,
      seed: t.seed,
      startedAt: t.startedAt.toISOString(),
      finishedAt: t.finishedAt?.toISOString() ?? null,
      durationMs: duration == null ? null : Math.max(0, duration),
      questionCount: t.questionCount,
      overallScore: t.overallScore,
    },
    questions: t.questions.map(exportQuestion),
  };
}

function exportQuestion(q: TranscriptQuestion): ExportQuestion {
  const s = q.snapshot;
  const taken = timeTakenMs(q);
  return {
    index: q.index,
    questionId: q.questionId,
    bankId: s?.bankId ?? "",
    title: s?.title ?? q.title,
    prompt: s?.prompt ?? q.title,
    topic: s?.topic ?? q.topic,
    difficulty: s?.difficulty ?? q.difficulty,
    tags: s?.tags ?? [],
    minutesAllowed: q.minutes,
    contentHash: q.contentHash,
    status: q.status,
    startedAt: q.startedAt?.toISOString() ?? null,
    completedAt: q.completedAt?.toISOString() ?? null,
    timeTakenMs: taken == null ? null : Math.max(0, Math.round(taken)),
    followUpsAsked: q.turns.filter((turn) => turn.kind === "follow-up").length,
    score: q.score,
    answerText: scoredText(answersOf(q)),
    report: q.report,
    reference: s?.reference ?? "",
    errata: s?.errata ?? "",
    turns: q.turns.map((turn) => ({
      seq: turn.seq,
      role: turn.role,
      kind: turn.kind,
      text: turn.text,
      keyPointId: turn.keyPointId,
      late: turn.late,
      elapsedMs: turn.elapsedMs == null ? null : Math.max(0, Math.round(turn.elapsedMs)),
      at: turn.createdAt.toISOString(),
    })),
  };
}

// ---- Markdown ---------------------------------------------------------------------------------

/** 2025-03-03 14:05 UTC */
export function utcStamp(d: Date, seconds = false): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

/** Prefixes every line so any Markdown (code fences included) stays inside the quote. */
function quote(text: string): string {
  const body = text.trim() === "" ? "*(no answer)*" : text.replace(/\r\n?/g, "\n");
  return body
    .split("\n")
    .map((l) => (l ? `> ${l}` : ">"))
    .join("\n");
}

const STATUS_MARK: Record<string, string> = { covered: "✅ Covered", partial: "🟡 Partial", missed: "❌ Missed", contradicted: "✗ Contradicted" };

export function toMarkdown(t: Transcript): string {
  const out: string[] = [];
  const duration = sessionDurationMs(t);
  out.push(`# Interview of ${utcStamp(t.startedAt)}`, "");
  out.push(
    `- **Mode:** ${capitalise(t.mode)}`,
    `- **Interviewer:** ${t.engine}`,
    `- **Started:** ${utcStamp(t.startedAt)}`,
    `- **Status:** ${t.status === "finished" ? `finished ${t.finishedAt ? utcStamp(t.finishedAt) : ""}`.trim() : "in progress"}`,
    `- **Duration:** ${formatDuration(duration)}`,
    `- **Overall score:** ${t.overallScore == null ? "not scored" : `${t.overallScore} / 100`}`,
    "",
  );
  if (t.questions.length > 0) {
    out.push("| # | Question | Topic | Difficulty | Score | Time |", "|---|---|---|---|---|---|");
    for (const q of t.questions) {
      out.push(
        `| ${q.index + 1} | ${cell(q.snapshot?.title ?? q.title)} | ${cell(q.topic)} | ${capitalise(q.difficulty)} | ${q.score ?? "—"} | ${formatDuration(timeTakenMs(q))} |`,
      );
    }
    out.push("");
  }
  for (const q of t.questions) out.push(...questionMarkdown(t, q));
  out.push("---", "", `*Exported from Interview Studio. Session \`${t.id}\`.*`, "");
  return out.join("\n");
}

function questionMarkdown(t: Transcript, q: TranscriptQuestion): string[] {
  const out: string[] = [];
  const s = q.snapshot;
  const r = q.report;
  out.push(`## ${q.index + 1}. ${s?.title ?? q.title}`, "");
  out.push(
    `*${[q.topic, capitalise(q.difficulty), `${q.minutes} min allowed`, `time taken ${formatDuration(timeTakenMs(q))}`, q.score == null ? "not scored" : `score ${q.score}/100${r ? ` (${BAND_LABEL[r.band] ?? r.band})` : ""}`].join(" · ")}*`,
    "",
  );
  if (s && s.prompt.trim() && s.prompt.trim() !== s.title.trim()) out.push("**Question**", "", s.prompt.trim(), "");

  out.push("### Transcript", "");
  for (const turn of q.turns) {
    const meta = [formatOffset(turn.createdAt.getTime() - t.startedAt.getTime()), utcStamp(turn.createdAt, true)];
    if (isAnswer(turn) && turn.elapsedMs != null) meta.push(`took ${formatDuration(turn.elapsedMs)}`);
    if (turn.late) meta.push("late");
    out.push(`**${turnLabel(turn)}** (${meta.join(" · ")})`, "", quote(turn.text), "");
  }
  if (q.turns.length === 0) out.push("*Not reached.*", "");

  if (r) {
    out.push(`### Score: ${r.score}/100 (${BAND_LABEL[r.band] ?? r.band})`, "");
    if (r.feedback.trim()) out.push(r.feedback.trim(), "");
    if (r.keyPoints.length) {
      out.push("**Key points**", "");
      for (const kp of r.keyPoints) {
        const quotes = kp.status === "missed" ? [] : evidenceQuotes(kp.evidence);
        out.push(
          `- ${STATUS_MARK[kp.status] ?? kp.status} (weight ${kp.weight}): ${kp.text}${quotes.length ? `  \n  Evidence: ${quotes.map((x) => `“${x}”`).join(", ")}` : ""}`,
        );
      }
      out.push("");
    }
    if (r.misconceptions.length) {
      out.push("**What was wrong**", "");
      for (const f of r.misconceptions) {
        const quotes = evidenceQuotes(f.evidence);
        const said = quotes.length ? quotes.map((x) => `“${x}”`).join(", ") : f.text;
        out.push(
          `- ✗ ${said}${f.corrected ? " (corrected later)" : ""}${f.source !== "negation" && quotes.length ? `  \n  ${f.text}` : ""}${f.correction ? `  \n  ${f.source === "negation" ? "In fact" : "Correction"}: ${f.correction}` : ""}`,
        );
      }
      out.push("");
    }
    if (r.strengths.length) out.push("**Strengths**", "", ...r.strengths.map((x) => `- ${x}`), "");
    if (r.gaps.length) out.push("**To work on**", "", ...r.gaps.map((x) => `- ${x}`), "");
  }
  if (s) {
    out.push("### Reference answer", "", s.reference.trim(), "");
    if (s.errata.trim()) out.push("**Errata**", "", s.errata.trim(), "");
  }
  return out;
}

/** interview-2025-03-03-ck1234ab.md */
export function exportFilename(t: Pick<Transcript, "id" | "startedAt">, format: ExportFormat): string {
  const safeId = t.id.replace(/[^a-zA-Z0-9_-]/g, "").slice(0, 40);
  return `interview-${t.startedAt.toISOString().slice(0, 10)}-${safeId}.${format}`;
}
