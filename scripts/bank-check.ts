// npm run bank:check [-- --json] [folders...]: validates every bank (content/ and BANK_DIRS, or the
// folders given) and prints a summary per bank, counts per topic and difficulty, then every error
// as `file:line field: message`. With --json the last line is one JSON object:
// {"banks","questions","keyPoints","followUps","misconceptions","errors":[...]}. Exits 1 on any error.
import path from "node:path";
import { DIFFICULTIES, type Bank } from "../lib/bank/schema.ts";
import { defaultBankDirs, loadBanks } from "../lib/bank/load.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const folders = args.filter((a) => !a.startsWith("--"));

const started = performance.now();
const { banks, errors } = loadBanks(folders.length > 0 ? folders : defaultBankDirs());
const ms = performance.now() - started;

const count = (bank: Bank) => ({
  questions: bank.questions.length,
  keyPoints: bank.questions.reduce((n, q) => n + q.keyPoints.length, 0),
  followUps: bank.questions.reduce((n, q) => n + q.followUps.length, 0),
  misconceptions: bank.questions.reduce((n, q) => n + q.misconceptions.length, 0),
});

const lines: string[] = [];
const totals = { banks: banks.length, questions: 0, keyPoints: 0, followUps: 0, misconceptions: 0 };
for (const bank of banks) {
  const c = count(bank);
  totals.questions += c.questions;
  totals.keyPoints += c.keyPoints;
  totals.followUps += c.followUps;
  totals.misconceptions += c.misconceptions;
  lines.push(
    `${bank.id} (${bank.name}) — ${path.relative(process.cwd(), bank.dir) || "."}`,
    `  ${c.questions} questions, ${c.keyPoints} key points, ${c.followUps} follow-ups, ${c.misconceptions} red flags`,
  );
  const topics = new Map<string, Map<string, number>>();
  for (const q of bank.questions) {
    const byDifficulty = topics.get(q.topic) ?? new Map<string, number>();
    byDifficulty.set(q.difficulty, (byDifficulty.get(q.difficulty) ?? 0) + 1);
    topics.set(q.topic, byDifficulty);
  }
  const width = Math.max(5, ...[...topics.keys()].map((t) => t.length));
  lines.push(`  ${"topic".padEnd(width)}  ${DIFFICULTIES.map((d) => d.padStart(6)).join(" ")}  total`);
  for (const [topic, byDifficulty] of topics) {
    const cells = DIFFICULTIES.map((d) => String(byDifficulty.get(d) ?? 0).padStart(6)).join(" ");
    const total = [...byDifficulty.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${topic.padEnd(width)}  ${cells}  ${String(total).padStart(5)}`);
  }
  const all = DIFFICULTIES.map((d) => String(bank.questions.filter((q) => q.difficulty === d).length).padStart(6)).join(" ");
  lines.push(`  ${"all".padEnd(width)}  ${all}  ${String(c.questions).padStart(5)}`, "");
}
lines.push(
  `${totals.banks} bank(s), ${totals.questions} questions, ${totals.keyPoints} key points, ${totals.followUps} follow-ups, ${totals.misconceptions} red flags (loaded in ${ms.toFixed(0)} ms)`,
);
if (errors.length > 0) {
  lines.push("", `${errors.length} error(s):`);
  for (const e of errors) lines.push(`  ${e.message}`);
} else {
  lines.push("no errors");
}

console.log(lines.join("\n"));
if (json) console.log(JSON.stringify({ ...totals, errors: errors.map((e) => e.toJSON()) }));
process.exitCode = errors.length > 0 ? 1 : 0;
