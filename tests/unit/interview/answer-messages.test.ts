import { describe, expect, it } from "vitest";
import {
  checkLength,
  counterText,
  draftStateFromNetworkError,
  draftStateFromResponse,
  draftStatusText,
  insideCodeFence,
  personWords,
  sendErrorMessage,
  timeUpText,
  tooLongMessage,
  warningLevel,
  warningText,
  wasRefused,
} from "../../../components/interview/answer-messages.ts";
import { sayDuration, sayMinutes } from "../../../lib/format/duration.ts";
import { MAX_ANSWER_CHARS } from "../../../lib/sessions/limits.ts";
import { MAX_ANSWER_CHARS as SCHEMA_MAX, draftBodySchema } from "../../../lib/sessions/schemas.ts";

describe("durations as people say them", () => {
  it.each([
    [0, "0 seconds"],
    [1_000, "1 second"],
    [15_000, "15 seconds"],
    [60_000, "1 minute"],
    [90_000, "1 minute 30 seconds"],
    [125_000, "2 minutes 5 seconds"],
    [3_600_000, "1 hour"],
    [3_900_000, "1 hour 5 minutes"],
  ])("%i ms is %s", (ms, words) => expect(sayDuration(ms)).toBe(words));

  it("says the set-up's minutes without decimals", () => {
    expect(sayMinutes(0.25)).toBe("15 seconds");
    expect(sayMinutes(1.5)).toBe("1 minute 30 seconds");
    expect(sayMinutes(4)).toBe("4 minutes");
  });
});

describe("the answer's length", () => {
  it("is the server's limit", () => expect(MAX_ANSWER_CHARS).toBe(SCHEMA_MAX));

  it("shows a counter near the limit and says how far over it is", () => {
    expect(checkLength("x".repeat(100)).showCounter).toBe(false);
    const near = checkLength("x".repeat(18_500));
    expect(near.showCounter).toBe(true);
    expect(counterText(near)).toBe("18,500 of 20,000 characters");
    const over = checkLength("x".repeat(20_001));
    expect(over.over).toBe(1);
    expect(counterText(over)).toBe("20,001 of 20,000 characters: 1 over the limit");
    expect(tooLongMessage(over)).toBe(
      "Your answer is 20,001 characters long and the limit is 20,000. Shorten it by 1 character to send it; nothing has been sent and your text is kept here.",
    );
  });

  it("the server's draft refusal has no field path", () => {
    const parsed = draftBodySchema.safeParse({ questionIndex: 0, text: "x".repeat(MAX_ANSWER_CHARS + 1) });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe("Answers are limited to 20,000 characters.");
  });
});

describe("draft-save status says what happened", () => {
  it("saved, refused, conflict, signed out, server error", () => {
    expect(draftStatusText(draftStateFromResponse(200, ""))).toBe("Draft saved");
    expect(
      draftStatusText(
        draftStateFromResponse(400, JSON.stringify({ error: { code: "bad_request", message: "text: Answers are limited to 20,000 characters." } })),
      ),
    ).toBe("Draft kept on this device only: the server refused it (answers are limited to 20,000 characters).");
    expect(
      draftStatusText(
        draftStateFromResponse(409, JSON.stringify({ error: { code: "conflict", message: "This question is no longer open: the draft was not saved." } })),
      ),
    ).toBe("Draft kept on this device only: this question is no longer open: the draft was not saved.");
    expect(draftStatusText(draftStateFromResponse(401, JSON.stringify({ error: { code: "unauthorized", message: "Sign in to continue." } })))).toMatch(
      /signed out/,
    );
    expect(draftStatusText(draftStateFromResponse(500, "<html>"))).toMatch(/server had a problem/);
  });

  it("offline and unreachable are told apart", () => {
    expect(draftStatusText(draftStateFromNetworkError(false))).toMatch(/^You are offline/);
    expect(draftStatusText(draftStateFromNetworkError(true))).toMatch(/could not be reached/);
    expect(draftStatusText({ kind: "too-long", over: 1 })).toMatch(/1 character over the 20,000-character limit/);
  });
});

describe("send errors", () => {
  it("drop field paths and say the text is kept", () => {
    expect(personWords("text: Answers are limited to 20,000 characters.")).toBe("Answers are limited to 20,000 characters.");
    expect(personWords("questionIndex: Too small; text: write an answer before sending it.")).toBe("Too small Write an answer before sending it.");
    const raw = JSON.stringify({ error: { code: "bad_request", message: "text: Answers are limited to 20,000 characters." } });
    expect(sendErrorMessage(400, raw)).toBe("Your answer was not sent: answers are limited to 20,000 characters. Your answer is still in the box.");
    expect(sendErrorMessage(undefined, "Failed to fetch")).toMatch(/could not be reached/);
    expect(sendErrorMessage(429, JSON.stringify({ error: { code: "rate_limited", message: "Too many" } }))).toMatch(/Wait a minute/);
  });

  it("a refusal puts the answer back; a broken stream after acceptance does not", () => {
    expect(wasRefused(400, "{}")).toBe(true);
    expect(wasRefused(undefined, "Failed to fetch")).toBe(true);
    expect(wasRefused(undefined, "stream interrupted")).toBe(false);
  });
});

describe("time-up", () => {
  it("warns at one minute and ten seconds", () => {
    expect(warningLevel(null)).toBe("none");
    expect(warningLevel(61_000)).toBe("none");
    expect(warningLevel(59_800)).toBe("minute");
    expect(warningText("minute", 59_800)).toBe("1 minute left for this question.");
    expect(warningText("minute", 14_200)).toBe("15 seconds left for this question.");
    expect(warningLevel(9_900)).toBe("ten-seconds");
    expect(warningText("ten-seconds", 9_900)).toBe("10 seconds left. What you have typed is sent when the time is up.");
    expect(warningLevel(0)).toBe("up");
  });

  it("says what was sent and why", () => {
    expect(timeUpText({ chars: 0, words: 0, cut: 0 })).toMatch(/no answer was sent/);
    expect(timeUpText({ chars: 20, words: 4, cut: 0 })).toBe(
      "Time is up: the clock for this question reached zero, so what you had typed (4 words) was sent as your answer.",
    );
    expect(timeUpText({ chars: 20_000, words: 1, cut: 5 })).toMatch(/last 5 characters were over the 20,000-character limit/);
  });
});

describe("Tab in the answer box", () => {
  it("indents only inside a fenced code block", () => {
    const text = "The GIL…\n```python\ndef f():\n    pass\n```\nAfter.";
    expect(insideCodeFence(text, 5)).toBe(false);
    expect(insideCodeFence(text, text.indexOf("def") + 3)).toBe(true);
    expect(insideCodeFence(text, text.indexOf("After"))).toBe(false);
  });
});
