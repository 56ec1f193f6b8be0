/**
 * The 1-4 rating rubric of a kit question, written from its key points: what a 1, 2, 3 and 4
 * answer sound like. Essential points (weight 4-5, at most four, or the two heaviest when none is)
 * separate a 2 from a 3; the finer points separate a 3 from a 4; the red flags mark a 1.
 */
import type { KeyPoint, Question } from "../bank/schema.ts";
import type { Level, RubricAnchor, KitKeyPoint } from "./schemas.ts";

export const RATING_LABELS = { 1: "Weak", 2: "Partial", 3: "Solid", 4: "Excellent" } as const;

const MAX_ESSENTIAL = 4;

/** Marks the essential key points of a question. */
export function kitKeyPoints(points: readonly KeyPoint[]): KitKeyPoint[] {
  const ranked = points.map((k, i) => ({ k, i })).sort((a, b) => b.k.weight - a.k.weight || a.i - b.i);
  let essential = ranked.filter((r) => r.k.weight >= 4).slice(0, MAX_ESSENTIAL);
  if (essential.length < 2) essential = ranked.slice(0, Math.min(2, ranked.length));
  const ids = new Set(essential.map((r) => r.k.id));
  return points.map((k) => ({ id: k.id, weight: k.weight, text: k.text, essential: ids.has(k.id) }));
}

/**
 * The gist of a key point: its first clause ("CPython's primary mechanism is reference counting"),
 * at most ~70 characters, cut at a word, without Markdown emphasis.
 */
export function gist(text: string, max = 70): string {
  let s = stripEmphasis(text.trim()).replace(/\s+/g, " ");
  const cut = s.search(/(?::\s|;\s|\s[—–-]\s|\s\(|,\s(?:which|so|because|while|whereas|and|but)\b)/);
  if (cut >= 20) s = s.slice(0, cut);
  s = s.replace(/[.;:,]+$/, "");
  if (s.length > max) {
    const head = s.slice(0, max);
    const space = head.lastIndexOf(" ");
    s = `${head.slice(0, space > max * 0.6 ? space : max).replace(/[,;:]+$/, "")}…`;
  }
  return s;
}

/** Removes **bold** / __bold__ markers outside `code` spans. */
export function stripEmphasis(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\*\*|__/g, "")))
    .join("");
}

function list(items: readonly string[]): string {
  return items.map((t) => `“${t}”`).join("; ");
}

/** The four anchors for a question at a level. */
export function rubricFor(points: readonly KitKeyPoint[], redFlags: readonly { text: string }[], level: Level): RubricAnchor[] {
  const essential = points.filter((p) => p.essential).map((p) => gist(p.text));
  const finer = points.filter((p) => !p.essential).map((p) => gist(p.text));
  const seniorish = level === "senior" || level === "staff";
  const flag = redFlags[0]?.text.replace(/\.$/, "");
  const [core, ...others] = essential;

  const weak =
    `Cannot explain the core idea (${list(core ? [core] : [])}), even with prompting` +
    (flag ? `; or shows a misconception, e.g. ${lowerFirst(flag)}.` : "; or answers a different question.");
  const partial = others.length
    ? `Gets the core idea but misses or muddles other essentials (${list(others)}); stays vague or needs heavy prompting.`
    : "Gets the core idea but cannot explain why or give an example; stays vague or needs heavy prompting.";
  const solid =
    `Covers ${essential.length === 2 ? "both essentials" : essential.length > 2 ? `all ${essential.length} essentials` : "the essential point"} clearly` +
    (finer.length ? `; may need a prompt for finer points such as ${list(finer.slice(0, 1))}.` : "; minor gaps at most.") +
    (level === "junior" ? " A prompt or two is fine at this level." : "");
  const excellent =
    (finer.length ? `Everything in a 3 plus the finer points (${list(finer)}); ` : "Everything in a 3, in depth; ") +
    "explains why with an example or code and handles the follow-ups without red flags" +
    (seniorish ? ", weighing the trade-offs from real experience." : ".");

  return [
    { score: 1, label: RATING_LABELS[1], anchor: weak },
    { score: 2, label: RATING_LABELS[2], anchor: partial },
    { score: 3, label: RATING_LABELS[3], anchor: solid },
    { score: 4, label: RATING_LABELS[4], anchor: excellent },
  ];
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * Key points for a question without an authored rubric (user banks): the first prose sentences of
 * the reference answer, the first two marked heavier.
 */
export function derivedKeyPoints(q: Pick<Question, "reference" | "keyPoints">): KeyPoint[] {
  if (q.keyPoints.length > 0) return q.keyPoints;
  const prose = q.reference
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/^#+\s.*$/gm, " ")
    .replace(/^\s*[-*]\s+/gm, "")
    .replace(/\s+/g, " ");
  const sentences = prose.match(/[^.!?]+[.!?]+/g) ?? [prose];
  return sentences
    .map((s) => s.trim())
    .filter((s) => s.length >= 30 && s.length <= 400)
    .slice(0, 5)
    .map((text, i) => ({ id: `point-${i + 1}`, weight: i < 2 ? 4 : 3, text: stripEmphasis(text), terms: [], code: [] }));
}
