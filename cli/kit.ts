// npm run kit -- --minutes 45 --level senior [--topics async,testing] [--jd FILE] [--seed N]
//                   [--count N] [--mix 10,50,40] [--title TEXT] [--bank ID] --format json|md
// Prints an interview kit to stdout. Deterministic: the same arguments give the same kit,
// and the same kit as /kits/new with the same inputs. Bad arguments: a message and exit 2.
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import type { BuilderInput } from "../lib/kits/schemas.ts";

// The bank and the builder load only once the arguments parse (bad arguments answer fast).
const LEVELS = ["junior", "mid", "senior", "staff"] as const;
const MAX_JOB_DESCRIPTION_CHARS = 20_000;

const USAGE = `Usage: npm run kit -- --level <${LEVELS.join("|")}> (--minutes N | --count N) [options]

Options:
  --level LEVEL      ${LEVELS.join(", ")} (required)
  --minutes N        total duration in minutes (10-240)
  --count N          number of questions (1-15); with --minutes, they share the time
  --topics A,B       topics: names or words of them, e.g. async,testing (default: all)
  --jd FILE          a job description (text file) whose terms steer topics and questions
  --seed S           seed (letters, digits, - or _; default 1): same seed, same kit
  --mix E,M,H        difficulty mix in percent, e.g. 20,50,30 (default: by level)
  --title TEXT       the role, e.g. "Senior Backend Engineer" (default: by level)
  --bank ID          question bank id (default: python)
  --format FMT       md (default) or json
  -h, --help         this help`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      level: { type: "string" },
      minutes: { type: "string" },
      count: { type: "string" },
      topics: { type: "string" },
      jd: { type: "string" },
      seed: { type: "string" },
      mix: { type: "string" },
      title: { type: "string" },
      bank: { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  fail((error as Error).message.replace(/\. To specify a positional argument.*$/s, "."));
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const str = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);

const format = str("format") ?? "md";
if (format !== "md" && format !== "json") fail(`--format must be md or json (got "${format}").`);
if (!str("level")) fail(`--level is required: one of ${LEVELS.join(", ")}.`);

const int = (name: string): number | undefined => {
  const v = str(name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim())) fail(`--${name} must be a whole number (got "${v}").`);
  return Number(v);
};

let jobDescription: string | undefined;
const jd = str("jd");
if (jd !== undefined) {
  try {
    if (!statSync(jd).isFile()) fail(`--jd ${jd}: not a file.`);
    jobDescription = readFileSync(jd, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") fail(`--jd ${jd}: no such file.`);
    fail(`--jd ${jd}: cannot read it (${(error as Error).message}).`);
  }
  if (jobDescription.length > MAX_JOB_DESCRIPTION_CHARS) fail(`--jd ${jd}: the job description is longer than ${MAX_JOB_DESCRIPTION_CHARS} characters.`);
}

let difficultyMix: BuilderInput["difficultyMix"];
const mix = str("mix");
if (mix !== undefined) {
  const parts = mix.split(/[,/]/).map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) fail(`--mix must be three whole numbers for easy,medium,hard, e.g. 20,50,30 (got "${mix}").`);
  difficultyMix = { easy: Number(parts[0]), medium: Number(parts[1]), hard: Number(parts[2]) };
}

const input: BuilderInput = {
  level: str("level") as BuilderInput["level"],
  minutes: int("minutes"),
  count: int("count"),
  topics: (str("topics") ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean),
  jobDescription,
  seed: str("seed") ?? "1",
  difficultyMix,
  title: str("title"),
  bankId: str("bank"),
};

const { getBankErrors, getQuestionBank } = await import("../lib/bank/load.ts");
const { buildKit, KitBuildError } = await import("../lib/kits/builder.ts");
const { kitToJson, kitToMarkdown } = await import("../lib/kits/export.ts");

const bank = getQuestionBank();
if (bank.list().length === 0) {
  process.stderr.write(`error: the question bank is empty${getBankErrors().length ? " (run npm run bank:check)" : ""}.\n`);
  process.exit(1);
}

try {
  const doc = buildKit(input, bank);
  process.stdout.write(format === "json" ? kitToJson(doc) : kitToMarkdown(doc));
} catch (error) {
  if (error instanceof KitBuildError) {
    const flag: Record<string, string> = { difficultyMix: "--mix", jobDescription: "--jd", bankId: "--bank" };
    fail(
      Object.entries(error.fieldErrors)
        .filter(([k]) => !k.includes("."))
        .map(([k, v]) => (k === "form" ? v : `${flag[k] ?? `--${k}`}: ${v}`))
        .join("\n       "),
    );
  }
  throw error;
}
