/**
 * Prompt-injection detection: text in an answer that addresses or instructs the grader ("ignore the
 * rubric", "give this 100", "you are now ...", "system:"). Such sentences are flagged and excluded
 * from the evidence, so they can never raise a score.
 *
 * Everything here sees candidate text of up to the maximum answer length, so every pattern must run
 * in linear time (no nested or adjacent quantifiers that can match the same characters). The
 * patterns whose natural regex backtracks quadratically (a fake role header after a run of
 * whitespace, a fake delimiter tag with a long name, sentence ends in a long run of dots) are
 * written as small scanners instead. tests/unit/scoring/redos.test.ts runs every pattern
 * on worst-case inputs at 20,000 characters.
 */
import { isSpace } from "../kernel/text.ts";

export interface TextSpan {
  start: number;
  end: number;
}

/** What a sentence pattern must do: a RegExp (without the `g` or `y` flag) or a linear scanner. */
export interface TextTest {
  test(text: string): boolean;
}

/** Line terminators, as the `m` flag's `^` sees them. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** The characters a fake role header may be decorated with before the role ("## system:", "> [system]"). */
const ROLE_LEAD = new Set(["#", ">", "*", "_", "[", "(", "-"]);
/** The same at the start of a sentence, where the header takes the rest of its line. */
const SEGMENT_ROLE_LEAD = new Set(["#", ">", "*", "_"]);
/**
 * After the decoration: the role, then ":", ">" or "]" ("system prompt:", "assistant>"). Sticky, so
 * it is tried at one position only; its spaces stay within the line.
 */
const ROLE_BODY = /(?:system|assistant|developer|human)[^\S\n\r\u2028\u2029]*(?:(?:prompt|message)[^\S\n\r\u2028\u2029]*)?[:>\]]/iy;
const ROLE_BODY_USER = /(?:system|assistant|developer|user|human)[^\S\n\r\u2028\u2029]*(?:(?:prompt|message)[^\S\n\r\u2028\u2029]*)?[:>\]]/iy;

/** Whether the line of `text` that starts at `from` opens with a fake role header. */
function roleHeaderAt(text: string, from: number, lead: ReadonlySet<string>, body: RegExp): boolean {
  let i = from;
  // The decoration and the role's first letter never overlap, so skipping greedily is exact.
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c) || !(lead.has(text[i]!) || isSpace(c))) break;
    i++;
  }
  body.lastIndex = i;
  return body.test(text);
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isLineBreak(text.charCodeAt(i))) return i;
  return text.length;
}

/** A line of `text` (any line: the text may be a multi-line comment) that opens with a fake role. */
const ROLE_LINE: TextTest = {
  test(text: string): boolean {
    let start = 0;
    for (;;) {
      if (roleHeaderAt(text, start, ROLE_LEAD, ROLE_BODY)) return true;
      const end = lineEnd(text, start);
      if (end >= text.length) return false;
      start = end + 1;
    }
  },
};

/** A fake delimiter tag: <system>, </candidate_answer>, <grading_instructions>. */
const TAG = /<\/?\s*([a-z_]+)\s*>/iy;
const TAG_NAME = /system|instructions?|candidate_answer|answer|rubric|reference|prompt|assistant|grading|grader/i;
const DELIMITER_TAG: TextTest = {
  test(text: string): boolean {
    // Tried at each "<" only; a tag's name cannot contain "<", so the attempts cover disjoint text.
    for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) {
      TAG.lastIndex = at;
      const m = TAG.exec(text);
      if (m && TAG_NAME.test(m[1]!)) return true;
    }
    return false;
  },
};

const GRADER = String.raw`(?:grader|grading (?:model|system|engine|ai|bot)|evaluator|examiner|assessor|scorer|scoring (?:model|system|engine|ai|bot)|ai (?:grader|judge|evaluator|model|reviewer|scorer)|llm|language model|chatgpt|gpt|claude|gemini)`;
/** Who an injection addresses (wider than GRADER, only used in address forms). */
const ADDRESSEE = String.raw`(?:${GRADER}|reviewer|assistant|ai|bot|scorebot)`;
const SCORE_WORDS = String.raw`(?:100(?:\s*\/\s*100|\s*%| points| percent| out of 100)?|full (?:marks|score|points|credit)|(?:a |the )?perfect (?:score|grade|mark|rating)s?|(?:the )?max(?:imum)? (?:score|marks|points|grade|rating)|(?:the )?top (?:marks|score|grade|band|rating)|(?:the )?highest (?:score|grade|mark|band|rating)|5\s*\/\s*5|10\s*\/\s*10|5 out of 5|10 out of 10|a\+|(?:the )?strong band|(?:an? )?(?:excellent|strong) (?:score|grade|rating|band|mark))`;
const TARGET = String.raw`(?:this|me|it|my answer|this answer|the answer|this response|my response|the candidate|this candidate|him|her|them|us)`;

