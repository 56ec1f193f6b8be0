import { describe, expect, it } from "vitest";
import { processWide } from "../../../lib/process-wide/index.ts";

describe("processWide", () => {
  it("creates a key's value once and hands the same object to every caller (every bundle of the process)", () => {
    let created = 0;
    const first = processWide("replyRelay", () => ({ n: ++created }));
    const again = processWide("replyRelay", () => ({ n: ++created }));
    expect(again).toBe(first);
    expect(created).toBe(1);
    // Kept on globalThis, not in this module: another copy of the module finds the same value.
    expect(Object.values((globalThis as { __interviewStudioProcessWide?: object }).__interviewStudioProcessWide ?? {})).toContain(first);
  });
});
