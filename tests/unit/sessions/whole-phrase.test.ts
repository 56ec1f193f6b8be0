import { describe, expect, it } from "vitest";
import { snapToWords, wholePhrase } from "../../../components/sessions/quotes.ts";
import { answeredSentence } from "../../../lib/format/count.ts";

describe("quotes of the candidate's words", () => {
  const text = "I would use asyncio.create_task to start it. Then gather them all; the GIL is released on I/O.";

  it("widens a span cut inside an identifier to the whole identifier", () => {
    const start = text.indexOf("create_task") + 3;
    const r = snapToWords(text, start, start + 4);
    expect(text.slice(r.start, r.end)).toBe("asyncio.create_task");
  });

  it("quotes a lone word as its clause, never a single word", () => {
    const at = text.indexOf("GIL");
    expect(wholePhrase(text, { start: at, end: at + 3, text: "GIL" })).toBe("the GIL is released on I/O.");
  });

  it("keeps a phrase that is already whole", () => {
    const at = text.indexOf("gather them all");
    expect(wholePhrase(text, { start: at, end: at + 15, text: "gather them all" })).toBe("gather them all");
  });
});

describe("answeredSentence", () => {
  it("counts as people do", () => {
    expect(answeredSentence(1, 1)).toBe("You answered the question.");
    expect(answeredSentence(2, 2)).toBe("You answered both questions.");
    expect(answeredSentence(3, 3)).toBe("You answered all three questions.");
    expect(answeredSentence(1, 3)).toBe("You answered one of three questions.");
    expect(answeredSentence(0, 2)).toBe("You did not answer either question.");
  });
});
