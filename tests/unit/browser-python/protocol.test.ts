// The Python worker's output cap, traceback cleaning and stop messages (lib/browser-python/protocol.ts).
import { describe, expect, it } from "vitest";
import { appendCapped, cleanTraceback, explainError, stopMessage, TRUNCATED_NOTE } from "@/lib/browser-python/protocol.ts";

describe("appendCapped", () => {
  it("appends while under the cap", () => {
    expect(appendCapped("ab", "cd", 10)).toBe("abcd");
    expect(appendCapped("ab", "cdefghij", 10)).toBe("abcdefghij");
  });

  it("cuts at the cap and notes the cut once, then ignores further output", () => {
    const cut = appendCapped("abcdefgh", "ijkl", 10);
    expect(cut).toBe(`abcdefghij${TRUNCATED_NOTE}`);
    expect(appendCapped(cut, "more", 10)).toBe(cut);
  });
});

describe("cleanTraceback", () => {
  const pyodideTraceback = [
    "Traceback (most recent call last):",
    '  File "/lib/python313.zip/_pyodide/_base.py", line 597, in eval_code_async',
    "    await CodeRunner(",
    "    ...<9 lines>...",
    '  File "/lib/python313.zip/_pyodide/_base.py", line 411, in run_async',
    "    coroutine = eval(self.code, globals, locals)",
    '  File "<task>", line 2, in <module>',
    "    make_counter()",
    "    ^^^^^^^^^^^^",
    "NameError: name 'make_counter' is not defined",
    "",
  ].join("\n");

  it("keeps the header, the candidate's frames and the exception, dropping Pyodide's frames", () => {
    expect(cleanTraceback(pyodideTraceback)).toBe(
      [
        "Traceback (most recent call last):",
        '  File "<task>", line 2, in <module>',
        "    make_counter()",
        "    ^^^^^^^^^^^^",
        "NameError: name 'make_counter' is not defined",
      ].join("\n"),
    );
  });

  it("leaves a message without frames alone", () => {
    expect(cleanTraceback('  File "<task>", line 1\n    def (\n        ^\nSyntaxError: invalid syntax')).toBe(
      '  File "<task>", line 1\n    def (\n        ^\nSyntaxError: invalid syntax',
    );
    expect(cleanTraceback("Python is not loaded.")).toBe("Python is not loaded.");
  });

  it("drops standard library frames too (they live under /lib/python, like Pyodide's own)", () => {
    const text =
      'Traceback (most recent call last):\n  File "<task>", line 1, in <module>\n    json.loads("{")\n  File "/lib/python313.zip/json/__init__.py", line 352, in loads\n    return _default_decoder.decode(s)\njson.decoder.JSONDecodeError: Expecting property name';
    expect(cleanTraceback(text)).toBe(
      'Traceback (most recent call last):\n  File "<task>", line 1, in <module>\n    json.loads("{")\njson.decoder.JSONDecodeError: Expecting property name',
    );
  });
});

describe("stopMessage", () => {
  it("says who stopped the run", () => {
    expect(stopMessage("user", 10_000)).toBe("Stopped.");
    expect(stopMessage("time-limit", 10_000)).toBe("Stopped: the code ran longer than the 10 s limit.");
  });
});

describe("explainError", () => {
  it("adds a note to errors that come from the browser's Python, not from the code", () => {
    expect(explainError("Traceback ...\nRuntimeError: can't start new thread")).toMatch(/\n\nThreads cannot start when Python runs in the browser/);
    expect(explainError("Traceback ...\nOSError: [Errno 29] I/O error")).toMatch(/input\(\) has nothing to read here/);
  });

  it("leaves the code's own errors alone", () => {
    expect(explainError("NameError: name 'x' is not defined")).toBe("NameError: name 'x' is not defined");
  });
});
