import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** A second app server whose interviewer is an LLM: a local OpenAI-compatible server stands in for the provider. */
export const LLM_PORT = PORT + 1;
const FAKE_OPENAI_PORT = PORT + 2;
/** A third app server with a tiny sign-in/sign-up limit, for the tests that exhaust it (tests/e2e/hardening.spec.ts). */
export const STRICT_PORT = PORT + 3;

// End-to-end tests run against a production build (npm test builds first) with a fresh data folder,
// in Debian's Chromium: Playwright may not download its own browsers on these machines.
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `node tests/support/e2e-server.ts`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { PORT: String(PORT) },
    },
    {
      command: `node tests/support/openai-server-cli.ts`,
      port: FAKE_OPENAI_PORT,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { FAKE_OPENAI_PORT: String(FAKE_OPENAI_PORT) },
    },
    {
      command: `node tests/support/e2e-server.ts`,
      url: `http://127.0.0.1:${LLM_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(LLM_PORT),
        INTERVIEWER_MODEL: "openai:fake-model",
        OPENAI_BASE_URL: `http://127.0.0.1:${FAKE_OPENAI_PORT}/v1`,
        OPENAI_API_KEY: "test-key",
        SCORER_MODEL: "local:rubric",
        LLM_TIMEOUT_MS: "3000",
      },
    },
    {
      command: `node tests/support/e2e-server.ts`,
      url: `http://127.0.0.1:${STRICT_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { PORT: String(STRICT_PORT), RATE_LIMIT_AUTH_PER_MINUTE: "3" },
    },
  ],
});
