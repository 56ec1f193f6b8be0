/**
 * A draft as a bank question file (docs/bank-format.md): front matter, then the sections in the
 * format's order, laid out like content/python. Strings in the front matter are written as JSON,
 * which is valid YAML, so any title or topic (quotes, colons, #) reads back unchanged. Whether the
 * whole draft reads back unchanged is check-draft.ts's job; this only writes.
 */
import type { QuestionDraft } from "./schema.ts";

export function renderQuestionFile(draft: QuestionDraft, id: string): string {
  const front = [
    "---",
    `id: ${id}`,
    `title: ${JSON.stringify(draft.title)}`,
    `topic: ${JSON.stringify(draft.topic)}`,
    `difficulty: ${draft.difficulty}`,
    `tags: [${draft.tags.map((t) => JSON.stringify(t)).join(", ")}]`,
    `minutes: ${draft.minutes}`,
    "---",
  ].join("\n");
  const sections: string[] = [front];
  const section = (name: string, ...blocks: string[]) => sections.push([`## ${name}`, ...blocks].join("\n\n"));

  if (draft.prompt !== undefined && draft.prompt !== draft.title) section("Question", draft.prompt);
  section("Reference answer", draft.reference);
  if (draft.keyPoints.length > 0)
    section(
      "Key points",
      ...draft.keyPoints.map((kp) =>
        [
          `### ${kp.id} (weight ${kp.weight})`,
          kp.statement,
          items([
            ["Terms", kp.terms.length ? kp.terms.map(plainText).join("; ") : undefined],
            ["Code", kp.code.length ? kp.code.map(codeSpan).join(", ") : undefined],
            ["Scaffold", kp.scaffold],
          ]),
        ]
          .filter(Boolean)
          .join("\n\n"),
      ),
    );
  if (draft.followUps.length > 0) section("Follow-ups", ...draft.followUps.map((fu) => `### ${fu.keyPointId}\n\n${fu.text}`));
  const clarifications = items([
    ["Scope", draft.clarifications.scope],
    ["Version", draft.clarifications.version],
    ["Expected", draft.clarifications.expected],
    ["Code", draft.clarifications.code],
  ]);
  if (clarifications) section("Clarifications", clarifications);
  if (draft.misconceptions.length > 0)
    section(
      "Misconceptions",
      ...draft.misconceptions.map((m) =>
        [
          `### ${m.id}`,
          m.text,
          items([
            ["Contradicts", m.keyPointId],
            ["Phrasings", m.phrasings.map(plainText).join("; ")],
            ["Cues", m.cues?.length ? m.cues.join("; ") : undefined],
            ["Correction", m.correction],
            ["Challenge", m.challenge],
          ]),
        ]
          .filter(Boolean)
          .join("\n\n"),
      ),
    );
  if (draft.errata.trim()) section("Errata", draft.errata);
  return `${sections.join("\n\n")}\n`;
}

/** `- **Label:** value` lines for the values given. */
function items(entries: ReadonlyArray<readonly [string, string | undefined]>): string {
  return entries
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([label, value]) => `- **${label}:** ${value}`)
    .join("\n");
}

/**
 * Terms and phrasings are read back as plain text (Markdown stripped): characters Markdown would
 * take for syntax are escaped, so "__hash__" stays "__hash__" rather than becoming bold "hash".
 */
function plainText(text: string): string {
  return text.replace(/[\\`*_[\]<>#!|~&]/g, "\\$&");
}

/** An inline code span that holds `code` whole: a longer backtick run when the code has backticks. */
function codeSpan(code: string): string {
  let longest = 0;
  for (let i = 0, run = 0; i < code.length; i++) {
    run = code[i] === "`" ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  if (longest === 0) return `\`${code}\``;
  const marks = "`".repeat(longest + 1);
  return `${marks} ${code} ${marks}`;
}
