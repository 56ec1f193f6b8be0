/**
 * Interviewer evaluation: drives the offline interviewer through the simulated candidates in
 * eval/data/interviewer/*.jsonl (format: eval/INTERVIEWER.md) with the real scorer (the bank-wide
 * corpus, as the app) and the real turn policy, through `planNextTurn`, the function the app's
 * answer flow calls, and measures whether the interviewer responds to what was said.
 *
 *   npm run eval:interviewer                  # tune and held-out
 *   npm run eval:interviewer -- --split heldout
 *   npm run eval:interviewer -- --json        # one JSON object per split on the last line
 *   npm run eval:interviewer -- --verbose --split tune   # every exchange (tune on tune only)
 *   npm run eval:interviewer -- --judge       # the LLM judge reads each answer first (SCORER_MODEL)
 *
 * Metrics per split (each a share of the turns it applies to, with the counts):
 * - responsive follow-ups: follow-ups (the question stays open) that do what the turn called for:
 *   a challenge after a `claim`, a clarification after a clarifying question, a scaffold after
 *   "I don't know", a redirect after off-topic, an acknowledgement after a correction, else a probe
 *   of a key point the candidate had not covered (by keypoint-map.json when present: the labelled
 *   `missing` point, or one never `said` in the conversation; else by the report);
 * - misconceptions challenged: `claim` turns followed by a challenge;
 * - clarifications answered with the question handed back; scaffolds after "I don't know";
 *   redirects after off-topic (and exactly one: the second off-topic turn moves on); corrections acknowledged;
 * - unanswerable follow-ups: identifiers the candidate never saw (lib/interviewer/follow-up-identifiers.ts);
 * - bad quotes: candidate quotes under 4 words, from a sentence whose negation the quote drops, cut
 *   mid-word, across a sentence boundary, or with an unpaired quotation mark (cut at an apostrophe);
 * - approvals of unsupported quotes: a quote acknowledged with approving words that comes from the
 *   sentence of a labelled wrong claim, from an off-topic answer, or is not evidence of a key point
 *   the report marks covered (or its sentence holds a misconception hit);
 * - false redirects (an answer that was not off-topic redirected); off-topic conversations handled
 *   as one redirect then a move-on;
 * - prejudged challenges: a challenge whose own words say the claim is wrong before the answer;
 * - contradictory verdicts: "complete"/"every key point"/"nothing missed" while the report has an
 *   essential point not covered or a wrong claim standing;
 * - the most repeated phrase (a 4-word sequence of the interviewer's own words, quotes and
 *   authored questions removed) and its share of interviewer turns; Mock-mode praise words.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadBanks, defaultBankDirs } from "../lib/bank/load.ts";
import type { Question } from "../lib/bank/schema.ts";
import { planNextTurn, planNextTurnJudged, type PlannedTurn, type PlanTurnInput } from "../lib/interviewer/next-turn.ts";
import { renderOfflineTurn } from "../lib/interviewer/offline-engine.ts";
import { unanswerableIdentifiers } from "../lib/interviewer/follow-up-identifiers.ts";
import { essentialPoints, standingMisconceptions, type TurnDecision } from "../lib/interviewer/turn-policy.ts";
import type { ExchangeMessage, InterviewMode } from "../lib/interviewer/turns.ts";
import { corpusFromQuestions, scoreAnswer, type CorpusStats } from "../lib/scoring/index.ts";
import type { ScoreReport } from "../lib/scoring/report.ts";
import { scoreAnswerWithJudge } from "../lib/scoring/llm-judge.ts";
import { modelSpecs } from "../lib/ai/providers.ts";
import { env } from "../lib/env.ts";
import { JUDGE_BEFORE_REPLY_MS } from "../lib/sessions/deadlines.ts";
import { inPool, judgeModelOrExit, judgeTally, type JudgeCalls } from "./judge.ts";
import type { LanguageModel } from "ai";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const INTERVIEWER_DATA_DIR = path.join(root, "eval/data/interviewer");

export type Split = "tune" | "heldout";
type Expect = "probe" | "challenge" | "clarify" | "scaffold" | "redirect" | "acknowledge" | "move-on" | "any";
type Conversation = {
  id: string;
  questionId: string;
  kind: string;
  split: Split;
  turns: { say: string; expect: Expect; claim?: string }[];
  missing: string;
  said: string[];
};
type KeypointMap = Record<string, { missing?: string[]; said?: string[] }>;

export type Ratio = { hit: number; of: number; share: number | null };
export type SplitMetrics = {
  split: Split;
  conversations: number;
  interviewerTurns: number;
  followUps: number;
  responsiveFollowUps: Ratio;
  probeWhenExpected: Ratio;
  misconceptionsChallenged: Ratio;
  clarificationsAnswered: Ratio;
  scaffoldsAfterDontKnow: Ratio;
  redirectsAfterOffTopic: Ratio;
  singleRedirect: Ratio;
  /** Off-topic conversations where the first off-topic answer got the redirect and the second the move-on. */
  redirectThenMoveOn: Ratio;
  /** Redirects of an answer that was not off-topic (0). */
  falseRedirects: number;
  correctionsAcknowledged: Ratio;
  /** Candidate quotes acknowledged with approving words ("right", "agree", "fair", "good", "holds", "such as"). */
  approvals: number;
  /** Of those, quotes of a labelled wrong claim's sentence, of an off-topic answer, or not evidence of a covered point (0). */
  unsupportedApprovals: number;
  /** Challenges whose own words say or hint that the claim is wrong before the candidate answers (0). */
  prejudgedChallenges: number;
  challenges: number;
  unanswerableFollowUps: number;
  badQuotes: number;
  quotes: number;
  contradictoryVerdicts: number;
  mockPraise: number;
  topPhrase: { phrase: string; turns: number; share: number };
};

