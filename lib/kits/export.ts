/**
 * Exporters: a kit as Markdown (to print, paste in a doc or a wiki) and as JSON (the document
 * itself, the same JSON the CLI prints), and scorecards as JSON, CSV and Markdown. Pure.
 */
import { clock, timeline } from "./plan.ts";
import { neutraliseFormula } from "../format/csv-formula.ts";
import { displayTerms } from "./terms.ts";
import { LEVEL_LABELS, RECOMMENDATION_LABELS, type Recommendation, type KitDocument, type StoredScorecardEntry } from "./schemas.ts";

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
/** A table cell: one line, pipes escaped. */
const cell = (s: string) =>
  s
    .replace(/\r?\n+/g, " ")
    .replace(/\|/g, "\\|")
    .trim();

/** The kit document as pretty JSON: what `npm run kit -- --format json` prints. */
export function kitToJson(doc: KitDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function kitToMarkdown(doc: KitDocument): string {
  const out: string[] = [];
  const n = doc.questions.length;
  out.push(`# ${doc.title}`, "");
  out.push(`${LEVEL_LABELS[doc.level]} · ${doc.totalMinutes} minutes · ${n} question${n === 1 ? "" : "s"} · seed \`${doc.seed}\``, "");
  out.push(`Topics: ${doc.topics.length ? doc.topics.join("; ") : "all"}`, "");
  if (doc.steering && displayTerms(doc.steering.terms).length) out.push(`Steered by the job description: ${displayTerms(doc.steering.terms).join(", ")}`, "");
  if (doc.notes.trim()) out.push("## Notes", "", doc.notes.trim(), "");

  out.push("## Plan", "", "| Time | Section | Minutes |", "| --- | --- | ---: |");
  for (const row of timeline(doc)) out.push(`| ${clock(row.start)}–${clock(row.end)} | ${cell(row.label)} | ${row.minutes} |`);
  out.push("");

  out.push(`## Introduction (${doc.intro.minutes} min)`, "", doc.intro.text.trim(), "");

  doc.questions.forEach((q, i) => {
    out.push(`## ${i + 1}. ${q.title} (${q.minutes} min)`, "");
    out.push(`*${q.topic} · ${cap(q.difficulty)}${displayTerms(q.matchedTerms).length ? ` · matches: ${displayTerms(q.matchedTerms).join(", ")}` : ""}*`, "");
    if (q.prompt.trim()) out.push("**Ask:**", "", q.prompt.trim(), "");
    out.push("### What a good answer covers", "");
    for (const k of q.keyPoints) out.push(`- ${k.essential ? "**Essential:** " : ""}${k.text}`);
    out.push("");
    if (q.followUps.length) {
      out.push("### Follow-up probes", "");
      for (const f of q.followUps) out.push(`- ${f.text}`);
      out.push("");
    }
    if (q.redFlags.length) {
      out.push("### Red flags", "");
      for (const r of q.redFlags) out.push(`- ${r.text}${r.listenFor.length ? ` Listen for: ${r.listenFor.map((p) => `“${p}”`).join(", ")}.` : ""}`);
      out.push("");
    }
    out.push("### Rating", "", "| Rating | What it sounds like |", "| --- | --- |");
    for (const r of q.rubric) out.push(`| ${r.score} · ${r.label} | ${cell(r.anchor)} |`);
    out.push("");
    if (q.notes.trim()) out.push("### Notes", "", q.notes.trim(), "");
  });

  out.push(`## Wrap-up (${doc.wrapUp.minutes} min)`, "", doc.wrapUp.text.trim(), "");

  out.push("## Scorecard", "", "Candidate: ______________________  Date: ____________", "");
  out.push("| # | Question | Key points heard | Rating (1-4) | Notes |", "| --- | --- | --- | --- | --- |");
  doc.questions.forEach((q, i) => out.push(`| ${i + 1} | ${cell(q.title)} | ${q.keyPoints.map(() => "☐").join(" ")} / ${q.keyPoints.length} |  |  |`));
  out.push("");
  out.push(
    `Overall recommendation: ${(["strong-hire", "hire", "no-hire", "strong-no-hire"] as const).map((r) => `☐ ${RECOMMENDATION_LABELS[r]}`).join("  ")}`,
    "",
  );
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

// ---- scorecards ---------------------------------------------------------------------------------

export type ScorecardRecord = {
  id: string;
  candidateName: string;
  recommendation: Recommendation;
  notes: string;
  scriptVersion: number;
  entries: StoredScorecardEntry[];
  createdAt: Date;
};

/** Mean of the given 1-4 ratings, one decimal; null when none was given. */
/** The average of the rated questions (unrated ones are left out: see `ratingSummary` to say so). */
export function averageRating(entries: readonly { rating: number | null }[]): number | null {
  const rated = entries.map((e) => e.rating).filter((r): r is number => r !== null);
  return rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10 : null;
}

/** The average and how many questions it leaves out, in words: "2.5 / 4 (1 of 3 questions not rated, left out)". */
export function ratingSummary(entries: readonly { rating: number | null }[]): { average: number | null; rated: number; unrated: number; text: string } {
  const average = averageRating(entries);
  const unrated = entries.filter((e) => e.rating === null).length;
  const rated = entries.length - unrated;
  const text =
    entries.length === 0
      ? "no questions"
      : average === null
        ? `not rated (none of the ${entries.length} question${entries.length === 1 ? " was" : "s were"} rated)`
        : unrated > 0
          ? `${average} / 4 over ${rated} of ${entries.length} questions (${unrated} not rated, left out)`
          : `${average} / 4`;
  return { average, rated, unrated, text };
}

export function scorecardsToJson(kit: { id: string; title: string }, scorecards: readonly ScorecardRecord[]): string {
  return `${JSON.stringify(
    {
      script: { id: kit.id, title: kit.title },
      scorecards: scorecards.map((s) => ({
        id: s.id,
        candidateName: s.candidateName,
        createdAt: s.createdAt.toISOString(),
        recommendation: s.recommendation,
        averageRating: averageRating(s.entries),
        unratedQuestions: s.entries.filter((e) => e.rating === null).length,
        scriptVersion: s.scriptVersion,
        notes: s.notes,
        questions: s.entries,
      })),
    },
    null,
    2,
  )}\n`;
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvCell(value: string | number | null): string {
  const s = neutraliseFormula(value === null ? "" : String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per candidate and question. */
export function scorecardsToCsv(scorecards: readonly ScorecardRecord[]): string {
  const header = [
    "scorecard_id",
    "candidate",
    "date",
    "recommendation",
    "average_rating",
    "question_no",
    "question_id",
    "question",
    "rating",
    "key_points_heard",
    "key_points_total",
    "minutes_spent",
    "question_notes",
    "overall_notes",
  ];
  const rows = [header.join(",")];
  for (const s of scorecards) {
    const avg = averageRating(s.entries);
    const base = [s.id, s.candidateName, s.createdAt.toISOString(), RECOMMENDATION_LABELS[s.recommendation], avg];
    if (s.entries.length === 0) rows.push([...base, "", "", "", "", "", "", "", "", s.notes].map(csvCell).join(","));
    s.entries.forEach((e, i) =>
      rows.push(
        [
          ...base,
          i + 1,
          e.questionId,
          e.title,
          e.rating,
          e.keyPoints.filter((k) => k.ticked).length,
          e.keyPoints.length,
          Math.round(e.seconds / 60),
          e.notes,
          s.notes,
        ]
          .map(csvCell)
          .join(","),
      ),
    );
  }
  return `${rows.join("\r\n")}\r\n`;
}

export function scorecardToMarkdown(kitTitle: string, s: ScorecardRecord): string {
  const out: string[] = [];
  const summary = ratingSummary(s.entries);
  out.push(`## ${s.candidateName}`, "");
  out.push(`${kitTitle} · ${s.createdAt.toISOString().slice(0, 10)} · **${RECOMMENDATION_LABELS[s.recommendation]}** · average rating ${summary.text}`, "");
  if (s.notes.trim()) out.push(s.notes.trim(), "");
  s.entries.forEach((e, i) => {
    const heard = e.keyPoints.filter((k) => k.ticked).length;
    out.push(`### ${i + 1}. ${e.title}`, "");
    out.push(
      `Rating: ${e.rating ?? "not rated"}${e.rating ? "/4" : ""} · key points heard: ${heard}/${e.keyPoints.length} · time: ${Math.round(e.seconds / 60)} min`,
      "",
    );
    for (const k of e.keyPoints) out.push(`- [${k.ticked ? "x" : " "}] ${k.text}`);
    out.push("");
    const flags = e.redFlags.filter((r) => r.heard);
    if (flags.length) {
      out.push("Red flags heard:", "");
      for (const r of flags) out.push(`- ${r.text}`);
      out.push("");
    }
    if (e.notes.trim()) out.push(e.notes.trim(), "");
  });
  return out.join("\n");
}

export function scorecardsToMarkdown(kitTitle: string, scorecards: readonly ScorecardRecord[]): string {
  const parts = [`# Scorecards: ${kitTitle}`, ""];
  if (scorecards.length === 0) parts.push("No scorecards yet.", "");
  for (const s of scorecards) parts.push(scorecardToMarkdown(kitTitle, s));
  return `${parts
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
