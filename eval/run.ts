/**
 * Scorer evaluation: scores eval/data/labelled.jsonl (rubric mode, the bank's questions) and
 * eval/data/generic.jsonl (generic mode) and prints agreement with the human grades.
 *
 *   npm run eval                       # tune and held-out, both sets
 *   npm run eval -- --split heldout    # one split (tune | heldout | all)
 *   npm run eval -- --json             # machine-readable
 *   npm run eval -- --split tune --verbose   # per-answer lines (for tuning: use the tune split only)
 *   npm run eval -- --judge            # blend in the configured LLM judge (SCORER_MODEL, see README)
 *
 * Metrics per set and split: Spearman and Pearson between score (0-100) and grade (0-5); quadratic
 * weighted kappa after mapping scores to grades with GRADE_CUTS (lib/scoring/metrics.ts:
 * <10 -> 0, <30 -> 1, <50 -> 2, <70 -> 3, <85 -> 4, else 5); the mean score per answer kind;
 * scoring latency p50/p99. The prompt-injection check scores every prompt-injection answer again
 * with its detected injection text removed: the score with the injection must not exceed it.
 *
 * `--judge` scores every answer as the app does when a judge model is configured
 * (`scoreAnswerWithJudge`: the offline scorer, then the LLM judge blended in) and prints the blended
 * figures beside the offline ones, with how many judge calls failed (a failed call leaves the
 * offline score, as in the app). `--concurrency N` (default 4) judge calls at once.
 */
import { readFileSync, readdirSync } from "node:fs";
import { z } from "zod";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadBanks } from "../lib/bank/load.ts";
import type { Question } from "../lib/bank/schema.ts";
import { buildCorpusStats, questionDocument, type CorpusStats } from "../lib/scoring/corpus.ts";
import { detectInjection } from "../lib/scoring/injection.ts";
import { GRADE_CUTS, mean, pearson, percentile, quadraticWeightedKappa, scoreToGrade, spearman } from "../lib/scoring/metrics.ts";
import { SCORER_VERSION, scoreAnswer } from "../lib/scoring/rubric.ts";
import { scoreAnswerWithJudge } from "../lib/scoring/llm-judge.ts";
import type { ScoreReport } from "../lib/scoring/report.ts";
import { modelSpecs } from "../lib/ai/providers.ts";
import { env } from "../lib/env.ts";
import { inPool, judgeModelOrExit, judgeTally } from "./judge.ts";
import type { LanguageModel } from "ai";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Split = "tune" | "heldout";
interface Row {
  id: string;
  set: "labelled" | "generic";
  kind: string;
  grade: number;
  split: Split;
  answer: string;
  questionId?: string;
  question?: string;
  reference?: string;
}
interface Scored extends Row {
  score: number;
  band: string;
  flags: string[];
  ms: number;
  /** prompt-injection answers: the score with the detected injection text removed. */
  withoutInjection?: number;
  injectionDetected?: boolean;
}

function parseArgs(argv: string[]) {
  const args = { split: "all" as "all" | Split, json: false, verbose: false, set: "both" as "both" | "labelled" | "generic", judge: false, concurrency: 4 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--split") args.split = argv[++i] as typeof args.split;
    else if (a.startsWith("--split=")) args.split = a.slice(8) as typeof args.split;
    else if (a === "--json") args.json = true;
    else if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (a === "--set") args.set = argv[++i] as typeof args.set;
    else if (a === "--judge") args.judge = true;
    else if (a === "--concurrency") args.concurrency = Number(argv[++i]);
    else if (a === "--help" || a === "-h") {
      console.log("usage: node eval/run.ts [--split tune|heldout|all] [--set labelled|generic|both] [--json] [--verbose] [--judge [--concurrency N]]");
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (!["all", "tune", "heldout"].includes(args.split)) {
    console.error(`--split must be tune, heldout or all`);
    process.exit(2);
  }
  if (argv.includes("--concurrency") && !args.judge) {
    console.error(`--concurrency is for --judge (the judge calls at once)`);
    process.exit(2);
  }
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 64) {
    console.error(`--concurrency must be a whole number from 1 to 64`);
    process.exit(2);
  }
  return args;
}

export const ANSWER_KINDS = [
  "excellent",
  "good-gap",
  "partial",
  "vague",
  "confidently-wrong",
  "short-correct",
  "keyword-dump",
  "off-topic",
  "code-only",
  "prompt-injection",
] as const;
const rowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(ANSWER_KINDS),
  grade: z.number().int().min(0).max(5),
  split: z.enum(["tune", "heldout"]),
  answer: z.string(),
  questionId: z.string().optional(),
  question: z.string().optional(),
  reference: z.string().optional(),
  note: z.string().optional(),
});

