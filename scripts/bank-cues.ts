// npm run bank:cues -- <question id or file name part> [--text "an answer"]: shows, per
// misconception of one question, its cue patterns (lib/bank/cues.ts), which of its own phrasings
// they find, which other misconceptions' phrasings they find, and any sentence of the question's
// own truth (reference, key points, corrections, clarifications) they fire on, which is an error.
// With --text, the misconceptions the cues find in that text. `--all`: a summary over every bank.
import { defaultBankDirs, loadBanks } from "../lib/bank/load.ts";
import type { Question } from "../lib/bank/schema.ts";
import { cuesFiringOnTruth, findCueHits } from "../lib/scoring/cues.ts";
import { analyze } from "../lib/scoring/text.ts";

const args = process.argv.slice(2);
const textAt = args.indexOf("--text");
const text = textAt >= 0 ? args[textAt + 1] : undefined;
const all = args.includes("--all");
const wanted = args.find((a, i) => !a.startsWith("--") && (textAt < 0 || i !== textAt + 1));

const { banks, errors } = loadBanks(defaultBankDirs());
for (const e of errors) console.error(e.message);
const questions: Question[] = banks.flatMap((b) => b.questions);

function hitsIn(q: Question, t: string) {
  return findCueHits(
    analyze(t),
    q.misconceptions.map((m) => ({ id: m.id, cues: m.cues ?? [] })),
  );
}

if (all) {
  let mcs = 0,
    withCues = 0,
    phrasings = 0,
    found = 0,
    truth = 0;
  for (const q of questions) {
    const fp = cuesFiringOnTruth(q);
    truth += fp.length;
    for (const m of q.misconceptions) {
      mcs++;
      if ((m.cues ?? []).length) withCues++;
      for (const p of m.phrasings) {
        phrasings++;
        if (hitsIn(q, p).some((h) => h.id === m.id)) found++;
      }
    }
    const missing = q.misconceptions.filter((m) => !(m.cues ?? []).length).length;
    console.log(`${q.id.padEnd(44)} misconceptions ${q.misconceptions.length}, without cues ${missing}, firing on truth ${fp.length}`);
  }
  console.log(`\n${withCues}/${mcs} misconceptions have cues; they find ${found}/${phrasings} of their own phrasings; ${truth} fire on the truth`);
  process.exit(truth > 0 ? 1 : 0);
}

const q = questions.find((x) => x.id === wanted) ?? questions.find((x) => wanted && (x.file.includes(wanted) || x.id.includes(wanted)));
if (!q) {
  console.error(`no question matches "${wanted ?? ""}"; give an id (python-gil) or part of a file name (07-gil)`);
  process.exit(2);
}
if (text !== undefined) {
  const hits = hitsIn(q, text);
  if (hits.length === 0) console.log("no misconception found");
  for (const h of hits) console.log(`${h.id}  [${h.pattern}]\n    "${text.slice(h.start, h.end)}"`);
  process.exit(0);
}
console.log(`${q.id} (${q.file})\n`);
for (const m of q.misconceptions) {
  console.log(`### ${m.id}${(m.cues ?? []).length ? "" : "   (no cues)"}`);
  for (const c of m.cues ?? []) console.log(`  cue: ${c}`);
  for (const p of m.phrasings) {
    const hits = hitsIn(q, p);
    const own = hits.some((h) => h.id === m.id);
    const others = [...new Set(hits.filter((h) => h.id !== m.id).map((h) => h.id))];
    console.log(`  ${own ? "found " : "MISSED"} ${p}${others.length ? `   (also: ${others.join(", ")})` : ""}`);
  }
}
const fp = cuesFiringOnTruth(q);
console.log(fp.length ? `\nERRORS: cues firing on the question's truth:` : `\nno cue fires on the question's truth`);
for (const f of fp) console.log(`  ${f.misconception} [${f.pattern}] on ${f.where}: "${f.sentence}"`);
process.exit(fp.length ? 1 : 0);
