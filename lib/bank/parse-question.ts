/**
 * Parses one question file (front matter + Markdown sections, see docs/bank-format.md) into a
 * Question. Front matter is read with gray-matter; the body is parsed into an mdast tree with
 * remark-parse + remark-gfm, and sections are mapped from the tree (never by regexes over the whole
 * file), so fenced code, tables and headings inside code blocks are handled like any Markdown tool
 * would. Every problem becomes a BankError with the file, the 1-based line and the field; all of
 * them are returned, not just the first.
 */
import { createHash } from "node:crypto";
import matter from "gray-matter";
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { z } from "zod";
import { splitCuePattern } from "./cues.ts";
import { BankError, type BankErrorCode } from "./errors.ts";
import {
  DIFFICULTIES,
  followUpSchema,
  frontMatterSchema,
  keyPointSchema,
  questionSchema,
  misconceptionSchema,
  clarificationsSchema,
  taskSchema,
  slugSchema,
  type FollowUp,
  type FrontMatter,
  type KeyPoint,
  type Question,
  type Misconception,
  type Clarifications,
  type Task,
} from "./schema.ts";

export type ParseQuestionInput = {
  /** The file's bytes (hashed as they are for contentHash). */
  bytes: Uint8Array;
  bankId: string;
  /** Path relative to the bank folder (Question.file). */
  file: string;
  /** Path shown in errors (relative to the working directory when inside it). */
  displayPath: string;
};

export type ParseQuestionResult = { question: Question | undefined; errors: BankError[] };

/** `##` section headings the format knows, by normalised name. */
const SECTIONS = {
  question: "Question",
  "reference answer": "Reference answer",
  "key points": "Key points",
  "follow ups": "Follow-ups",
  followups: "Follow-ups",
  clarifications: "Clarifications",
  misconceptions: "Misconceptions",
  // The format's earlier name for the same section.
  "red flags": "Misconceptions",
  errata: "Errata",
  task: "Task",
} as const;
type SectionName = (typeof SECTIONS)[keyof typeof SECTIONS];
const SECTION_LIST = "Question, Reference answer, Key points, Follow-ups, Clarifications, Misconceptions, Errata, Task";

const FRONT_MATTER_FIELDS = new Set(Object.keys(frontMatterSchema.shape));
const FIELD_EXPECTATIONS: Record<string, string> = {
  id: "a lowercase slug such as python-memory-model",
  number: "a positive integer",
  title: "the question as asked, at least 3 characters",
  topic: "a topic name such as Concurrency & Async",
  difficulty: DIFFICULTIES.join(" | "),
  tags: "a list such as [memory, references]",
  minutes: "an integer from 1 to 60",
};

const KEY_POINT_HEADING = /^(\S+)\s*\(\s*weight\s+([^)]*?)\s*\)$/i;

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();

/** A misconception's `- **Cues:**` line, and the stand-in for its "|" while Markdown is parsed. */
const CUES_LINE = /^\s*[-*]\s+\*\*Cues:\*\*.*$/gm;
const CUE_BAR = "\uE000";

