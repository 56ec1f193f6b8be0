/**
 * Scorer benchmark (npm run bench:score).
 *
 * 1. Per-answer latency on one core, warm: every labelled answer scored ROUNDS times in this
 *    process (after a warm-up pass that builds the per-question caches); p50/p99/max.
 * 2. Cold latency: the first scoring of each question (its structures are built then).
 * 3. Batch throughput: the CLI (cli/score.ts) spawned on 2,000 answers made from the labelled
 *    set by repetition, wall time including process start and the bank load.
 *
 * Budgets (DESIGN.md): p50 < 5 ms, p99 < 25 ms per answer; >= 500 answers/s through the CLI.
 * Prints a summary and exits non-zero when a budget is missed. `--json` for machine output.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadBanks } from "../lib/bank/load.ts";
import { corpusFromQuestions } from "../lib/scoring/corpus.ts";
import { percentile } from "../lib/scoring/metrics.ts";
import { SCORER_VERSION, scoreAnswer } from "../lib/scoring/rubric.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const json = process.argv.includes("--json");
const ROUNDS = 20;
const BATCH = 2000;
const BUDGET = { p50: 5, p99: 25, perSecond: 500 };

interface Row {
  id: string;
  questionId: string;
  answer: string;
}

const labelledDir = path.join(root, "eval/data/labelled");
const rows: Row[] = readdirSync(labelledDir)
  .filter((f) => f.endsWith(".jsonl"))
  .sort()
  .flatMap((f) => readFileSync(path.join(labelledDir, f), "utf8").split("\n"))
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
const { banks } = loadBanks([path.join(root, "content")], { cwd: root });
const questions = banks.flatMap((b) => b.questions);
const byId = new Map(questions.map((q) => [q.id, q]));
const corpus = corpusFromQuestions(questions);

// Cold: the first answer of each question builds its structures.
const cold: number[] = [];
const seen = new Set<string>();
for (const r of rows) {
  if (seen.has(r.questionId)) continue;
  seen.add(r.questionId);
  const t0 = performance.now();
  scoreAnswer({ question: byId.get(r.questionId)!, answers: [r.answer] }, { corpus });
  cold.push(performance.now() - t0);
}
// Warm-up, then the measured rounds.
for (const r of rows) scoreAnswer({ question: byId.get(r.questionId)!, answers: [r.answer] }, { corpus });
const warm: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  for (const r of rows) {
    const t0 = performance.now();
    scoreAnswer({ question: byId.get(r.questionId)!, answers: [r.answer] }, { corpus });
    warm.push(performance.now() - t0);
  }
}
const chars = rows.map((r) => r.answer.length);

// Batch: the CLI on 2,000 answers, including process start.
const dir = mkdtempSync(path.join(os.tmpdir(), "bench-score-"));
const inFile = path.join(dir, "in.jsonl");
const lines: string[] = [];
for (let i = 0; i < BATCH; i++) {
  const r = rows[i % rows.length]!;
  lines.push(JSON.stringify({ id: `b${i}`, questionId: r.questionId, answer: r.answer }));
}
writeFileSync(inFile, lines.join("\n") + "\n");
const runs: number[] = [];
let outLines = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [path.join(root, "cli/score.ts"), "--jsonl", "--in", inFile, "--quiet"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  runs.push(performance.now() - t0);
  if (res.status !== 0) {
    console.error(res.stderr);
    throw new Error(`score CLI exited with ${res.status}`);
  }
  outLines = res.stdout.split("\n").filter(Boolean).length;
}
rmSync(dir, { recursive: true, force: true });
const batchMs = percentile(runs, 50);

const r2 = (x: number) => Math.round(x * 100) / 100;
const out = {
  date: new Date().toISOString().slice(0, 10),
  scorerVersion: SCORER_VERSION,
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`,
  answers: rows.length,
  answerChars: { p50: percentile(chars, 50), max: Math.max(...chars) },
  warm: { samples: warm.length, p50: r2(percentile(warm, 50)), p99: r2(percentile(warm, 99)), max: r2(Math.max(...warm)) },
  cold: { questions: cold.length, p50: r2(percentile(cold, 50)), p99: r2(percentile(cold, 99)), max: r2(Math.max(...cold)) },
  batch: {
    answers: BATCH,
    outputLines: outLines,
    wallMsMedianOf3: Math.round(batchMs),
    answersPerSecond: Math.round((BATCH / batchMs) * 1000),
  },
  budgets: BUDGET,
};
const pass = out.warm.p50 < BUDGET.p50 && out.warm.p99 < BUDGET.p99 && out.batch.answersPerSecond >= BUDGET.perSecond && outLines === BATCH;

if (json) console.log(JSON.stringify({ ...out, pass }, null, 2));
else {
  console.log(`scorer ${out.scorerVersion} on ${out.machine}`);
  console.log(
    `per answer, warm (${out.warm.samples} samples): p50 ${out.warm.p50} ms, p99 ${out.warm.p99} ms, max ${out.warm.max} ms (budget p50 < ${BUDGET.p50}, p99 < ${BUDGET.p99})`,
  );
  console.log(`per question, cold (first answer, builds caches): p50 ${out.cold.p50} ms, p99 ${out.cold.p99} ms, max ${out.cold.max} ms`);
  console.log(
    `batch CLI, ${BATCH} answers incl. process start: ${out.batch.wallMsMedianOf3} ms, ${out.batch.answersPerSecond} answers/s (budget >= ${BUDGET.perSecond})`,
  );
  console.log(pass ? "PASS" : "FAIL");
}
process.exitCode = pass ? 0 : 1;
