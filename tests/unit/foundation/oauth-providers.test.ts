import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "../../../lib/env.ts";

describe("OAuth providers", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
  });

  it("are off by default and turn on only with both an id and a secret", async () => {
    const { oauthProviders } = await import("../../../lib/auth/options.ts");
    vi.stubEnv("AUTH_GITHUB_ID", "");
    vi.stubEnv("AUTH_GOOGLE_ID", "");
    resetEnvForTests();
    expect(oauthProviders()).toEqual([]);
    vi.stubEnv("AUTH_GITHUB_ID", "gh-id");
    resetEnvForTests();
    expect(oauthProviders()).toEqual([]);
    vi.stubEnv("AUTH_GITHUB_SECRET", "gh-secret");
    resetEnvForTests();
    expect(oauthProviders()).toEqual([{ id: "github", label: "GitHub" }]);
  });
});
