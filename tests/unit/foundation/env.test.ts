import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../../lib/env.ts";

describe("environment", () => {
  it("needs nothing: SQLite in ./data, offline interviewer, port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toBe(path.resolve("data"));
    expect(env.INTERVIEWER_MODEL).toBe("local:rubric");
    expect(env.PORT).toBe(3000);
  });

  it("names the variable and what is wrong with it", () => {
    const error = (() => {
      try {
        parseEnv({ DATABASE_URL: "mysql://db/x", PORT: "http" });
      } catch (e) {
        return e as EnvError;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error!.message).toContain("DATABASE_URL: must start with file: (SQLite) or postgres://");
    expect(error!.message).toContain('got "mysql://db/x"');
    expect(error!.message).toMatch(/PORT: .*got "http"/);
  });

  it("never prints a secret's value", () => {
    expect(() => parseEnv({ OPENAI_BASE_URL: "ftp://x", OPENAI_API_KEY: "sk-secret" })).toThrow(/OPENAI_BASE_URL/);
    try {
      parseEnv({ OPENAI_API_KEY: "", INTERVIEWER_MODEL: "gpt-4" });
    } catch (e) {
      expect(String(e)).not.toContain("sk-");
      expect(String(e)).toContain("INTERVIEWER_MODEL");
    }
  });

  it("asks for a key or a base URL when an OpenAI model is chosen", () => {
    expect(() => parseEnv({ INTERVIEWER_MODEL: "openai:gpt-4.1-mini" })).toThrow(/needs OPENAI_API_KEY/);
    expect(parseEnv({ INTERVIEWER_MODEL: "openai:llama3", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" }).INTERVIEWER_MODEL).toBe("openai:llama3");
  });
});
