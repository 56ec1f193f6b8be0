/**
 * Words for the candidate: strengths in their own words, gaps phrased as sentences a person would
 * say (never a key point's id or a list of rubric terms, and never the reference text), and short
 * actionable feedback.
 */
import type { Band, KeyPointResult, MisconceptionHit } from "./report.ts";
import type { PKeyPoint } from "./prepare.ts";

const MAX_QUOTE = 110;

/** A quote on one line, cut (when too long) at a word boundary, never inside a word or identifier. */
function quote(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  if (one.length <= MAX_QUOTE) return one;
  const cut = one.slice(0, MAX_QUOTE - 1);
  const atSpace = cut.lastIndexOf(" ");
  return (atSpace > MAX_QUOTE / 2 ? cut.slice(0, atSpace) : cut).replace(/[\s,;:]+$/, "") + "…";
}

/**
 * A short name for a key point: its id as words ("cpu-bound-no-speedup" -> "cpu bound no speedup").
 * For logs and tools; words for the candidate use the key point's statement or its authored terms.
 */
export function keyPointName(id: string): string {
  return id.replace(/^point-(\d+)$/, "point $1").replace(/-/g, " ");
}

/** Strengths: each covered point, quoting the candidate's own words (the whole sentence) that evidence it. */
export function strengthsOf(results: readonly KeyPointResult[], sentenceOf: (start: number) => string): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.status !== "covered") continue;
    const ev = r.evidence[0];
    if (!ev) continue;
    const said = quote(sentenceOf(ev.start) || ev.text);
    const point = r.text.trim().replace(/[.:;]+$/, "");
    out.push(point ? `${point}: you said “${said}”` : `You said “${said}”`);
  }
  return out;
}

/** An authored term a person would say aloud: several plain words rather than an identifier. */
function topicOf(p: PKeyPoint | undefined): string {
  const labels = [...(p?.termTexts ?? []), ...(p?.labels ?? [])].map((l) => l.trim()).filter(Boolean);
  const plain = (l: string) => /^[\p{L}][\p{L}\s'-]*$/u.test(l);
  const words = (l: string) => l.split(/\s+/).length;
  return labels.find((l) => plain(l) && words(l) >= 2 && words(l) <= 4) ?? labels.find((l) => plain(l) && l.length >= 4 && words(l) <= 4) ?? "";
}

const ORDER: Record<KeyPointResult["status"], number> = { partial: 0, missed: 1, contradicted: 2, covered: 3 };

/**
 * Gaps, most important first: what to add, as a sentence a person would say. It names the topic
 * with one of the key point's authored terms (never its id, never a list of terms) and does not
 * paste the key point's statement or the reference: the score report lists the points themselves.
 */
export function gapsOf(results: readonly KeyPointResult[], points: readonly PKeyPoint[], generic: boolean): string[] {
  const byId = new Map(points.map((p) => [p.id, p]));
  const missing = results
    .filter((r) => r.status !== "covered")
    // A contradicted point comes after the others of its weight: the wrong claim leads the feedback already.
    .sort((a, b) => b.weight - a.weight || ORDER[a.status] - ORDER[b.status]);
  const out: string[] = [];
  for (const r of missing) {
    const topic = topicOf(byId.get(r.id));
    const about = topic ? `${/^[A-Z]{2}/.test(topic) ? topic : topic.charAt(0).toLowerCase() + topic.slice(1)}` : "";
    if (r.status === "partial") {
      out.push(
        about
          ? `Go further on ${about}: you touched on it; say what it is and why it matters.`
          : "Go further on the point you only touched on: say what it is and why it matters.",
      );
    } else if (r.status === "contradicted") {
      out.push(
        about
          ? `Check what you said about ${about}: part of it is not right, and the correction is with the score.`
          : "Check the claim marked as wrong: the correction is with the score.",
      );
    } else if (generic) {
      out.push(about ? `Add a sentence or two about ${about}.` : "Add the key point you missed: it is listed with the score.");
    } else {
      out.push(
        about
          ? `Add what you know about ${about}, and explain why it matters.`
          : "Add the key point you missed (it is listed with the score), and explain why it matters.",
      );
    }
  }
  return out;
}

export interface FeedbackFacts {
  band: Band;
  covered: number;
  partial: number;
  total: number;
  flags: readonly string[];
  topGap?: string;
  /** Wrong claims that stand (not corrected later). */
  misconceptions: readonly MisconceptionHit[];
}

/** Two or three sentences the candidate can act on. */
export function feedbackOf(f: FeedbackFacts): string {
  const parts: string[] = [];
  const cov = `${f.covered} of ${f.total} key points covered${f.partial ? `, ${f.partial} partly` : ""}`;
  if (f.flags.includes("empty")) return "No answer to score. Write what you know, even briefly: a partial answer earns credit.";
  if (f.flags.includes("injection-only")) return "The answer addresses the grader instead of the question; such text is ignored. Answer the question itself.";
  // A wrong claim comes first: it matters more than anything covered.
  // (The correction itself is listed with the claim in the report, not repeated here.)
  const wrong = f.misconceptions[0];
  if (wrong) {
    const said = wrong.evidence[0]?.text;
    const more = f.misconceptions.length - 1;
    parts.push(
      `${said ? `“${quote(said)}” is not right` : "Part of the answer is not right"}${more ? `, and ${more} more claim${more > 1 ? "s are" : " is"} wrong too` : ""}; the correction${more ? "s are" : " is"} under “What was wrong”.`,
    );
  }
  if (f.flags.includes("off-topic")) parts.push("This does not answer the question asked; re-read it and address it directly.");
  else if (f.band === "strong") parts.push(`Strong answer: ${cov}.`);
  else if (f.band === "solid") parts.push(`Solid answer: ${cov}.`);
  else if (f.band === "partial") parts.push(`Partial answer: ${cov}.`);
  else parts.push(`Weak answer: ${cov}.`);
  if (f.flags.includes("keyword-dump")) parts.push("Listing terms is not explaining them: say what each does and how they relate, in full sentences.");
  if (f.flags.includes("contradiction") && !wrong) parts.push("Part of the answer denies something that is true; double-check your claims.");
  if (f.flags.includes("code-only")) parts.push("Add a sentence or two of explanation: the code shows what, not why or when.");
  if (f.flags.includes("injection")) parts.push("Instructions addressed to the grader were ignored.");
  if (f.topGap && !f.flags.includes("off-topic") && f.band !== "strong") parts.push(f.topGap);
  return parts.join(" ");
}
