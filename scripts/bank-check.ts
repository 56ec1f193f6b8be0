// npm run bank:check [-- --json] [folders...]: validates every bank (content/ and BANK_DIRS, or the
// folders given) and prints a summary per bank, counts per topic and difficulty, then every error
// as `file:line field: message`. With --json the last line is one JSON object:
// {"banks","questions","keyPoints","followUps","misconceptions","errors":[...]}. Exits 1 on any error.
// Besides the loader's validation, every follow-up, scaffold and challenge must be answerable from
// what the candidate sees:
// an identifier it uses that only the hidden reference answer defines (or "the code above") is an
// error (lib/interviewer/follow-up-identifiers.ts). A misconception's cue pattern that fires on the
// question's own reference, key points, corrections or clarifications is an error too.
import path from "node:path";
import { DIFFICULTIES, type Bank } from "../lib/bank/schema.ts";
import { defaultBankDirs, loadBanks } from "../lib/bank/load.ts";
import { unanswerableIdentifiers } from "../lib/interviewer/follow-up-identifiers.ts";
import { cuesFiringOnTruth } from "../lib/scoring/cues.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const folders = args.filter((a) => !a.startsWith("--"));

const started = performance.now();
const { banks, errors: loadErrors } = loadBanks(folders.length > 0 ? folders : defaultBankDirs());
const ms = performance.now() - started;

type CheckError = { message: string; toJSON(): unknown };
const errors: CheckError[] = [...loadErrors];
const warnings: CheckError[] = [];
// The rule knows Python's names (builtins, standard library); banks in another language are skipped.
for (const bank of banks.filter((b) => !b.language || /^python/i.test(b.language))) {
  for (const q of bank.questions) {
    const file = path.relative(process.cwd(), path.join(bank.dir, q.file));
    // Everything the interviewer may ask: follow-ups, scaffolds and misconception challenges.
    // Follow-ups fail the check; scaffolds and challenges (new, being written) are warnings for now.
    const asked = [
      ...q.followUps.map((f, i) => ({ field: `followUps[${i}] (${f.keyPointId})`, text: f.text, severity: "error" as const })),
      ...q.keyPoints.flatMap((k) => (k.scaffold ? [{ field: `keyPoints.${k.id}.scaffold`, text: k.scaffold, severity: "warning" as const }] : [])),
      ...q.misconceptions.flatMap((m) => (m.challenge ? [{ field: `misconceptions.${m.id}.challenge`, text: m.challenge, severity: "warning" as const }] : [])),
    ];
    for (const { field, text, severity } of asked) {
      for (const bad of unanswerableIdentifiers(text, `${q.title}\n${q.prompt}`, q.reference)) {
        const message =
          bad.reason === "unseen-code"
            ? `${file} ${field}: refers to code the candidate never sees ("${bad.identifier}"); inline the snippet or rephrase`
            : `${file} ${field}: uses \`${bad.identifier}\`, which only the reference answer defines; inline it or rephrase`;
        const entry = { message, toJSON: () => ({ file, field, rule: "follow-up-identifier", identifier: bad.identifier, message }) };
        (severity === "error" ? errors : warnings).push(entry);
      }
    }
  }
}
// A misconception's cue pattern must not fire on the question's own truth (it would call a correct
// answer wrong): any bank, any language.
for (const bank of banks) {
  for (const q of bank.questions) {
    const file = path.relative(process.cwd(), path.join(bank.dir, q.file));
    for (const f of cuesFiringOnTruth(q)) {
      const message = `${file} misconceptions.${f.misconception}.cues: "${f.pattern}" fires on the question's own ${f.where}: "${f.sentence}"`;
      errors.push({ message, toJSON: () => ({ file, field: `misconceptions.${f.misconception}.cues`, rule: "cue-fires-on-truth", message }) });
    }
  }
}

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
    `  ${c.questions} questions, ${c.keyPoints} key points, ${c.followUps} follow-ups, ${c.misconceptions} misconceptions`,
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
  `${totals.banks} bank(s), ${totals.questions} questions, ${totals.keyPoints} key points, ${totals.followUps} follow-ups, ${totals.misconceptions} misconceptions (loaded in ${ms.toFixed(0)} ms)`,
);
if (warnings.length > 0) {
  lines.push("", `${warnings.length} warning(s) (scaffolds and challenges a candidate may not be able to answer):`);
  for (const w of warnings) lines.push(`  ${w.message}`);
}
if (errors.length > 0) {
  lines.push("", `${errors.length} error(s):`);
  for (const e of errors) lines.push(`  ${e.message}`);
} else {
  lines.push("no errors");
}

console.log(lines.join("\n"));
if (json) console.log(JSON.stringify({ ...totals, errors: errors.map((e) => e.toJSON()), warnings: warnings.map((w) => w.toJSON()) }));
process.exitCode = errors.length > 0 ? 1 : 0;