/** Parses the body of a question file (no front matter) into mdast. Exported for tools. */
export function parseMarkdownTree(body: string): Root {
  return markdown.parse(body);
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

type Section = { name: SectionName; line: number; nodes: RootContent[] };

export function parseQuestion(input: ParseQuestionInput): ParseQuestionResult {
  const errors: BankError[] = [];
  const err = (code: BankErrorCode, line: number, field: string, message: string, expected?: string) => {
    errors.push(new BankError({ code, file: input.displayPath, line, field, message, expected }));
  };
  const contentHash = sha256(input.bytes);
  const text = Buffer.from(input.bytes)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");

  // ---- front matter -------------------------------------------------------------------------
  if (!/^---[ \t]*\n/.test(text)) {
    err("missing-field", 1, "front matter", "the file does not start with a front-matter block", "--- id, title, topic, difficulty ... --- on the first lines");
    return { question: undefined, errors };
  }
  const closing = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!closing) {
    err("invalid-field", 1, "front matter", "the front-matter block is never closed", "a line with --- after the fields");
    return { question: undefined, errors };
  }
  let data: Record<string, unknown>;
  let body: string;
  try {
    const parsed = matter(text, {});
    data = (parsed.data ?? {}) as Record<string, unknown>;
    body = parsed.content;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    err("invalid-field", typeof mark?.line === "number" ? mark.line + 1 : 1, "front matter", `not valid YAML: ${reason}`);
    return { question: undefined, errors };
  }
  const bodyStart = text.endsWith(body) ? text.length - body.length : 0;
  const lineOffset = countNewlines(text, bodyStart);
  const frontMatterEnd = lineOffset; // the closing --- is on this line (or the one before a blank line)
  const fieldLines = frontMatterFieldLines(text, frontMatterEnd);
  const fieldLine = (key: string) => fieldLines.get(key) ?? 1;

  let frontMatter: FrontMatter | undefined;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    err("invalid-field", 1, "front matter", "front matter is not a set of fields", "key: value lines");
  } else {
    for (const key of Object.keys(data)) {
      if (!FRONT_MATTER_FIELDS.has(key)) {
        err("unknown-field", fieldLine(key), key, `unknown front-matter field "${key}"`, `one of ${[...FRONT_MATTER_FIELDS].join(", ")}`);
      }
    }
    const result = frontMatterSchema.safeParse(data);
    if (result.success) {
      frontMatter = result.data;
    } else {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? "front matter");
        const field = issue.path.map(String).join(".") || "front matter";
        const value = data[key];
        if (value === undefined || value === null) {
          err("missing-field", fieldLine(key), field, `missing required front-matter field "${key}"`, FIELD_EXPECTATIONS[key]);
        } else if (key === "difficulty") {
          err("unknown-difficulty", fieldLine(key), field, `unknown difficulty ${JSON.stringify(value)}`, FIELD_EXPECTATIONS.difficulty);
        } else {
          const got = JSON.stringify(issue.path.length > 1 ? pick(data, issue.path) : value);
          const expected = issue.path.length > 1 ? undefined : FIELD_EXPECTATIONS[key];
          err("invalid-field", fieldLine(key), field, expected ? `invalid value ${got}` : `${issue.message} (got ${got})`, expected);
        }
      }
    }
  }

  // ---- sections -----------------------------------------------------------------------------
  // Cue lines are full of "|", which GFM's table syntax would try (and fail) to read as table rows
  // at a high cost; they are masked for the parse (same length, so offsets hold) and read back below.
  body = body.replace(CUES_LINE, (line) => line.replaceAll("|", CUE_BAR));
  const tree = markdown.parse(body);
  const lineOf = (node: { position?: { start: { line: number } } } | undefined) => (node?.position?.start.line ?? 1) + lineOffset;
  const source = (nodes: RootContent[]) => sliceSource(body, nodes);

  const sections = new Map<SectionName, Section>();
  let current: Section | undefined;
  let skipping = false; // inside an unknown or duplicate section: its content is not attributed
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth <= 2) {
      const title = toString(node).trim();
      const known = SECTIONS[normaliseSectionName(title) as keyof typeof SECTIONS] as SectionName | undefined;
      if (node.depth === 1) {
        err("unknown-section", lineOf(node), `# ${title}`, "a level-1 heading is not part of the format", `## sections: ${SECTION_LIST}`);
        current = undefined;
        skipping = true;
      } else if (!known) {
        err("unknown-section", lineOf(node), `## ${title}`, `unknown section "${title}"`, SECTION_LIST);
        current = undefined;
        skipping = true;
      } else if (sections.has(known)) {
        err(
          "unknown-section",
          lineOf(node),
          `## ${title}`,
          `section "${known}" appears twice (first on line ${sections.get(known)!.line})`,
          "each section once",
        );
        current = undefined;
        skipping = true;
      } else {
        current = { name: known, line: lineOf(node), nodes: [] };
        sections.set(known, current);
        skipping = false;
      }
      continue;
    }
    if (current) current.nodes.push(node);
    else if (!skipping && !isIgnorable(node)) {
      err("unknown-section", lineOf(node), "body", "text before the first ## section belongs to no section", `## sections: ${SECTION_LIST}`);
      skipping = true;
    }
  }

  // Question (optional)
  let prompt = frontMatter?.title ?? "";
  const questionSection = sections.get("Question");
  if (questionSection) {
    const md = source(meaningful(questionSection.nodes)).trim();
    if (!md)
      err(
        "empty-section",
        questionSection.line,
        "## Question",
        "the Question section is empty",
        "the question text, or no Question heading (the title is asked)",
      );
    else prompt = md;
  }

  // Reference answer (required)
  let reference = "";
  const referenceSection = sections.get("Reference answer");
  if (!referenceSection) {
    err("missing-field", lineOffset + 1, "## Reference answer", "the required Reference answer section is missing", "a ## Reference answer section");
  } else {
    reference = source(meaningful(referenceSection.nodes)).trim();
    if (!reference) err("empty-section", referenceSection.line, "## Reference answer", "the reference answer is empty", "prose and/or fenced code");
  }

  // Key points (optional)
  const keyPoints: KeyPoint[] = [];
  const keyPointIds = new Map<string, number>(); // every well-formed key point id -> its line
  const kpSection = sections.get("Key points");
  if (kpSection) {
    for (const block of splitByH3(kpSection, errors, input.displayPath, lineOf, "### <slug> (weight N)")) {
      const headingText = toString(block.heading).trim();
      const line = lineOf(block.heading);
      const m = KEY_POINT_HEADING.exec(headingText);
      if (!m) {
        err("malformed-heading", line, "keyPoints", `malformed key point heading "### ${headingText}"`, "### <slug> (weight N) with N from 1 to 5");
        // Remember a leading slug anyway, so its follow-ups do not add a second, derived error.
        const first = headingText.split(/\s+/)[0] ?? "";
        if (slugSchema.safeParse(first).success && !keyPointIds.has(first)) keyPointIds.set(first, line);
        continue;
      }
      const id = m[1]!;
      const field = `keyPoints.${id}`;
      let ok = true;
      if (!slugSchema.safeParse(id).success) {
        err("malformed-heading", line, field, `key point id "${id}" is not a lowercase slug`, "### <slug> (weight N), e.g. ### refcount (weight 5)");
        ok = false;
      }
      const weight = Number(m[2]);
      if (!/^-?\d+(\.\d+)?$/.test(m[2]!.trim())) {
        err("malformed-heading", line, `${field}.weight`, `weight "${m[2]}" is not a number`, "an integer from 1 to 5");
        ok = false;
      } else if (!Number.isInteger(weight) || weight < 1 || weight > 5) {
        err("weight-out-of-range", line, `${field}.weight`, `weight ${m[2]} is out of range`, "an integer from 1 (nice to have) to 5 (essential)");
        ok = false;
      }
      if (keyPointIds.has(id)) {
        err("duplicate-id", line, field, `key point "${id}" is defined twice (first on line ${keyPointIds.get(id)})`, "unique key point ids within a question");
        ok = false;
      } else if (slugSchema.safeParse(id).success) {
        keyPointIds.set(id, line);
      }
      const parts: string[] = [];
      const terms: string[] = [];
      const code: string[] = [];
      let scaffold: string | undefined;
      for (const node of block.nodes) {
        if (node.type === "paragraph") parts.push(source([node]).trim());
        else if (node.type === "list") {
          for (const item of labelledItems(
            node,
            ["terms", "code", "scaffold"],
            field,
            lineOf,
            errors,
            input.displayPath,
            "**Terms:**, **Code:** or **Scaffold:**",
          )) {
            if (item.label === "terms") terms.push(...splitList(toString({ type: "paragraph", children: item.rest }), ";"));
            else if (item.label === "scaffold") scaffold = inlineSource(body, item.rest);
            else code.push(...codeItems(item.rest));
          }
        } else if (!isIgnorable(node)) {
          err(
            "malformed-item",
            lineOf(node),
            field,
            `unexpected ${describe(node)} in a key point`,
            "one paragraph (the statement) and **Terms:** / **Code:** / **Scaffold:** list items",
          );
        }
      }
      const statement = parts.join("\n\n");
      if (!statement) {
        err("missing-field", line, `${field}.text`, "the key point has no statement", "a paragraph under the heading");
        ok = false;
      }
      if (!ok) continue;
      const parsed = keyPointSchema.safeParse({ id, weight, text: statement, terms, code, scaffold });
      if (parsed.success) keyPoints.push(parsed.data);
      else reportIssues(parsed.error, field, line, err);
    }
  }

  // Follow-ups (optional)
  const followUps: FollowUp[] = [];
  const fuSection = sections.get("Follow-ups");
  if (fuSection) {
    for (const block of splitByH3(fuSection, errors, input.displayPath, lineOf, "### <key-point-id>")) {
      const headingText = toString(block.heading).trim();
      const line = lineOf(block.heading);
      if (!slugSchema.safeParse(headingText).success) {
        err(
          "malformed-heading",
          line,
          "followUps",
          `malformed follow-up heading "### ${headingText}"`,
          "### <key-point-id>, the id of the key point it probes",
        );
        continue;
      }
      const field = `followUps.${headingText}`;
      const content = meaningful(block.nodes);
      const textMd = source(content).trim();
      let ok = true;
      if (!keyPointIds.has(headingText)) {
        const known = [...keyPointIds.keys()];
        err(
          "unknown-key-point",
          line,
          field,
          `follow-up probes key point "${headingText}", which the question does not have`,
          known.length ? `one of ${known.join(", ")}` : "a key point defined under ## Key points",
        );
        ok = false;
      }
      if (!textMd) {
        err("missing-field", line, `${field}.text`, "the follow-up has no question text", "a paragraph under the heading");
        ok = false;
      }
      if (!ok) continue;
      const parsed = followUpSchema.safeParse({ keyPointId: headingText, text: textMd });
      if (parsed.success) followUps.push(parsed.data);
      else reportIssues(parsed.error, field, line, err);
    }
  }

  // Clarifications (optional): `- **Scope:** ...` items
  let clarifications: Clarifications = {};
  const clSection = sections.get("Clarifications");
  if (clSection) {
    const found: Record<string, string> = {};
    for (const node of clSection.nodes) {
      if (node.type === "list") {
        for (const item of labelledItems(
          node,
          ["scope", "version", "expected", "code"],
          "clarifications",
          lineOf,
          errors,
          input.displayPath,
          "**Scope:**, **Version:**, **Expected:** or **Code:**",
        )) {
          found[item.label] = inlineSource(body, item.rest);
        }
      } else if (!isIgnorable(node)) {
        err(
          "malformed-item",
          lineOf(node),
          "clarifications",
          `unexpected ${describe(node)} in Clarifications`,
          "- **Scope:** / **Version:** / **Expected:** / **Code:** list items",
        );
      }
    }
    const parsed = clarificationsSchema.safeParse(found);
    if (parsed.success) clarifications = parsed.data;
    else reportIssues(parsed.error, "clarifications", clSection.line, err);
  }

  // Misconceptions (optional; "Red flags" is the earlier name of the section)
  const misconceptions: Misconception[] = [];
  const misconceptionIds = new Map<string, number>();
  const mcSection = sections.get("Misconceptions");
  if (mcSection) {
    for (const block of splitByH3(mcSection, errors, input.displayPath, lineOf, "### <slug>")) {
      const headingText = toString(block.heading).trim();
      const line = lineOf(block.heading);
      if (!slugSchema.safeParse(headingText).success) {
        err("malformed-heading", line, "misconceptions", `malformed misconception heading "### ${headingText}"`, "### <slug>, e.g. ### gc-only-mechanism");
        continue;
      }
      const field = `misconceptions.${headingText}`;
      let ok = true;
      if (misconceptionIds.has(headingText)) {
        err(
          "duplicate-id",
          line,
          field,
          `misconception "${headingText}" is defined twice (first on line ${misconceptionIds.get(headingText)})`,
          "unique misconception ids within a question",
        );
        ok = false;
      } else misconceptionIds.set(headingText, line);
      const parts: string[] = [];
      const phrasings: string[] = [];
      let keyPointId: string | undefined;
      let correction: string | undefined;
      let challenge: string | undefined;
      const cues: string[] = [];
      for (const node of block.nodes) {
        if (node.type === "paragraph") parts.push(source([node]).trim());
        else if (node.type === "list") {
          for (const item of labelledItems(
            node,
            ["phrasings", "cues", "contradicts", "correction", "challenge"],
            field,
            lineOf,
            errors,
            input.displayPath,
            "**Contradicts:**, **Phrasings:**, **Cues:**, **Correction:** or **Challenge:**",
          )) {
            if (item.label === "phrasings") phrasings.push(...splitList(toString({ type: "paragraph", children: item.rest }), ";"));
            else if (item.label === "cues") {
              // The source, backticks kept (`is` is the operator) and escapes undone.
              for (const pattern of splitList(
                inlineSource(body, item.rest)
                  .replaceAll(CUE_BAR, "|")
                  .replace(/\\([`|!+*_])/g, "$1"),
                ";",
              )) {
                const split = splitCuePattern(pattern);
                if ("error" in split) {
                  err(
                    "malformed-item",
                    lineOf(node),
                    `${field}.cues`,
                    split.error,
                    "groups joined by ' + ', alternatives by '|', '!' before a group that must be absent",
                  );
                  ok = false;
                } else cues.push(split.source);
              }
            } else if (item.label === "contradicts") keyPointId = toString({ type: "paragraph", children: item.rest }).replace(/`/g, "").trim();
            else if (item.label === "correction") correction = inlineSource(body, item.rest);
            else challenge = inlineSource(body, item.rest);
          }
        } else if (!isIgnorable(node)) {
          err(
            "malformed-item",
            lineOf(node),
            field,
            `unexpected ${describe(node)} in a misconception`,
            "one paragraph and **Contradicts:** / **Phrasings:** / **Cues:** / **Correction:** / **Challenge:** list items",
          );
        }
      }
      const description = parts.join("\n\n");
      if (!description) {
        err("missing-field", line, `${field}.text`, "the misconception has no description", "a paragraph under the heading");
        ok = false;
      }
      if (phrasings.length === 0) {
        err("missing-field", line, `${field}.phrasings`, "the misconception has no phrasings", "- **Phrasings:** one; another; ...");
        ok = false;
      }
      if (keyPointId !== undefined && !keyPointIds.has(keyPointId)) {
        const known = [...keyPointIds.keys()];
        err(
          "unknown-key-point",
          line,
          `${field}.contradicts`,
          `misconception contradicts key point "${keyPointId}", which the question does not have`,
          known.length ? `one of ${known.join(", ")}` : "a key point defined under ## Key points",
        );
        ok = false;
      }
      if (!ok) continue;
      const parsed = misconceptionSchema.safeParse({
        id: headingText,
        text: description,
        keyPointId,
        phrasings,
        cues: cues.length ? cues : undefined,
        correction,
        challenge,
      });
      if (parsed.success) misconceptions.push(parsed.data);
      else reportIssues(parsed.error, field, line, err);
    }
  }

  const errataSection = sections.get("Errata");
  const errata = errataSection ? source(meaningful(errataSection.nodes)).trim() : "";

  // Task (optional): a coding task with hidden checks
  const taskSection = sections.get("Task");
  const task = taskSection ? parseTask(taskSection, body, lineOf, err) : undefined;

  if (errors.length > 0 || !frontMatter) return { question: undefined, errors };
  const candidate = {
    ...frontMatter,
    bankId: input.bankId,
    prompt,
    reference,
    keyPoints,
    followUps,
    misconceptions,
    clarifications,
    errata,
    task,
    contentHash,
    file: input.file,
  };
  const result = questionSchema.safeParse(candidate);
  if (!result.success) {
    reportIssues(result.error, "", 1, err);
    return { question: undefined, errors };
  }
  return { question: result.data, errors };
}

// ---- the Task section ------------------------------------------------------------------------

const TASK_EXPECTED = "a prompt paragraph, then ### Starter, ### Example (0+) and ### Check: <name> (1+), each with one ```python fence";
const PYTHON_LANGS = new Set(["python", "py", "python3"]);

/**
 * `## Task`: the prompt (everything before the first `###`), `### Starter` (one python fence),
 * `### Example` blocks (Markdown, usually a fence) and `### Check: <name>` blocks (one python fence
 * each: the hidden check). Headings are split at their first ":" with indexOf, not a regex, since a
 * check name is free text.
 */
function parseTask(section: Section, body: string, lineOf: LineOf, report: Err): Task | undefined {
  let failed = false;
  const err: Err = (...args) => {
    failed = true;
    report(...args);
  };
  const promptNodes: RootContent[] = [];
  // "ignored" collects the content under an unknown heading, so it is not taken for the block before.
  type Block = { kind: "starter" | "example" | "check" | "ignored"; name: string; line: number; nodes: RootContent[] };
  const blocks: Block[] = [];
  for (const node of section.nodes) {
    if (node.type === "heading" && node.depth === 3) {
      const text = toString(node).trim();
      const colon = text.indexOf(":");
      const label = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
      const name = colon < 0 ? "" : text.slice(colon + 1).trim();
      const line = lineOf(node);
      if (label === "starter" || label === "example") blocks.push({ kind: label, name, line, nodes: [] });
      else if (label === "check") {
        if (!name)
          err(
            "malformed-heading",
            line,
            "task.checks",
            `check heading "### ${text}" has no name`,
            "### Check: <short name>, e.g. ### Check: fails on an empty input",
          );
        blocks.push({ kind: "check", name, line, nodes: [] });
      } else {
        err("malformed-heading", line, "task", `unknown task heading "### ${text}"`, "### Starter, ### Example or ### Check: <name>");
        blocks.push({ kind: "ignored", name: "", line, nodes: [] });
      }
    } else if (node.type === "heading" && node.depth > 3) {
      err("malformed-heading", lineOf(node), "task", `a level-${node.depth} heading "${toString(node).trim()}" is not part of the format`, TASK_EXPECTED);
    } else if (blocks.length > 0) blocks[blocks.length - 1]!.nodes.push(node);
    else promptNodes.push(node);
  }

  const prompt = sliceSource(body, meaningful(promptNodes)).trim();
  if (!prompt) err("empty-section", section.line, "task.prompt", "the task has no prompt", "a paragraph under ## Task, before ### Starter");

  /** The one python fence of a Starter or Check block, or an error. */
  const onePythonFence = (block: Block, field: string): string | undefined => {
    const content = meaningful(block.nodes);
    const code = content.length === 1 && content[0]!.type === "code" ? content[0] : undefined;
    if (!code) {
      const what = content.length === 0 ? "nothing" : content.map(describe).join(", ");
      err("malformed-item", block.line, field, `expected one \`\`\`python fence, found ${what}`, TASK_EXPECTED);
      return undefined;
    }
    if (!PYTHON_LANGS.has((code.lang ?? "").toLowerCase())) {
      err("malformed-item", lineOf(code), field, `the fence is ${code.lang ? `"${code.lang}"` : "unlabelled"}, not python`, "a ```python fence");
      return undefined;
    }
    if (!code.value.trim()) {
      err("empty-section", lineOf(code), field, "the python fence is empty", "Python code");
      return undefined;
    }
    return code.value;
  };

  let starter: string | undefined;
  let starterLine = 0;
  const examples: string[] = [];
  const checks: { name: string; code: string }[] = [];
  const checkLines = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind === "ignored") continue;
    if (block.kind === "starter") {
      if (starterLine) {
        err("malformed-heading", block.line, "task.starter", `### Starter appears twice (first on line ${starterLine})`, "one ### Starter");
        continue;
      }
      starterLine = block.line;
      starter = onePythonFence(block, "task.starter");
    } else if (block.kind === "example") {
      const md = sliceSource(body, meaningful(block.nodes)).trim();
      if (!md) err("empty-section", block.line, "task.examples", "the example is empty", "a ```python fence showing a call and its result");
      else examples.push(md);
    } else if (block.name) {
      const field = `task.checks.${block.name}`;
      const key = block.name.toLowerCase();
      if (checkLines.has(key)) {
        err(
          "duplicate-id",
          block.line,
          field,
          `check "${block.name}" is defined twice (first on line ${checkLines.get(key)})`,
          "unique check names within a task",
        );
        continue;
      }
      checkLines.set(key, block.line);
      const code = onePythonFence(block, field);
      if (code !== undefined) checks.push({ name: block.name, code });
    }
  }
  if (!starterLine) err("missing-field", section.line, "task.starter", "the task has no ### Starter", "### Starter with one ```python fence");
  if (checkLines.size === 0)
    err("missing-field", section.line, "task.checks", "the task has no hidden checks", "at least one ### Check: <name> with a ```python fence");
  if (failed || starter === undefined) return undefined;
  const parsed = taskSchema.safeParse({ public: { prompt, starter, examples }, checks });
  if (parsed.success) return parsed.data;
  reportIssues(parsed.error, "task", section.line, err);
  return undefined;
}

// ---- helpers --------------------------------------------------------------------------------

type Err = (code: BankErrorCode, line: number, field: string, message: string, expected?: string) => void;
type LineOf = (node: { position?: { start: { line: number } } } | undefined) => number;

function reportIssues(error: z.ZodError, prefix: string, line: number, err: Err) {
  for (const issue of error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "question";
    err("invalid-field", line, field, issue.message);
  }
}

function pick(data: Record<string, unknown>, path: PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Line (1-based) of each top-level front-matter key, found in the raw block. */
function frontMatterFieldLines(text: string, lastLine: number): Map<string, number> {
  const lines = text.split("\n", lastLine + 1);
  const out = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i]!);
    if (m && !out.has(m[1]!)) out.set(m[1]!, i + 1);
  }
  return out;
}

