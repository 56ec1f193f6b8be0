/**
 * Which job-description words are worth showing to a person. Matching is done on stems (so
 * "suites" and "suitable" meet), but what is shown must be a word a recruiter recognises in the
 * question: generic job-ad verbs and fillers ("own", "write", "others") are never shown, and
 * stored documents from before this rule are filtered the same way when they are displayed.
 * Pure and tiny: safe in the browser.
 */
const GENERIC = new Set(
  (
    "own owns owning owned write writes writing written wrote others other another need needs needed code codes coding coded " +
    "new use uses using used make makes making made get gets getting set sets well also across within ensure ensuring " +
    "deliver delivering drive driving support supporting maintain maintaining improve improving scale scaling modern high " +
    "best practices practice tools tool stack part parts way ways thing things time times like including include includes " +
    "love enjoy want wants think run runs running take takes keep keeps mentor mentoring grow growing"
  ).split(" "),
);

/** Lowercase, plural-free form used to compare a job-description word with a question's word. */
export function wordKey(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** A term that reads as a word worth showing (not generic, not a number, not a fragment). */
export function isTellingTerm(term: string): boolean {
  const t = term.trim().toLowerCase();
  return t.length >= 2 && !/^\d+$/.test(t) && !GENERIC.has(t) && !GENERIC.has(wordKey(t));
}

/** The terms of a document to show, in order, without generic words or duplicates. */
export function displayTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of terms) {
    const key = wordKey(t);
    if (!isTellingTerm(t) || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
