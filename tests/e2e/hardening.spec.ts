// What an attacker tried (issue 12), against the production build in Chromium.
import { expect, test } from "@playwright/test";
import { STRICT_PORT } from "../../playwright.config";
import { AuthPage, newAccount } from "./pages/auth-page";

const EVIL = "http://evil.example";

test.describe("open redirects after sign-in", () => {
  test.beforeEach(async ({ page }) => {
    // Were the browser sent there, it would land on this page rather than a DNS error.
    await page.route(`${EVIL}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }));
  });

  const ours = (url: string) => new URL(url).hostname === "127.0.0.1";

  test("callbackUrl=/%09/evil.example stays on the site after signing up, when signed in, and after signing in", async ({ page }) => {
    const account = newAccount("redirect");
    await page.goto("/sign-up?callbackUrl=/%09/evil.example");
    await page.getByLabel("Name").fill(account.name);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
    expect(ours(page.url()), page.url()).toBe(true);

    // Already signed in: the sign-in page redirects at once.
    for (const evil of ["/%09/evil.example", "/%0A/evil.example", "/%5C/evil.example", "%09//evil.example"]) {
      await page.goto(`/sign-in?callbackUrl=${evil}`);
      await page.waitForLoadState("networkidle");
      expect(ours(page.url()), `${evil} -> ${page.url()}`).toBe(true);
    }

    await new AuthPage(page).signOut();
    await page.goto("/sign-in?callbackUrl=/%09/evil.example");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
    expect(ours(page.url()), page.url()).toBe(true);
  });

  test("CR/LF in callbackUrl is not a 500 and sets no header", async ({ page }) => {
    await new AuthPage(page).signUp(newAccount("crlf"));
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
    const res = await page.request.get("/sign-in?callbackUrl=%2F%0D%0ASet-Cookie%3A%20pwned%3D1", { maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
    expect(res.headers()["set-cookie"] ?? "").not.toContain("pwned");
  });
});

test.describe("request bodies are capped", () => {
  test("an oversized sign-up or next-auth callback is a 413 with a JSON error", async ({ request }) => {
    const big = "x".repeat(2 * 1024 * 1024);
    const signUp = await request.post("/api/auth/sign-up", {
      headers: { "content-type": "application/json" },
      data: JSON.stringify({ name: big, email: "a@example.com", password: "long-password-1" }),
    });
    expect(signUp.status()).toBe(413);
    expect((await signUp.json()).error.message).toMatch(/too large/);
    const callback = await request.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: `email=a%40example.com&password=${big}`,
    });
    expect(callback.status()).toBe(413);
    expect((await callback.json()).error.message).toMatch(/too large/);
  });
});

test.describe("rate limits", () => {
  test("a spoofed X-Forwarded-For does not buy more sign-ups (limit 3 per minute on this server)", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${STRICT_PORT}` });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request.post("/api/auth/sign-up", {
        headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` },
        data: { name: "Spoofer", email: `spoof-${Date.now()}-${i}@example.com`, password: "spoof-password-1" },
      });
      statuses.push(res.status());
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    await request.dispose();
  });
});

test.describe("security headers", () => {
  test("pages render under the Content-Security-Policy with no violation, charts and theme switch included", async ({ page }) => {
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const check = async (path: string) => {
      const res = await page.goto(path);
      expect(res!.status(), path).toBeLessThan(400);
      const headers = res!.headers();
      expect(headers["content-security-policy"], path).toContain("default-src 'self'");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"], `${path}: no HSTS over plain http`).toBeUndefined();
      await page.waitForLoadState("networkidle");
      violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    };
    for (const path of ["/", "/sign-in", "/sign-up", "/bank"]) await check(path);
    await new AuthPage(page).signUp(newAccount("csp"));
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
    for (const path of ["/practice", "/progress", "/sessions", "/settings", "/bank"]) await check(path);
    // The theme switch (next-themes' inline script and class change) works under the policy.
    const theme = page.getByRole("button", { name: /theme/i }).first();
    if (await theme.isVisible()) await theme.click();
    expect(violations).toEqual([]);
  });
});
