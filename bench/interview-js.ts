// npm run bench:js: JavaScript an interview page loads (gzipped), against the DESIGN budget of
// 250 kB. Needs a running production server: BASE_URL (default http://127.0.0.1:3000).
// Signs up a throwaway user, starts an interview, reloads its page, and sums the /_next JS.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
/**
 * The JS an interview page loads after a reload, on one question: without a coding task (the
 * budget applies: the code editor and Python must not load), and with one (the editor loads when
 * the candidate opens it, Python on the first Run: neither is among the page's first files).
 */
async function measure(page: import("@playwright/test").Page, questionId: string) {
  await page.goto(`${base}/bank/${questionId}`, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Practise this question" }).click();
  await page.waitForURL(/\/interview\//);
  const fresh = await browser.newPage({ storageState: await page.context().storageState() });
  const bodies = new Map<string, Buffer>();
  let pyodide = 0;
  fresh.on("response", async (r) => {
    if (r.url().includes("/pyodide/")) pyodide += 1;
    if (r.url().includes("/_next/static/") && r.url().endsWith(".js")) bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  await fresh.goto(page.url(), { waitUntil: "networkidle" });
  await fresh.close();
  let raw = 0;
  let gz = 0;
  for (const body of bodies.values()) {
    raw += body.length;
    gz += gzipSync(body, { level: 6 }).length;
  }
  return { files: bodies.size, raw, gz, pyodide };
}

try {
  const page = await browser.newPage();
  await page.goto(`${base}/sign-up`, { waitUntil: "networkidle" });
  await page.getByLabel("Name").fill("Bundle Meter");
  await page.getByLabel("Email").fill(`bundle-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("measure-bytes-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/practice/);
  await page.waitForLoadState("networkidle");
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const plain = await measure(page, "python-memory-model");
  console.log(
    `interview page, no coding task: ${plain.files} JS files, ${kb(plain.raw)} raw, ${kb(plain.gz)} gzipped (budget 250 kB gzipped: ${plain.gz < 250 * 1024 ? "met" : "MISSED"})`,
  );
  const task = await measure(page, "python-closures");
  console.log(
    `interview page, with a coding task (the editor loads when the candidate opens it): ${task.files} JS files, ${kb(task.raw)} raw, ${kb(task.gz)} gzipped; Python files loaded: ${task.pyodide} (loaded on the first Run only)`,
  );
} finally {
  await browser.close();
}
