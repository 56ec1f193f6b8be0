import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { MOVED_ADDRESSES } from "./lib/http/redirects.ts";
import { CROSS_ORIGIN_ISOLATION, PYTHON_RUNNER_PAGES, PYTHON_WORKER_PATHS, pythonWorkerHeaders, staticSecurityHeaders } from "./lib/http/security-headers.ts";

export default function config(phase: string): NextConfig {
  return {
    // NEXT_DIST_DIR: build into (and serve from) another folder than .next, so a test or benchmark
    // can build without breaking someone else's `next build` (tests/integration/two-instances.test.ts).
    // A build-tool setting read by Next itself, not by the app (the app's settings are lib/env.ts).
    distDir: process.env.NEXT_DIST_DIR || ".next",
    // Native and WASM packages stay outside the server bundle: Node loads them at run time.
    serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "pg", "shiki"],
    poweredByHeader: false,
    // Dev resources (HMR) also answer on 127.0.0.1, which local tools and tests use.
    allowedDevOrigins: ["127.0.0.1"],
    typedRoutes: false,
    // Read from the app's folder at run time: the shipped banks, and generic mode's synonym table.
    outputFileTracingIncludes: { "/**": ["./content/**/*", "./lib/scoring/wordnet/synonyms.json"] },
    async headers() {
      const dev = phase === PHASE_DEVELOPMENT_SERVER;
      // CSP, Permissions-Policy and friends on every response; HSTS is added per request in proxy.ts.
      // Cross-origin isolation only where Python runs in the browser; its worker's files get COEP and
      // a CSP that allows WebAssembly (later rules override earlier ones for the same header).
      return [
        { source: "/:path*", headers: staticSecurityHeaders(dev) },
        ...PYTHON_RUNNER_PAGES.map((source) => ({ source, headers: CROSS_ORIGIN_ISOLATION })),
        ...PYTHON_WORKER_PATHS.map((source) => ({ source, headers: pythonWorkerHeaders(dev) })),
        // Versioned folder (public/pyodide/<version>/): its files never change under their name.
        { source: "/pyodide/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      ];
    },
    // Old addresses of pages and routes that moved (308: methods and bodies are kept).
    async redirects() {
      return MOVED_ADDRESSES;
    },
  };
}
