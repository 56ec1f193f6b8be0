/**
 * The text kernel: how every part of the app cuts text into words, stems them and drops function
 * words (the scorer, bank search, job-description steering, the turn policy's generic probes, the
 * message classifier). Pure functions; the only state is two bounded stem caches.
 *
 * One tokenizer (`tokenize`, `wordSpans`), one stemmer (`stem`) and one base stopword list. Where a
 * reader needs words cut, stemmed or filtered differently, the difference is a named option here
 * (a `WordShape`, a `StemVariant`, a stopword list built on the base), documented with who uses it
 * and why; every option reproduces what that reader did before it moved here, so scores, search
 * ranks, steering, probes and message classes are unchanged. The scorer's reading is the reference
 * and the default.
 */
import { stemmer } from "stemmer";

// ---------------------------------------------------------------------------------------------
// Words

/**
 * How a text is cut into words.
 * - `prose` (default; the scorer): letters and digits, split at `_`, `.` and `-`; "n't" and "'s"
 *   forms kept whole ("doesn't", "python's"); "I/O" (read "io"), `==` and `!=` are words of their
 *   own. Words are lower-cased, ’ read as '.
 * - `folded` (bank search): the text lower-cased and stripped of accents first ("Café" finds
 *   "cafe"), then runs of letters and digits of any script.
 * - `identifiers` (message classifier, content words): the text lower-cased, then Python-name-like
 *   runs (`[a-z_][a-z0-9_]*`): `__init__` and `call_soon` stay whole, apostrophes split.
 * - `identifiers-possessive` (message classifier, a question's subject words): as `identifiers`,
 *   with apostrophes inside a word and a trailing "'s" dropped ("python's" -> "python").
 * - `cased-possessive` (turn policy, prompt phrases): case kept, a word starts with an ASCII letter
 *   and runs over letters, digits, `_` and apostrophes, a trailing "'s" dropped. Offsets are into
 *   the prompt, so the policy can quote a run of its words.
 */
export type WordShape = "prose" | "folded" | "identifiers" | "identifiers-possessive" | "cased-possessive";
/** Shapes that read the text as written, so word offsets point into it (the others fold case first). */
export type SpanShape = Extract<WordShape, "prose" | "cased-possessive">;

/** A word and where its match stands in the text (`end` includes a dropped "'s"). */
export type WordSpan = { word: string; start: number; end: number };

