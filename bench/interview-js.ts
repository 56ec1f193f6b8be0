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
try {
  const page = await browser.newPage();
  await page.goto(`${base}/sign-up`, { waitUntil: "networkidle" });
  await page.getByLabel("Name").fill("Bundle Meter");
  await page.getByLabel("Email").fill(`bundle-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("measure-bytes-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/practice/);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interview\//);
  const fresh = await browser.newPage({ storageState: await page.context().storageState() });
  const bodies = new Map<string, Buffer>();
  fresh.on("response", async (r) => {
    if (r.url().includes("/_next/static/") && r.url().endsWith(".js")) bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  await fresh.goto(page.url(), { waitUntil: "networkidle" });
  let raw = 0;
  let gz = 0;
  for (const body of bodies.values()) {
    raw += body.length;
    gz += gzipSync(body, { level: 6 }).length;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`interview page: ${bodies.size} JS files, ${kb(raw)} raw, ${kb(gz)} gzipped (budget 250 kB gzipped: ${gz < 250 * 1024 ? "met" : "MISSED"})`);
} finally {
  await browser.close();
}
