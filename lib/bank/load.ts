/**
 * Loads the question banks from disk.
 *
 * A folder passed to loadBanks (content/, or a BANK_DIRS entry) is either
 *   - a bank: it holds a `bank.json` (or a `bank.md` with front matter), or
 *   - a folder of banks: each subfolder holding a bank.json / bank.md is a bank, or
 *   - a bare folder of question files: a bank whose id and name come from the folder's name.
 * Every `.md` file of a bank folder is a question, except bank.md, README.md and files whose name
 * starts with `_` or `.` (drafts). Loading is synchronous (50 small files take a few ms) and never
 * throws on content: every problem is returned as a BankError, bad files are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { env } from "../env.ts";
import { processWide } from "../process-wide/index.ts";
import { BankError, type BankErrorCode } from "./errors.ts";
import { parseQuestion, sha256, type ParseQuestionInput, type ParseQuestionResult } from "./parse-question.ts";
import { createQuestionBank, sortBanks } from "./question-bank.ts";
import { bankMetaSchema, slugSchema, type Bank, type BankMeta, type Question, type QuestionBank } from "./schema.ts";

export type LoadResult = { banks: Bank[]; errors: BankError[] };

export type LoadOptions = {
  /** Base for relative folders and for the paths shown in errors; process.cwd() by default. */
  cwd?: string;
};

const BANK_FILES = ["bank.json", "bank.md"] as const;
const BANK_META_FIELDS = new Set(Object.keys(bankMetaSchema.shape));

/** The folders the app loads: content/ and every BANK_DIRS entry. */
export function defaultBankDirs(cwd = process.cwd()): string[] {
  const extra = (env().BANK_DIRS ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  return [path.resolve(cwd, "content"), ...extra.map((d) => path.resolve(cwd, d))];
}

/** Loads every bank under the given folders. Pure apart from reading files; never throws on content. */
export function loadBanks(dirs: readonly string[], options: LoadOptions = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const display = (p: string) => {
    const rel = path.relative(cwd, p);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
  };
  const errors: BankError[] = [];
  const err = (code: BankErrorCode, file: string, line: number, field: string, message: string, expected?: string) =>
    errors.push(new BankError({ code, file: display(file), line, field, message, expected }));

  // 1. Which folders are banks.
  const bankDirs: string[] = [];
  const seenDirs = new Set<string>();
  const addBankDir = (dir: string) => {
    if (!seenDirs.has(dir)) {
      seenDirs.add(dir);
      bankDirs.push(dir);
    }
  };
  for (const given of dirs) {
    const dir = path.resolve(cwd, given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      err("unreadable", dir, 1, "folder", "the bank folder does not exist or is not a folder", "a folder holding bank.json, or folders that do");
      continue;
    }
    if (isBankDir(dir)) {
      addBankDir(dir);
      continue;
    }
    const subBanks = listDir(dir)
      .filter((name) => !name.startsWith(".") && !name.startsWith("_"))
      .map((name) => path.join(dir, name))
      .filter((p) => statSync(p).isDirectory() && isBankDir(p));
    if (subBanks.length > 0) subBanks.forEach(addBankDir);
    else if (questionFiles(dir).length > 0) addBankDir(dir);
    else err("no-bank", dir, 1, "folder", "no bank found in this folder", "a bank.json (or bank.md) here or in its subfolders, or question .md files");
  }

  // 2. Load each bank; ids are unique across all of them.
  const banks: Bank[] = [];
  const bankIds = new Map<string, string>(); // bank id -> display path of its folder
  const questionIds = new Map<string, string>(); // question id -> display path of its file
  for (const dir of bankDirs) {
    const meta = readBankMeta(dir, err);
    const bankId = meta?.id ?? fallbackId(dir);
    let accept = meta !== undefined;
    if (meta && bankIds.has(meta.id)) {
      err("duplicate-id", metaFile(dir), 1, "id", `bank id "${meta.id}" is also used by ${bankIds.get(meta.id)}`, "a bank id unique across all banks");
      accept = false;
    } else if (meta) {
      bankIds.set(meta.id, display(dir));
    }
    const questions: Question[] = [];
    for (const name of questionFiles(dir)) {
      const file = path.join(dir, name);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        err("unreadable", file, 1, "file", `cannot read the file: ${(error as Error).message}`);
        continue;
      }
      const { question, errors: fileErrors } = parseCached({ bytes, bankId, file: name, displayPath: display(file) });
      errors.push(...fileErrors);
      if (!question) continue;
      const other = questionIds.get(question.id);
      if (other) {
        err("duplicate-id", file, idLine(bytes), "id", `duplicate question id "${question.id}": also used by ${other}`, "an id unique across every bank");
        continue;
      }
      questionIds.set(question.id, display(file));
      questions.push(question);
    }
    if (accept && meta) banks.push({ ...meta, dir, questions });
  }
  // Stable: by file, then line; errors of one file keep the order they were found in.
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { banks: sortBanks(banks), errors };
}

/**
 * Parsed files by content hash (and everything else the result depends on): a reload after
 * resetQuestionBank() only parses files that changed. Results are treated as immutable.
 */
const parseCache = new Map<string, ParseQuestionResult>();
const PARSE_CACHE_LIMIT = 5_000;

