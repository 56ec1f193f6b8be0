import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getQuestionBank } from "../../../lib/bank/load.ts";
import { buildKit } from "../../../lib/kits/builder.ts";
import { kitToMarkdown } from "../../../lib/kits/export.ts";
import { kitDocumentSchema } from "../../../lib/kits/schemas.ts";

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, ["cli/kit.ts", ...args], {
    cwd: process.cwd(),
    encoding: "utf8",
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

// Each case starts a Node process; on a busy 2-core machine that can take seconds.
describe("npm run kit (the CLI)", { timeout: 30_000 }, () => {
  it("prints the kit as JSON: totalMinutes and questions with id, title, minutes, key points, follow-ups, red flags, rubric", () => {
    const { code, stdout, stderr } = cli("--minutes", "45", "--level", "senior", "--topics", "async,testing", "--seed", "7", "--format", "json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const doc = kitDocumentSchema.parse(JSON.parse(stdout));
    expect(doc.totalMinutes).toBe(45);
    expect(doc.questions.length).toBeGreaterThan(0);
    expect(doc.intro.minutes + doc.wrapUp.minutes + doc.questions.reduce((s, q) => s + q.minutes, 0)).toBe(45);
    // The same inputs through the builder the UI uses give the same document.
    expect(doc).toEqual(buildKit({ level: "senior", minutes: 45, topics: ["async", "testing"], seed: "7" }, getQuestionBank()));
  });

  it("is deterministic and reads a job description from a file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "is-cli-"));
    const jd = path.join(dir, "jd.txt");
    writeFileSync(jd, "We run FastAPI on asyncio with SQLAlchemy and test with pytest.");
    const a = cli("--minutes", "60", "--level", "mid", "--jd", jd, "--format", "md");
    const b = cli("--minutes", "60", "--level", "mid", "--jd", jd, "--format", "md");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("Steered by the job description:");
    const doc = buildKit(
      { level: "mid", minutes: 60, jobDescription: "We run FastAPI on asyncio with SQLAlchemy and test with pytest.", seed: "1" },
      getQuestionBank(),
    );
    expect(a.stdout).toBe(kitToMarkdown(doc));
  });

  it.each([
    [["--minutes", "45"], /--level is required/],
    [["--level", "senior"], /Give a total duration in minutes or a number of questions/],
    [["--level", "boss", "--minutes", "45"], /--level: Choose a level: junior, mid, senior or staff/],
    [["--level", "senior", "--minutes", "forty"], /--minutes must be a whole number \(got "forty"\)/],
    [["--level", "senior", "--minutes", "5"], /--minutes: Total minutes must be at least 10/],
    [["--level", "senior", "--minutes", "45", "--format", "pdf"], /--format must be md or json/],
    [["--level", "senior", "--minutes", "45", "--topics", "haskell"], /--topics: Unknown topic "haskell"/],
    [["--level", "senior", "--minutes", "45", "--jd", "/no/such/file.txt"], /--jd \/no\/such\/file.txt: no such file/],
    [["--level", "senior", "--minutes", "45", "--mix", "1,2"], /--mix must be three whole numbers/],
    [["--level", "senior", "--minutes", "45", "--frobnicate"], /Unknown option '--frobnicate'/],
    [["--level", "senior", "--minutes", "20", "--count", "9"], /--count: 9 questions need at least 18 minutes/],
  ])("bad arguments %j: a clear message and exit 2", (args, message) => {
    const { code, stdout, stderr } = cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Usage: npm run kit");
  });

  it("--help prints the usage and exits 0", () => {
    const { code, stdout } = cli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("--format FMT");
  });
});

describe("the CLI's copy of the limits", () => {
  it("matches the schemas", async () => {
    const schemas = await import("../../../lib/kits/schemas.ts");
    const { readFileSync } = await import("node:fs");
    const source = readFileSync("cli/kit.ts", "utf8");
    expect(source).toContain(`const LEVELS = [${schemas.LEVELS.map((l) => `"${l}"`).join(", ")}] as const;`);
    expect(source).toContain(`const MAX_JOB_DESCRIPTION_CHARS = ${schemas.MAX_JOB_DESCRIPTION_CHARS.toLocaleString("en").replace(/,/g, "_")};`);
  });
});
