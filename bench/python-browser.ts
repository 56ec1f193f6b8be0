// npm run bench:python: Python in the browser (Pyodide in a worker, components/code/code-task-panel.tsx)
// in Chromium against a running production server: BASE_URL (default http://127.0.0.1:3000).
// Measures, on a bank question with a task: (1) cold: the first Run in a fresh browser profile
// (download + compile + start), as the candidate waits for it (click to output) and as the worker
// reports its load; (2) warm: the first Run after a reload, files from the HTTP cache; (3) a
// snippet's run time as the worker reports it, after one warm-up run. `--runs N` (default 5).
import { chromium, type Page } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const QUESTION = "/bank/python-closures";
const SNIPPET = "total = sum(i * i for i in range(100_000))\nprint(total)\n";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

async function setCode(page: Page, code: string) {
  await page.getByRole("textbox", { name: "Your code (Python)" }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

/** Clicks Run and waits for this run's output; returns the wall time and the run time the panel shows. */
async function run(page: Page): Promise<{ wallMs: number; runMs: number }> {
  const before = await page
    .getByTestId("run-output")
    .textContent()
    .catch(() => null);
  const started = Date.now();
  await page.getByRole("button", { name: "Run" }).click();
  await page.waitForFunction(
    (previous) => {
      const out = document.querySelector("[data-testid=run-output]");
      return out !== null && out.textContent !== previous && !document.body.textContent?.includes("Running…");
    },
    before,
    { timeout: 120_000, polling: 20 },
  );
  const wallMs = Date.now() - started;
  const text = (await page.getByTestId("run-output").textContent()) ?? "";
  return { wallMs, runMs: Number(/in (\d+) ms/.exec(text)?.[1] ?? NaN) };
}

async function loadMs(page: Page) {
  return Number(await page.locator("[data-python-load-ms]").getAttribute("data-python-load-ms"));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

try {
  const cold: number[] = [];
  const coldLoad: number[] = [];
  const warm: number[] = [];
  const warmLoad: number[] = [];
  const snippet: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}${QUESTION}`, { waitUntil: "networkidle" });
    await setCode(page, "print('hello')\n");
    cold.push((await run(page)).wallMs);
    coldLoad.push(await loadMs(page));
    await setCode(page, SNIPPET);
    await run(page); // warm-up
    snippet.push((await run(page)).runMs);
    await page.reload({ waitUntil: "networkidle" });
    await setCode(page, "print('hello')\n");
    warm.push((await run(page)).wallMs);
    warmLoad.push(await loadMs(page));
    await context.close();
  }
  const row = (name: string, xs: number[]) => console.log(`${name}: median ${median(xs)} ms (min ${Math.min(...xs)}, max ${Math.max(...xs)}; n=${xs.length})`);
  row("cold first run, click to output", cold);
  row("cold load as the worker reports it", coldLoad);
  row("warm first run after reload (HTTP cache), click to output", warm);
  row("warm load as the worker reports it", warmLoad);
  row(`snippet run time (${SNIPPET.split("\n")[0]})`, snippet);
} finally {
  await browser.close();
}
