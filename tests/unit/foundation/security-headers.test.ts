// Security headers: the CSP and friends on every response, HSTS and Secure cookies over https.
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env.ts";
import { contentSecurityPolicy, requestIsHttps, staticSecurityHeaders } from "@/lib/http/security-headers.ts";

describe("security headers", () => {
  it("a production CSP without eval, plugins, framing or foreign fetches", () => {
    const csp = contentSecurityPolicy(false);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(contentSecurityPolicy(true)).toContain("'unsafe-eval'");
    const names = staticSecurityHeaders(false).map((h) => h.key);
    expect(names).toEqual(expect.arrayContaining(["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]));
  });

  it("https comes from NEXTAUTH_URL, or from X-Forwarded-Proto only behind trusted proxies", () => {
    const forwarded = new Headers({ "x-forwarded-proto": "https" });
    expect(requestIsHttps(undefined, { NEXTAUTH_URL: "https://app.example", TRUST_PROXY: 0 })).toBe(true);
    expect(requestIsHttps(forwarded, { NEXTAUTH_URL: undefined, TRUST_PROXY: 0 })).toBe(false);
    expect(requestIsHttps(forwarded, { NEXTAUTH_URL: undefined, TRUST_PROXY: 1 })).toBe(true);
    expect(requestIsHttps(new Headers({ "x-forwarded-proto": "https, http" }), { NEXTAUTH_URL: undefined, TRUST_PROXY: 1 })).toBe(false);
    expect(requestIsHttps(new Headers(), { NEXTAUTH_URL: "http://localhost:3000", TRUST_PROXY: 1 })).toBe(false);
  });

  describe("session cookies", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      resetEnvForTests();
    });

    it("are Secure behind a trusted https proxy even without NEXTAUTH_URL, and not over plain http", async () => {
      vi.stubEnv("AUTH_SECRET", "s".repeat(48));
      vi.stubEnv("NEXTAUTH_URL", "");
      vi.stubEnv("TRUST_PROXY", "1");
      resetEnvForTests();
      const { authOptions } = await import("@/lib/auth/options.ts");
      expect(authOptions(new Headers({ "x-forwarded-proto": "https" })).useSecureCookies).toBe(true);
      expect(authOptions(new Headers({ "x-forwarded-proto": "http" })).useSecureCookies).toBe(false);
      vi.stubEnv("TRUST_PROXY", "0");
      resetEnvForTests();
      expect(authOptions(new Headers({ "x-forwarded-proto": "https" })).useSecureCookies).toBe(false);
    });
  });
});
