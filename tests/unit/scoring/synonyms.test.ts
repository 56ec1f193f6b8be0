/**
 * Generic mode's WordNet synonyms (lib/scoring/synonyms.ts): the committed table, and what it does
 * to an answer in other words than the reference.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { scoreAnswer } from "../../../lib/scoring/rubric.ts";
import { synonymTable } from "../../../lib/scoring/synonyms.ts";
import { stem } from "../../../lib/scoring/text.ts";

const tcp = {
  prompt: "What is the difference between TCP and UDP?",
  reference:
    "TCP is connection-oriented and reliable: it retransmits lost segments and keeps bytes in order, which costs latency. UDP sends independent datagrams with no delivery guarantee, so it is fast and suits voice calls and games.",
};

describe("WordNet synonyms in generic mode", () => {
  it("ships the table: stems to the stems of their first sense's other words (not symmetric)", () => {
    const table = synonymTable();
    expect(table.size).toBeGreaterThan(30_000);
    expect(table.get(stem("swift"))).toContain(stem("fast"));
    expect(table.get(stem("ensure"))).toContain(stem("guarantee"));
    // First sense only: "fast" as in going without food is a later sense of "fast".
    expect(table.get(stem("fast"))).not.toContain(stem("abstain"));
  });

  it("reads an answer's words as the reference's when they share a sense", () => {
    const say = (quick: string, promise: string) =>
      scoreAnswer({ question: tcp, answers: [`UDP is ${quick} because nothing ${promise}s delivery. TCP retransmits lost segments and keeps bytes in order.`] })
        .score;
    const reference = say("fast", "guarantee");
    expect(say("swift", "ensure")).toBe(reference);
    expect(say("zippy", "vow")).toBeLessThan(reference);
  });

  it("scores without synonyms, and says so once, when the table cannot be read", async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "no-synonyms-"));
    const cwd = process.cwd();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      process.chdir(elsewhere);
      vi.resetModules();
      const fresh = await import("../../../lib/scoring/synonyms.ts");
      expect(fresh.synonymTable().size).toBe(0);
      expect(fresh.synonymTable().size).toBe(0);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0]![0])).toMatch(/no synonyms .*synonyms\.json/);
    } finally {
      process.chdir(cwd);
      errors.mockRestore();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
