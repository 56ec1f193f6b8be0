/**
 * Words for the candidate: strengths in their own terms, gaps phrased as what to add (from the
 * rubric's terms, never the reference text), and short actionable feedback.
 */
import type { Band, KeyPointResult, MisconceptionHit } from "./report.ts";
import type { PKeyPoint } from "./prepare.ts";

const MAX_QUOTE = 110;

function quote(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length <= MAX_QUOTE ? one : one.slice(0, MAX_QUOTE - 1).replace(/\s+\S*$/, "") + "…";
}

/** A short name for a key point: its id as words ("cpu-bound-no-speedup" -> "cpu bound no speedup"). */
export function keyPointName(id: string): string {
  return id.replace(/^point-(\d+)$/, "point $1").replace(/-/g, " ");
}

/** Strengths: each covered point, quoting the candidate's own words that evidence it. */
export function strengthsOf(results: readonly KeyPointResult[], sentenceOf: (start: number) => string): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.status !== "covered") continue;
    const ev = r.evidence[0];
    if (!ev) continue;
    out.push(`${capitalise(keyPointName(r.id))}: “${quote(sentenceOf(ev.start) || ev.text)}”`);
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function listTerms(labels: readonly string[], n: number): string {
  const picked: string[] = [];
  // Short terms name a topic without giving the answer away; long ones read like the reference.
  const ordered = labels.filter((l) => l.trim().split(/\s+/).length <= 3);
  for (const l of ordered.length > 0 ? ordered : labels.slice(0, 1)) {
    const t = l.trim();
    if (!t || picked.some((p) => p.toLowerCase() === t.toLowerCase())) continue;
    picked.push(t);
    if (picked.length >= n) break;
  }
  if (picked.length <= 1) return picked[0] ?? "";
  return `${picked.slice(0, -1).join(", ")} and ${picked[picked.length - 1]}`;
}

/**
 * Gaps, most important first: what to add, phrased from the key point's terms so the reference
 * answer is not pasted.
 */
export function gapsOf(results: readonly KeyPointResult[], points: readonly PKeyPoint[], generic: boolean): string[] {
  const byId = new Map(points.map((p) => [p.id, p]));
  const missing = results
    .filter((r) => r.status !== "covered")
    .sort((a, b) => b.weight - a.weight || (a.status === "partial" ? -1 : 1));
  const out: string[] = [];
  for (const r of missing) {
    const p = byId.get(r.id);
    const terms = listTerms(p?.labels ?? [], 3);
    const name = keyPointName(r.id);
    if (generic) {
      out.push(
        r.status === "partial"
          ? `Develop ${terms ? `the part about ${terms}` : name}: you touched on it; say what it is and why it matters.`
          : `Add ${terms ? `the point about ${terms}` : name}.`,
      );
    } else {
      out.push(
        r.status === "partial"
          ? `Go further on ${name}${terms ? ` (e.g. ${terms})` : ""}: you touched on it but did not explain it.`
          : `Add ${name}${terms ? ` (e.g. ${terms}) and explain why it matters` : ""}.`,
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
  if (f.flags.includes("injection-only"))
    return "The answer addresses the grader instead of the question; such text is ignored. Answer the question itself.";
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
  if (f.flags.includes("keyword-dump"))
    parts.push("Listing terms is not explaining them: say what each does and how they relate, in full sentences.");
  if (f.flags.includes("contradiction") && !wrong) parts.push("Part of the answer denies something that is true; double-check your claims.");
  if (f.flags.includes("code-only")) parts.push("Add a sentence or two of explanation: the code shows what, not why or when.");
  if (f.flags.includes("injection")) parts.push("Instructions addressed to the grader were ignored.");
  if (f.topGap && !f.flags.includes("off-topic") && f.band !== "strong") parts.push(f.topGap);
  return parts.join(" ");
}
