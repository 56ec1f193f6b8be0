// How the in-browser Python is served: the pinned Pyodide version, and the headers next.config.ts
// sends (cross-origin isolation on the runner's pages only; the worker's files may compile WebAssembly).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PYODIDE_BASE_PATH, PYODIDE_VERSION } from "@/lib/browser-python/pyodide-assets.ts";
import { contentSecurityPolicy } from "@/lib/http/security-headers.ts";
import config from "@/next.config.ts";

const root = path.resolve(import.meta.dirname, "../../..");

describe("Pyodide's files", () => {
  it("are pinned to one exact version, the one package.json installs", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.pyodide).toBe(PYODIDE_VERSION);
    expect(PYODIDE_BASE_PATH).toBe(`/pyodide/${PYODIDE_VERSION}/`);
  });
});

describe("headers", () => {
  async function headersFor(source: string) {
    const rules = (await config("phase-production-build").headers?.()) ?? [];
    const merged = new Map<string, string>();
    // Later rules override earlier ones for the same header, as Next applies them.
    for (const rule of rules) if (rule.source === source || rule.source === "/:path*") for (const h of rule.headers) merged.set(h.key, h.value);
    return merged;
  }

  it("make the pages that run Python (bank questions, the interview room) cross-origin isolated, and no other page", async () => {
    for (const page of ["/bank/:id", "/interview/:id"]) {
      const headers = await headersFor(page);
      expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
      expect(headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
      expect(headers.get("Content-Security-Policy")).toBe(contentSecurityPolicy(false));
    }
    const rules = (await config("phase-production-build").headers?.()) ?? [];
    const isolated = rules.filter((r) => r.headers.some((h) => h.key === "Cross-Origin-Embedder-Policy")).map((r) => r.source);
    expect(isolated.sort()).toEqual(["/_next/static/:path*", "/bank/:id", "/interview/:id", "/pyodide/:path*"]);
  });

  it("let only the worker's files compile WebAssembly, never with eval", async () => {
    for (const source of ["/_next/static/:path*", "/pyodide/:path*"]) {
      const csp = (await headersFor(source)).get("Content-Security-Policy") ?? "";
      expect(csp).toContain("script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'");
      expect(csp).not.toMatch(/'unsafe-eval'/);
    }
    expect(contentSecurityPolicy(false)).not.toContain("wasm-unsafe-eval");
  });

  it("cache the versioned Pyodide folder for good", async () => {
    expect((await headersFor("/pyodide/:path*")).get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });
});
