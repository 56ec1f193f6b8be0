/** Generic mode: no authored key points, they are derived from the reference answer. */
import { describe, expect, it } from "vitest";
import { scoreAnswer } from "../../../lib/scoring/index.ts";
import { corpusFor, prepareQuestion } from "../../../lib/scoring/prepare.ts";
import { generic } from "./fixtures.ts";

describe("scoreAnswer (generic mode)", () => {
  it("derives 3-8 sensible key points with weights from the reference", () => {
    const P = prepareQuestion(generic, corpusFor(generic));
    expect(P.mode).toBe("generic");
    expect(P.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(P.keyPoints.length).toBeLessThanOrEqual(8);
    for (const k of P.keyPoints) {
      expect(k.weight).toBeGreaterThanOrEqual(1);
      expect(k.weight).toBeLessThanOrEqual(5);
      expect(generic.reference).toContain(k.text.slice(0, 20));
      expect(k.terms.length).toBeGreaterThan(0);
    }
    // One point is about INNER JOIN matching both tables, one about NULLs for the left join.
    expect(P.keyPoints.some((k) => /INNER JOIN/.test(k.text))).toBe(true);
    expect(P.keyPoints.some((k) => /NULL/.test(k.text))).toBe(true);
  });

  it("ranks a good answer above a thin one and a wrong one", () => {
    const good = scoreAnswer({
      question: generic,
      answers: [
        "INNER JOIN keeps only the rows that match in both tables. LEFT JOIN keeps every row of the left table, and where the right table has no match its columns come back as NULL - useful to list all customers including those with no orders. Careful: a WHERE filter on a right-table column turns it back into an inner join; put it in the ON clause.",
      ],
    });
    const thin = scoreAnswer({ question: generic, answers: ["They are both joins, LEFT JOIN gives more rows."] });
    expect(good.method).toBe("generic");
    expect(good.scorerVersion).toMatch(/^generic-/);
    expect(good.score).toBeGreaterThanOrEqual(75);
    expect(thin.score).toBeLessThan(good.score - 30);
  });

  it("gives no credit for attributes swapped between the compared things", () => {
    const q = {
      prompt: "What are the differences between TCP and UDP, and when would you use each?",
      reference:
        "TCP is connection-oriented: it sets up a connection with a handshake and provides reliable, ordered delivery with retransmission of lost segments. " +
        "UDP is connectionless and sends independent datagrams with no delivery or ordering guarantees, but with less overhead. " +
        "TCP suits web pages, file transfer and email. UDP suits live video, online games and DNS.",
    };
    const right = scoreAnswer({
      question: q,
      answers: [
        "TCP sets up a connection with a handshake and gives reliable, ordered delivery, retransmitting lost data; good for web pages and file transfer. UDP is connectionless, just sends datagrams with less overhead and no guarantees; good for live video, games and DNS.",
      ],
    });
    const swapped = scoreAnswer({
      question: q,
      answers: [
        "UDP sets up a connection with a handshake and gives reliable, ordered delivery, retransmitting lost data; good for web pages and file transfer. TCP is connectionless, just sends datagrams with less overhead and no guarantees; good for live video, games and DNS.",
      ],
    });
    expect(right.score).toBeGreaterThanOrEqual(80);
    expect(swapped.score).toBeLessThan(40);
    expect(swapped.flags).toContain("contradiction");
  });

  it("works for short answers in other fields", () => {
    const q = {
      prompt: "What is photosynthesis?",
      reference:
        "Photosynthesis is the process by which plants, algae and some bacteria convert light energy into chemical energy. " +
        "Chlorophyll in the chloroplasts absorbs light. Carbon dioxide and water are turned into glucose, and oxygen is released as a by-product.",
    };
    const good = scoreAnswer({
      question: q,
      answers: ["Plants use chlorophyll in their chloroplasts to capture light energy and turn carbon dioxide and water into glucose, giving off oxygen."],
    });
    const bad = scoreAnswer({ question: q, answers: ["It is when animals digest food in their stomach."] });
    expect(good.score).toBeGreaterThan(60);
    expect(bad.score).toBeLessThan(20);
    const history = {
      prompt: "What caused the First World War?",
      reference:
        "The immediate trigger was the assassination of Archduke Franz Ferdinand in Sarajevo in 1914. " +
        "Underlying causes were militarism, the alliance system, imperial rivalry and nationalism. " +
        "The alliances turned a regional conflict between Austria-Hungary and Serbia into a continental war.",
    };
    const h = scoreAnswer({
      question: history,
      answers: ["The assassination of Franz Ferdinand in Sarajevo triggered it, but alliances, militarism and nationalism made it spread."],
    });
    expect(h.score).toBeGreaterThan(55);
  });
});
