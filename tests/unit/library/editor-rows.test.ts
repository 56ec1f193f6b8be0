/**
 * The question editor's plain parts (components/library/editor-rows.ts): the ids key points are
 * saved under, the draft a save sends (it must pass the server's own check), and where a server
 * field error is shown.
 */
import { describe, expect, it } from "vitest";
import { pointId } from "../../../lib/library/slug.ts";

/** The id a lone new key point gets. */
const slugOfStatement = (text: string) => pointId(text, new Set());
import {
  draftFromForm,
  fieldKey,
  initialRows,
  keyPointIds,
  normaliseFields,
  proposedRow,
  shownField,
  type KeyPointRow,
} from "@/components/library/editor-rows";
import { checkDraft } from "@/lib/library/check-draft";
import type { QuestionDraft } from "@/lib/library/schema";

const row = (key: string, statement: string, id?: string): KeyPointRow => ({
  key,
  ...(id ? { id } : {}),
  statement,
  weight: 3,
  terms: "",
  code: "",
  scaffold: "",
});

const stored: QuestionDraft = {
  id: "gil",
  title: "What does the GIL prevent?",
  reference: "Only one thread runs Python bytecode at a time.",
  topic: "Concurrency",
  difficulty: "hard",
  minutes: 6,
  tags: ["gil"],
  keyPoints: [
    { id: "one-thread", statement: "Only one thread runs bytecode at a time.", weight: 5, terms: ["one thread", "bytecode"], code: ["sys.setswitchinterval"] },
  ],
  followUps: [{ keyPointId: "one-thread", text: "What does that mean for CPU-bound threads?" }],
  misconceptions: [
    { id: "gil-in-all-pythons", text: "Every Python implementation has a GIL.", phrasings: ["all pythons have a gil"], keyPointId: "one-thread" },
  ],
  clarifications: {},
  errata: "The source said Jython has a GIL; it does not.",
};

describe("key point ids", () => {
  it("are slugs of the statement, ASCII, at most 40 characters, cut at a word", () => {
    expect(slugOfStatement("Retries back off exponentially!")).toBe("retries-back-off-exponentially");
    expect(slugOfStatement("Café au lait élève")).toBe("cafe-au-lait-eleve");
    const long = slugOfStatement("The global interpreter lock lets only one thread execute Python bytecode");
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toBe("the-global-interpreter-lock-lets-only");
    expect(slugOfStatement("")).toBe("point");
    expect(slugOfStatement("∑∆")).toBe("point");
  });

  it("keep stored ids whatever the statement becomes, and number new ones that would clash", () => {
    const ids = keyPointIds([
      row("a", "Retries back off", "retries-back-off"),
      row("b", "Retries back off"),
      row("c", "Retries back off"),
      row("d", "Something new"),
    ]);
    expect([...ids.values()]).toEqual(["retries-back-off", "retries-back-off-2", "retries-back-off-3", "something-new"]);
    // A stored id later in the list is taken too.
    const later = keyPointIds([row("a", "Retries back off"), row("b", "Renamed since", "retries-back-off")]);
    expect(later.get("a")).toBe("retries-back-off-2");
    expect(later.get("b")).toBe("retries-back-off");
  });

  it("drop the drafter's numbered id when a proposal is accepted", () => {
    const accepted = proposedRow({ id: "point-1", statement: "Locks are released while waiting on I/O.", weight: 4, terms: ["released"], code: [] });
    expect(accepted.id).toBeUndefined();
    expect(keyPointIds([accepted]).get(accepted.key)).toBe("locks-are-released-while-waiting-on-i-o");
  });
});

describe("the draft a save sends", () => {
  it("round-trips a stored question unchanged, keeping what the form does not edit", () => {
    const rows = initialRows(stored);
    expect(rows.followUps[0]!.keyPointKey).toBe(rows.keyPoints[0]!.key);
    const fields = { title: stored.title, prompt: "", reference: stored.reference, topic: stored.topic, difficulty: "hard", minutes: "6", tags: "gil" };
    const draft = draftFromForm(fields, rows.keyPoints, rows.followUps, stored);
    const checked = checkDraft({ ...draft, id: stored.id });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.draft).toEqual(stored);
  });

  it("splits terms on semicolons, code and tags on commas, and omits an empty prompt and scaffold", () => {
    const kp: KeyPointRow = {
      key: "k",
      statement: "Retries back off exponentially.",
      weight: 4,
      terms: " backoff ; exponential;",
      code: "time.sleep, random.random ,",
      scaffold: "  ",
    };
    const draft = draftFromForm(
      { title: "Retries", prompt: "  ", reference: "They back off.", topic: "Queues", difficulty: "easy", minutes: "3", tags: "queues, , retries" },
      [kp],
      [{ key: "f", keyPointKey: "k", text: "And when it keeps failing?" }],
      undefined,
    );
    expect(draft).not.toHaveProperty("prompt");
    expect(draft.tags).toEqual(["queues", "retries"]);
    expect(draft.keyPoints![0]).toEqual({
      id: "retries-back-off-exponentially",
      statement: kp.statement,
      weight: 4,
      terms: ["backoff", "exponential"],
      code: ["time.sleep", "random.random"],
    });
    expect(draft.followUps![0]!.keyPointId).toBe("retries-back-off-exponentially");
    expect(checkDraft(draft).ok).toBe(true);
  });

  it("sends a follow-up whose key point was removed without one, so the server names it", () => {
    const draft = draftFromForm(
      { title: "Retries", prompt: "", reference: "They back off.", topic: "Queues", difficulty: "easy", minutes: "", tags: "" },
      [],
      [{ key: "f", keyPointKey: "gone", text: "And when it keeps failing?" }],
      undefined,
    );
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      const fields = checked.problems.map((p) => p.field);
      expect(fields).toContain("followUps.0.keyPointId");
      expect(fields).toContain("minutes");
    }
  });
});

describe("where a server field error is shown", () => {
  it("strips the envelope's prefix and a list item's index", () => {
    expect(fieldKey("title")).toBe("title");
    expect(fieldKey("question.reference")).toBe("reference");
    expect(fieldKey("questions.0.title")).toBe("title");
    expect(fieldKey("tags.2")).toBe("tags");
    expect(fieldKey("question.keyPoints.1.terms.0")).toBe("keyPoints.1.terms");
    expect(fieldKey("keyPoints.0.id")).toBe("keyPoints.0.statement");
    expect(fieldKey("followUps.3.keyPointId")).toBe("followUps.3.keyPointId");
  });

  it("keeps the first message per field, and knows which fields have a place beside an input", () => {
    expect(normaliseFields({ "tags.0": "first", "tags.1": "second" })).toEqual({ tags: "first" });
    expect(shownField("keyPoints.2.weight")).toBe(true);
    expect(shownField("misconceptions.0.text")).toBe(false);
    expect(shownField("question")).toBe(false);
  });
});
