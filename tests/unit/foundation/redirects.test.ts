// Moved addresses: the old /scripts pages and /api/scripts routes redirect permanently (308) to
// /kits and /api/kits, a transcript's /sessions/<id>/export to /api/sessions/<id>/export, matched the
// way Next matches them, and next.config.ts serves the table.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MOVED_ADDRESSES } from "@/lib/http/redirects.ts";
import config from "@/next.config.ts";

// Next's own matcher and destination builder, the code that applies `redirects()` at run time.
const require = createRequire(import.meta.url);
const { getPathMatch } = require("next/dist/shared/lib/router/utils/path-match") as {
  getPathMatch: (path: string, options?: { removeUnnamedParams?: boolean; strict?: boolean }) => (pathname: string) => Record<string, unknown> | false;
};
const { prepareDestination } = require("next/dist/shared/lib/router/utils/prepare-destination") as {
  prepareDestination: (args: { appendParamsToQuery: boolean; destination: string; params: Record<string, unknown>; query: Record<string, string> }) => {
    newUrl: string;
  };
};

/** Where a request for `pathname` is sent: the first entry that matches, as Next tries them. */
function redirected(pathname: string): { to: string; permanent: boolean } | null {
  for (const r of MOVED_ADDRESSES) {
    const params = getPathMatch(r.source, { removeUnnamedParams: true, strict: true })(pathname);
    if (params) return { to: prepareDestination({ appendParamsToQuery: false, destination: r.destination, params, query: {} }).newUrl, permanent: r.permanent };
  }
  return null;
}

describe("moved addresses", () => {
  it("covers /scripts, /scripts/:path* and /api/scripts/:path*, all permanent", () => {
    expect(MOVED_ADDRESSES).toEqual(
      expect.arrayContaining([
        { source: "/scripts", destination: "/kits", permanent: true },
        { source: "/scripts/:path*", destination: "/kits/:path*", permanent: true },
        { source: "/api/scripts/:path*", destination: "/api/kits/:path*", permanent: true },
      ]),
    );
  });

  it("sends every old page and API address to its /kits equivalent", () => {
    expect(redirected("/scripts")).toEqual({ to: "/kits", permanent: true });
    expect(redirected("/scripts/new")).toEqual({ to: "/kits/new", permanent: true });
    expect(redirected("/scripts/ck123/scorecards/ck456")).toEqual({ to: "/kits/ck123/scorecards/ck456", permanent: true });
    expect(redirected("/api/scripts")).toEqual({ to: "/api/kits", permanent: true });
    expect(redirected("/api/scripts/ck123/share/ck789")).toEqual({ to: "/api/kits/ck123/share/ck789", permanent: true });
    expect(redirected("/api/scripts/ck123/export")).toEqual({ to: "/api/kits/ck123/export", permanent: true });
  });

  it("sends a transcript's old export address to /api/sessions/<id>/export", () => {
    expect(redirected("/sessions/ck123/export")).toEqual({ to: "/api/sessions/ck123/export", permanent: true });
    expect(redirected("/sessions/ck123")).toBeNull();
  });

  it("leaves the new addresses and share links alone", () => {
    for (const p of ["/kits", "/kits/ck123", "/api/kits/ck123", "/share/abc", "/scriptsx", "/practice"]) expect(redirected(p)).toBeNull();
  });

  it("is what next.config.ts serves", async () => {
    const redirects = config("phase-production-server").redirects;
    expect(redirects).toBeTypeOf("function");
    expect(await redirects!()).toEqual(MOVED_ADDRESSES);
  });
});