const PROSE_WORD = /i\/o|==|!=|[a-z0-9]+(?:['’][a-z]+)?/gi;
const FOLDED_WORD = /[\p{L}\p{N}]+/gu;
const IDENTIFIER_WORD = /[a-z_][a-z0-9_]*/g;
const IDENTIFIER_POSSESSIVE_WORD = /[a-z_][a-z0-9_']*/g;
const CASED_POSSESSIVE_WORD = /[A-Za-z][A-Za-z0-9_']*/g;

function proseWord(match: string): string {
  const word = match.toLowerCase().replace(/’/g, "'");
  return word === "i/o" ? "io" : word;
}

/** The words of `text`, with the offsets of their matches, for the shapes that keep the text as written. */
export function wordSpans(text: string, shape: SpanShape = "prose"): WordSpan[] {
  const spans: WordSpan[] = [];
  if (shape === "prose") {
    for (const m of text.matchAll(PROSE_WORD)) spans.push({ word: proseWord(m[0]), start: m.index, end: m.index + m[0].length });
  } else {
    for (const m of text.matchAll(CASED_POSSESSIVE_WORD)) spans.push({ word: m[0].replace(/'s$/i, ""), start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** The words of `text` in order, cut as `shape` says. */
export function tokenize(text: string, shape: WordShape = "prose"): string[] {
  switch (shape) {
    case "prose":
    case "cased-possessive":
      return wordSpans(text, shape).map((s) => s.word);
    case "folded":
      return (
        text
          .toLowerCase()
          .normalize("NFKD")
          .replace(/[\u0300-\u036f]/g, "")
          .match(FOLDED_WORD) ?? []
      );
    case "identifiers":
      return text.toLowerCase().match(IDENTIFIER_WORD) ?? [];
    case "identifiers-possessive":
      return (text.toLowerCase().match(IDENTIFIER_POSSESSIVE_WORD) ?? []).map((w) => w.replace(/'s$/, ""));
  }
}

/** How many runs of non-space characters `text` has. */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n += 1;
  return n;
}

/**
 * Whether a UTF-16 code unit is one of the characters `\s` matches: for scanners that walk a text
 * by index instead of running a regex over it (the grader-injection filter and the judge's quote
 * check, which must stay linear on any input).
 */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// ---------------------------------------------------------------------------------------------
// Stems

/**
 * How a word is stemmed.
 * - `normalised` (default; the scorer): Porter, after the project's normalisations: words whose
 *   Porter stem collides with another Python word keep their own ("exception" is not "except"),
 *   paraphrases fold onto one word ("invoke" -> "call"), a possessive goes, and "-tor(s)" agent
 *   nouns meet their verb ("collector" -> "collect"). Cached.
 * - `porter` (bank search, job-description steering, message classifier): Porter alone, so search
 *   finds the words a user typed, not their paraphrases. Cached.
 * - `suffix` (turn policy, prompt phrases): strips one common suffix from a word of 4+ letters
 *   left ("collections" -> "collect", "iterator" -> "iterat"), no more: the policy matches a key
 *   point's words to the prompt's loosely, and quotes the prompt's own words, never the stem.
 */
export type StemVariant = "normalised" | "porter" | "suffix";

const STEM_CACHE_MAX = 50_000;

/** Words whose Porter stem collides with a different Python word ("exception" vs "except"). */
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map([
  // Porter makes "one" "on", the preposition.
  ["one", "one"],
  ["exception", "exception"],
  ["exceptions", "exception"],
  ["generator", "generator"],
  ["generators", "generator"],
  ["general", "general"],
  ["generally", "general"],
  ["generic", "generic"],
  ["generics", "generic"],
]);

/**
 * Paraphrases folded onto one word before stemming (kept small: only words that say the same
 * thing in any technical answer; nothing that Python distinguishes, such as args or property).
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  [
    "free",
    "freed",
    "frees",
    "freeing",
    "deallocate",
    "deallocated",
    "deallocates",
    "deallocation",
    "destroy",
    "destroyed",
    "destroys",
    "reclaim",
    "reclaimed",
    "reclaims",
    "deleted",
  ],
  ["fast", "faster", "fastest", "quick", "quicker", "quickly", "speedy", "speedier"],
  ["modify", "modifies", "modified", "modifying", "modification", "mutate", "mutates", "mutated", "mutating", "mutation", "alter", "altered", "alters"],
  ["call", "calls", "called", "calling", "invoke", "invokes", "invoked", "invoking", "invocation"],
  ["run", "runs", "running", "ran", "execute", "executes", "executed", "executing", "execution"],
  ["immediately", "instantly"],
  ["argument", "arguments", "parameter", "parameters", "param", "params"],
  ["large", "big", "bigger", "larger", "huge"],
  ["small", "smaller", "tiny"],
  ["memory", "ram"],
  ["wrong", "incorrect"],
  ["expensive", "costly"],
  ["cheap", "inexpensive"],
];
const SYNONYMS: ReadonlyMap<string, string> = new Map(SYNONYM_GROUPS.flatMap((g) => g.map((w) => [w, g[0]!] as const)));

const SUFFIXES = ["ations", "ation", "ions", "ion", "ors", "or", "ers", "er", "ing", "ies", "es", "ed", "s"] as const;

const normalisedCache = new Map<string, string>();
const porterCache = new Map<string, string>();

function remember(cache: Map<string, string>, word: string, stemmed: string): string {
  if (cache.size >= STEM_CACHE_MAX) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}

function normalisedStem(word: string): string {
  const cached = normalisedCache.get(word);
  if (cached !== undefined) return cached;
  const o = STEM_OVERRIDES.get(word);
  if (o) return remember(normalisedCache, word, o);
  let w = SYNONYMS.get(word) ?? word;
  if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2);
  w = w.replace(/[’']/g, "");
  if (w.length > 6 && /[^a]tors?$/.test(w)) w = w.replace(/ors?$/, "");
  return remember(normalisedCache, word, (w.length <= 2 ? w : stemmer(w)) || w);
}

function porterStem(word: string): string {
  return porterCache.get(word) ?? remember(porterCache, word, stemmer(word));
}

function suffixStem(word: string): string {
  const w = word.toLowerCase();
  for (const suffix of SUFFIXES) if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  return w;
}

const STEMMERS: Record<StemVariant, (word: string) => string> = { normalised: normalisedStem, porter: porterStem, suffix: suffixStem };

/** The stem of one lower-cased word (`suffix` lower-cases it itself). */
export function stem(word: string, variant: StemVariant = "normalised"): string {
  return STEMMERS[variant](word);
}

// ---------------------------------------------------------------------------------------------
// Stopwords

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** The base list: English function words that no reader of text here counts as content. */
export const BASE_STOPWORDS: ReadonlySet<string> = new Set(
  words(
    "a an and are as at be but by can do does for from how i if in into is it its of on or that the " +
      "their then there these this to was what when where which while who why will with you your",
  ),
);

/** The base list with `add` added and `except` taken out. */
function stopwordList(add: string, except = ""): ReadonlySet<string> {
  const out = new Set([...BASE_STOPWORDS, ...words(add)]);
  for (const w of words(except)) out.delete(w);
  return out;
}

/** Bank search and job-description steering: the base list alone (a search for "how to use a set" keeps "use" and "set"). */
export const SEARCH_STOPWORDS: ReadonlySet<string> = BASE_STOPWORDS;

/**
 * The scorer: every English function word, pronouns and auxiliaries, and the pieces of split
 * contractions ("ll", "ve", "s", "t"). Ignored as evidence, counted by the keyword-dump detector.
 */
export const SCORER_STOPWORDS: ReadonlySet<string> = stopwordList(
  "else about against between through during before after above below up down out off over under again further once here " +
    "all any both each few more most other some such only own same so than too very s t just should now me my myself we our ours " +
    "ourselves yours yourself yourselves he him his himself she her hers herself itself they them theirs themselves whom those am " +
    "were been being have has had having did doing would could might must shall may let lets also because until via per etc e g eg " +
    "ie i.e like get gets got one's something anything everything someone thing things really quite basically actually simply " +
    "ll ve re d m",
);

/**
 * The turn policy's generic probes (which of a prompt's words a key point is about): a few more
 * function words, and the words every interview prompt uses ("explain", "difference", "example").
 */
export const PROMPT_STOPWORDS: ReadonlySet<string> = stopwordList(
  "been could did has have should so than them they those use used using would " +
    "explain describe difference between example examples give show python implement write work works",
);

/**
 * The message classifier's content words (how much of a message is the question's vocabulary):
 * function words, negations, numbers spelled out, and the filler of spoken answers ("stuff",
 * "basically", "kind of", "think", "know"), plus "python", "code" and "example", which every
 * question shares.
 */
export const MESSAGE_STOPWORDS: ReadonlySet<string> = stopwordList(
  "so were been being those they them we me my our he she his her not no yes did done have has had could would should shall " +
    "may might must just very really also about over under than more most some any all each every other such only own same whom " +
    "whose here because though although until again once out up down off one two three lot lots thing things stuff way ways like " +
    "well think know mean basically actually probably maybe kind sort quite much many get got make makes made use used uses using " +
    "work works python code example examples",
);

/**
 * The message classifier's question subject (the words of a title and prompt that say what the
 * question is about): the words of how a question is asked ("explain", "compare", "implications",
 * "best practice"). Words under three letters never count there. Unlike every other list, "but",
 * "from", "then", "there", "while" and "will" are not stopwords here: this list never had them,
 * and a subject that now lost them would change which messages read as on the subject.
 */
export const GENERIC_PROMPT_WORDS: ReadonlySet<string> = stopwordList(
  "did vs versus between difference differences explain describe compare contrast give show write design implement use using used " +
    "should would could work works working basics basic implications implication example examples python python's code main key " +
    "concept concepts idea ideas approach approaches common typical best practice practices good handle handling they them those " +
    "about than more most",
  "as at be but by from i if then there while will",
);

/** Job-description steering, on top of the search list: job-ad words that say nothing about the technical content. */
export const JOB_AD_WORDS: ReadonlySet<string> = new Set(
  words(
    "experience experienced team teams year years strong work working role roles skill skills knowledge ability able " +
      "responsibilities responsibility requirement requirements required candidate candidates company join looking plus bonus " +
      "preferred nice must good great excellent solid understanding familiarity familiar hands proven track record communication " +
      "collaborate collaborative environment opportunity opportunities salary benefit benefits office remote hybrid day days " +
      "us we our they them help build building develop developer developers development engineer engineers engineering software " +
      "senior junior mid staff lead level position hiring apply application job jobs service services product products " +
      "customer customers user users business world class fast paced passion passionate",
  ),
);
