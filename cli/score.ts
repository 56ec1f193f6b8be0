/**
 * Batch scoring: JSON Lines in, JSON Lines out, in order, one output line per input line.
 *
 *   npm run score -- --jsonl < answers.jsonl > scores.jsonl
 *   node cli/score.ts --in answers.jsonl --out scores.jsonl [--full]
 *
 * Input lines (blank lines are skipped):
 *   {"id": "a1", "questionId": "python-gil", "answer": "..."}                  rubric mode (the bank)
 *   {"id": "a2", "question": "...", "reference": "...", "answer": "..."}       generic mode
 *   "answers": ["main answer", "follow-up answer", ...] may replace "answer".
 * Output lines:
 *   {"id", "score", "band", "method", "flags", "keyPoints": [{id, text, weight, status, confidence, evidence}]}
 *   with --full, the whole ScoreReport; a bad line gives {"id": ..., "error": "..."} and the run goes on.
 * Only results go to stdout; progress and a throughput summary go to stderr.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { getQuestionBank } from "../lib/bank/load.ts";
import type { Question } from "../lib/bank/schema.ts";
import { type CorpusStats, corpusFromQuestions } from "../lib/scoring/corpus.ts";
import { scoreAnswer } from "../lib/scoring/rubric.ts";

interface Args {
  in?: string;
  out?: string;
  full: boolean;
  quiet: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { full: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--jsonl")
      continue; // the only format; accepted for clarity
    else if (a === "--in") args.in = argv[++i];
    else if (a === "--out") args.out = argv[++i];
    else if (a === "--full") args.full = true;
    else if (a === "--quiet" || a === "-q") args.quiet = true;
    else if (a === "--help" || a === "-h") {
      process.stderr.write("usage: node cli/score.ts [--jsonl] [--in FILE] [--out FILE] [--full] [--quiet]\n");
      process.exit(0);
    } else {
      process.stderr.write(`score: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  return args;
}

/** The bank and its corpus, loaded on the first line that needs them. */
let bank: { byId: Map<string, Question>; corpus: CorpusStats } | undefined;
function theBank() {
  if (!bank) {
    const qb = getQuestionBank();
    const list = qb.list();
    bank = { byId: new Map(list.map((q) => [q.id, q])), corpus: corpusFromQuestions(list) };
  }
  return bank;
}

type Out = Record<string, unknown>;

function idOf(v: unknown): unknown {
  return typeof v === "string" || typeof v === "number" ? v : null;
}

function scoreLine(line: string, full: boolean): Out {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `not JSON: ${(e as Error).message}` };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { id: null, error: "not a JSON object" };
  const o = input as Record<string, unknown>;
  const id = idOf(o.id);
  let answers: string[];
  if (Array.isArray(o.answers) && o.answers.length > 0 && o.answers.every((a) => typeof a === "string")) answers = o.answers as string[];
  else if (typeof o.answer === "string") answers = [o.answer];
  else return { id, error: 'missing "answer" (a string) or "answers" (strings)' };

  const b = theBank();
  let question: Question | { prompt: string; reference: string };
  if (typeof o.questionId === "string") {
    const q = b.byId.get(o.questionId);
    if (!q) return { id, error: `unknown questionId "${o.questionId}"` };
    question = q;
  } else if (typeof o.question === "string" && typeof o.reference === "string" && o.reference.trim()) {
    question = { prompt: o.question, reference: o.reference };
  } else {
    return { id, error: 'need "questionId", or "question" and "reference"' };
  }
  try {
    const r = scoreAnswer({ question, answers }, { corpus: b.corpus });
    if (full) return { id, ...r };
    return { id, score: r.score, band: r.band, method: r.method, flags: r.flags, keyPoints: r.keyPoints };
  } catch (e) {
    return { id, error: `scoring failed: ${(e as Error).message}` };
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const input = args.in ? createReadStream(args.in, "utf8") : process.stdin;
  const out: Writable = args.out ? createWriteStream(args.out) : process.stdout;
  const rl = createInterface({ input, crlfDelay: Infinity });

  let n = 0;
  let errors = 0;
  let buf: string[] = [];
  const flush = async () => {
    if (buf.length === 0) return;
    const chunk = buf.join("");
    buf = [];
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
  };
  for await (const line of rl) {
    if (!line.trim()) continue;
    const res = scoreLine(line, args.full);
    n++;
    if ("error" in res) errors++;
    buf.push(JSON.stringify(res) + "\n");
    if (buf.length >= 200) await flush();
    if (!args.quiet && n % 1000 === 0) process.stderr.write(`score: ${n} lines\n`);
  }
  await flush();
  if (args.out) await new Promise<void>((resolve) => out.end(resolve));
  const ms = performance.now() - started;
  if (!args.quiet) {
    const rate = ms > 0 ? Math.round((n / ms) * 1000) : 0;
    process.stderr.write(`score: ${n} lines (${errors} errors) in ${Math.round(ms)} ms, ${rate} answers/s\n`);
  }
}

await main();
