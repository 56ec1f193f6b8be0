/**
 * Cue patterns: how a bank says what a misconception sounds like when a candidate says it in
 * their own words. A misconception's `- **Cues:**` item holds patterns separated by `;`. A pattern
 * is groups joined by ` + ` (all must occur in one claim: a sentence, split again at "but",
 * "whereas"... and at semicolons); a group is alternatives separated by `|` (any one will do); a group that starts
 * with `!` must NOT occur in that claim. An alternative is a word or a phrase, matched on stems in
 * order with the polarity it is written with ("no lock" needs "lock" denied, "immutable" needs
 * "mutable" denied), so the candidate's word order between groups and their inflections are free.
 *
 *   - **Cues:** fixture + once | cached | shared + default | unless !function | fresh; ...
 *
 * This module is the syntax only (shared by the bank parser, which rejects malformed patterns, and
 * the scorer, which compiles them to stems in `lib/scoring/cues.ts`).
 */
export interface CueGroupSource {
  /** The group must not occur in the claim. */
  absent: boolean;
  /** Alternatives as written (words or phrases). */
  alternatives: string[];
}

export interface CuePatternSource {
  source: string;
  groups: CueGroupSource[];
}

/** Splits one pattern; returns an error message instead when it is malformed. */
export function splitCuePattern(source: string): CuePatternSource | { error: string } {
  const text = source.trim();
  if (!text) return { error: "an empty cue pattern" };
  const groups: CueGroupSource[] = [];
  for (const raw of text.split(/\s\+\s/)) {
    let g = raw.trim();
    const absent = g.startsWith("!");
    if (absent) g = g.slice(1).trim();
    const alternatives = g
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
    if (alternatives.length === 0) return { error: `cue pattern "${text}" has an empty group` };
    groups.push({ absent, alternatives });
  }
  if (!groups.some((g) => !g.absent)) return { error: `cue pattern "${text}" has only excluded (!) groups` };
  return { source: text, groups };
}