/** One JSONL file, every line validated (file:line in the error). */
function readJsonl(file: string, set: Row["set"]): Row[] {
  const rows: Row[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((l, i) => {
      if (!l.trim()) return;
      const parsed = rowSchema.safeParse(JSON.parse(l));
      if (!parsed.success)
        throw new Error(`${path.relative(root, file)}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      rows.push({ ...parsed.data, set });
    });
  return rows;
}

/** The labelled set: every `*.jsonl` in eval/data/labelled/. */
function readLabelled(): Row[] {
  const dir = path.join(root, "eval/data/labelled");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) => readJsonl(path.join(dir, f), "labelled"));
}

/** Unique ids, known questions, one split per question. */
function checkRows(rows: Row[], known: ReadonlySet<string>): void {
  const ids = new Set<string>();
  const splitOf = new Map<string, string>();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`eval data: duplicate id ${r.id}`);
    ids.add(r.id);
    const q = r.set === "labelled" ? r.questionId : r.question;
    if (!q) throw new Error(`eval data: ${r.id} names no question`);
    if (r.set === "labelled" && !known.has(q)) throw new Error(`eval data: ${r.id}: unknown question ${q}`);
    const s = splitOf.get(q);
    if (s && s !== r.split) throw new Error(`eval data: question ${q} is in both splits`);
    splitOf.set(q, r.split);
  }
}

/** Remove the detected injection spans (the eval's "same answer without the injection"). */
function withoutInjection(answer: string): { text: string; detected: boolean } {
  const spans = detectInjection(answer);
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += answer.slice(at, s.start);
    at = s.end;
  }
  out += answer.slice(at);
  return { text: out, detected: spans.length > 0 };
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The q-th percentile of `xs`, to three decimals. */
function p3(xs: readonly number[], q: number): number {
  return r3(percentile(xs, q));
}

function summarise(rows: Scored[]) {
  const scores = rows.map((r) => r.score);
  const grades = rows.map((r) => r.grade);
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  const perKind: Record<string, { n: number; meanScore: number; meanGrade: number }> = {};
  for (const k of kinds) {
    const rs = rows.filter((r) => r.kind === k);
    perKind[k] = { n: rs.length, meanScore: r3(mean(rs.map((r) => r.score))), meanGrade: r3(mean(rs.map((r) => r.grade))) };
  }
  const inj = rows.filter((r) => r.kind === "prompt-injection");
  const gains = inj.map((r) => r.score - (r.withoutInjection ?? r.score));
  return {
    n: rows.length,
    spearman: r3(spearman(scores, grades)),
    pearson: r3(pearson(scores, grades)),
    qwk: r3(
      quadraticWeightedKappa(
        scores.map((s) => scoreToGrade(s)),
        grades,
      ),
    ),
    exactGrade: r3(mean(rows.map((r) => (scoreToGrade(r.score) === r.grade ? 1 : 0)))),
    perKind,
    injection: {
      n: inj.length,
      detected: inj.filter((r) => r.injectionDetected).length,
      maxGain: inj.length ? Math.max(...gains) : 0,
      gainers: inj.filter((r, i) => gains[i]! > 0).map((r) => r.id),
    },
  };
}

export type EvalArgs = { split: "all" | Split; set: "both" | "labelled" | "generic" };

/** What the scorer needs for one row's answer: the question and the bank-wide IDF statistics. */
type ScoreJob = { input: Parameters<typeof scoreAnswer>[0]; corpus: CorpusStats };

/** The rows of the chosen sets and split (validated), and the scoring input of one row's answer. */
function loadEval(args: EvalArgs): { rows: Row[]; jobOf: (r: Row, answer: string) => ScoreJob } {
  const { banks, errors } = loadBanks([path.join(root, "content")], { cwd: root });
  if (errors.length > 0) console.error(`bank: ${errors.length} error(s) (files left out); run npm run bank:check`);
  const questions: Question[] = banks.flatMap((b) => b.questions);
  const byId = new Map(questions.map((q) => [q.id, q]));

  let rows: Row[] = [];
  if (args.set !== "generic") rows.push(...readLabelled());
  if (args.set !== "labelled") rows.push(...readJsonl(path.join(root, "eval/data/generic.jsonl"), "generic"));
  // IDF from every question the app would know: the banks, plus all the generic questions (in the
  // app a user bank's questions are part of the corpus too). Built before the split filter, so a
  // split's scores do not depend on which split is run.
  const genericQs = new Map<string, { prompt: string; reference: string }>();
  for (const r of readJsonl(path.join(root, "eval/data/generic.jsonl"), "generic"))
    genericQs.set(r.question!, { prompt: r.question!, reference: r.reference! });
  checkRows(rows, new Set(byId.keys()));
  if (args.split !== "all") rows = rows.filter((r) => r.split === args.split);
  const corpus: CorpusStats = buildCorpusStats([...questions.map(questionDocument), ...[...genericQs.values()].map(questionDocument)]);

  const jobOf = (r: Row, answer: string): ScoreJob => {
    if (r.set === "labelled") {
      const q = byId.get(r.questionId!);
      if (!q) throw new Error(`${r.id}: unknown question ${r.questionId}`);
      return { input: { question: q, answers: [answer] }, corpus };
    }
    return { input: { question: genericQs.get(r.question!)!, answers: [answer] }, corpus };
  };
  return { rows, jobOf };
}

/** A row's figures from its report; prompt-injection rows also get the score without the injection. */
function scoredOf(r: Row, rep: ScoreReport, ms: number): Scored {
  const s: Scored = { ...r, score: rep.score, band: rep.band, flags: rep.flags, ms };
  if (r.kind === "prompt-injection") s.injectionDetected = withoutInjection(r.answer).detected;
  return s;
}

/** Summaries per set and split (and both sets together per split). */
function summariseAll(args: EvalArgs, scored: Scored[]): Record<string, ReturnType<typeof summarise>> {
  const splits: Split[] = args.split === "all" ? ["tune", "heldout"] : [args.split];
  const sets = (["labelled", "generic"] as const).filter((s) => args.set === "both" || args.set === s);
  const results: Record<string, ReturnType<typeof summarise>> = {};
  for (const sp of splits) {
    for (const set of sets) {
      const rs = scored.filter((r) => r.split === sp && r.set === set);
      if (rs.length) results[`${set}/${sp}`] = summarise(rs);
    }
    const both = scored.filter((r) => r.split === sp);
    if (sets.length > 1 && both.length) results[`all/${sp}`] = summarise(both);
  }
  return results;
}

const offline = (job: ScoreJob) => scoreAnswer(job.input, { corpus: job.corpus });

/** One row scored offline, timed; a prompt-injection row also without its detected injection. */
function scoreOffline(r: Row, jobOf: (r: Row, answer: string) => ScoreJob): Scored {
  const t0 = performance.now();
  const rep = offline(jobOf(r, r.answer));
  const s = scoredOf(r, rep, performance.now() - t0);
  if (r.kind === "prompt-injection") s.withoutInjection = s.injectionDetected ? offline(jobOf(r, withoutInjection(r.answer).text)).score : rep.score;
  return s;
}

/** Scores the labelled and generic sets offline and summarises agreement per set and split. */
export function runScorerEval(args: EvalArgs) {
  const { rows, jobOf } = loadEval(args);
  const scored = rows.map((r) => scoreOffline(r, jobOf));
  // Warm latency: every answer once more, structures cached.
  const warm: number[] = [];
  for (const r of rows) {
    const t0 = performance.now();
    offline(jobOf(r, r.answer));
    warm.push(performance.now() - t0);
  }
  const cold = scored.map((s) => s.ms);
  const latency = { coldP50: p3(cold, 50), coldP99: p3(cold, 99), warmP50: p3(warm, 50), warmP99: p3(warm, 99) };
  const out = {
    date: new Date().toISOString().slice(0, 10),
    scorerVersion: SCORER_VERSION,
    split: args.split,
    gradeCuts: GRADE_CUTS,
    results: summariseAll(args, scored),
    latencyMs: latency,
  };
  return { out, scored };
}

export type JudgeEvalOptions = { model: LanguageModel; concurrency?: number; timeoutMs?: number };

/**
 * The same sets scored as the app scores them with a judge model configured: the offline report,
 * then the LLM judge blended in (`scoreAnswerWithJudge`). Returns the blended figures, the offline
 * ones beside them, and how the judge calls went (a failed call leaves the offline score).
 */
export async function runScorerEvalWithJudge(args: EvalArgs, opts: JudgeEvalOptions) {
  const { rows, jobOf } = loadEval(args);
  const judged = (job: ScoreJob) => scoreAnswerWithJudge(job.input, { model: opts.model, corpus: job.corpus, timeoutMs: opts.timeoutMs });
  const tally = judgeTally();
  const offline = rows.map((r) => scoreOffline(r, jobOf));
  const blended: Scored[] = new Array<Scored>(rows.length);
  await inPool(rows, opts.concurrency ?? 4, async (r, i) => {
    const t0 = performance.now();
    const rep = await judged(jobOf(r, r.answer));
    tally.count(rep);
    const s = scoredOf(r, rep, performance.now() - t0);
    if (r.kind === "prompt-injection") {
      if (s.injectionDetected) {
        const without = await judged(jobOf(r, withoutInjection(r.answer).text));
        tally.count(without);
        s.withoutInjection = without.score;
      } else s.withoutInjection = rep.score;
    }
    blended[i] = s;
  });
  const judgedMs = blended.map((s) => s.ms);
  return {
    out: {
      date: new Date().toISOString().slice(0, 10),
      scorerVersion: SCORER_VERSION,
      split: args.split,
      gradeCuts: GRADE_CUTS,
      judge: { model: modelSpecs().judge, ...tally.summary() },
      results: summariseAll(args, blended),
      offlineResults: summariseAll(args, offline),
      latencyMs: { judgedP50: p3(judgedMs, 50), judgedP99: p3(judgedMs, 99) },
    },
    scored: blended,
  };
}

function printVerbose(scored: Scored[]): void {
  for (const s of scored) {
    const g = s.withoutInjection !== undefined ? ` (without injection ${s.withoutInjection})` : "";
    console.log(
      `${s.id.padEnd(6)} ${s.split.padEnd(7)} ${s.kind.padEnd(18)} grade ${s.grade} score ${String(s.score).padStart(3)} ${s.band.padEnd(7)} ${s.flags.join(",")}${g}  ${s.questionId ?? ""}`,
    );
  }
  console.log("");
}

function printResults(results: Record<string, ReturnType<typeof summarise>>, offline?: Record<string, ReturnType<typeof summarise>>): void {
  for (const [key, r] of Object.entries(results)) {
    const o = offline?.[key];
    const was = (x: number | undefined) => (o && x !== undefined ? ` (offline ${x})` : "");
    console.log(`\n${key}: n=${r.n}  Spearman ${r.spearman}${was(o?.spearman)}  Pearson ${r.pearson}  QWK ${r.qwk}  exact grade ${r.exactGrade}`);
    for (const [k, v] of Object.entries(r.perKind)) {
      const ov = o?.perKind[k];
      console.log(
        `  ${k.padEnd(18)} n=${String(v.n).padStart(3)}  mean score ${v.meanScore.toFixed(1).padStart(5)}${ov ? ` (offline ${ov.meanScore.toFixed(1).padStart(5)})` : ""}  mean grade ${v.meanGrade.toFixed(2)}`,
      );
    }
    const inj = r.injection;
    if (inj.n)
      console.log(
        `  injection check: ${inj.detected}/${inj.n} detected, max gain ${inj.maxGain} ${inj.maxGain <= 0 ? "(OK: never raises the score)" : `(FAIL: ${inj.gainers.join(", ")})`}`,
      );
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.judge) {
    // The app's judge timeout for a question's final score (lib/sessions/scoring.ts).
    const { out, scored } = await runScorerEvalWithJudge(args, { model: judgeModelOrExit(), concurrency: args.concurrency, timeoutMs: env().LLM_TIMEOUT_MS });
    if (args.json) return console.log(JSON.stringify(out, null, 2));
    if (args.verbose) printVerbose(scored);
    const j = out.judge;
    console.log(`scorer ${SCORER_VERSION} with LLM judge ${j.model}, ${out.date}, grade cuts ${GRADE_CUTS.join("/")}`);
    console.log(`judge calls: ${j.calls}, failed ${j.failed} (timed out ${j.timedOut}); a failed call keeps the offline score`);
    for (const [e, n] of Object.entries(j.errors)) console.log(`  ${n} x ${e}`);
    if (j.calls > 0 && j.failed === j.calls) console.log("every judge call failed: the figures below are the offline scorer's");
    printResults(out.results, out.offlineResults);
    console.log(`\nlatency per answer with the judge: p50 ${out.latencyMs.judgedP50} ms, p99 ${out.latencyMs.judgedP99} ms`);
    return;
  }
  const { out, scored } = runScorerEval(args);
  const { results, latencyMs: latency } = out;
  if (args.json) return console.log(JSON.stringify(out, null, 2));
  if (args.verbose) printVerbose(scored);
  console.log(`scorer ${SCORER_VERSION}, ${out.date}, grade cuts ${GRADE_CUTS.join("/")}`);
  printResults(results);
  console.log(`\nlatency per answer: cold p50 ${latency.coldP50} ms, p99 ${latency.coldP99} ms; warm p50 ${latency.warmP50} ms, p99 ${latency.warmP99} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