export type ExchangeLog = { id: string; mode: InterviewMode; lines: string[] };

const ratio = (hit: number, of: number): Ratio => ({ hit, of, share: of > 0 ? hit / of : null });

function readConversations(dir: string): Conversation[] {
  if (!existsSync(dir)) return [];
  const rows: Conversation[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (line.trim()) rows.push(JSON.parse(line) as Conversation);
    }
  }
  return rows;
}

function readKeypointMap(dir: string): KeypointMap | undefined {
  const file = path.join(dir, "keypoint-map.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as KeypointMap) : undefined;
}

type Simulated = {
  turn: { say: string; expect: Expect; claim?: string };
  decision: TurnDecision;
  text: string;
  report: ScoreReport;
  /** The report before this message (what the candidate had covered when the interviewer chose). */
  previous: ScoreReport | undefined;
};

/** A conversation being simulated: the exchange so far and what each turn produced. */
type Simulation = { exchange: ExchangeMessage[]; out: Simulated[]; followUpCount: number; previousText?: string; previous?: ScoreReport };

/** The app's planning input for the conversation's next message (the scorer and bank as the app wires them). */
function planInputOf(
  question: Question,
  conversation: Conversation,
  mode: InterviewMode,
  bank: readonly Question[],
  corpus: CorpusStats,
  sim: Simulation,
): PlanTurnInput {
  return {
    question,
    mode,
    seed: conversation.id,
    sequence: sim.out.length + 1,
    previousText: sim.previousText,
    exchange: sim.exchange,
    score: (answers) => scoreAnswer({ question, answers }, { corpus }),
    scoreAgainst: (id, text) => {
      const other = bank.find((q) => q.id === id);
      return other ? scoreAnswer({ question: other, answers: [text] }, { corpus }).score : 0;
    },
    followUpCount: sim.followUpCount,
    secondsLeftForQuestion: null,
    secondsLeftInInterview: null,
    isLastQuestion: false,
    bank,
  };
}

/** Records the interviewer's planned turn; false when it moved on (the conversation ends there). */
function record(sim: Simulation, turn: Conversation["turns"][number], plan: PlannedTurn): boolean {
  const text = renderOfflineTurn(plan.turn);
  sim.out.push({ turn, decision: plan.decision, text, report: plan.report, previous: sim.previous });
  sim.previous = plan.report;
  sim.previousText = text;
  if (!plan.followUpId) return false;
  sim.exchange.push({ role: "interviewer", text, action: plan.followUpId });
  if (plan.countsAsFollowUp) sim.followUpCount += 1;
  return true;
}

/** One conversation through the app's own planning function; stops when the interviewer moves on. */
function simulate(question: Question, conversation: Conversation, mode: InterviewMode, bank: readonly Question[], corpus: CorpusStats): Simulated[] {
  const sim: Simulation = { exchange: [], out: [], followUpCount: 0 };
  for (const t of conversation.turns) {
    sim.exchange.push({ role: "candidate", text: t.say });
    if (!record(sim, t, planNextTurn(planInputOf(question, conversation, mode, bank, corpus, sim)))) break;
  }
  return sim.out;
}

/** The same, with the judge reading each answer before the turn is final, as in the app's LLM sessions. */
async function simulateJudged(
  question: Question,
  conversation: Conversation,
  mode: InterviewMode,
  bank: readonly Question[],
  corpus: CorpusStats,
  judge: (answers: string[]) => Promise<ScoreReport | null>,
): Promise<Simulated[]> {
  const sim: Simulation = { exchange: [], out: [], followUpCount: 0 };
  for (const t of conversation.turns) {
    sim.exchange.push({ role: "candidate", text: t.say });
    if (!record(sim, t, await planNextTurnJudged(planInputOf(question, conversation, mode, bank, corpus, sim), judge))) break;
  }
  return sim.out;
}

const NEGATION = /(?:\bnot\b|n't\b|\bnever\b|\bno\b|\bwithout\b|\binstead of\b|\brather than\b)/i;

/** Quotes in an interviewer text that are too short or drop a negation of the candidate's sentence. */
function badQuotes(text: string, answers: readonly string[], exclude: readonly string[]): { quotes: number; bad: string[] } {
  const combined = answers.join("\n\n");
  let quotes = 0;
  const bad: string[] = [];
  for (const m of text.matchAll(/“([^”]{1,400})”/g)) {
    const q = m[1]!;
    if (exclude.some((e) => e.includes(q))) continue;
    quotes += 1;
    if (q.split(/\s+/).filter(Boolean).length < 4) {
      bad.push(`short: ${q}`);
      continue;
    }
    if (unpairedQuoteMark(q)) {
      bad.push(`unpaired quotation mark: ${q}`);
      continue;
    }
    if (/[.!?]["')]*\s+["'(]*[A-Z]/.test(q)) {
      bad.push(`across sentences: ${q}`);
      continue;
    }
    const at = combined.indexOf(q);
    if (at < 0) continue;
    if (/[A-Za-z0-9_]/.test(combined[at - 1] ?? " ") || /[A-Za-z0-9_]/.test(combined[at + q.length] ?? " ")) {
      bad.push(`cut mid-word: ${q}`);
      continue;
    }
    let start = at;
    while (start > 0 && !/[.!?\n]/.test(combined[start - 1]!)) start -= 1;
    let end = at + q.length;
    while (end < combined.length && !/[.!?\n]/.test(combined[end]!)) end += 1;
    const outside = combined.slice(start, at) + " " + combined.slice(at + q.length, end);
    if (NEGATION.test(outside) && !NEGATION.test(q)) bad.push(`negation dropped: ${q}`);
  }
  return { quotes, bad };
}

/** A quotation mark (not an apostrophe inside a word) without its pair. */
function unpairedQuoteMark(q: string): boolean {
  let single = 0;
  for (let i = 0; i < q.length; i += 1) {
    if (!"'‘’".includes(q[i]!)) continue;
    if (/[A-Za-z0-9]/.test(q[i - 1] ?? "") && /[A-Za-z0-9]/.test(q[i + 1] ?? "")) continue;
    single += 1;
  }
  return single % 2 === 1 || (q.match(/"/g) ?? []).length % 2 === 1;
}

const APPROVING = /\b(?:right|agree|fair|good|holds|correct|well done|nicely|great|exactly|such as|including|among them)\b/i;
const PREJUDGED =
  /\b(?:wrong|incorrect|not (?:right|true|correct|quite)|doesn't (?:sit right|hold)|push back|mistaken|misconception|are you sure|is that so|i'd question|i doubt)\b/i;

/** The candidate's quotes in an interviewer text acknowledged with approving words (in the interviewer's sentence around the quote). */
function approvedQuotes(text: string, authored: readonly string[]): string[] {
  let own = text;
  for (const a of authored) if (a.trim()) own = own.split(a.trim()).join(" ");
  const out: string[] = [];
  for (const m of own.matchAll(/“([^”]{1,400})”/g)) {
    const before =
      own
        .slice(0, m.index)
        .split(/[.!?]\s|\n/)
        .at(-1) ?? "";
    const after = own.slice(m.index + m[0].length).split(/[.!?](?:\s|$)|\n/)[0] ?? "";
    if (APPROVING.test(`${before} ${after}`)) out.push(m[1]!);
  }
  return out;
}

/** The sentence of `text` around [at, at + length). */
function sentenceRange(text: string, at: number, length: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !(/[.!?\n]/.test(text[start - 1]!) && (start - 1 === 0 || /\s/.test(text[start] ?? " ")))) start -= 1;
  let end = at + length;
  while (end < text.length && !(/[.!?\n]/.test(text[end]!) && /\s|$/.test(text[end + 1] ?? " "))) end += 1;
  return { start, end };
}

const COMPLETE_CLAIM =
  /\b(?:complete answer|every key point|all the key points|nothing (?:important )?(?:was )?(?:missed|missing|left out)|covers it|that does it|covers what i was looking for)\b/i;
const MOCK_PRAISE = /\b(?:right|correct|good|great|excellent|well done|perfect|nice|nicely|solid|agree)\b/i;

/** The interviewer's own words: quotes of the candidate and authored text (follow-ups, the question) removed. */
function ownWords(text: string, authored: readonly string[]): string {
  let own = text.replace(/“[^”]*”/g, " ");
  for (const a of authored) if (a) own = own.split(a.trim()).join(" ");
  return own;
}

function phraseShare(texts: readonly string[]): SplitMetrics["topPhrase"] {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const ws = t
      .toLowerCase()
      .replace(/[^a-z0-9' ]+/g, " ")
      .split(/\s+/)
      .filter(Boolean);
    const grams = new Set<string>();
    for (let i = 0; i + 4 <= ws.length; i += 1) grams.add(ws.slice(i, i + 4).join(" "));
    for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let best = { phrase: "", turns: 0, share: 0 };
  for (const [phrase, n] of counts) if (n > best.turns) best = { phrase, turns: n, share: texts.length ? n / texts.length : 0 };
  return best;
}

/**
 * Why an approved quote is not supported, or undefined: it comes from the sentence of a claim the
 * data labels wrong, from an answer the data labels off-topic, or it is not evidence of a key point
 * the report marks covered (or its sentence holds a misconception hit).
 */
function unsupportedApproval(q: string, sim: readonly Simulated[], report: ScoreReport, c: Conversation): string | undefined {
  const answers = sim.map((x) => x.turn.say);
  const turnIndex = answers.findLastIndex((a) => a.includes(q));
  if (turnIndex < 0) return undefined;
  const turn = sim[turnIndex]!.turn;
  const say = turn.say;
  const at = say.lastIndexOf(q);
  const sentence = sentenceRange(say, at, q.length);
  if (turn.claim) {
    const claimAt = say.indexOf(turn.claim);
    if (claimAt >= 0 && claimAt < sentence.end && claimAt + turn.claim.length > sentence.start) return "a labelled wrong claim";
  }
  if (turn.expect === "redirect" || (c.kind === "off-topic" && turn.expect === "move-on")) return "an off-topic answer";
  const combined = answers.join("\n\n");
  const offset = answers.slice(0, turnIndex).reduce((n, a) => n + a.length + 2, 0);
  const qRange = { start: offset + at, end: offset + at + q.length };
  const sRange = { start: offset + sentence.start, end: offset + sentence.end };
  const hit = (r: { start: number; end: number }, e: { start: number; end: number }) => e.start < r.end && e.end > r.start;
  if (report.misconceptions.some((m) => m.evidence.some((e) => hit(sRange, e)))) return "a sentence with a misconception hit";
  const covered = report.keyPoints
    .filter((k) => k.status === "covered")
    .some((k) => k.evidence.some((e) => hit(qRange, e) && combined.slice(e.start, e.end) === e.text));
  return covered ? undefined : "a quote that is not evidence of a covered point";
}

type EvalOptions = { split?: Split | "all"; dataDir?: string; verbose?: boolean };
/** Simulations by `<conversation id>/<mode>`, made elsewhere (with the judge: `evaluateInterviewerWithJudge`). */
type Simulations = ReadonlyMap<string, Simulated[]>;

/** The banks, the corpus the app scores with, and the conversations of the chosen split. */
function loadInterviewerEval(options: EvalOptions) {
  const dir = options.dataDir ?? INTERVIEWER_DATA_DIR;
  const { banks } = loadBanks(defaultBankDirs());
  const questions = new Map(banks.flatMap((b) => b.questions).map((q) => [q.id, q] as const));
  // As the app scores: IDF over every loaded question (lib/sessions/scoring.ts bankCorpus).
  const corpus = corpusFromQuestions([...questions.values()]);
  const conversations = readConversations(dir).filter((c) => !options.split || options.split === "all" || c.split === options.split);
  const questionOf = (c: Conversation) => {
    const question = questions.get(c.questionId);
    if (!question) throw new Error(`${c.id}: no bank question ${c.questionId}`);
    return { question, bank: banks.find((b) => b.id === question.bankId)?.questions ?? [] };
  };
  return { dir, corpus, conversations, questionOf };
}

export function evaluateInterviewer(options: EvalOptions & { simulations?: Simulations } = {}) {
  const { dir, corpus, conversations, questionOf } = loadInterviewerEval(options);
  const keypointMap = readKeypointMap(dir);
  const logs: ExchangeLog[] = [];
  const results: SplitMetrics[] = [];
  for (const split of ["tune", "heldout"] as const) {
    const rows = conversations.filter((c) => c.split === split);
    if (rows.length === 0) continue;
    const tally = {
      turns: 0,
      followUps: 0,
      responsive: 0,
      probeExpected: 0,
      probed: 0,
      claims: 0,
      challenged: 0,
      clarify: 0,
      clarified: 0,
      idk: 0,
      scaffolded: 0,
      offTopic: 0,
      redirected: 0,
      offTopicConversations: 0,
      singleRedirect: 0,
      corrections: 0,
      acknowledged: 0,
      unanswerable: 0,
      quotes: 0,
      badQuotes: 0,
      contradictory: 0,
      mockPraise: 0,
      redirectThenMoveOn: 0,
      falseRedirects: 0,
      approvals: 0,
      unsupportedApprovals: 0,
      prejudged: 0,
      challenges: 0,
    };
    const ownTexts: string[] = [];
    for (const c of rows) {
      const { question, bank } = questionOf(c);
      const questionText = `${question.title}\n${question.prompt}`;
      for (const mode of ["practice", "mock"] as const) {
        const sim = options.simulations?.get(`${c.id}/${mode}`) ?? simulate(question, c, mode, bank, corpus);
        const log: string[] = [];
        let redirects = 0;
        const offTopicActions: string[] = [];
        for (const [i, s] of sim.entries()) {
          const d = s.decision;
          const authored = [question.prompt, "followUp" in d ? d.followUp.text : ""];
          if (mode === "mock") {
            const praise = MOCK_PRAISE.exec(ownWords(s.text, authored));
            if (praise) {
              tally.mockPraise += 1;
              if (options.verbose) console.log(`mock praise (${praise[0]}) in ${c.id}: ${s.text}`);
            }
            continue;
          }
          tally.turns += 1;
          ownTexts.push(ownWords(s.text, authored));
          const answers = sim.slice(0, i + 1).map((x) => x.turn.say);
          const { quotes, bad } = badQuotes(s.text, answers, d.action === "challenge" ? [d.claim] : []);
          tally.quotes += quotes;
          tally.badQuotes += bad.length;
          const expect = s.turn.expect;
          const open = "followUp" in d;
          if (open) {
            tally.followUps += 1;
            if (d.action === "probe" || d.action === "challenge" || d.action === "scaffold") {
              const unanswerable = unanswerableIdentifiers(d.followUp.text, questionText, question.reference);
              if (unanswerable.length > 0) {
                tally.unanswerable += 1;
                log.push(`    !! unanswerable (${unanswerable.map((u) => u.identifier).join(", ")}): ${d.followUp.id}`);
              }
            }
          }
          const mapped = keypointMap?.[c.id];
          const probeResponds =
            d.action === "probe" &&
            // The map's `said` covers the whole conversation (a point said in reply to the probe is in it
            // too), so a probe responds when its point is the labelled gap or was never said.
            (mapped
              ? (mapped.missing ?? []).includes(d.keyPointId) || !(mapped.said ?? []).includes(d.keyPointId)
              : (s.report.keyPoints.find((k) => k.id === d.keyPointId)?.status ?? "missed") !== "covered");
          const responds =
            expect === "challenge"
              ? d.action === "challenge"
              : expect === "clarify"
                ? d.action === "clarify"
                : expect === "scaffold"
                  ? d.action === "scaffold"
                  : expect === "redirect"
                    ? d.action === "redirect"
                    : expect === "acknowledge"
                      ? Boolean(d.acknowledgeCorrection) && (d.action === "probe" ? probeResponds : true)
                      : d.action === "challenge"
                        ? Boolean(s.turn.claim) || standingMisconceptions(s.report).length > 0
                        : probeResponds || d.action === "scaffold" || d.action === "clarify";
          if (open && responds) tally.responsive += 1;
          if (open && !responds) log.push(`    !! not responsive (${d.action}${d.action === "probe" ? ` ${d.keyPointId}` : ""} after ${expect})`);
          if (expect === "probe") {
            tally.probeExpected += 1;
            if (d.action === "probe" && probeResponds) tally.probed += 1;
          }
          if (s.turn.claim) {
            tally.claims += 1;
            if (d.action === "challenge") tally.challenged += 1;
          }
          if (expect === "clarify") {
            tally.clarify += 1;
            if (d.action === "clarify" && s.text.includes(question.prompt.trim())) tally.clarified += 1;
          }
          if (expect === "scaffold") {
            tally.idk += 1;
            if (d.action === "scaffold") tally.scaffolded += 1;
          }
          if (expect === "redirect") {
            tally.offTopic += 1;
            if (d.action === "redirect") tally.redirected += 1;
          }
          if (d.action === "redirect") redirects += 1;
          const offTopicTurn = expect === "redirect" || (c.kind === "off-topic" && expect === "move-on");
          if (offTopicTurn) offTopicActions.push(d.action);
          if (d.action === "redirect" && !offTopicTurn) {
            tally.falseRedirects += 1;
            log.push("    !! redirect of an answer that was not off-topic");
          }
          if (d.action === "challenge") {
            tally.challenges += 1;
            const own = ownWords(s.text, [...authored, d.claim]);
            const prejudged = PREJUDGED.exec(own);
            if (prejudged) {
              tally.prejudged += 1;
              log.push(`    !! challenge prejudges the claim (${prejudged[0]})`);
            }
          }
          for (const q of approvedQuotes(s.text, authored)) {
            tally.approvals += 1;
            const why = unsupportedApproval(q, sim.slice(0, i + 1), s.report, c);
            if (why) {
              tally.unsupportedApprovals += 1;
              log.push(`    !! approval of ${why}: “${q}”`);
            }
          }
          if (expect === "acknowledge") {
            tally.corrections += 1;
            if (d.acknowledgeCorrection) tally.acknowledged += 1;
          }
          if (!open && COMPLETE_CLAIM.test(ownWords(s.text, authored))) {
            const essentialOpen = essentialPoints(s.report).some((k) => k.status !== "covered");
            if (essentialOpen || standingMisconceptions(s.report).length > 0) tally.contradictory += 1;
          }
          log.push(`  [${expect}${s.turn.claim ? " claim" : ""}] ${s.turn.say}`);
          log.push(
            `    -> ${d.action}${"reason" in d ? `:${d.reason}` : ""}${d.acknowledgeCorrection ? "+ack" : ""} (score ${s.report.score}) ${s.text.replace(/\n+/g, " ⏎ ")}`,
          );
          if (bad.length) log.push(`    !! quotes: ${bad.join(" | ")}`);
        }
        if (c.kind === "off-topic" && mode === "practice") {
          tally.offTopicConversations += 1;
          if (redirects === 1) tally.singleRedirect += 1;
          const [first, second] = offTopicActions;
          if (first === "redirect" && (second === undefined || second === "move-on" || second === "finish")) tally.redirectThenMoveOn += 1;
        }
        if (mode === "practice") logs.push({ id: `${c.id} [${split}]`, mode, lines: log });
      }
    }
    results.push({
      split,
      conversations: rows.length,
      interviewerTurns: tally.turns,
      followUps: tally.followUps,
      responsiveFollowUps: ratio(tally.responsive, tally.followUps),
      probeWhenExpected: ratio(tally.probed, tally.probeExpected),
      misconceptionsChallenged: ratio(tally.challenged, tally.claims),
      clarificationsAnswered: ratio(tally.clarified, tally.clarify),
      scaffoldsAfterDontKnow: ratio(tally.scaffolded, tally.idk),
      redirectsAfterOffTopic: ratio(tally.redirected, tally.offTopic),
      singleRedirect: ratio(tally.singleRedirect, tally.offTopicConversations),
      redirectThenMoveOn: ratio(tally.redirectThenMoveOn, tally.offTopicConversations),
      falseRedirects: tally.falseRedirects,
      approvals: tally.approvals,
      unsupportedApprovals: tally.unsupportedApprovals,
      prejudgedChallenges: tally.prejudged,
      challenges: tally.challenges,
      correctionsAcknowledged: ratio(tally.acknowledged, tally.corrections),
      unanswerableFollowUps: tally.unanswerable,
      badQuotes: tally.badQuotes,
      quotes: tally.quotes,
      contradictoryVerdicts: tally.contradictory,
      mockPraise: tally.mockPraise,
      topPhrase: phraseShare(ownTexts),
    });
  }
  return { results, logs, keypointMap: Boolean(keypointMap) };
}

/**
 * The evaluation with the LLM judge reading each answer before the turn is final (the app's LLM
 * sessions: `planNextTurnJudged`). The interviewer's text is still the offline engine's: the judge
 * changes what the policy decides, which is what the metrics read. A failed judge call changes
 * nothing for that turn, as in the app; `judge` counts the calls and the failures.
 */
export async function evaluateInterviewerWithJudge(options: EvalOptions & { model: LanguageModel; concurrency?: number; timeoutMs?: number }) {
  const { corpus, conversations, questionOf } = loadInterviewerEval(options);
  const tally = judgeTally();
  const jobs = conversations.flatMap((c) => (["practice", "mock"] as const).map((mode) => ({ c, mode })));
  const simulations = new Map<string, Simulated[]>();
  await inPool(jobs, options.concurrency ?? 4, async ({ c, mode }) => {
    const { question, bank } = questionOf(c);
    const judge = async (answers: string[]) => {
      const report = await scoreAnswerWithJudge({ question, answers }, { model: options.model, corpus, timeoutMs: options.timeoutMs });
      tally.count(report);
      return report;
    };
    simulations.set(`${c.id}/${mode}`, await simulateJudged(question, c, mode, bank, corpus, judge));
  });
  return { ...evaluateInterviewer({ ...options, simulations }), judge: tally.summary() };
}

function pct(r: Ratio): string {
  return r.share === null ? "n/a" : `${(100 * r.share).toFixed(0)}% (${r.hit}/${r.of})`;
}

function printTable(results: SplitMetrics[], keypointMap: boolean) {
  const rows: [string, (m: SplitMetrics) => string][] = [
    ["conversations", (m) => String(m.conversations)],
    ["interviewer turns (practice)", (m) => String(m.interviewerTurns)],
    ["follow-ups", (m) => String(m.followUps)],
    ["responsive follow-ups (>= 80%)", (m) => pct(m.responsiveFollowUps)],
    ["probe where a probe was expected", (m) => pct(m.probeWhenExpected)],
    ["misconceptions challenged (>= 90%)", (m) => pct(m.misconceptionsChallenged)],
    ["clarifications answered + handed back (100%)", (m) => pct(m.clarificationsAnswered)],
    ["scaffold after I don't know (100%)", (m) => pct(m.scaffoldsAfterDontKnow)],
    ["redirect after off-topic (100%)", (m) => pct(m.redirectsAfterOffTopic)],
    ["off-topic conversations with exactly one redirect", (m) => pct(m.singleRedirect)],
    ["off-topic: redirect, then move-on", (m) => pct(m.redirectThenMoveOn)],
    ["on-topic answers redirected (0)", (m) => String(m.falseRedirects)],
    ["corrections acknowledged", (m) => pct(m.correctionsAcknowledged)],
    ["unanswerable follow-ups (0)", (m) => String(m.unanswerableFollowUps)],
    ["short or negation-dropping quotes (0)", (m) => `${m.badQuotes} of ${m.quotes}`],
    ["approvals of unsupported quotes (0)", (m) => `${m.unsupportedApprovals} of ${m.approvals}`],
    ["challenges that prejudge the claim (0)", (m) => `${m.prejudgedChallenges} of ${m.challenges}`],
    ["verdicts contradicting the report (0)", (m) => String(m.contradictoryVerdicts)],
    ["mock turns with praise words (0)", (m) => String(m.mockPraise)],
    ["most repeated phrase (<= 10% of turns)", (m) => `${(100 * m.topPhrase.share).toFixed(1)}% "${m.topPhrase.phrase}"`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${"metric".padEnd(width)}  ${results.map((r) => r.split.padEnd(28)).join("  ")}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${results.map((r) => f(r).padEnd(28)).join("  ")}`);
  console.log(`\nkey points judged by ${keypointMap ? "eval/data/interviewer/keypoint-map.json" : "the score report (no keypoint-map.json)"}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const splitArg = argv.includes("--split") ? argv[argv.indexOf("--split") + 1] : "all";
  if (splitArg !== "all" && splitArg !== "tune" && splitArg !== "heldout") {
    console.error("usage: npm run eval:interviewer -- [--split tune|heldout|all] [--json] [--verbose] [--judge]");
    process.exit(2);
  }
  const verbose = argv.includes("--verbose");
  let evaluated: ReturnType<typeof evaluateInterviewer> & { judge?: JudgeCalls };
  if (argv.includes("--judge")) {
    // The app's bound on the judge's read before a reply (lib/sessions/answer-flow.ts).
    const timeoutMs = Math.min(env().LLM_TIMEOUT_MS, JUDGE_BEFORE_REPLY_MS);
    evaluated = await evaluateInterviewerWithJudge({ split: splitArg, verbose, model: judgeModelOrExit(), timeoutMs });
    console.log(
      `with the LLM judge ${modelSpecs().judge} reading each answer first: ${evaluated.judge!.calls} calls, ${evaluated.judge!.failed} failed (a failed call changes nothing)`,
    );
  } else evaluated = evaluateInterviewer({ split: splitArg, verbose });
  const { results, logs, keypointMap } = evaluated;
  if (results.length === 0) {
    console.error(`no conversations in ${path.relative(process.cwd(), INTERVIEWER_DATA_DIR)}`);
    process.exit(1);
  }
  if (verbose) for (const l of logs) console.log(`${l.id}\n${l.lines.join("\n")}\n`);
  printTable(results, keypointMap);
  if (argv.includes("--json")) console.log(JSON.stringify({ results, keypointMap, ...(evaluated.judge ? { judge: evaluated.judge } : {}) }));
}