function parseCached(input: ParseQuestionInput): ParseQuestionResult {
  const key = [sha256(input.bytes), input.bankId, input.file, input.displayPath].join("\0");
  let result = parseCache.get(key);
  if (!result) {
    result = parseQuestion(input);
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    parseCache.set(key, result);
  }
  return { question: result.question, errors: [...result.errors] };
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isBankDir(dir: string): boolean {
  return BANK_FILES.some((f) => existsSync(path.join(dir, f)));
}

function metaFile(dir: string): string {
  const found = BANK_FILES.find((f) => existsSync(path.join(dir, f)));
  return path.join(dir, found ?? "");
}

/** Question files of a bank folder, sorted by name. */
export function questionFiles(dir: string): string[] {
  return listDir(dir).filter((name) => isQuestionFileName(name) && statSync(path.join(dir, name)).isFile());
}

/** Whether a file of a bank folder is a question: `*.md` but bank.md, README.md and drafts (`_*`, `.*`). */
export function isQuestionFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith(".md") || lower === "bank.md" || lower === "readme.md") return false;
  return !name.startsWith("_") && !name.startsWith(".");
}

function fallbackId(dir: string): string {
  const slug = path
    .basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slugSchema.safeParse(slug).success ? slug : "bank";
}

/** The line of a question file's `id:` field (1 when there is none), for duplicate-id errors. */
export function idLine(bytes: Buffer | string): number {
  const lines = bytes.toString().split("\n");
  const i = lines.findIndex((l, n) => n > 0 && /^id\s*:/.test(l));
  return i >= 0 ? i + 1 : 1;
}

type Err = (code: BankErrorCode, file: string, line: number, field: string, message: string, expected?: string) => void;

/** Reads bank.json / bank.md, or derives the meta from the folder name when neither exists. */
function readBankMeta(dir: string, err: Err): BankMeta | undefined {
  const jsonFile = path.join(dir, "bank.json");
  const mdFile = path.join(dir, "bank.md");
  let data: Record<string, unknown>;
  let file: string;
  let text = "";
  let keyLine: (key: string) => number;
  if (existsSync(jsonFile)) {
    file = jsonFile;
    try {
      text = readFileSync(jsonFile, "utf8");
      data = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      const message = (error as Error).message.replace(/\s+/g, " ");
      const pos = /position (\d+)/.exec(message);
      const lineMatch = /line (\d+)/.exec(message);
      const line = lineMatch ? Number(lineMatch[1]) : pos ? text.slice(0, Number(pos[1])).split("\n").length : 1;
      err("unreadable", jsonFile, line, "bank.json", `not valid JSON: ${message}`);
      return undefined;
    }
    keyLine = (key) => {
      const i = text.split("\n").findIndex((l) => l.includes(`"${key}"`));
      return i >= 0 ? i + 1 : 1;
    };
  } else if (existsSync(mdFile)) {
    file = mdFile;
    try {
      text = readFileSync(mdFile, "utf8").replace(/\r\n?/g, "\n");
      const parsed = matter(text, {});
      data = { ...(parsed.data as Record<string, unknown>) };
      if (data.description === undefined && parsed.content.trim()) data.description = parsed.content.trim();
    } catch (error) {
      const mark = (error as { mark?: { line?: number } }).mark;
      err(
        "unreadable",
        mdFile,
        typeof mark?.line === "number" ? mark.line + 1 : 1,
        "bank.md",
        `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
      );
      return undefined;
    }
    keyLine = (key) => {
      const i = text.split("\n").findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
      return i >= 0 ? i + 1 : 1;
    };
  } else {
    const name = path.basename(dir);
    return { id: fallbackId(dir), name, description: "" };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    err("invalid-field", file, 1, path.basename(file), "the bank description is not an object", '{ "id": "...", "name": "..." }');
    return undefined;
  }
  // Reported, but the bank still loads: a typo in bank.json should not hide a whole bank.
  for (const key of Object.keys(data)) {
    if (!BANK_META_FIELDS.has(key)) {
      err("unknown-field", file, keyLine(key), key, `unknown bank field "${key}"`, `one of ${[...BANK_META_FIELDS].join(", ")}`);
    }
  }
  const result = bankMetaSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      const missing = data[key] === undefined;
      err(
        missing ? "missing-field" : "invalid-field",
        file,
        keyLine(key),
        key || path.basename(file),
        missing ? `missing required bank field "${key}"` : issue.message,
      );
    }
    return undefined;
  }
  return result.data;
}

// ---- the process-wide bank ------------------------------------------------------------------

type Loaded = { result: LoadResult; bank: QuestionBank; loadedMs: number };
// Process-wide (lib/process-wide): instrumentation loads it at start for the route bundles.
const holder = processWide("questionBank", (): { loaded?: Loaded } => ({}));

function load(): Loaded {
  let loaded = holder.loaded;
  if (!loaded) {
    const started = performance.now();
    const result = loadBanks(defaultBankDirs());
    loaded = { result, bank: createQuestionBank(result.banks), loadedMs: performance.now() - started };
    holder.loaded = loaded;
    if (result.errors.length > 0) {
      console.error(
        `question bank: ${result.errors.length} error(s); the files concerned are left out (run npm run bank:check):\n` +
          result.errors.map((e) => `  ${e.message}`).join("\n"),
      );
    }
  }
  return loaded;
}

/** The question bank of this process: content/ plus BANK_DIRS, loaded once on first use. */
export function getQuestionBank(): QuestionBank {
  return load().bank;
}

/** The errors of the process-wide load (files with errors are left out of getQuestionBank()). */
export function getBankErrors(): BankError[] {
  return [...load().result.errors];
}

/** The full process-wide load: banks with their folders, errors, and how long it took. */
export function getBankLoad(): LoadResult & { loadedMs: number } {
  const l = load();
  return { ...l.result, loadedMs: l.loadedMs };
}

/** Tests (and a content reload) forget the cached load; the next call reads the files again. */
export function resetQuestionBank(): void {
  holder.loaded = undefined;
}