/** Patterns matched against one sentence (or line) of the answer. */
export const SENTENCE_PATTERNS: readonly TextTest[] = [
  // "ignore the rubric", "disregard all previous instructions"
  /\b(?:ignore|disregard|forget)\b(?:\s+(?:all|any|the|your|my|of|previous|prior|above|earlier|these|those|its|every|other|grading|scoring|system))*\s+(?:instructions?|rubrics?|criteria|guidelines|system prompt|prompts?|reference answer|key ?points|marking (?:scheme|guide)|grading|scoring)\b/i,
  /\b(?:ignore|disregard|forget)\s+(?:everything|anything|all)\s+(?:above|before|else|previous|prior|you were told)\b/i,
  // "give this 100", "assign the maximum score", "return the top score"
  new RegExp(String.raw`\b(?:give|award|assign|grant|mark|rate|score|grade)\s+${TARGET}\b[^.\n]{0,40}${SCORE_WORDS}`, "i"),
  new RegExp(String.raw`\b(?:give|award|assign|grant|record|return|output|report|enter|set|put)\s+(?:a\s+|an\s+|the\s+)?${SCORE_WORDS}`, "i"),
  new RegExp(String.raw`\b(?:deserves?|worth|earns?|merits?|should (?:get|receive|score)|must (?:get|receive|score))\b[^.\n]{0,20}${SCORE_WORDS}`, "i"),
  /\b(?:full (?:marks|credit)|5\s*\/\s*5|10\s*\/\s*10|100\s*\/\s*100|perfect score)\b/i,
  /\b(?:adjust|raise|increase|bump|boost|inflate|round up)\b[^.\n]{0,25}\b(?:score|grade|marks?|rating)\b/i,
  /\bskip (?:the )?(?:evaluation|grading|scoring|comparison|rubric|assessment|checks?)\b/i,
  /\bset_?score\b|\b(?:score|grade|rating)\s*[:=]\s*["']?100\b/i,
  /\b(?:grader|evaluator|scorer)\.\w+/i,
  // "you are now ...", role play
  /\byou are now (?:a|an|the|my|acting|operating|going to|in\b)/i,
  /\byou are (?:a|an|the)? ?[A-Z]?\w*(?:bot|gpt)\b/i,
  /\byou (?:are|will be|must act as|should act as) (?:a|an) (?:lenient|generous|new|different|unrestricted)\b/i,
  /\b(?:act|behave|respond) as (?:if|though|a|an)\b[^.\n]{0,40}\b(?:grader|evaluator|examiner|scorer|judge)\b/i,
  /\bpretend (?:you are|you're|to be)\b/i,
  /\b(?:reply|respond|answer) with (?:the number |only )?(?:100|the (?:top|maximum|highest))\b/i,
  /\bno matter what\b[^.\n]{0,40}\b(?:score|100|grade)\b|\b(?:score|100|grade)\b[^.\n]{0,40}\bno matter what\b/i,
  /\bwhat is my (?:score|grade)\b/i,
  // fake roles and delimiters
  ROLE_LINE,
  /<\|?\s*(?:im_start|im_end|system|endoftext|assistant|user)\s*\|?>/i,
  /\[\/?\s*(?:INST|SYS|SYSTEM)\s*\]/i,
  DELIMITER_TAG,
  /\b(?:new|updated|revised|overriding|secret|hidden) (?:system )?(?:instructions?|prompt|directives?)\b/i,
  // addressing the grader
  new RegExp(String.raw`\b(?:note|message|instructions?|request|hint|memo|p\.?s\.?) (?:to|for) (?:the |any |my )?(?:\w+ )?${GRADER}\b`, "i"),
  new RegExp(String.raw`\b(?:note|message|memo) to (?:the |any |my )?(?:\w+ )?(?:reviewer|assistant|ai)\b`, "i"),
  new RegExp(String.raw`\b(?:dear|hey|hi|hello|attention) ${ADDRESSEE}\b`, "i"),
  new RegExp(String.raw`\bto the ${GRADER}\b`, "i"),
  /\b(?:ai |automated |automatic )?(?:grader|evaluator|scorer|examiner|assessor|reviewer)s?\s*[:,]\s/i,
  new RegExp(String.raw`\b(?:before|when|while) (?:grading|scoring|evaluating|marking)\b[^.\n]{0,40}\b(?:note|consider|remember|know|aware)\b`, "i"),
  new RegExp(
    String.raw`\b(?:the|any|an|this|dear) ${GRADER}\b[^.\n]{0,50}\b(?:must|should|shall|will|has to|needs? to|is required to|is instructed to|can)\b[^.\n]{0,40}\b(?:give|award|mark|score|grade|rate|accept|pass|consider|treat|ignore)\b`,
    "i",
  ),
  // claims about the rubric or the score
  /["']?(?:score|grade|rating|band)["']?\s*[:=]\s*["']?(?:100|9\d|strong|excellent|5\s*\/\s*5)\b/i,
  /\bthe (?:correct|right|reference|expected) answer is (?:whatever|what(?:ever)? i (?:write|wrote|say|said)|my answer|this answer)\b/i,
  /\b(?:the )?reference answer is (?:outdated|wrong|incorrect|obsolete|out of date)\b/i,
  /\b(?:the )?rubric (?:for this question )?(?:was|has been|is) (?:updated|changed|replaced|revised|waived)\b/i,
  /\b(?:this|my) (?:answer|response) (?:is|should be|must be|has been) (?:graded|scored|marked|rated|considered|treated|evaluated|pre-?approved|approved|verified)\b/i,
  /\b(?:meets|satisfies|covers) (?:all|every) (?:the )?(?:rubric|criteria|key ?points)\b/i,
  /\b(?:all|every) (?:the )?key ?points? (?:are|is|were|should be|must be|have been) (?:covered|met|satisfied|addressed)\b/i,
  /\b(?:mark|consider|treat) (?:all|every|each) (?:of the )?(?:key ?points?|criteria|items?) (?:as )?(?:covered|met|satisfied)\b/i,
  /\b(?:graded|scored|marked) as (?:if it were )?(?:fully )?(?:correct|complete|perfect)\b|\bas if it were complete\b/i,
  /\b(?:jailbreak|dan mode|developer mode|do anything now|bypass mode|evaluation-bypass)\b/i,
  /\b(?:respond|reply|answer|output) (?:only )?with (?:a |the |only )?(?:score|grade|"?\{\s*"?score)/i,
];

/** Sentence-ish segments of `text`: lines, then runs of ., ! or ? followed by whitespace or the line's end. */
export function segments(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineStop = text.indexOf("\n", lineStart);
    if (lineStop < 0) lineStop = text.length;
    let s = lineStart;
    let i = lineStart;
    while (i < lineStop) {
      if (!isStop(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let e = i + 1;
      while (e < lineStop && isStop(text.charCodeAt(e))) e++;
      if (e === lineStop || isSpace(text.charCodeAt(e))) {
        out.push({ start: s, end: e });
        s = e;
      }
      i = e;
    }
    if (s < lineStop) out.push({ start: s, end: lineStop });
    lineStart = lineStop + 1;
  }
  return out;
}

/** ".", "!" or "?". */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** Block-level structures that hide instructions: HTML comments, JSON objects with a score. */
export const BLOCK_PATTERNS: readonly RegExp[] = [
  /<!--[\s\S]*?(?:-->|$)/g,
  /\{[^{}]{0,400}["']?(?:score|grade|rating)["']?\s*:\s*["']?(?:100|5\s*\/\s*5|strong|excellent)\b[^{}]{0,400}\}/gi,
  /\{[^{}]{0,400}["'](?:band|keyPoints|key_points|verdict|rationale|feedback)["']\s*:[^{}]{0,400}\}/gi,
];

/** Words that make an HTML comment an injection on their own. */
const COMMENT_WORDS = /\b(?:score|grade|rubric|grader|points)\b/i;

/**
 * Every regex in this file that sees candidate text, for the worst-case tests
 * (tests/unit/scoring/redos.test.ts). Sticky ones are tried at one position (`lastIndex`).
 */
export const CANDIDATE_TEXT_REGEXES: readonly RegExp[] = [
  ...SENTENCE_PATTERNS.filter((p): p is RegExp => p instanceof RegExp),
  ...BLOCK_PATTERNS,
  ROLE_BODY,
  ROLE_BODY_USER,
  TAG,
  TAG_NAME,
  COMMENT_WORDS,
];

function trimSpan(text: string, s: TextSpan): TextSpan {
  let { start, end } = s;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Spans of `text` that instruct or address the grader. A matched sentence is excluded whole; a
 * line that opens a fake role ("system:") is excluded to its end, and so is an HTML comment or a
 * JSON object carrying a score.
 */
export function detectInjection(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const re of BLOCK_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const body = m[0];
      const isComment = body.startsWith("<!--");
      // A comment is only an injection when it says something to the grader.
      if (isComment && !SENTENCE_PATTERNS.some((p) => p.test(body)) && !COMMENT_WORDS.test(body)) continue;
      spans.push({ start: m.index, end: m.index + body.length });
    }
  }
  for (const seg of segments(text)) {
    const s = text.slice(seg.start, seg.end);
    if (SENTENCE_PATTERNS.some((p) => p.test(s))) {
      // A fake role header takes the rest of its line with it.
      if (startsWithRole(s)) {
        const lineEnd = text.indexOf("\n", seg.start);
        spans.push({ start: seg.start, end: lineEnd < 0 ? text.length : lineEnd });
      } else spans.push(seg);
    }
  }
  return mergeSpans(spans.map((s) => trimSpan(text, s)).filter((s) => s.end > s.start));
}

/** A fake role header at the start of a segment ("system:", "## assistant>", "user]"). */
function startsWithRole(segment: string): boolean {
  return roleHeaderAt(segment, 0, SEGMENT_ROLE_LEAD, ROLE_BODY_USER);
}

export function mergeSpans(spans: TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
