/**
 * Reads a candidate's message before the interviewer answers it: is it an answer, a clarifying
 * question to the interviewer, "I don't know" / a request for a hint, a request to skip, an answer
 * to a different question (off-topic), or a correction of the candidate's own earlier claim?
 *
 * Deterministic rules, no model. Every regular expression here is a flat alternation of literal
 * phrases (no nested or adjacent unbounded quantifiers), so each runs in linear time on any input;
 * long messages are also only searched in their first and last MESSAGE_WINDOW characters for the
 * cue phrases (a clarifying question or "I don't know" is short; a long message is an answer).
 * Vocabulary comparisons read words with the text kernel (lib/kernel/text.ts): Python-name-like
 * words, Porter stems, MESSAGE_STOPWORDS and GENERIC_PROMPT_WORDS.
 */
import { GENERIC_PROMPT_WORDS, MESSAGE_STOPWORDS, stem, tokenize, wordCount } from "../kernel/text.ts";
import type { ScoreReport } from "../scoring/report.ts";
import type { ClarificationTopic, InterviewQuestion } from "./turn-policy.ts";

export const MESSAGE_KINDS = ["answer", "clarifying-question", "dont-know", "skip", "off-topic", "self-correction"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type MessageClassification = {
  kind: MessageKind;
  /** For a clarifying question: what it asks about, most likely first (may be empty: answer generally). */
  clarificationTopics: ClarificationTopic[];
  /** For "dont-know": the candidate asked for a hint rather than saying they do not know. */
  hintRequested: boolean;
};

export type ClassifyContext = {
  question: InterviewQuestion;
  /** The scorer's report of this message alone (its `off-topic` flag is used), when available. */
  messageReport?: ScoreReport;
  /** True when an earlier answer to this question stated a claim the interviewer challenged or the report holds. */
  hasEarlierClaim: boolean;
  /** True when this is not the candidate's first message on the question. */
  hasEarlierAnswer?: boolean;
  /** True when the report over all answers marks an earlier misconception as corrected by this message. */
  correctsEarlierClaim?: boolean;
  /** True when the interviewer's last turn redirected an off-topic answer (this message replies to it). */
  afterRedirect?: boolean;
  /** The questions of the question's bank: an answer clearly nearer another one is off-topic. */
  bank?: readonly InterviewQuestion[];
  /** The rubric score (0-100) of this message against another question of the bank, by id. */
  scoreAgainst?: (questionId: string, text: string) => number;
};

/** Cue phrases are looked for in this many characters at each end of a long message. */
export const MESSAGE_WINDOW = 600;
/** Messages longer than this (in words) are answers whatever cue phrases they contain. */
const SHORT_MESSAGE_WORDS = 45;

const SKIP =
  /\b(?:skip(?: this)?(?: one| question)?|pass on this|i(?:'ll| will) pass|next question(?: please)?|next one(?: please)?|can we move on|let'?s move on|move on(?: please| for now)?|move on to the next|come back to (?:this|it) later|i give up)\b|^\W*pass\W*$|^\W*pass\s*[,.;!]/i;
const HINT =
  /\b(?:a (?:small |little |quick |tiny )?hint|any hints?|hint\s*\?|^\s*hint\b|hint,? please|hint at what|give me a clue|a (?:small |little )?clue|a pointer|point me in (?:a|the right|some) direction|nudge|help me get started|where should i (?:even )?start|where do i (?:even )?start|where would i (?:even )?(?:start|begin)|where (?:do|should|would|could) i begin|get me started|get me going|to get going)\b/i;
const DONT_KNOW =
  /\b(?:i (?:do not|don'?t|dont|really don'?t|honestly don'?t|genuinely don'?t|just don'?t)(?: (?:really|honestly|actually|genuinely|fully|quite))? (?:know|get it|understand)|(?:genuinely|honestly|really|just) (?:don'?t|do not)\s*(?:[,.;!]|$)|(?:^|[.!,;]\s*)(?:i )?(?:don'?t|dont|do not) know\b|^\s*idk\b|\bidk\b|i don'?t really know|i do not really know|never (?:really )?(?:used|learned|learnt|studied|touched|understood|looked (?:at|into)|come across|came across|tested|had to|needed)|haven'?t (?:really )?(?:used|worked with|done|learned|touched|looked)|no idea|not sure where to start|no clue|(?:i'?m|i am|totally|completely|kind of|kinda|sorta) blanking|blanking on|mind(?:'s| is| has| went| has gone|'s gone) (?:completely |totally )?blank|gone blank|i (?:can'?t|cannot|don'?t) remember|never heard of|not familiar with|i have not used|i haven'?t used|i'?m not sure|i am not sure|^\s*not (?:really |too )?sure\b|not really sure|i'?m stuck|i am stuck|drawing a (?:total |complete )?blank|i forget|(?:couldn'?t|could not|can'?t|cannot|wouldn'?t) (?:really )?(?:tell you|say|explain|answer|name|describe)|(?:wouldn'?t|would not) know|is (?:honestly |really )?a gap for me|don'?t have (?:a|an) (?:good |real )?answer|i'?d (?:just )?be guessing|i (?:just )?google (?:it|this)|no (?:real )?experience with)\b/i;
const CLARIFY_CUES =
  /(?:^|[.?!]\s+|:\s+)(?:is (?:this|it|that)|are (?:we|you)|could you (?:give|clarify|say|tell)|can you (?:clarify|give|say|tell)|do i|should i|would you|which|what kind|how (?:much|many|big|stale|deep|long))\b|\b(?:before i (?:answer|start|design|begin|write|go)|what you'?re after|do you mean|did you mean|what do you mean|what you mean|are you asking|is the question|just to clarify|to clarify|quick question|before i answer|before i start|should i|do you want|would you like me|can i assume|may i assume|should we assume|are we talking about|does it matter|which version|what version|how much detail|how deep|how detailed|how long should|is it ok if|is it okay if|am i allowed|do i need to|are you looking for|what are you looking for|in which context|in what context|which interpreter|cpython or|python 2 or|for python 2|python 3 only|by .{1,40}? do you mean|would it help|fair game|in scope|we'?re talking about|how (?:heavy|large|often|fast|big|many) (?:is|are|will|would|should|do)|would (?:a|an|some) [a-z ]{1,30}? help)\b/i;
const CORRECTION_CUES =
  /\b(?:actually|i was wrong|i stand corrected|that was wrong|that's wrong|that is wrong|that's not right|that is not right|that wasn't right|not quite right|let me correct|correct myself|correction|i misspoke|scratch that|i take that back|on second thought|thinking about it again|now that i think|come to think of it|i see now|i realise|i realize|you're right|you are right|good point|hmm,? no|wait,? no|i mixed up|my mistake)\b/i;

/** A message with "I don't know" in it and at most this many words may be one (longer: an answer). */
const DONT_KNOW_MAX_WORDS = 40;
/** Clarifications that outrank an "I don't know" in the same message. */
const EXPLICIT_CLARIFY =
  /\b(?:do you mean|did you mean|what do you mean|are you asking|is the question|should i|do you want|would you like me|are we talking about|which version|what version|how much detail|how detailed|can i assume|may i assume|should we assume|are you looking for|what are you looking for)\b/i;
/** A tentative answer: what follows an "I don't know" is an attempt, not more not-knowing. */
const ATTEMPT =
  /\b(?:i think|i guess|i believe|i suppose|i'd say|i would say|maybe|probably|my guess|if i had to guess|i'd expect|i would expect|it might|it could|would be|is because|it's because)\b/i;
/** What a candidate says about their experience next to "I don't know": not an answer ("I've only used gather"). */
const EXPERIENCE =
  /\b(?:i'?ve (?:only|never|mostly|just)|i have (?:only|never|mostly)|i only (?:ever )?(?:use|used|write|wrote|know)|i know (?:of |about )?(?:it|them|that|the (?:word|name|term))|i'?ve heard (?:of|the|about)|heard the word|never (?:really )?used|i (?:always|usually|mostly) (?:just )?use)\b/i;

/**
 * Whether a message holding an "I don't know" cue also tries an answer: after the clauses that say
 * "I don't know" and those about the candidate's experience are set aside, what is left makes a
 * tentative claim ("I think it fails …"), or is a substantial piece of the question's vocabulary.
 * The question's own words in "I don't know how descriptors work" are not an answer.
 */
function attemptsAnswer(text: string, question: InterviewQuestion): boolean {
  const rest: string[] = [];
  for (const clause of text.slice(0, 2 * MESSAGE_WINDOW).split(/[.!?;,]+\s*|\s+but\s+/i)) {
    if (!clause.trim() || DONT_KNOW.test(clause) || HINT.test(clause) || EXPERIENCE.test(clause)) continue;
    rest.push(clause);
  }
  const remainder = rest.join(". ");
  const n = wordCount(remainder);
  if (n >= 5 && ATTEMPT.test(remainder)) return true;
  const share = topicShare(remainder, question);
  return n >= 12 && share !== null && share >= 0.4;
}

/** Opening words that take back what the candidate said before ("Wait, actually no", "Hmm, that's wrong"). */
const RETRACTION_OPENING =
  /^(?:(?:hmm+|wait|oh|ah|um+|okay|ok|right|no|sorry)[,.!:]?\s+){0,3}(?:actually|no[,.:;!]|that'?s (?:wrong|backwards|not (?:true|right))|i was wrong|thinking (?:about )?it|scratch that|let me correct|i take that back|i stand corrected|on second thought|my mistake|i mixed|that'?s only true|that'?s the opposite)/i;

const TOPIC_CUES: readonly [ClarificationTopic, RegExp][] = [
  ["version", /\b(?:version|python ?[23]\b|3\.\d+|py2|py3|older python|newer python|latest python|free-threaded)/i],
  ["code", /\b(?:code|write|implement|snippet|example|pseudo-?code|syntax|type hints|run it|an ide|a function)\b/i],
  [
    "expected",
    /\b(?:how much detail|how deep|detailed|depth|how long|high[- ]level|looking for|expected|expect|cover|focus|in depth|briefly|overview|internals)\b/i,
  ],
  [
    "scope",
    /\b(?:do you mean|did you mean|mean|cpython|pypy|jython|interpreter|in general|only|include|scope|context|which|specifically|talking about|referring to|assume|standard library|framework)\b/i,
  ],
];

/**
 * Another language, ecosystem or non-Python tool named. An answer that names one and never anchors
 * itself in Python (the word, or a Python name the question's key points use) answers another
 * question, whatever vocabulary it shares ("immutable" in Haskell, "closes the file" with Go's defer).
 */
export const OTHER_STACK =
  /\b(?:javascript|typescript|java|golang|kotlin|swift|scala|rust|ruby|php|perl|haskell|elixir|erlang|clojure|ocaml|dart|lua|node\.?js|deno|react|redux|vue|angular|svelte|jquery|lombok|spring|\.net|dotnet|excel|eslint|webpack|cypress|jest|junit|mocha|jvm|rails|sidekiq)\b|(?:^|[^\w#+])(?:c#|c\+\+|f#)(?![\w#+])|\bin node\b|\bnode's\b|\bin go\b|\bgo's\b|\bgo (?:code|routines?|channels?|programs?|services?)\b|\bgoroutines?\b/i;
/**
 * A message that opens on another language or stack ("In JavaScript you have…", "C++ supports…",
 * "Ruby MRI has…"): with no word of Python anywhere it describes that stack, not Python.
 */
const OPENS_ON_OTHER_STACK =
  /^\W*(?:(?:so|well|ok|okay|hmm|honestly|basically|i mean)[, ]+)?(?:in |with |on |for |using )?(?:the )?(?:javascript|typescript|java|golang|go|kotlin|swift|scala|rust|ruby(?: mri)?|php|perl|haskell|elixir|erlang|clojure|c#|c\+\+|f#|node(?:\.?js)?|deno|spring(?: boot)?|\.net|rails|ruby on rails)(?:'s|\b|(?![\w#+]))/i;
/** A question about the company's own stack or team ("Is the team using FastAPI in production?"). */
const COMPANY_QUESTION =
  /\b(?:(?:is|are|does|do|did|will|has|have) (?:the|your) (?:team|company|engineers|developers|devs)\b|(?:do|does|did|are) you(?: guys| folks| all)? (?:use|using|run|running|have)\b.{0,50}?\b(?:here|in production|at (?:the|your|this) company)|what (?:database|stack|tools?|language|framework|version) (?:do|does) (?:you|the team|your team) (?:use|run)|here at (?:the|your|this) company)/i;

/** The candidate's career and experience told instead of an answer (with next to nothing covered). */
const CAREER_TALK =
  /\b(?:in my (?:current|last|previous|first) (?:role|job|company|team|position)|at my (?:current|last|previous|first) (?:job|company|place|role|team)|my (?:last|previous|current|first) (?:job|role|company)|my background|my career|in my career|i'?m a (?:senior|junior|staff|lead|principal)|i (?:led|lead|managed|manage|run|ran) (?:a|the|our) team|(?:for|about|almost|over) (?:\w+ )?years (?:now|at|on|in)|i'?ve (?:been )?work(?:ed|ing) (?:on|at|in) [\w ,-]{1,40}? for (?:about |almost |over )?\w+ years)\b/i;
/**
 * Talk about the job, the company, the interview itself or the room ("How big is the team?", "Is
 * there a take-home next?", "Can I grab some water?"): not about the question, whatever its form.
 */
const SMALL_TALK =
  /\b(?:the team|your team|engineering team|this team|the company|your company|work(?:ing)? here|the office|the role|this role|the position|the job|salary|compensation|benefits|on-?call|rounds? (?:left|after|is|are)|(?:technical|next|final|last) (?:round|stage)|next stage|take-?home|hiring|onboarding|parking|commute|camera|microphone|\bmic\b|my internet|connection (?:is|dropped)|glass of water|bathroom|(?:quick|short) break|the weather|this weekend|last weekend|series [a-e]\b|funding|someone'?s at the door|can you (?:still )?(?:see|hear) me|my cat|my dog|get feedback after)\b/i;
const PYTHON_WORD = /\b(?:python(?:'s)?|cpython|pythonic|pypy)\b/i;
/** Code names of the key points that are also plain English words: no anchor in Python. */
const ENGLISH_CODE = new Set([
  "is",
  "with",
  "open",
  "id",
  "hash",
  "global",
  "finally",
  "append",
  "assert",
  "return",
  "import",
  "yield",
  "lambda",
  "type",
  "object",
  "property",
  "builtins",
  "top",
  "record",
  "delete",
  "any",
  "list",
  "dict",
  "set",
]);

/** Words of 3+ letters outside the stop list, Porter-stemmed. Linear: one pass of a flat token regex. */
function contentStems(text: string): string[] {
  return tokenize(text, "identifiers")
    .filter((w) => w.length >= 3 && !MESSAGE_STOPWORDS.has(w))
    .map((w) => stem(w, "porter"));
}

const vocabularyCache = new WeakMap<object, Set<string>>();

/** Every content stem the question's own material uses: prompt, key points, follow-ups, misconceptions. */
export function questionVocabulary(question: InterviewQuestion): Set<string> {
  const cached = vocabularyCache.get(question);
  if (cached) return cached;
  const parts: string[] = [question.title ?? "", question.prompt, question.topic ?? ""];
  for (const k of question.keyPoints) parts.push(k.text, ...k.terms, ...k.code.map((c) => c.replace(/[._]/g, " ")), k.scaffold ?? "");
  for (const f of question.followUps) parts.push(f.text);
  for (const m of question.misconceptions ?? []) parts.push(m.text, ...m.phrasings, m.challenge ?? "");
  const vocabulary = new Set(contentStems(parts.join(" ")));
  vocabularyCache.set(question, vocabulary);
  return vocabulary;
}

const subjectCache = new WeakMap<object, { stems: string[]; code: string[] }>();

/**
 * The question's subject: content stems of its title and prompt (not "explain", "difference",
 * "implications"), and the Python names its key points use that are not plain English words.
 */
function questionSubject(question: InterviewQuestion): { stems: string[]; code: string[] } {
  const cached = subjectCache.get(question);
  if (cached) return cached;
  const stems = new Set<string>();
  for (const w of tokenize(`${question.title ?? ""} ${question.prompt}`, "identifiers-possessive")) {
    if (w.length < 3 || GENERIC_PROMPT_WORDS.has(w)) continue;
    stems.add(stem(w, "porter"));
  }
  const code = new Set<string>();
  for (const k of question.keyPoints) {
    for (const c of k.code) {
      for (const m of c.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)) {
        const name = m[0].replace(/\.+$/, "");
        if (name.length < 3 || ENGLISH_CODE.has(name.toLowerCase())) continue;
        if (/[_.]/.test(name) || /[a-z][A-Z]/.test(name) || /^[A-Z][a-z]+[A-Z]/.test(name) || name.length >= 6) code.add(name.toLowerCase());
      }
    }
  }
  const subject = { stems: [...stems], code: [...code] };
  subjectCache.set(question, subject);
  return subject;
}

/** Whether two stems name the same thing: equal, or one a prefix (5+ letters) of the other ("async" / "asyncio"). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}

/** How many of the question's subject stems the message uses, and how many there are. */
export function subjectCoverage(text: string, question: InterviewQuestion): { hit: number; of: number } {
  const { stems } = questionSubject(question);
  const said = new Set<string>();
  for (const w of tokenize(text, "identifiers")) if (w.length >= 3) said.add(stem(w, "porter"));
  let hit = 0;
  for (const s of stems) {
    if (said.has(s)) hit += 1;
    else
      for (const w of said)
        if (sameStem(w, s)) {
          hit += 1;
          break;
        }
  }
  return { hit, of: stems.length };
}

/** The message anchors itself in Python: names it, or a Python name the question's key points use. */
export function anchoredInPython(text: string, question: InterviewQuestion): boolean {
  if (PYTHON_WORD.test(text)) return true;
  const lower = text.toLowerCase();
  return questionSubject(question).code.some((c) => {
    let at = lower.indexOf(c);
    while (at >= 0) {
      if (!/[a-z0-9_]/.test(lower[at - 1] ?? " ") && !/[a-z0-9_]/.test(lower[at + c.length] ?? " ")) return true;
      at = lower.indexOf(c, at + 1);
    }
    return false;
  });
}

/** Share (0..1) of the message's content words that belong to the question's vocabulary; null when too few words. */
export function topicShare(text: string, question: InterviewQuestion): number | null {
  const stems = contentStems(text);
  if (stems.length < 6) return null;
  const vocabulary = questionVocabulary(question);
  return stems.filter((s) => vocabulary.has(s)).length / stems.length;
}

const bankWeightCache = new WeakMap<readonly InterviewQuestion[], Map<string, number>>();

/** Per stem: how specific it is to few questions of the bank (log inverse question frequency). */
function bankWeights(bank: readonly InterviewQuestion[]): Map<string, number> {
  const cached = bankWeightCache.get(bank);
  if (cached) return cached;
  const df = new Map<string, number>();
  for (const q of bank) for (const s of questionVocabulary(q)) df.set(s, (df.get(s) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [s, n] of df) weights.set(s, Math.log((bank.length + 1) / (n + 1)));
  bankWeightCache.set(bank, weights);
  return weights;
}

/**
 * A message this much nearer another question of the bank (in weighted vocabulary share) answers
 * that one, even when it uses some of its own question's words and scores some points there
 * (below 70); at NEAR_OTHER_QUESTION_GAP, only when it also scores low and is off the subject.
 */
export const OTHER_QUESTION_GAP = 0.35;
export const NEAR_OTHER_QUESTION_GAP = 0.25;
/** ...and with less than this share of its own question's weighted vocabulary. */
export const OTHER_QUESTION_OWN_MAX = 0.45;

/**
 * The question of the bank this message answers instead, when it is clearly another one: the share
 * of the message's words (weighted by how few questions use them) in that question's vocabulary
 * beats the share in its own question's by OTHER_QUESTION_GAP. Neighbouring subjects share words
 * ("thread", "lock"), so only a clear margin counts ("asyncio's event loop" to the GIL question).
 */
export function answersAnotherQuestion(
  text: string,
  question: InterviewQuestion,
  bank: readonly InterviewQuestion[] | undefined,
  gap: number = OTHER_QUESTION_GAP,
): { questionId: string; own: number; other: number } | null {
  if (!bank || bank.length < 3) return null;
  const stems = contentStems(text);
  if (stems.length < 6) return null;
  const weights = bankWeights(bank);
  const shareIn = (vocabulary: Set<string>) => {
    let hit = 0;
    let all = 0;
    for (const s of stems) {
      const w = weights.get(s) ?? Math.log(bank.length + 1);
      all += w;
      if (vocabulary.has(s)) hit += w;
    }
    return all > 0 ? hit / all : 0;
  };
  const own = shareIn(questionVocabulary(question));
  if (own >= OTHER_QUESTION_OWN_MAX) return null;
  let best: { questionId: string; own: number; other: number } | null = null;
  for (const q of bank) {
    if (q.id === question.id) continue;
    const other = shareIn(questionVocabulary(q));
    if (other - own >= gap && (!best || other > best.other)) best = { questionId: q.id, own, other };
  }
  return best;
}

/**
 * An answer that the rubric of the nearest other question (by vocabulary) scores at least
 * OTHER_RUBRIC_MIN, and OTHER_RUBRIC_GAP above its own question's: it answers that one. On the
 * development sets no correct or genuine answer scores even 10 points higher on another question
 * (700 of 700), while 56 of 250 off-topic messages score 25 or more higher.
 */
export const OTHER_RUBRIC_MIN = 45;
export const OTHER_RUBRIC_GAP = 25;

function answersOtherRubric(text: string, ownScore: number, context: ClassifyContext): boolean {
  const nearest = answersAnotherQuestion(text, context.question, context.bank, Number.NEGATIVE_INFINITY);
  if (!nearest || !context.scoreAgainst) return false;
  const other = context.scoreAgainst(nearest.questionId, text);
  return other >= OTHER_RUBRIC_MIN && other - ownScore >= OTHER_RUBRIC_GAP;
}

/**
 * Code names in a message: dotted (`functools.partial`), dunder, snake_case and camelCase names,
 * and backticked spans. Linear: each alternative is anchored or bounded, and callers pass the
 * message window (at most 2 * MESSAGE_WINDOW characters).
 */
const CODE_NAME =
  /`([^`\n]{2,40})`|\b([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+|__[a-z_]{1,30}__|[a-z]+_[a-z_]+|[a-z]+[A-Z][A-Za-z]+|[A-Z][a-z]+[A-Z][A-Za-z]+)/g;

function codeNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(CODE_NAME)) {
    const name = (m[1] ?? m[2] ?? "").replace(/\(.*$/, "").trim().toLowerCase();
    if (name.length >= 3) names.add(name);
  }
  return [...names];
}

const knownTextCache = new WeakMap<object, string>();

/** Everything the question's material writes (prompt, reference, key points, follow-ups, misconceptions), lower-cased. */
function knownText(question: InterviewQuestion): string {
  const cached = knownTextCache.get(question);
  if (cached !== undefined) return cached;
  const parts = [question.title ?? "", question.prompt, question.reference ?? ""];
  for (const k of question.keyPoints) parts.push(k.text, ...k.terms, ...k.code);
  for (const f of question.followUps) parts.push(f.text);
  for (const m of question.misconceptions ?? []) parts.push(m.text, ...m.phrasings, m.correction ?? "");
  const text = parts.join("\n").toLowerCase();
  knownTextCache.set(question, text);
  return text;
}

/**
 * The code names of a message that the question's material never mentions (nor any dotted part of
 * 4+ letters of them): `m.group` and `re.search` in an answer to the closures question.
 */
function foreignCodeNames(text: string, question: InterviewQuestion): { names: number; foreign: number } {
  const known = knownText(question);
  const names = codeNames(text);
  const foreign = names.filter((n) => !known.includes(n) && !n.split(".").some((part) => part.length >= 4 && known.includes(part)));
  return { names: names.length, foreign: foreign.length };
}

/**
 * A substantial message (FOREIGN_CODE_MIN_WORDS+) that scores next to nothing (FOREIGN_CODE_MAX_SCORE),
 * states no known misconception, and whose code names are mostly ones the question never uses
 * answers a neighbouring subject in that subject's own terms (Django's `select_related` to the
 * FastAPI question). On the development sets: 5 more of 250 off-topic messages (tests/fixtures/turns, now 228),
 * none of the 700 correct or genuine answers, the 100 on-topic replies of tests/fixtures/off-topic-dev
 * or the tune half's graded answers. Allowing up to 30 points off the question's subject found 5
 * more of off-topic-dev's 50 neighbouring-concept replies but redirected a genuine answer of the
 * held-out interviewer evaluation, so it was not kept.
 */
export const FOREIGN_CODE_MAX_SCORE = 10;
const FOREIGN_CODE_MIN_WORDS = 30;

/**
 * Talk about how a team works, an opinion about the practice, or a war story ("on our team every
 * proposal needs a design doc", "my honest opinion is…", "years ago I inherited…"): with next to no
 * score and off the question's subject, a reply about the job around the subject rather than the
 * subject. Measured on the off-topic development set (tests/fixtures/off-topic-dev): practice or
 * opinion replies 35 -> 46 of 50, war stories 42 -> 48 of 50, and no genuine answer of the
 * development sets. Everyday hedges ("honestly", "to be honest", "at work") are not cues, and the
 * score ceiling is 25, not 30: a review found weak genuine answers opening that way redirected.
 */
const PRACTICE_TALK =
  /\b(?:(?:on |in )?(?:our|my|the) (?:team|company|org|organi[sz]ation|startup|shop|codebase|platform team|platform group|qa lead|cto|architect|manager|lead)(?:'s)?|code reviews?|in review|reviewers?|pull requests?|post-?mortems?|incidents?|outages?|on-call|design docs?|architecture review|style guide|polic(?:y|ies)|our (?:process|approach|rule|position|strategy|stance|view)|the rule is|stand-?ups?|sprints?|stakeholders?|deadlines?|(?:a|the|our) client(?:'s)?|consultancy|agency|cto|cfo|sre|devops|all-hands|(?:my|our) (?:honest )?(?:opinion|view|take)|i'?m (?:a )?(?:big |firm |strong )?believer|years ago|back when|(?:on|at|in) (?:a|my|one) (?:previous|former|past|last|old) (?:project|job|role|company|team|startup|gig)|during my|my first (?:job|project|week)|when i was at|i inherited|i took over|the previous developer)\b/i;
/** ...at or below this score, with fewer than this share of the question's subject words. */
export const PRACTICE_TALK_MAX_SCORE = 25;
const PRACTICE_TALK_MAX_SUBJECT = 2 / 3;

/** Below this share of question vocabulary (with enough words), an answer is off-topic. */
export const OFF_TOPIC_SHARE = 0.12;

function window(text: string): string {
  return text.length <= 2 * MESSAGE_WINDOW ? text : `${text.slice(0, MESSAGE_WINDOW)}\n${text.slice(-MESSAGE_WINDOW)}`;
}

/**
 * An answer that ends by checking in ("… Does that answer it?", "Should I go deeper on X?"): its
 * statements alone make a substantial on-topic reply, so the question mark does not make it a
 * question about the question.
 */
const CHECK_IN =
  /\b(?:does (?:that|this) (?:answer|make sense|cover|help)|(?:is|was) (?:that|this) (?:what you|enough|ok|okay|right|clear|the (?:kind|level|distinction|sort|depth|answer))|(?:do|would) you (?:want|like) (?:an|a|some|me)|makes? sense|should i (?:go|elaborate|expand|dig|add|say)|want me to (?:go|elaborate|expand|dig|add|say)|(?:go|dig) deeper|more detail|elaborate|anything else|am i (?:on the right track|missing)|did i (?:miss|cover))\b/i;
function answersBeforeAsking(text: string, question: InterviewQuestion): boolean {
  const statements = text
    .split(/(?<=[.?!])\s+/)
    .filter((sentence) => !sentence.trimEnd().endsWith("?"))
    .join(" ");
  const share = topicShare(statements, question);
  const n = wordCount(statements);
  return share !== null && share >= 0.3 && (n >= 40 || (n >= 15 && CHECK_IN.test(text.slice(-200))));
}

export function clarificationTopicsOf(text: string): ClarificationTopic[] {
  return TOPIC_CUES.filter(([, cue]) => cue.test(text)).map(([topic]) => topic);
}

export function classifyMessage(text: string, context: ClassifyContext): MessageClassification {
  const result = (kind: MessageKind, extra: Partial<MessageClassification> = {}): MessageClassification => ({
    kind,
    clarificationTopics: [],
    hintRequested: false,
    ...extra,
  });
  const trimmed = text.trim();
  const words = wordCount(trimmed);
  const short = words <= SHORT_MESSAGE_WORDS;
  const cues = window(trimmed);
  const share = topicShare(trimmed, context.question);
  const substantive = share !== null && share >= 0.3 && words >= 12;

  if (short && SKIP.test(cues) && !substantive) return result("skip");
  // Before the cue phrases below: "Before I forget, is there a take-home?" is neither a question
  // about the question nor an "I don't know".
  if (short && SMALL_TALK.test(cues) && (share === null || share < 0.4) && subjectCoverage(cues, context.question).hit === 0) {
    return result("off-topic");
  }
  // A question about the company's own use of the subject ("Is the team using FastAPI in
  // production already?") is about the job, whatever words of the subject it names.
  if (short && trimmed.endsWith("?") && COMPANY_QUESTION.test(cues)) return result("off-topic");
  if (short && HINT.test(cues)) return result("dont-know", { hintRequested: true });
  // "I don't know" before a clarifying question: "I don't know, is it about memory?" is a guess, not
  // a question about the question; only an explicit clarification ("do you mean …") outranks it.
  const dontKnow = words <= DONT_KNOW_MAX_WORDS && DONT_KNOW.test(cues) && !attemptsAnswer(trimmed, context.question);
  if (dontKnow && !EXPLICIT_CLARIFY.test(cues)) return result("dont-know");
  const asks = trimmed.includes("?");
  if (short && asks && CLARIFY_CUES.test(cues) && !answersBeforeAsking(trimmed, context.question) && !(context.hasEarlierClaim && CORRECTION_CUES.test(cues))) {
    return result("clarifying-question", { clarificationTopics: clarificationTopicsOf(cues) });
  }
  if (dontKnow) return result("dont-know");
  const retracts = RETRACTION_OPENING.test(trimmed.slice(0, 160));
  if ((context.hasEarlierClaim && (context.correctsEarlierClaim || CORRECTION_CUES.test(trimmed.slice(0, 200)))) || (context.hasEarlierAnswer && retracts)) {
    return result("self-correction");
  }
  return isOffTopic(trimmed, cues, share, context) ? result("off-topic") : result("answer");
}

/**
 * An answer to another question. In order:
 * - another language or stack named, and no anchor in Python, with a low score;
 * - the scorer's off-topic flag with little of the question's vocabulary, unless the message talks
 *   about the question's own subject in its own words (a vague answer is still on topic: "Mutable
 *   things can change and immutable things can't");
 * - almost none of the question's vocabulary;
 * - a low score and not one word of the question's subject (neither the prompt's words nor its names);
 * - right after a redirect: still flagged off-topic, or still off the subject, with next to nothing covered;
 * - a low score, off the question's subject, and clearly nearer another question of the bank;
 * - next to no score, and code names the question never uses (foreignCodeNames);
 * - a low score, off the subject, and talk about the team, the practice or a past project (PRACTICE_TALK).
 */
function isOffTopic(text: string, cues: string, share: number | null, context: ClassifyContext): boolean {
  const report = context.messageReport;
  const flagged = report?.flags.includes("off-topic") ?? false;
  const score = report?.score ?? 0;
  const otherStack = OTHER_STACK.test(cues);
  const anchored = anchoredInPython(cues, context.question);
  const subject = subjectCoverage(cues, context.question);
  const onSubject = subject.of > 0 && subject.hit / subject.of >= 0.5 && !otherStack;
  if (otherStack && !anchored && score < 40 && (share === null || share < 0.8)) return true;
  if (OPENS_ON_OTHER_STACK.test(cues) && !PYTHON_WORD.test(text) && score < 70) return true;
  if (flagged && (share === null || share < 0.46) && !onSubject) return true;
  if (share !== null && share < OFF_TOPIC_SHARE && !onSubject) return true;
  if (share !== null && share < 0.5 && score < 30 && subject.of > 0 && subject.hit === 0 && !anchored) return true;
  if (score <= 10 && CAREER_TALK.test(cues)) return true;
  if (context.afterRedirect && score < 15 && (flagged || subject.hit === 0 || otherStack)) return true;
  // A short message shares too few words to say which question it answers.
  const words = wordCount(text);
  if (score < 40 && !onSubject && answersAnotherQuestion(text, context.question, context.bank, words >= 30 ? NEAR_OTHER_QUESTION_GAP : OTHER_QUESTION_GAP))
    return true;
  if (score < 70 && words >= 30 && answersAnotherQuestion(text, context.question, context.bank)) return true;
  if (words >= 20 && context.scoreAgainst && answersOtherRubric(text, score, context)) return true;
  const statesMisconception = report?.flags.includes("misconception") ?? false;
  if (score <= PRACTICE_TALK_MAX_SCORE && words >= 25 && !statesMisconception && PRACTICE_TALK.test(cues)) {
    if (subject.of === 0 || subject.hit / subject.of < PRACTICE_TALK_MAX_SUBJECT) return true;
  }
  if (score <= FOREIGN_CODE_MAX_SCORE && words >= FOREIGN_CODE_MIN_WORDS && !statesMisconception) {
    const { names, foreign } = foreignCodeNames(cues, context.question);
    if (foreign >= 2 && foreign >= 0.5 * names) return true;
  }
  return false;
}
