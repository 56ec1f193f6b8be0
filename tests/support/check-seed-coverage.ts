// Dev aid: node tests/support/check-seed-coverage.ts [NN ...] — prints seed lines missing from content/python.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { normaliseForSeedCheck, readSeed } from "./seed.ts";

const dir = path.resolve(import.meta.dirname, "../../content/python");
const only = process.argv.slice(2).map(Number);
const files = readdirSync(dir).filter((f) => /^\d\d-.*\.md$/.test(f));
let missing = 0;
for (const q of readSeed()) {
  if (only.length && !only.includes(q.number)) continue;
  const file = files.find((f) => Number(f.slice(0, 2)) === q.number);
  if (!file) {
    console.log(`Q${q.number}: no file`);
    missing++;
    continue;
  }
  const text = normaliseForSeedCheck(readFileSync(path.join(dir, file), "utf8"));
  for (const line of q.answerLines) {
    if (!text.includes(normaliseForSeedCheck(line))) {
      console.log(`Q${q.number} ${file}: missing line: ${line}`);
      missing++;
    }
  }
}
console.log(missing ? `${missing} missing` : "all seed lines present");
process.exitCode = missing ? 1 : 0;