function normaliseSectionName(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .replace(/:$/, "")
    .trim();
}

/** HTML comments carry notes for authors; they are not content. */
function isIgnorable(node: RootContent): boolean {
  return node.type === "html" && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

function meaningful(nodes: RootContent[]): RootContent[] {
  return nodes.filter((n) => !isIgnorable(n));
}

/** The original Markdown of a run of sibling nodes (code fences, tables and all). */
/** The Markdown source of inline content (a labelled item's text after its label), trimmed. */
function inlineSource(body: string, rest: PhrasingContent[]): string {
  const start = rest[0]?.position?.start.offset;
  const end = rest[rest.length - 1]?.position?.end.offset;
  if (start === undefined || end === undefined) return toString({ type: "paragraph", children: rest }).trim();
  // The label's colon may have been cut from the first text node: skip it in the source too.
  return body.slice(start, end).replace(/^\s*:/, "").trim();
}

function sliceSource(body: string, nodes: RootContent[]): string {
  if (nodes.length === 0) return "";
  const start = nodes[0]!.position?.start.offset;
  const end = nodes[nodes.length - 1]!.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  return body.slice(start, end);
}

function describe(node: RootContent): string {
  switch (node.type) {
    case "code":
      return "code block";
    case "heading":
      return `level-${node.depth} heading`;
    case "blockquote":
      return "block quote";
    case "thematicBreak":
      return "horizontal rule";
    default:
      return node.type;
  }
}

type H3Block = { heading: Heading; nodes: RootContent[] };

/** Splits a rubric section into `###` blocks; reports anything before the first `###`. */
function splitByH3(section: Section, errors: BankError[], file: string, lineOf: LineOf, expected: string): H3Block[] {
  const blocks: H3Block[] = [];
  let reported = false;
  for (const node of section.nodes) {
    if (node.type === "heading" && node.depth === 3) {
      blocks.push({ heading: node, nodes: [] });
    } else if (node.type === "heading" && node.depth > 3) {
      errors.push(
        new BankError({
          code: "malformed-heading",
          file,
          line: lineOf(node),
          field: `## ${section.name}`,
          message: `a level-${node.depth} heading "${toString(node).trim()}" is not part of the format`,
          expected: expected,
        }),
      );
    } else if (blocks.length > 0) {
      blocks[blocks.length - 1]!.nodes.push(node);
    } else if (!isIgnorable(node) && !reported) {
      reported = true;
      errors.push(
        new BankError({
          code: "malformed-item",
          file,
          line: lineOf(node),
          field: `## ${section.name}`,
          message: `content before the first ### heading of the ${section.name} section`,
          expected,
        }),
      );
    }
  }
  return blocks;
}

type LabelledItem = { label: string; rest: PhrasingContent[] };

/** `- **Label:** rest` list items; reports items without a known label. */
function labelledItems(list: List, labels: string[], field: string, lineOf: LineOf, errors: BankError[], file: string, expected: string): LabelledItem[] {
  const out: LabelledItem[] = [];
  for (const item of list.children) {
    const para = item.children[0];
    const bad = (message: string) => errors.push(new BankError({ code: "malformed-item", file, line: lineOf(item), field, message, expected }));
    if (!para || para.type !== "paragraph") {
      bad("a list item without a label");
      continue;
    }
    const parsed = splitLabel(para);
    if (!parsed) {
      bad(`list item "${truncate(toString(para))}" has no **Label:**`);
      continue;
    }
    if (!labels.includes(parsed.label)) {
      bad(`unknown list item label "**${parsed.rawLabel}:**"`);
      continue;
    }
    if (item.children.length > 1) {
      bad(`the **${parsed.rawLabel}:** item continues past its first paragraph`);
      continue;
    }
    out.push({ label: parsed.label, rest: parsed.rest });
  }
  return out;
}

function splitLabel(para: Paragraph): { label: string; rawLabel: string; rest: PhrasingContent[] } | undefined {
  const [first, ...rest] = para.children;
  if (!first || first.type !== "strong") return undefined;
  const rawLabel = toString(first).trim().replace(/:$/, "").trim();
  // `**Terms:** a; b` or `**Terms**: a; b`
  const next = rest[0];
  if (next && next.type === "text" && /^\s*:/.test(next.value)) {
    rest[0] = { ...next, value: next.value.replace(/^\s*:/, "") };
  }
  return { label: rawLabel.toLowerCase(), rawLabel, rest };
}

function splitList(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** `**Code:**` items: the inline code spans, or comma-separated words when none are fenced. */
function codeItems(rest: PhrasingContent[]): string[] {
  const spans = rest.filter((n) => n.type === "inlineCode").map((n) => (n as { value: string }).value.trim());
  if (spans.length > 0) return spans.filter(Boolean);
  return splitList(toString({ type: "paragraph", children: rest }), ",").map((s) => s.replace(/`/g, ""));
}

function truncate(s: string, n = 40): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}
