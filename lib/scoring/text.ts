/**
 * Text analysis for the offline scorer: tokens with offsets, stems, sentences, code lines, and
 * negation scope. Pure functions. Words, stems and function words come from the text kernel
 * (lib/kernel/text.ts), whose defaults are the scorer's reading; `stem` is re-exported from there.
 */
import { SCORER_STOPWORDS as STOPWORDS, stem, wordSpans } from "../kernel/text.ts";
import { CLAUSE_BOUNDARY_WORDS, NEGATION_CUES, NEGATION_RELEASE } from "./lexicon.ts";

export { stem };

/** The separator between the main answer and each follow-up answer. */
export const ANSWER_SEPARATOR = "\n\n";

/**
 * The text that evidence spans point into: the main answer and the follow-up answers joined by a
 * blank line. The UI uses it to highlight `keyPoints[].evidence[]` (`text === combined.slice(start, end)`).
 */
export function combineAnswers(answers: readonly string[]): string {
  return answers.join(ANSWER_SEPARATOR);
}

/** Where each answer starts in `combineAnswers(answers)`. */
export function answerStarts(answers: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const a of answers) {
    starts.push(at);
    at += a.length + ANSWER_SEPARATOR.length;
  }
  return starts;
}

export interface Token {
  start: number;
  end: number;
  /** Lowercased surface form. */
  word: string;
  /** Normalised stem ("" never). */
  stem: string;
  /** Function word. */
  stop: boolean;
  /** Negation cue ("not", "doesn't", ...). */
  cue: boolean;
  /** Inside the scope of a negation cue (a denial), or an opposite word outside one ("immutable"). */
  neg: boolean;
  /** An opposite read as its base word ("immutable" -> "mutable", denied). */
  flip?: boolean;
  /** Sentence index. */
  sent: number;
  /** Clause index (sentences split at punctuation and conjunctions). */
  clause: number;
  /** Contrast questions: the compared things this token's clause is about (set by the scorer). */
  subj?: ReadonlySet<string>;
  /** On a line that looks like code. */
  code: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index range into the token array: [first, last). */
  first: number;
  last: number;
  code: boolean;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

// ---------------------------------------------------------------------------------------------
// Polarity

/**
 * Opposites: the word is read as its base word, denied ("immutable" = not mutable, "slower" = not
 * faster, "sequentially" = not in parallel), so a claim and its opposite compare as the same words
 * with different polarity, and "not immutable" reads as "mutable".
 */
const OPPOSITE_GROUPS: ReadonlyArray<readonly [base: string, opposites: readonly string[]]> = [
  ["mutable", ["immutable", "unmodifiable", "unchangeable", "frozen"]],
  ["hashable", ["unhashable"]],
  ["safe", ["unsafe"]],
  ["atomic", ["nonatomic"]],
  ["fast", ["slow", "slower", "slowest", "sluggish"]],
  ["parallel", ["sequential", "sequentially", "serial", "serially", "serialised", "serialized", "serialises", "serializes", "serialise", "serialize"]],
  ["deep", ["shallow"]],
  ["ordered", ["unordered"]],
  ["sorted", ["unsorted"]],
  ["stable", ["unstable"]],
  ["bounded", ["unbounded"]],
  ["lazy", ["eager", "eagerly"]],
  ["inclusive", ["exclusive"]],
  ["blocking", ["nonblocking"]],
  ["increase", ["decrease", "decreases", "decreased", "reduce", "reduces", "reduced"]],
  ["share", ["copy", "copies", "copied", "copying", "duplicate", "duplicated", "clone", "cloned", "cloning"]],
  ["deterministic", ["nondeterministic"]],
];
const OPPOSITES: ReadonlyMap<string, string> = new Map(OPPOSITE_GROUPS.flatMap(([base, words]) => words.map((w) => [w, base] as const)));
/** "simultaneously" and friends say "in parallel". */
const SAME_AS: ReadonlyMap<string, string> = new Map([
  ["simultaneously", "parallel"],
  ["simultaneous", "parallel"],
  ["parallelism", "parallel"],
  ["parallelise", "parallel"],
  ["parallelize", "parallel"],
  ["parallelised", "parallel"],
  ["parallelized", "parallel"],
  ["lazily", "lazy"],
]);

// ---------------------------------------------------------------------------------------------
// Tokens

/**
 * Python's comparison operators are words of their own in answers about them ("`is` checks
 * identity, `==` checks equality"): `==`/`!=` always, and "is" when it is the operator (in
 * backticks, or the subject of a verb such as "checks" or "compares"), not the verb "to be".
 */
const OPERATOR_STEMS: ReadonlyMap<string, string> = new Map([
  ["==", "eqop"],
  ["!=", "eqop"],
]);
const IS_OPERATOR_NEXT = /^(?:checks?|compares?|tests?|returns?|looks|asks|means|works|operator|uses|calls|is|only|just)$/;

const CODE_LINE_RE =
  /^\s*(?:def |class |import |from [\w.]+ import|@\w|return\b|async def |await |yield\b|raise |try:|except\b|finally:|with .*:$|for .* in .*:$|while .*:$|if .*:$|elif |else:|print\(|#|>>>|\.\.\.|[\w.[\]]+\s*(?:[+\-*/%|&]?=)(?!=)\s*\S|[\w.]+\([^)]*\)\s*(?:#.*)?$|\}|\{|\]|\))/;

const SQL_LINE_RE =
  /^\s*(?:SELECT|FROM|WHERE|(?:LEFT |RIGHT |INNER |FULL |CROSS |OUTER )*JOIN|GROUP BY|ORDER BY|HAVING|LIMIT|INSERT INTO|VALUES|UPDATE|SET|DELETE FROM|CREATE (?:TABLE|INDEX|VIEW)|ALTER TABLE|WITH|UNION|ON)\b|^\s*--\s/;

/** Function words of English that are not Python keywords or common Python names. */
const ENGLISH_ONLY: ReadonlySet<string> = new Set(
  // Not "a": a common one-letter variable name ("b = a").
  "the an it its you your this that these those which when so can will would should because are be been has have of to than then".split(" "),
);

function countEnglishOnly(line: string): number {
  let n = 0;
  // Words inside string literals and a trailing comment are not the line's own prose
  // ("print('the value of x')", "total = add(a, b)  # this is the sum").
  const outsideStrings = line
    .toLowerCase()
    .replace(/'[^'\n]*'|"[^"\n]*"/g, " ")
    .replace(/\s#\s.*$/, "");
  for (const m of outsideStrings.matchAll(/\b[a-z]+\b/g)) if (ENGLISH_ONLY.has(m[0])) n++;
  return n;
}

/**
 * "ON clause, matching keys, NULL, LEFT OUTER JOIN, RIGHT JOIN" is a list of terms, not SQL: four or
 * more commas, no operator, call or identifier, not a statement's first keyword (SELECT, UPDATE
 * ...), no later clause of one (FROM, WHERE, SET ...), and at least two items that are phrases of
 * lower-case words ("matching keys"): "ORDER BY name, age, city, country" is a column list.
 */
function sqlTermList(t: string): boolean {
  const items = t.split(",");
  if (items.length < 5 || /[=(*]|\w[_.]\w/.test(t) || /^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|WITH)\b/.test(t)) return false;
  if (items.filter((item) => /^\s*[a-z]+(?:\s+[a-z]+)+\s*$/.test(item)).length < 2) return false;
  return !/\b(?:SELECT|FROM|WHERE|GROUP BY|ORDER BY|HAVING|VALUES|SET|INTO|LIMIT)\b/.test(t.replace(/^\s*\w+/, ""));
}

/** Words of plain lower-case letters (2+, trailing punctuation allowed): "returns", "fine," ... */
function plainWords(t: string): number {
  let n = 0;
  for (const w of t.split(/\s+/)) if (/^[a-z]{2,}[,;:.]?$/.test(w)) n++;
  return n;
}

/** True for a line that reads as code rather than prose. */
export function isCodeLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (SQL_LINE_RE.test(line) && !sqlTermList(t)) {
    // "INNER JOIN only gives rows that match..." is prose: SQL has few lowercase function words.
    const fw = (t.match(/\b[a-z]+\b/g) ?? []).filter((w) => STOPWORDS.has(w)).length;
    if (fw < 3) return true;
  }
  const words = t.split(/\s+/).length;
  // "yield, send(), next(), gen.close()" is a list of names, not a line of code: count the
  // commas outside brackets.
  let depth = 0;
  let topCommas = 0;
  for (const c of t) {
    if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
    else if (c === "," && depth === 0) topCommas++;
  }
  if (
    topCommas >= 4 &&
    !/[^=!<>]=[^=]/.test(t) &&
    !/^\s*(?:def\s+\w+\s*\(|class\s+\w+\s*[(:]|import\s+[\w.]+|from\s+[\w.]+\s+import|(?:return|yield|raise|assert)\s+[^,\s]|print\()/.test(t)
  )
    return false;
  // Prose that starts with a code word ("except Exception also catches …", "@property turns a
  // method into …", "cls._count += 1 is shared by …"): two or more English function words that
  // Python does not use, in a line that does not open a block.
  const comment = /^\s*#/.test(line);
  if (!comment && !/:\s*$/.test(t) && words >= 6 && countEnglishOnly(t) >= 2) return false;
  // A line that ends a sentence with a full stop after a word ("`@lru_cache` on a method is fine.",
  // "d = {1: 'a', True: 'b'} gives two entries.") is prose: a line of Python never ends that way,
  // once its trailing comment is set aside ("x = 1  # set to one." is code).
  const statement = t.replace(/\s#.*$/, "");
  if (!comment && /[A-Za-z0-9)\]}"'`]\.$/.test(statement) && !/\.\.\.$/.test(statement) && statement.split(/\s+/).length >= 4 && plainWords(statement) >= 2)
    return false;
  if (CODE_LINE_RE.test(line)) {
    // Prose that happens to start like code ("if you need X, use Y:") has many plain words.
    if (/^(?:if|for|while|with|from|else|return|class|import|yield|raise)\b/i.test(t) && words > 8 && !/[=()[\]]/.test(t)) return false;
    return true;
  }
  if (/^\s{4,}\S/.test(line) && /[=():[\]]/.test(line)) return true;
  // Symbol density: code is dense in = ( ) [ ] { } : . , quotes; prose is not.
  const code = t.replace(/#.*$/, "");
  const nonSpace = code.replace(/\s/g, "").length;
  if (nonSpace < 4) return false;
  const symbols = (code.match(/[=()[\]{}:;'"<>+*/%&|@]/g) ?? []).length;
  const hasAssignOrCall = /[^=!<>]=[^=]|\w\(|\)\s*$|^\s*(?:for|while|if|with|def|class|async|await|return)\b.*:/.test(code);
  return hasAssignOrCall && symbols / nonSpace >= 0.12;
}

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|esp|resp|ca|no|fig|[a-z])\.$/i;

/** Sentence boundaries: line breaks, and ., ! or ? followed by whitespace. */
function splitSentences(text: string): Array<{ start: number; end: number; code: boolean }> {
  const out: Array<{ start: number; end: number; code: boolean }> = [];
  let inFence = false;
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = n;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    if (trimmed.startsWith("```")) {
      inFence = !inFence;
    } else if (trimmed) {
      // Markdown table rows are structured data, not sentences: treated like code lines.
      const code = inFence || isCodeLine(line) || /^\|.*\|$/.test(trimmed);
      if (code) {
        out.push({ start: lineStart, end: lineEnd, code: true });
      } else {
        const re = /[.!?]+(?=\s|$)/g;
        let s = lineStart;
        let m: RegExpExecArray | null;
        while ((m = re.exec(line)) !== null) {
          // "e.g. x", "vs. y", "etc. and": an abbreviation does not end the sentence.
          if (m[0] === "." && ABBREVIATION.test(line.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
          const e = lineStart + m.index + m[0].length;
          if (text.slice(s, e).trim()) out.push({ start: s, end: e, code: false });
          s = e;
        }
        if (text.slice(s, lineEnd).trim()) out.push({ start: s, end: lineEnd, code: false });
      }
    }
    lineStart = lineEnd + 1;
  }
  // Trim whitespace from every sentence.
  for (const s of out) {
    while (s.start < s.end && /\s/.test(text[s.start]!)) s.start++;
    while (s.end > s.start && /\s/.test(text[s.end - 1]!)) s.end--;
  }
  return out;
}

const BOUNDARY_CHARS = /[,;:()\u2014\u2013!?"]|\.\s|\n| - /;

/** What comes before Python's None (lower-cased by a candidate): "== none", "is none", "return none". */
const PYTHON_NONE_BEFORE = /(?:==|!=|=|\bis|\bis not|\breturns?|\(|\[)\s*$/i;

/** Negation scope: at most this many content words after a cue, within its clause. */
const NEG_SCOPE = 4;

/**
 * Tokenise `text` (any text: an answer, a key point, a term) into tokens with offsets, sentences
 * and negation scope. `text` offsets are preserved exactly.
 */
export function analyze(text: string): Analysis {
  const tokens: Token[] = [];
  const raw = splitSentences(text);
  const sentences: Sentence[] = [];
  for (let si = 0; si < raw.length; si++) {
    const r = raw[si]!;
    const first = tokens.length;
    const seg = text.slice(r.start, r.end);
    for (const w of wordSpans(seg)) {
      let word = w.word;
      if (word === "is" && isOperatorIs(seg, w.start)) word = "is_op";
      // Python's `None` (capitalised after a sentence's first word, in backticks, or after `==`,
      // `is`, `=`, "return") is a value, not a denial.
      let cue =
        NEGATION_CUES.has(word) &&
        !(
          word === "none" &&
          (seg[w.start - 1] === "`" ||
            (seg.slice(w.start, w.end) === "None" && /\S/.test(seg.slice(0, w.start))) ||
            PYTHON_NONE_BEFORE.test(seg.slice(Math.max(0, w.start - 12), w.start)))
        );
      const stop = !cue && (STOPWORDS.has(word) || (word.endsWith("'s") && STOPWORDS.has(word.slice(0, -2))));
      const opposite = OPPOSITES.get(word);
      const same = SAME_AS.get(word);
      tokens.push({
        start: r.start + w.start,
        end: r.start + w.end,
        word,
        stem: cue ? "not" : word === "is_op" ? "isop" : (OPERATOR_STEMS.get(word) ?? stem(opposite ?? same ?? word)),
        stop,
        cue,
        neg: false,
        flip: opposite !== undefined,
        sent: sentences.length,
        clause: 0,
        code: r.code,
      });
      if (cue) cue = false;
    }
    if (tokens.length > first || r.end > r.start) {
      sentences.push({ start: r.start, end: r.end, first, last: tokens.length, code: r.code });
    }
  }
  markNegation(text, tokens, sentences);
  return { text, tokens, sentences };
}

/** "is" as Python's operator: in backticks, at the start of a clause before a verb such as "checks", or after "==". */
function isOperatorIs(seg: string, at: number): boolean {
  if (seg[at - 1] === "`" && seg[at + 2] === "`") return true;
  const before = seg.slice(Math.max(0, at - 12), at);
  const after = /^is\s+([a-z]+)/i.exec(seg.slice(at, at + 24));
  if (!after || !IS_OPERATOR_NEXT.test(after[1]!.toLowerCase())) return false;
  // Sentence or clause start ("is checks ...", "while is compares ..."), or "== and is".
  return /(?:^|[.;:,(]\s*|\b(?:while|whereas|but|and|and\s+`?)\s*|==\s*(?:and|vs\.?|or)\s*)$/i.test(before);
}

/** Multi-word opposites: "one at a time", "take turns" (= not in parallel); "non-blocking" (= not blocking). */
function markPhraseOpposites(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w1 = tokens[i + 1]?.word;
    const w2 = tokens[i + 2]?.word;
    const w3 = tokens[i + 3]?.word;
    if (t.word === "one" && w1 === "at" && (w2 === "a" || w2 === "once") && (w2 === "once" || w3 === "time")) {
      t.stem = "parallel";
      t.flip = true;
      t.stop = false;
    } else if ((t.word === "turns" || t.word === "turn") && /^(?:take|takes|taking|took)$/.test(tokens[i - 1]?.word ?? "")) {
      t.stem = "parallel";
      t.flip = true;
    } else if (t.word === "non" && tokens[i + 1] && tokens[i + 1]!.sent === t.sent) {
      t.stop = true;
      tokens[i + 1]!.flip = !tokens[i + 1]!.flip;
    }
  }
}

function markNegation(text: string, tokens: Token[], sentences: Sentence[]): void {
  markPhraseOpposites(tokens);
  let clause = 0;
  for (const s of sentences) {
    clause++;
    if (s.code) {
      for (let i = s.first; i < s.last; i++) tokens[i]!.clause = clause;
      continue;
    }
    let scope = 0;
    // Two denials in one scope cancel ("doesn't mean you don't need a lock").
    let parity = false;
    for (let i = s.first; i < s.last; i++) {
      const t = tokens[i]!;
      if (i > s.first) {
        const gap = text.slice(tokens[i - 1]!.end, t.start);
        if (BOUNDARY_CHARS.test(gap)) {
          scope = 0;
          parity = false;
          clause++;
        }
      }
      if (CLAUSE_BOUNDARY_WORDS.has(t.word)) clause++;
      t.clause = clause;
      const next0 = tokens[i + 1];
      if (!t.cue && ((t.word === "instead" && next0?.word === "of") || (t.word === "rather" && next0?.word === "than") || t.word === "unlike")) {
        // "X instead of Y", "X rather than Y", "unlike Y": Y is denied.
        if (t.word !== "unlike") next0!.stop = true;
        t.stop = true;
        parity = scope > 0 ? !parity : true;
        scope = NEG_SCOPE;
        if (t.word !== "unlike") i++;
        continue;
      }
      if (t.cue) {
        const next = tokens[i + 1];
        // "not only", "no matter what": not a denial. "doesn't matter" is one.
        if (next && next.sent === t.sent && NEGATION_RELEASE.has(next.word) && (next.word !== "matter" || t.word === "no")) {
          continue;
        }
        // "no longer": the second word belongs to the cue.
        if (t.word === "no" && next && next.word === "longer") next.stop = true;
        // "neither the instance nor the class": "nor" carries the denial on, it never cancels it.
        parity = t.word === "nor" ? true : scope > 0 ? !parity : true;
        // "without" denies its object ("without a lock"), not the clause after it; "doesn't
        // matter" denies only "matter" ("it doesn't matter what order the entries are in").
        scope = t.word === "without" || next?.word === "matter" ? 1 : NEG_SCOPE;
        continue;
      }
      // "no inheritance or registration", "doesn't read or write it": a denial spans "or"/"nor".
      if (scope > 0 && (t.word === "or" || t.word === "nor")) {
        t.neg = parity;
        continue;
      }
      if (CLAUSE_BOUNDARY_WORDS.has(t.word)) {
        scope = 0;
        parity = false;
        continue;
      }
      if (scope > 0) {
        t.neg = parity;
        if (!t.stop) scope--;
        if (scope === 0) parity = false;
      }
    }
  }
  // An opposite word is its base word denied; under a denial it is the base word again.
  for (const t of tokens) if (t.flip) t.neg = !t.neg;
}

/** Content tokens: not function words, not negation cues. */
export function isContent(t: Token): boolean {
  return !t.stop && !t.cue;
}

/** The stems of a short phrase (a term, a phrasing), with its polarity. */
export interface PhraseStems {
  /** Distinct content stems in order. */
  stems: string[];
  /** Per stem: inside a negation's scope. */
  negs: boolean[];
  /** The phrase is itself a denial ("not thread safe"). */
  neg: boolean;
}

/**
 * Function words that change what a misconception says ("python ONLY frees memory when...", "you
 * MUST call them args"): kept, and required, when matching red-flag phrasings.
 */
export const QUANTIFIERS: ReadonlySet<string> = new Set([
  "only",
  "just",
  "always",
  "all",
  "every",
  "each",
  "any",
  "must",
  "same",
  "both",
  "everything",
  "anything",
]);

/** Content tokens plus the quantifiers (the index red-flag phrasings are matched against). */
export function isContentOrQuantifier(t: Token): boolean {
  return (!t.stop && !t.cue) || QUANTIFIERS.has(t.word);
}

export function phraseStems(phrase: string, keepQuantifiers = false): PhraseStems {
  const a = analyze(phrase);
  // Red-flag phrasings: single letters are variable names ("c.area()"), not words.
  const content = a.tokens.filter((t) => (keepQuantifiers ? isContentOrQuantifier(t) && t.word.length > 1 : isContent(t)));
  const toks = content.length > 0 ? content : a.tokens.filter((t) => !t.cue);
  const stems: string[] = [];
  const negs: boolean[] = [];
  for (const t of toks) {
    if (!stems.includes(t.stem)) {
      stems.push(t.stem);
      negs.push(t.neg);
    }
  }
  const neg = negs.some(Boolean);
  return { stems, negs, neg };
}
